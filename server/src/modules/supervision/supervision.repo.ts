import { and, asc, desc, eq, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { annualReports, caseEvents, cases, districts, enterprises, recognitions, spotCheckDraws, spotCheckItems, supervisionCases, type RecognitionType } from '../../db/schema/index.js';

/** Recognitions valid on a day (issued, not expired, not revoked). */
export const validOn = (day: string): SQL =>
  and(lte(recognitions.issuedOn, day), or(isNull(recognitions.validUntil), sql`${recognitions.validUntil} >= ${day}`), or(isNull(recognitions.revokedOn), sql`${recognitions.revokedOn} > ${day}`))!;

const recognitionCols = {
  id: recognitions.id,
  type: recognitions.type,
  certificateNo: recognitions.certificateNo,
  enterpriseId: recognitions.enterpriseId,
  enterpriseName: enterprises.name,
  districtId: recognitions.districtId,
  districtName: districts.name,
  issuedOn: recognitions.issuedOn,
  validUntil: recognitions.validUntil,
  revokedOn: recognitions.revokedOn,
};

export async function findRecognition(db: Executor, id: number) {
  const [r] = await db
    .select(recognitionCols)
    .from(recognitions)
    .innerJoin(enterprises, eq(enterprises.id, recognitions.enterpriseId))
    .innerJoin(districts, eq(districts.id, recognitions.districtId))
    .where(eq(recognitions.id, id));
  return r ?? null;
}

/** An enterprise's recognitions of the reported types valid at some time in a year. */
export async function recognitionsOfEnterprise(db: Executor, enterpriseId: number, types: readonly RecognitionType[], year: number) {
  return db
    .select(recognitionCols)
    .from(recognitions)
    .innerJoin(enterprises, eq(enterprises.id, recognitions.enterpriseId))
    .innerJoin(districts, eq(districts.id, recognitions.districtId))
    .where(
      and(
        eq(recognitions.enterpriseId, enterpriseId),
        inArray(recognitions.type, [...types]),
        lte(recognitions.issuedOn, `${year}-12-31`),
        or(isNull(recognitions.validUntil), sql`${recognitions.validUntil} >= ${`${year}-01-01`}`),
        or(isNull(recognitions.revokedOn), sql`${recognitions.revokedOn} > ${`${year}-01-01`}`),
      ),
    )
    .orderBy(asc(recognitions.issuedOn));
}

/** The population of a spot check: recognitions of the types valid on the day, by id. */
export async function population(db: Executor, types: readonly RecognitionType[], day: string) {
  return db
    .select({ id: recognitions.id, districtId: recognitions.districtId, enterpriseId: recognitions.enterpriseId, districtName: districts.name })
    .from(recognitions)
    .innerJoin(districts, eq(districts.id, recognitions.districtId))
    .where(and(inArray(recognitions.type, [...types]), validOn(day)))
    .orderBy(asc(recognitions.id));
}

// ---- annual reports ----

const reportCols = {
  id: annualReports.id,
  recognitionId: annualReports.recognitionId,
  recognitionType: recognitions.type,
  certificateNo: recognitions.certificateNo,
  enterpriseId: annualReports.enterpriseId,
  enterpriseName: enterprises.name,
  districtId: annualReports.districtId,
  districtName: districts.name,
  year: annualReports.year,
  data: annualReports.data,
  status: annualReports.status,
  submittedAt: annualReports.submittedAt,
  reviewComment: annualReports.reviewComment,
  version: annualReports.version,
};
export type ReportRow = Awaited<ReturnType<typeof listReports>>[number];

export async function listReports(db: Executor, where: SQL | undefined, forUpdate = false) {
  const q = db
    .select(reportCols)
    .from(annualReports)
    .innerJoin(recognitions, eq(recognitions.id, annualReports.recognitionId))
    .innerJoin(enterprises, eq(enterprises.id, annualReports.enterpriseId))
    .innerJoin(districts, eq(districts.id, annualReports.districtId))
    .where(where)
    .orderBy(desc(annualReports.year), desc(annualReports.submittedAt), desc(annualReports.id))
    .limit(2000);
  return forUpdate ? q.for('update', { of: annualReports }) : q;
}

export async function upsertReport(tx: Executor, row: typeof annualReports.$inferInsert) {
  const [r] = await tx
    .insert(annualReports)
    .values(row)
    .onConflictDoUpdate({
      target: [annualReports.recognitionId, annualReports.year],
      set: { data: row.data, status: 'submitted', submittedAt: row.submittedAt, reviewComment: null, reviewedAt: null, reviewedBy: null, version: sql`${annualReports.version} + 1` },
      setWhere: sql`${annualReports.status} in ('draft','returned')`,
    })
    .returning({ id: annualReports.id });
  return r ?? null;
}

export async function insertReports(tx: Executor, rows: (typeof annualReports.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await tx.insert(annualReports).values(rows.slice(i, i + 500));
  }
}

export async function setReview(tx: Executor, id: number, set: Partial<typeof annualReports.$inferInsert>) {
  await tx.update(annualReports).set(set).where(eq(annualReports.id, id));
}

// ---- spot checks ----

export async function insertDraw(tx: Executor, row: typeof spotCheckDraws.$inferInsert) {
  const [d] = await tx.insert(spotCheckDraws).values(row).returning();
  return d;
}

export async function insertItems(tx: Executor, rows: (typeof spotCheckItems.$inferInsert)[]) {
  if (!rows.length) {
    return [];
  }
  return tx.insert(spotCheckItems).values(rows).returning();
}

export async function listDraws(db: Executor) {
  return db
    .select({
      draw: spotCheckDraws,
      drawn: sql<number>`(select count(*)::int from spot_check_items i where i.draw_id = spot_check_draws.id)`,
      checked: sql<number>`(select count(*)::int from spot_check_items i where i.draw_id = spot_check_draws.id and i.finding is not null)`,
    })
    .from(spotCheckDraws)
    .orderBy(desc(spotCheckDraws.drawnOn), desc(spotCheckDraws.id));
}

export async function findDraw(db: Executor, id: number) {
  const [d] = await db.select().from(spotCheckDraws).where(eq(spotCheckDraws.id, id));
  return d ?? null;
}

export async function itemsOf(db: Executor, drawId: number, districtId?: number) {
  return db
    .select({
      id: spotCheckItems.id,
      recognitionId: spotCheckItems.recognitionId,
      type: recognitions.type,
      certificateNo: recognitions.certificateNo,
      enterpriseId: spotCheckItems.enterpriseId,
      enterpriseName: enterprises.name,
      districtId: spotCheckItems.districtId,
      districtName: districts.name,
      finding: spotCheckItems.finding,
      findingNote: spotCheckItems.findingNote,
      checkedOn: spotCheckItems.checkedOn,
      caseId: spotCheckItems.caseId,
      caseStatus: cases.status,
    })
    .from(spotCheckItems)
    .innerJoin(recognitions, eq(recognitions.id, spotCheckItems.recognitionId))
    .innerJoin(enterprises, eq(enterprises.id, spotCheckItems.enterpriseId))
    .innerJoin(districts, eq(districts.id, spotCheckItems.districtId))
    .leftJoin(cases, eq(cases.id, spotCheckItems.caseId))
    .where(districtId === undefined ? eq(spotCheckItems.drawId, drawId) : and(eq(spotCheckItems.drawId, drawId), eq(spotCheckItems.districtId, districtId)))
    .orderBy(asc(districts.code), asc(spotCheckItems.id));
}

export async function lockItem(tx: Executor, id: number) {
  const [i] = await tx.select().from(spotCheckItems).where(eq(spotCheckItems.id, id)).for('update');
  return i ?? null;
}

export async function setFinding(tx: Executor, id: number, set: Partial<typeof spotCheckItems.$inferInsert>) {
  await tx.update(spotCheckItems).set(set).where(eq(spotCheckItems.id, id));
}

// ---- cases ----

export async function insertCaseDetail(tx: Executor, row: typeof supervisionCases.$inferInsert) {
  await tx.insert(supervisionCases).values(row);
}

export async function findCaseDetail(db: Executor, id: number) {
  const [d] = await db.select().from(supervisionCases).where(eq(supervisionCases.id, id));
  return d ?? null;
}

export async function updateCaseDetail(tx: Executor, id: number, set: Partial<typeof supervisionCases.$inferInsert>) {
  await tx.update(supervisionCases).set(set).where(eq(supervisionCases.id, id));
}

export async function listCases(db: Executor, where: SQL | undefined) {
  return db
    .select({
      id: cases.id,
      type: cases.type,
      status: cases.status,
      dueOn: cases.dueOn,
      enterpriseId: cases.enterpriseId,
      enterpriseName: enterprises.name,
      districtName: districts.name,
      recognitionId: supervisionCases.recognitionId,
      recognitionType: recognitions.type,
      certificateNo: recognitions.certificateNo,
      finding: supervisionCases.finding,
      requirement: supervisionCases.requirement,
      rectifyBy: supervisionCases.rectifyBy,
      report: supervisionCases.report,
      revokedOn: supervisionCases.revokedOn,
      spotCheckItemId: supervisionCases.spotCheckItemId,
    })
    .from(cases)
    .innerJoin(supervisionCases, eq(supervisionCases.id, cases.id))
    .innerJoin(recognitions, eq(recognitions.id, supervisionCases.recognitionId))
    .innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .innerJoin(districts, eq(districts.id, cases.districtId))
    .where(and(eq(cases.instrument, 'supervision'), where))
    .orderBy(desc(cases.id))
    .limit(1000);
}

export async function eventsOf(db: Executor, caseId: number) {
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.id));
}
