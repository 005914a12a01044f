import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { cases, enterprises, projectAcceptances, projectChanges, projectMidterms } from '../../db/schema/index.js';

/** The only SQL of module projects. */
export type MidtermRow = typeof projectMidterms.$inferSelect;
export type AcceptanceRow = typeof projectAcceptances.$inferSelect;
export type ChangeRow = typeof projectChanges.$inferSelect;

export async function findMidterm(db: Executor, id: number, forUpdate = false): Promise<MidtermRow | undefined> {
  const q = db.select().from(projectMidterms).where(eq(projectMidterms.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}
export async function insertMidterm(tx: Executor, row: typeof projectMidterms.$inferInsert) {
  await tx.insert(projectMidterms).values(row);
}
export async function updateMidterm(tx: Executor, id: number, set: Partial<typeof projectMidterms.$inferInsert>) {
  await tx.update(projectMidterms).set(set).where(eq(projectMidterms.id, id));
}

export async function findAcceptance(db: Executor, id: number, forUpdate = false): Promise<AcceptanceRow | undefined> {
  const q = db.select().from(projectAcceptances).where(eq(projectAcceptances.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}
export async function insertAcceptance(tx: Executor, row: typeof projectAcceptances.$inferInsert) {
  await tx.insert(projectAcceptances).values(row);
}
export async function updateAcceptance(tx: Executor, id: number, set: Partial<typeof projectAcceptances.$inferInsert>) {
  await tx.update(projectAcceptances).set(set).where(eq(projectAcceptances.id, id));
}

export async function findChange(db: Executor, id: number): Promise<ChangeRow | undefined> {
  const [row] = await db.select().from(projectChanges).where(eq(projectChanges.id, id));
  return row;
}
export async function insertChange(tx: Executor, row: typeof projectChanges.$inferInsert) {
  await tx.insert(projectChanges).values(row);
}
export async function markApplied(tx: Executor, id: number) {
  await tx.update(projectChanges).set({ appliedAt: new Date() }).where(eq(projectChanges.id, id));
}
/** Approved changes of a project, in the order they were approved. */
export async function appliedChanges(db: Executor, projectCaseId: number): Promise<ChangeRow[]> {
  return db
    .select()
    .from(projectChanges)
    .where(and(eq(projectChanges.projectCaseId, projectCaseId), isNotNull(projectChanges.appliedAt)))
    .orderBy(asc(projectChanges.appliedAt), asc(projectChanges.id));
}

/** Approved changes of many projects, each project's in the order they were approved. */
export async function appliedChangesOf(db: Executor, projectCaseIds: number[]): Promise<ChangeRow[]> {
  if (projectCaseIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(projectChanges)
    .where(and(inArray(projectChanges.projectCaseId, projectCaseIds), isNotNull(projectChanges.appliedAt)))
    .orderBy(asc(projectChanges.appliedAt), asc(projectChanges.id));
}

export async function industryOfProject(db: Executor, projectCaseId: number): Promise<string[]> {
  const [row] = await db
    .select({ industry: enterprises.industry })
    .from(cases)
    .innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .where(eq(cases.id, projectCaseId));
  return row?.industry ? [row.industry] : [];
}

/** Projects (cases of instrument `programmes`) in the given statuses, scoped; newest first. */
export async function listProjectCases(db: Executor, f: { statuses: string[]; enterpriseId?: number; districtId?: number; year?: number; limit: number }) {
  const c = [eq(cases.instrument, 'programmes'), inArray(cases.status, f.statuses)];
  if (f.enterpriseId !== undefined) {
    c.push(eq(cases.enterpriseId, f.enterpriseId));
  }
  if (f.districtId !== undefined) {
    c.push(eq(cases.districtId, f.districtId));
  }
  if (f.year !== undefined) {
    c.push(eq(cases.year, f.year));
  }
  return db
    .select({ id: cases.id, title: cases.title, status: cases.status, year: cases.year, type: cases.type, enterpriseId: cases.enterpriseId, districtId: cases.districtId, enterpriseName: enterprises.name })
    .from(cases)
    .leftJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .where(and(...c))
    .orderBy(desc(cases.id))
    .limit(f.limit);
}

/** The follow-up cases of a set of projects: mid-term, acceptance and changes with their status. */
export async function followUps(db: Executor, projectIds: number[]) {
  if (projectIds.length === 0) {
    return { midterms: [], acceptances: [], changes: [] };
  }
  const mid = await db
    .select({ id: projectMidterms.id, projectCaseId: projectMidterms.projectCaseId, dueOn: projectMidterms.dueOn, status: cases.status, caseDueOn: cases.dueOn })
    .from(projectMidterms)
    .innerJoin(cases, eq(cases.id, projectMidterms.id))
    .where(inArray(projectMidterms.projectCaseId, projectIds));
  const acc = await db
    .select({ id: projectAcceptances.id, projectCaseId: projectAcceptances.projectCaseId, status: cases.status, result: projectAcceptances.result, caseDueOn: cases.dueOn })
    .from(projectAcceptances)
    .innerJoin(cases, eq(cases.id, projectAcceptances.id))
    .where(inArray(projectAcceptances.projectCaseId, projectIds));
  const ch = await db
    .select({ id: projectChanges.id, projectCaseId: projectChanges.projectCaseId, kind: projectChanges.kind, status: cases.status })
    .from(projectChanges)
    .innerJoin(cases, eq(cases.id, projectChanges.id))
    .where(inArray(projectChanges.projectCaseId, projectIds))
    .orderBy(asc(projectChanges.id));
  return { midterms: mid, acceptances: acc, changes: ch };
}

/** In-progress projects with no mid-term case yet. */
export async function projectsWithoutMidterm(db: Executor): Promise<{ id: number; year: number }[]> {
  return db
    .select({ id: cases.id, year: cases.year })
    .from(cases)
    .leftJoin(projectMidterms, eq(projectMidterms.projectCaseId, cases.id))
    .where(and(eq(cases.instrument, 'programmes'), eq(cases.status, 'in_progress'), sql`${projectMidterms.id} is null`))
    .orderBy(asc(cases.id));
}

export async function changesOf(db: Executor, projectCaseId: number) {
  return db
    .select({ change: projectChanges, status: cases.status, createdAt: cases.createdAt })
    .from(projectChanges)
    .innerJoin(cases, eq(cases.id, projectChanges.id))
    .where(eq(projectChanges.projectCaseId, projectCaseId))
    .orderBy(asc(projectChanges.id));
}

/** The programme-year budget account a project's money was committed from (the scope of its `commit:<id>` movement's budget leg). */
export async function budgetScopeOf(db: Executor, projectCaseId: number): Promise<number | null> {
  const rows = await db.execute(sql`
    select a.scope::int as scope
    from ledger_movements m
    join ledger_books b on b.id = m.book_id and b.code = 'projects'
    join ledger_entries e on e.movement_id = m.id
    join ledger_accounts a on a.id = e.account_id and a.kind = 'budget'
    where m.idempotency_key = ${`commit:${projectCaseId}`}
    limit 1`);
  const list = (Array.isArray(rows) ? rows : ((rows as { rows?: unknown[] }).rows ?? [])) as { scope: number }[];
  return list[0]?.scope ?? null;
}

/** Latest reported KPI actuals and spending per project (acceptance if reported, else the mid-term). */
export async function reportsOf(db: Executor, projectIds: number[]) {
  if (projectIds.length === 0) {
    return { midterms: [] as MidtermRow[], acceptances: [] as AcceptanceRow[] };
  }
  const midterms = await db.select().from(projectMidterms).where(inArray(projectMidterms.projectCaseId, projectIds));
  const acceptances = await db.select().from(projectAcceptances).where(inArray(projectAcceptances.projectCaseId, projectIds));
  return { midterms, acceptances };
}
