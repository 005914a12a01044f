import { and, asc, desc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { cases, enterpriseShareholdings, enterprises, expertLinks, experts, panelDraws, panelMembers, users } from '../../db/schema/index.js';
import { likeEscape } from '../../lib/like.js';

export type ExpertRow = typeof experts.$inferSelect;
export type NewExpertRow = typeof experts.$inferInsert;
export type LinkRow = typeof expertLinks.$inferSelect;
export type DrawRow = typeof panelDraws.$inferSelect;
export type MemberRow = typeof panelMembers.$inferSelect;

export interface ExpertFilter {
  q?: string;
  category?: ExpertRow['category'];
  field?: string;
  active?: boolean;
}

export function filterCondition(f: ExpertFilter): SQL | undefined {
  const conds: SQL[] = [];
  if (f.q) {
    const q = `%${likeEscape(f.q)}%`;
    conds.push(or(ilike(experts.name, q), ilike(experts.organization, q))!);
  }
  if (f.category) {
    conds.push(eq(experts.category, f.category));
  }
  if (f.field) {
    conds.push(sql`${experts.fields} @> array[${f.field}]::text[]`);
  }
  if (f.active !== undefined) {
    conds.push(eq(experts.active, f.active));
  }
  return conds.length ? and(...conds) : undefined;
}

export async function listPage(db: Executor, opts: { where: SQL | undefined; afterId?: number; limit: number }): Promise<ExpertRow[]> {
  const where = opts.afterId !== undefined ? and(opts.where, gt(experts.id, opts.afterId)) : opts.where;
  return db.select().from(experts).where(where).orderBy(asc(experts.id)).limit(opts.limit);
}

export async function findExpert(db: Executor, id: number, forUpdate = false): Promise<ExpertRow | null> {
  const q = db.select().from(experts).where(eq(experts.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function findExpertByUser(db: Executor, userId: number): Promise<ExpertRow | null> {
  const [row] = await db.select().from(experts).where(eq(experts.userId, userId));
  return row ?? null;
}

export async function findExpertByUserExcept(db: Executor, userId: number, exceptId: number | null): Promise<ExpertRow | null> {
  const [row] = await db.select().from(experts).where(eq(experts.userId, userId));
  return row && row.id !== exceptId ? row : null;
}

export async function findUser(db: Executor, id: number) {
  const [row] = await db.select({ id: users.id, roles: users.roles, displayName: users.displayName }).from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function insertExpert(tx: Executor, row: NewExpertRow): Promise<ExpertRow> {
  const [saved] = await tx.insert(experts).values(row).returning();
  return saved;
}

export async function updateExpert(tx: Executor, id: number, version: number, set: Partial<NewExpertRow>): Promise<ExpertRow | null> {
  const [saved] = await tx
    .update(experts)
    .set({ ...set, version: sql`${experts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(experts.id, id), eq(experts.version, version)))
    .returning();
  return saved ?? null;
}

export async function listLinks(db: Executor, expertId: number): Promise<LinkRow[]> {
  return db.select().from(expertLinks).where(eq(expertLinks.expertId, expertId)).orderBy(asc(expertLinks.id));
}

export async function insertLink(tx: Executor, row: typeof expertLinks.$inferInsert): Promise<LinkRow> {
  const [saved] = await tx.insert(expertLinks).values(row).returning();
  return saved;
}

export async function deleteLink(tx: Executor, expertId: number, linkId: number): Promise<LinkRow | null> {
  const [gone] = await tx
    .delete(expertLinks)
    .where(and(eq(expertLinks.id, linkId), eq(expertLinks.expertId, expertId)))
    .returning();
  return gone ?? null;
}

export async function findEnterprise(db: Executor, id: number) {
  const [row] = await db
    .select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc, industry: enterprises.industry, registeredOn: enterprises.registeredOn })
    .from(enterprises)
    .where(eq(enterprises.id, id));
  return row ?? null;
}

/**
 * Open assignments per expert: seats assigned or accepted on applications still under expert
 * review (a seat on a finished review no longer loads the expert). All experts when ids is omitted.
 */
export async function loads(db: Executor, reviewStatuses: string[], ids?: number[]): Promise<Map<number, number>> {
  if (ids && ids.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ expertId: panelMembers.expertId, n: sql<number>`count(*)::int` })
    .from(panelMembers)
    .innerJoin(cases, eq(cases.id, panelMembers.caseId))
    .where(
      and(
        inArray(panelMembers.status, ['assigned', 'accepted']),
        inArray(cases.status, reviewStatuses.length ? reviewStatuses : ['__none__']),
        ids ? inArray(panelMembers.expertId, ids) : undefined,
      ),
    )
    .groupBy(panelMembers.expertId);
  return new Map(rows.map((r) => [r.expertId, Number(r.n)]));
}

/** The whole pool, for a draw. */
export async function allExperts(db: Executor): Promise<ExpertRow[]> {
  return db.select().from(experts).orderBy(asc(experts.id));
}

/** Links that could match an applicant by enterprise id, credit code or exact company name. */
export async function linksMatching(db: Executor, applicant: { id: number; name: string; uscc: string }): Promise<LinkRow[]> {
  return db
    .select()
    .from(expertLinks)
    .where(or(eq(expertLinks.enterpriseId, applicant.id), sql`upper(${expertLinks.uscc}) = ${applicant.uscc}`, sql`btrim(${expertLinks.companyName}) = ${applicant.name.trim()}`));
}

/** Serialises panel draws, so two concurrent draws cannot both seat an expert at its load cap. */
export async function lockDraws(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('experts:panel-draw'))`);
}

export async function insertDraw(tx: Executor, row: typeof panelDraws.$inferInsert): Promise<DrawRow> {
  const [saved] = await tx.insert(panelDraws).values(row).returning();
  return saved;
}

export async function insertMembers(tx: Executor, rows: (typeof panelMembers.$inferInsert)[]): Promise<MemberRow[]> {
  return rows.length ? tx.insert(panelMembers).values(rows).returning() : [];
}

export async function listDraws(db: Executor, caseId: number) {
  return db
    .select({ d: panelDraws, drawnByName: users.displayName })
    .from(panelDraws)
    .leftJoin(users, eq(users.id, panelDraws.drawnBy))
    .where(eq(panelDraws.caseId, caseId))
    .orderBy(asc(panelDraws.id));
}

export async function listMembers(db: Executor, caseId: number) {
  return db
    .select({ m: panelMembers, e: experts })
    .from(panelMembers)
    .innerJoin(experts, eq(experts.id, panelMembers.expertId))
    .where(eq(panelMembers.caseId, caseId))
    .orderBy(asc(panelMembers.id));
}

export async function lockMembers(tx: Executor, caseId: number): Promise<MemberRow[]> {
  return tx.select().from(panelMembers).where(eq(panelMembers.caseId, caseId)).orderBy(asc(panelMembers.id)).for('update');
}

export async function updateMember(tx: Executor, id: number, fromStatus: MemberRow['status'], set: Partial<typeof panelMembers.$inferInsert>): Promise<MemberRow | null> {
  const [saved] = await tx
    .update(panelMembers)
    .set(set)
    .where(and(eq(panelMembers.id, id), eq(panelMembers.status, fromStatus)))
    .returning();
  return saved ?? null;
}

/** A seat of the expert with this login (never another expert's): null when not its own. */
export async function findOwnMember(db: Executor, memberId: number, userId: number) {
  const [row] = await db
    .select({ m: panelMembers, e: experts })
    .from(panelMembers)
    .innerJoin(experts, eq(experts.id, panelMembers.expertId))
    .where(and(eq(panelMembers.id, memberId), eq(experts.userId, userId), sql`${panelMembers.status} <> 'replaced'`));
  return row ?? null;
}

/** The expert's own seats (not the replaced ones), newest first. */
export async function listOwnAssignments(db: Executor, userId: number) {
  return db
    .select({
      m: panelMembers,
      app: {
        id: cases.id,
        instrument: cases.instrument,
        type: cases.type,
        year: cases.year,
        status: cases.status,
        dueOn: cases.dueOn,
      },
      enterpriseName: enterprises.name,
      enterpriseUscc: enterprises.uscc,
    })
    .from(panelMembers)
    .innerJoin(experts, eq(experts.id, panelMembers.expertId))
    .innerJoin(cases, eq(cases.id, panelMembers.caseId))
    .leftJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .where(and(eq(experts.userId, userId), sql`${panelMembers.status} <> 'replaced'`))
    .orderBy(desc(panelMembers.id))
    .limit(500);
}

/**
 * Declared links to enterprises related to the applicant by a registry shareholding (either
 * direction): the expert's employer or holding that owns part of the applicant, or is owned by it.
 */
export async function linksToShareholdingNeighbours(db: Executor, applicantId: number): Promise<LinkRow[]> {
  return db
    .select()
    .from(expertLinks)
    .where(
      sql`${expertLinks.enterpriseId} in (
        select ${enterpriseShareholdings.shareholderEnterpriseId} from ${enterpriseShareholdings} where ${enterpriseShareholdings.investeeEnterpriseId} = ${applicantId}
        union
        select ${enterpriseShareholdings.investeeEnterpriseId} from ${enterpriseShareholdings} where ${enterpriseShareholdings.shareholderEnterpriseId} = ${applicantId})`,
    );
}
