import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { districts, enterprises, organizations, users, type Role } from '../../db/schema/index.js';
import { likeEscape } from '../../lib/like.js';

export type DistrictRow = typeof districts.$inferSelect;
export type OrganizationRow = typeof organizations.$inferSelect;
export type UserRow = typeof users.$inferSelect;

/** A search term is matched literally: % and _ typed by the user are not wildcards. */

export async function listDistricts(db: Executor): Promise<DistrictRow[]> {
  return db.select().from(districts).orderBy(asc(districts.sortOrder), asc(districts.code));
}

export async function findDistrict(db: Executor, id: number): Promise<DistrictRow | undefined> {
  return (await db.select().from(districts).where(eq(districts.id, id)))[0];
}

/** A district by its id, 6-digit code or Chinese name (with or without the 区/县/市 suffix variants). */
export async function findDistrictByRef(db: Executor, ref: string): Promise<DistrictRow | undefined> {
  const r = ref.trim();
  const rows = await db
    .select()
    .from(districts)
    .where(/^\d{6}$/.test(r) ? eq(districts.code, r) : or(eq(districts.name, r), sql`${districts.name} like ${r + '(%'}`));
  return rows[0];
}

export async function insertDistrict(tx: Executor, row: typeof districts.$inferInsert): Promise<DistrictRow> {
  return (await tx.insert(districts).values(row).returning())[0];
}

export async function updateDistrict(tx: Executor, id: number, set: Partial<typeof districts.$inferInsert>): Promise<DistrictRow | undefined> {
  return (await tx.update(districts).set(set).where(eq(districts.id, id)).returning())[0];
}

export async function districtInUse(db: Executor, id: number): Promise<boolean> {
  const rows = await db.execute(
    sql`select 1 from ${enterprises} where ${enterprises.districtId} = ${id} union all select 1 from ${organizations} where ${organizations.districtId} = ${id} limit 1`,
  );
  return (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows).length > 0;
}

export async function deleteDistrict(tx: Executor, id: number): Promise<void> {
  await tx.delete(districts).where(eq(districts.id, id));
}

export interface OrgFilter {
  q?: string;
  kind?: string;
  districtId?: number;
}

export async function listOrganizations(db: Executor, f: OrgFilter) {
  const conds: SQL[] = [];
  if (f.q) {
    conds.push(ilike(organizations.name, `%${likeEscape(f.q)}%`));
  }
  if (f.kind) {
    conds.push(eq(organizations.kind, f.kind as OrganizationRow['kind']));
  }
  if (f.districtId) {
    conds.push(eq(organizations.districtId, f.districtId));
  }
  return db
    .select({ org: organizations, districtName: districts.name })
    .from(organizations)
    .leftJoin(districts, eq(districts.id, organizations.districtId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(organizations.id))
    .limit(1000);
}

export async function findOrganization(db: Executor, id: number): Promise<OrganizationRow | undefined> {
  return (await db.select().from(organizations).where(eq(organizations.id, id)))[0];
}

export async function insertOrganization(tx: Executor, row: typeof organizations.$inferInsert): Promise<OrganizationRow> {
  return (await tx.insert(organizations).values(row).returning())[0];
}

export async function updateOrganization(
  tx: Executor,
  id: number,
  version: number,
  set: Partial<typeof organizations.$inferInsert>,
): Promise<OrganizationRow | undefined> {
  const rows = await tx
    .update(organizations)
    .set({ ...set, updatedAt: new Date(), version: sql`${organizations.version} + 1` })
    .where(and(eq(organizations.id, id), eq(organizations.version, version)))
    .returning();
  return rows[0];
}

export async function findEnterpriseDistrict(db: Executor, enterpriseId: number): Promise<number | undefined> {
  const rows = await db.select({ districtId: enterprises.districtId }).from(enterprises).where(eq(enterprises.id, enterpriseId));
  return rows[0]?.districtId;
}

export interface UserFilter {
  q?: string;
  organizationId?: number;
  role?: Role;
}

export async function listUsers(db: Executor, f: UserFilter) {
  const conds: SQL[] = [];
  if (f.q) {
    conds.push(or(ilike(users.username, `%${likeEscape(f.q)}%`), ilike(users.displayName, `%${likeEscape(f.q)}%`))!);
  }
  if (f.organizationId) {
    conds.push(eq(users.organizationId, f.organizationId));
  }
  if (f.role) {
    conds.push(sql`${f.role} = any(${users.roles})`);
  }
  return db
    .select({ user: users, organizationName: organizations.name })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(users.id))
    .limit(1000);
}

export async function findUser(db: Executor, id: number): Promise<UserRow | undefined> {
  return (await db.select().from(users).where(eq(users.id, id)))[0];
}

export async function insertUser(tx: Executor, row: typeof users.$inferInsert): Promise<UserRow> {
  return (await tx.insert(users).values(row).returning())[0];
}

export async function updateUser(tx: Executor, id: number, version: number | null, set: Partial<typeof users.$inferInsert>): Promise<UserRow | undefined> {
  const rows = await tx
    .update(users)
    .set({ ...set, updatedAt: new Date(), version: sql`${users.version} + 1` })
    .where(version === null ? eq(users.id, id) : and(eq(users.id, id), eq(users.version, version)))
    .returning();
  return rows[0];
}
