import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { calls, cases, districts, enterprises, programmeCalls, programmeInvitations, programmes, programmeYears, projectApplications } from '../../db/schema/index.js';

export const INSTRUMENT = 'programmes';

export type ProgrammeRow = typeof programmes.$inferSelect;
export type ProgrammeYearRow = typeof programmeYears.$inferSelect;
export type ProgrammeCallRow = typeof programmeCalls.$inferSelect;
export type ApplicationDetail = typeof projectApplications.$inferSelect;
export type CallRowFull = typeof calls.$inferSelect & { detail: ProgrammeCallRow; programme: ProgrammeRow };

export async function listProgrammes(db: Executor): Promise<ProgrammeRow[]> {
  return db.select().from(programmes).orderBy(asc(programmes.id));
}

export async function findProgramme(db: Executor, id: number): Promise<ProgrammeRow | undefined> {
  const [row] = await db.select().from(programmes).where(eq(programmes.id, id));
  return row;
}

export async function insertProgramme(tx: Executor, row: typeof programmes.$inferInsert): Promise<ProgrammeRow | undefined> {
  const [r] = await tx.insert(programmes).values(row).onConflictDoNothing().returning();
  return r;
}

export async function yearsOf(db: Executor, programmeIds: number[]): Promise<ProgrammeYearRow[]> {
  if (programmeIds.length === 0) {
    return [];
  }
  return db.select().from(programmeYears).where(inArray(programmeYears.programmeId, programmeIds)).orderBy(desc(programmeYears.year));
}

export async function findYear(db: Executor, programmeId: number, year: number): Promise<ProgrammeYearRow | undefined> {
  const [row] = await db.select().from(programmeYears).where(and(eq(programmeYears.programmeId, programmeId), eq(programmeYears.year, year)));
  return row;
}

export async function insertYear(tx: Executor, row: typeof programmeYears.$inferInsert): Promise<ProgrammeYearRow | undefined> {
  const [r] = await tx.insert(programmeYears).values(row).onConflictDoNothing().returning();
  return r;
}

export async function setYearMovement(tx: Executor, id: number, movementId: number): Promise<void> {
  await tx.update(programmeYears).set({ movementId }).where(eq(programmeYears.id, id));
}

export async function insertCallDetail(tx: Executor, row: typeof programmeCalls.$inferInsert): Promise<void> {
  await tx.insert(programmeCalls).values(row);
}

export async function listCalls(db: Executor, f: { year?: number; programmeId?: number }): Promise<CallRowFull[]> {
  const conds = [eq(calls.instrument, INSTRUMENT)];
  if (f.year) {
    conds.push(eq(calls.year, f.year));
  }
  if (f.programmeId) {
    conds.push(eq(programmeCalls.programmeId, f.programmeId));
  }
  const rows = await db
    .select({ call: calls, detail: programmeCalls, programme: programmes })
    .from(calls)
    .innerJoin(programmeCalls, eq(programmeCalls.id, calls.id))
    .innerJoin(programmes, eq(programmes.id, programmeCalls.programmeId))
    .where(and(...conds))
    .orderBy(desc(calls.opensOn), desc(calls.id))
    .limit(500);
  return rows.map((r) => ({ ...r.call, detail: r.detail, programme: r.programme }));
}

export async function findCall(db: Executor, id: number): Promise<CallRowFull | undefined> {
  const [r] = await db
    .select({ call: calls, detail: programmeCalls, programme: programmes })
    .from(calls)
    .innerJoin(programmeCalls, eq(programmeCalls.id, calls.id))
    .innerJoin(programmes, eq(programmes.id, programmeCalls.programmeId))
    .where(eq(calls.id, id));
  return r ? { ...r.call, detail: r.detail, programme: r.programme } : undefined;
}

export async function invite(tx: Executor, callId: number, enterpriseIds: number[], invitedBy: number | null): Promise<number> {
  if (enterpriseIds.length === 0) {
    return 0;
  }
  const rows = await tx
    .insert(programmeInvitations)
    .values(enterpriseIds.map((enterpriseId) => ({ callId, enterpriseId, invitedBy })))
    .onConflictDoNothing()
    .returning();
  return rows.length;
}

export async function invitations(db: Executor, callId: number): Promise<{ enterpriseId: number; name: string }[]> {
  return db
    .select({ enterpriseId: programmeInvitations.enterpriseId, name: enterprises.name })
    .from(programmeInvitations)
    .innerJoin(enterprises, eq(enterprises.id, programmeInvitations.enterpriseId))
    .where(eq(programmeInvitations.callId, callId))
    .orderBy(asc(enterprises.name));
}

export async function isInvited(db: Executor, callId: number, enterpriseId: number): Promise<boolean> {
  const [r] = await db
    .select({ n: sql<number>`1` })
    .from(programmeInvitations)
    .where(and(eq(programmeInvitations.callId, callId), eq(programmeInvitations.enterpriseId, enterpriseId)));
  return !!r;
}

export async function findDetail(db: Executor, id: number, forUpdate = false): Promise<ApplicationDetail | undefined> {
  const q = db.select().from(projectApplications).where(eq(projectApplications.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertDetail(tx: Executor, row: typeof projectApplications.$inferInsert): Promise<void> {
  await tx.insert(projectApplications).values(row);
}

export async function deleteDetail(tx: Executor, id: number): Promise<void> {
  await tx.delete(projectApplications).where(eq(projectApplications.id, id));
}

export async function updateDetail(tx: Executor, id: number, set: Partial<typeof projectApplications.$inferInsert>): Promise<ApplicationDetail> {
  const [row] = await tx
    .update(projectApplications)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(projectApplications.id, id))
    .returning();
  return row;
}

export async function enterpriseOf(db: Executor, id: number): Promise<{ id: number; name: string; districtId: number; industry: string | null } | undefined> {
  const [r] = await db.select({ id: enterprises.id, name: enterprises.name, districtId: enterprises.districtId, industry: enterprises.industry }).from(enterprises).where(eq(enterprises.id, id));
  return r;
}

/** One listed application: its case, detail, applicant and district. */
export const listColumns = {
  id: cases.id,
  type: cases.type,
  year: cases.year,
  title: cases.title,
  status: cases.status,
  callId: cases.callId,
  dueOn: cases.dueOn,
  panelScore: cases.panelScore,
  enterpriseId: cases.enterpriseId,
  districtId: cases.districtId,
  enterpriseName: enterprises.name,
  districtName: districts.name,
  programmeId: projectApplications.programmeId,
  programmeName: programmes.name,
  requestedFen: projectApplications.requestedFen,
  selfRaisedFen: projectApplications.selfRaisedFen,
  recommendedFen: projectApplications.recommendedFen,
  approvedFen: projectApplications.approvedFen,
  contractNo: projectApplications.contractNo,
  moderationReason: projectApplications.moderationReason,
  updatedAt: cases.updatedAt,
};
export type ListRow = { [K in keyof typeof listColumns]: (typeof listColumns)[K]['_']['data'] | ((typeof listColumns)[K]['_']['notNull'] extends true ? never : null) };

export function listQuery(db: Executor) {
  return db
    .select(listColumns)
    .from(cases)
    .innerJoin(projectApplications, eq(projectApplications.id, cases.id))
    .innerJoin(programmes, eq(programmes.id, projectApplications.programmeId))
    .leftJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .leftJoin(districts, eq(districts.id, cases.districtId));
}
