import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { policies, policyCitations, type PolicyStatus } from '../../db/schema/index.js';

export type PolicyRow = typeof policies.$inferSelect;

/** Everything but the file's bytes. */
const meta = {
  id: policies.id,
  title: policies.title,
  docNo: policies.docNo,
  issuer: policies.issuer,
  issuedOn: policies.issuedOn,
  effectiveOn: policies.effectiveOn,
  expiresOn: policies.expiresOn,
  status: policies.status,
  summary: policies.summary,
  body: policies.body,
  fileName: policies.fileName,
  fileMime: policies.fileMime,
  fileSize: policies.fileSize,
  version: policies.version,
};
export type PolicyMeta = Omit<PolicyRow, 'fileContent' | 'createdBy' | 'createdAt' | 'updatedAt'>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Each term must occur in the title, the number, the issuer or the full text (Chinese substrings; the library is small). */
export function searchCondition(q: string | undefined, status: PolicyStatus | undefined): SQL | undefined {
  const conds: SQL[] = [];
  for (const term of (q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    const p = `%${escapeLike(term)}%`;
    conds.push(or(ilike(policies.title, p), ilike(policies.docNo, p), ilike(policies.issuer, p), ilike(policies.body, p), ilike(policies.summary, p))!);
  }
  if (status) {
    conds.push(eq(policies.status, status));
  }
  return conds.length ? and(...conds) : undefined;
}

export async function listPolicies(db: Executor, where: SQL | undefined, firstTerm: string | null, limit: number, offset: number) {
  // titles holding the first word first, then the newest
  const order = [sql`${policies.issuedOn} desc nulls last`, desc(policies.id)];
  const rows = await db
    .select(meta)
    .from(policies)
    .where(where)
    .orderBy(...(firstTerm ? [sql`case when ${policies.title} ilike ${`%${escapeLike(firstTerm)}%`} then 0 else 1 end`] : []), ...order)
    .limit(limit)
    .offset(offset);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(policies).where(where);
  return { total, rows: rows as PolicyMeta[] };
}

export async function findPolicy(db: Executor, id: number, forUpdate = false): Promise<PolicyMeta | null> {
  const q = db.select(meta).from(policies).where(eq(policies.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return (row as PolicyMeta | undefined) ?? null;
}

export async function findFile(db: Executor, id: number) {
  const [row] = await db.select({ fileName: policies.fileName, fileMime: policies.fileMime, fileContent: policies.fileContent }).from(policies).where(eq(policies.id, id));
  return row ?? null;
}

export async function insertPolicies(tx: Executor, rows: (typeof policies.$inferInsert)[]): Promise<PolicyMeta[]> {
  return (await tx.insert(policies).values(rows).returning(meta)) as PolicyMeta[];
}

export async function updatePolicy(tx: Executor, id: number, version: number, set: Partial<typeof policies.$inferInsert>): Promise<PolicyMeta | null> {
  const [row] = await tx
    .update(policies)
    .set({ ...set, version: version + 1, updatedAt: new Date() })
    .where(and(eq(policies.id, id), eq(policies.version, version)))
    .returning(meta);
  return (row as PolicyMeta | undefined) ?? null;
}

export async function citationsOf(db: Executor, policyId: number) {
  return db.select().from(policyCitations).where(eq(policyCitations.policyId, policyId)).orderBy(asc(policyCitations.objectType), asc(policyCitations.objectId));
}

export async function insertCitations(tx: Executor, rows: (typeof policyCitations.$inferInsert)[]): Promise<number> {
  const out = await tx.insert(policyCitations).values(rows).onConflictDoNothing().returning({ policyId: policyCitations.policyId });
  return out.length;
}

export async function deleteCitation(tx: Executor, policyId: number, objectType: string, objectId: string): Promise<number> {
  const out = await tx
    .delete(policyCitations)
    .where(and(eq(policyCitations.policyId, policyId), eq(policyCitations.objectType, objectType), eq(policyCitations.objectId, objectId)))
    .returning({ policyId: policyCitations.policyId });
  return out.length;
}

export async function policiesCiting(db: Executor, objectType: string, objectId: string) {
  return (await db
    .select(meta)
    .from(policies)
    .innerJoin(policyCitations, eq(policyCitations.policyId, policies.id))
    .where(and(eq(policyCitations.objectType, objectType), eq(policyCitations.objectId, objectId)))
    .orderBy(sql`${policies.issuedOn} desc nulls last`, desc(policies.id))) as PolicyMeta[];
}
