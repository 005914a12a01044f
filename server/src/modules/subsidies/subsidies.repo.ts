import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  cases,
  districts,
  enterprises,
  interestSubsidyApplications,
  interestSubsidyLoans,
  performanceAssessments,
  recognitions,
  subsidyBenchmarkRates,
  subsidyParams,
} from '../../db/schema/index.js';
import type { BenchmarkRow, Programme, ProgrammeParams } from './calculator.js';
import { INSTRUMENT } from './instrument.js';

export async function loadBenchmarks(db: Executor): Promise<BenchmarkRow[]> {
  return db
    .select({
      effectiveFrom: subsidyBenchmarkRates.effectiveFrom,
      rate1y: subsidyBenchmarkRates.rate1y,
      rate1to5y: subsidyBenchmarkRates.rate1to5y,
      rate5yPlus: subsidyBenchmarkRates.rate5yPlus,
      inForceUntil: subsidyBenchmarkRates.inForceUntil,
    })
    .from(subsidyBenchmarkRates)
    .orderBy(asc(subsidyBenchmarkRates.effectiveFrom));
}

export async function loadParams(db: Executor) {
  return db.select().from(subsidyParams).orderBy(asc(subsidyParams.programme), asc(subsidyParams.effectiveFrom));
}

/** The programme's ratio and cap in force for a subsidy year (the latest effective by the year's end). */
export async function paramsFor(db: Executor, programme: Programme, year: number): Promise<ProgrammeParams | null> {
  const [row] = await db
    .select({ ratio: subsidyParams.ratio, capFen: subsidyParams.capFen })
    .from(subsidyParams)
    .where(and(eq(subsidyParams.programme, programme), lte(subsidyParams.effectiveFrom, `${year}-12-31`)))
    .orderBy(desc(subsidyParams.effectiveFrom))
    .limit(1);
  return row ?? null;
}

/** The enterprise's 雏鹰/青蓝 recognition valid on some day of the year (the latest issued), if any. */
export async function recognitionInYear(db: Executor, enterpriseId: number, programme: Programme, year: number) {
  const [row] = await db
    .select({ id: recognitions.id, certificateNo: recognitions.certificateNo, issuedOn: recognitions.issuedOn, validUntil: recognitions.validUntil })
    .from(recognitions)
    .where(
      and(
        eq(recognitions.enterpriseId, enterpriseId),
        eq(recognitions.type, programme),
        lte(recognitions.issuedOn, `${year}-12-31`),
        sql`(${recognitions.validUntil} is null or ${recognitions.validUntil} >= ${`${year}-01-01`})`,
        sql`(${recognitions.revokedOn} is null or ${recognitions.revokedOn} > ${`${year}-01-01`})`,
      ),
    )
    .orderBy(desc(recognitions.issuedOn))
    .limit(1);
  return row ?? null;
}

export async function recognitionById(db: Executor, id: number) {
  const [row] = await db
    .select({ id: recognitions.id, certificateNo: recognitions.certificateNo, issuedOn: recognitions.issuedOn, validUntil: recognitions.validUntil })
    .from(recognitions)
    .where(eq(recognitions.id, id));
  return row ?? null;
}

export async function assessmentOf(db: Executor, enterpriseId: number, programme: Programme, year: number) {
  const [row] = await db
    .select()
    .from(performanceAssessments)
    .where(and(eq(performanceAssessments.enterpriseId, enterpriseId), eq(performanceAssessments.programme, programme), eq(performanceAssessments.year, year)));
  return row ?? null;
}

// ── applications ───────────────────────────────────────────────────────────────────────────────

export type LoanRow = typeof interestSubsidyLoans.$inferSelect;

export async function insertDetail(tx: Executor, row: typeof interestSubsidyApplications.$inferInsert) {
  await tx.insert(interestSubsidyApplications).values(row);
}

export async function updateDetail(tx: Executor, id: number, set: Partial<typeof interestSubsidyApplications.$inferInsert>) {
  await tx.update(interestSubsidyApplications).set(set).where(eq(interestSubsidyApplications.id, id));
}

export async function findDetail(db: Executor, id: number) {
  const [row] = await db.select().from(interestSubsidyApplications).where(eq(interestSubsidyApplications.id, id));
  return row ?? null;
}

export async function deleteLoans(tx: Executor, caseId: number) {
  await tx.delete(interestSubsidyLoans).where(eq(interestSubsidyLoans.caseId, caseId));
}

export async function insertLoans(tx: Executor, rows: (typeof interestSubsidyLoans.$inferInsert)[]) {
  if (rows.length) {
    await tx.insert(interestSubsidyLoans).values(rows);
  }
}

export async function loansOf(db: Executor, caseId: number): Promise<LoanRow[]> {
  return db.select().from(interestSubsidyLoans).where(eq(interestSubsidyLoans.caseId, caseId)).orderBy(asc(interestSubsidyLoans.id));
}

/** A refused case frees its loans (they may be claimed again in a new application). */
export async function releaseLoans(tx: Executor, caseId: number) {
  await tx.update(interestSubsidyLoans).set({ active: 0 }).where(eq(interestSubsidyLoans.caseId, caseId));
}

/** Live claims of other cases on the same loans and year. */
export async function claimedElsewhere(db: Executor, enterpriseId: number, year: number, caseId: number | null, loans: { bank: string; contractNo: string }[]) {
  if (!loans.length) {
    return [];
  }
  return db
    .select({ bank: interestSubsidyLoans.bank, contractNo: interestSubsidyLoans.contractNo, caseId: interestSubsidyLoans.caseId })
    .from(interestSubsidyLoans)
    .where(
      and(
        eq(interestSubsidyLoans.enterpriseId, enterpriseId),
        eq(interestSubsidyLoans.year, year),
        eq(interestSubsidyLoans.active, 1),
        caseId === null ? undefined : sql`${interestSubsidyLoans.caseId} <> ${caseId}`,
        inArray(interestSubsidyLoans.contractNo, loans.map((l) => l.contractNo)),
      ),
    );
}

const listColumns = {
  id: cases.id,
  type: cases.type,
  year: cases.year,
  status: cases.status,
  dueOn: cases.dueOn,
  enterpriseId: cases.enterpriseId,
  districtId: cases.districtId,
  organizationId: cases.organizationId,
  enterpriseName: enterprises.name,
  districtName: districts.name,
  requestedFen: interestSubsidyApplications.requestedFen,
  approvedFen: interestSubsidyApplications.approvedFen,
  approvedOn: interestSubsidyApplications.approvedOn,
  paidOn: interestSubsidyApplications.paidOn,
  loanCount: sql<number>`(select count(*)::int from ${interestSubsidyLoans} where ${interestSubsidyLoans.caseId} = ${cases.id})`,
};

export async function listApplications(db: Executor, where: SQL | undefined, limit: number, offset: number) {
  const cond = and(eq(cases.instrument, INSTRUMENT), where);
  const [{ total }] = await db.select({ total: count() }).from(cases).where(cond);
  const items = await db
    .select(listColumns)
    .from(cases)
    .innerJoin(interestSubsidyApplications, eq(interestSubsidyApplications.id, cases.id))
    .leftJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .leftJoin(districts, eq(districts.id, cases.districtId))
    .where(cond)
    .orderBy(desc(cases.id))
    .limit(limit)
    .offset(offset);
  return { total, items };
}

export async function getApplication(db: Executor, id: number) {
  const [row] = await db
    .select({ ...listColumns, contactName: interestSubsidyApplications.contactName, contactPhone: interestSubsidyApplications.contactPhone, recognitionId: interestSubsidyApplications.recognitionId, calculation: interestSubsidyApplications.calculation, paymentOrderId: interestSubsidyApplications.paymentOrderId })
    .from(cases)
    .innerJoin(interestSubsidyApplications, eq(interestSubsidyApplications.id, cases.id))
    .leftJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .leftJoin(districts, eq(districts.id, cases.districtId))
    .where(and(eq(cases.id, id), eq(cases.instrument, INSTRUMENT)));
  return row ?? null;
}

export async function enterpriseOf(db: Executor, id: number) {
  const [row] = await db.select({ id: enterprises.id, name: enterprises.name, districtId: enterprises.districtId }).from(enterprises).where(eq(enterprises.id, id));
  return row ?? null;
}

// ── performance assessments ────────────────────────────────────────────────────────────────────

export async function listAssessments(db: Executor, where: SQL | undefined, limit: number, offset: number) {
  const [{ total }] = await db.select({ total: count() }).from(performanceAssessments).innerJoin(enterprises, eq(enterprises.id, performanceAssessments.enterpriseId)).where(where);
  const items = await db
    .select({ a: performanceAssessments, enterpriseName: enterprises.name, districtId: enterprises.districtId, districtName: districts.name })
    .from(performanceAssessments)
    .innerJoin(enterprises, eq(enterprises.id, performanceAssessments.enterpriseId))
    .leftJoin(districts, eq(districts.id, enterprises.districtId))
    .where(where)
    .orderBy(sql`${performanceAssessments.grade} is not null`, desc(performanceAssessments.year), desc(performanceAssessments.id))
    .limit(limit)
    .offset(offset);
  return { total, items };
}

export async function findAssessment(db: Executor, id: number, forUpdate = false) {
  const q = db
    .select({ a: performanceAssessments, enterpriseName: enterprises.name, districtId: enterprises.districtId, districtName: districts.name })
    .from(performanceAssessments)
    .innerJoin(enterprises, eq(enterprises.id, performanceAssessments.enterpriseId))
    .leftJoin(districts, eq(districts.id, enterprises.districtId))
    .where(eq(performanceAssessments.id, id));
  const [row] = forUpdate ? await q.for('update', { of: performanceAssessments }) : await q;
  return row ?? null;
}

export async function upsertAssessment(tx: Executor, row: typeof performanceAssessments.$inferInsert) {
  const [saved] = await tx
    .insert(performanceAssessments)
    .values(row)
    .onConflictDoUpdate({
      target: [performanceAssessments.enterpriseId, performanceAssessments.programme, performanceAssessments.year],
      set: {
        revenueFen: row.revenueFen,
        rdFen: row.rdFen,
        taxFen: row.taxFen,
        employees: row.employees,
        newJobs: row.newJobs,
        ipCount: row.ipCount,
        summary: row.summary,
        reportedOn: row.reportedOn,
        reportedBy: row.reportedBy,
        version: sql`${performanceAssessments.version} + 1`,
      },
      setWhere: isNull(performanceAssessments.grade),
    })
    .returning();
  return saved ?? null;
}

export async function gradeAssessment(tx: Executor, id: number, set: { grade: 'excellent' | 'pass' | 'fail'; gradeComment: string | null; gradedOn: string; gradedBy: number | null }) {
  const [row] = await tx
    .update(performanceAssessments)
    .set({ ...set, version: sql`${performanceAssessments.version} + 1` })
    .where(eq(performanceAssessments.id, id))
    .returning();
  return row;
}

// ── indicators ─────────────────────────────────────────────────────────────────────────────────

/** Paid subsidies of a subsidy year: firms (distinct) and amount (fen), optionally one district. */
export async function paidFigures(db: Executor, year: number, districtId?: number) {
  const [row] = await db
    .select({ firms: sql<number>`count(distinct ${cases.enterpriseId})::int`, fen: sql<string>`coalesce(sum(${interestSubsidyApplications.approvedFen}), 0)::text` })
    .from(cases)
    .innerJoin(interestSubsidyApplications, eq(interestSubsidyApplications.id, cases.id))
    .where(and(eq(cases.instrument, INSTRUMENT), eq(cases.year, year), isNotNull(interestSubsidyApplications.paidOn), districtId === undefined ? undefined : eq(cases.districtId, districtId)));
  return { firms: row.firms, fen: Number(row.fen) };
}

export async function paidFiguresByDistrict(db: Executor, year: number) {
  return db
    .select({ districtId: cases.districtId, firms: sql<number>`count(distinct ${cases.enterpriseId})::int`, fen: sql<string>`coalesce(sum(${interestSubsidyApplications.approvedFen}), 0)::text` })
    .from(cases)
    .innerJoin(interestSubsidyApplications, eq(interestSubsidyApplications.id, cases.id))
    .where(and(eq(cases.instrument, INSTRUMENT), eq(cases.year, year), isNotNull(interestSubsidyApplications.paidOn)))
    .groupBy(cases.districtId);
}

export async function paidRecords(db: Executor, q: { year: number; districtId?: number; limit: number; after?: { date: string; id: number } }) {
  const cond = and(
    eq(cases.instrument, INSTRUMENT),
    eq(cases.year, q.year),
    isNotNull(interestSubsidyApplications.paidOn),
    q.districtId === undefined ? undefined : eq(cases.districtId, q.districtId),
  );
  const [{ total }] = await db.select({ total: count() }).from(cases).innerJoin(interestSubsidyApplications, eq(interestSubsidyApplications.id, cases.id)).where(cond);
  const items = await db
    .select({ id: cases.id, name: enterprises.name, districtId: cases.districtId, date: interestSubsidyApplications.paidOn, fen: interestSubsidyApplications.approvedFen, enterpriseId: cases.enterpriseId, type: cases.type })
    .from(cases)
    .innerJoin(interestSubsidyApplications, eq(interestSubsidyApplications.id, cases.id))
    .leftJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .where(and(cond, q.after ? sql`(${interestSubsidyApplications.paidOn}, ${cases.id}) > (${q.after.date}, ${q.after.id})` : undefined))
    .orderBy(asc(interestSubsidyApplications.paidOn), asc(cases.id))
    .limit(q.limit);
  return { total, items };
}
