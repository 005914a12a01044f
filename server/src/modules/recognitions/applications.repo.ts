import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { cases, districts, enterprises, recognitionApplications, type ApplicationStatus, type RecognitionType } from '../../db/schema/index.js';
import type { CaseRow } from '../cases/index.js';

/** The case row of the instrument `recognitions`, typed with its own codes. */
export type RecognitionCase = Omit<CaseRow, 'type' | 'status' | 'callId' | 'enterpriseId' | 'districtId'> & {
  type: RecognitionType;
  status: ApplicationStatus;
  callId: number;
  enterpriseId: number;
  districtId: number;
};
export type DetailRow = typeof recognitionApplications.$inferSelect;
/** An application: its case and its recognition detail (the form). */
export type ApplicationRow = RecognitionCase & Omit<DetailRow, 'id'>;
export type NewDetailRow = typeof recognitionApplications.$inferInsert;

export const INSTRUMENT = 'recognitions';

/** Merges a case and its detail row into the application the services work with. */
export function applicationOf(c: CaseRow, d: DetailRow): ApplicationRow {
  return { ...(c as RecognitionCase), formVersion: d.formVersion, data: d.data, assessment: d.assessment, applicationDate: d.applicationDate };
}

export interface ListFilter {
  type?: RecognitionType;
  year?: number;
  districtId?: number;
  status?: ApplicationStatus;
  enterpriseId?: number;
}

export function filterCondition(f: ListFilter): SQL | undefined {
  const conds: SQL[] = [eq(cases.instrument, INSTRUMENT)];
  if (f.type) {
    conds.push(eq(cases.type, f.type));
  }
  if (f.year) {
    conds.push(eq(cases.year, f.year));
  }
  if (f.districtId !== undefined) {
    conds.push(eq(cases.districtId, f.districtId));
  }
  if (f.status) {
    conds.push(eq(cases.status, f.status));
  }
  if (f.enterpriseId !== undefined) {
    conds.push(eq(cases.enterpriseId, f.enterpriseId));
  }
  return and(...conds);
}

const listSelection = {
  id: cases.id,
  callId: cases.callId,
  type: cases.type,
  year: cases.year,
  enterpriseId: cases.enterpriseId,
  enterpriseName: enterprises.name,
  uscc: enterprises.uscc,
  districtId: cases.districtId,
  districtName: districts.name,
  formVersion: recognitionApplications.formVersion,
  status: cases.status,
  applicationDate: recognitionApplications.applicationDate,
  submittedAt: cases.submittedAt,
  dueOn: cases.dueOn,
  version: cases.version,
  createdAt: cases.createdAt,
  updatedAt: cases.updatedAt,
};
export interface ApplicationListRow {
  id: number;
  callId: number;
  type: RecognitionType;
  year: number;
  enterpriseId: number;
  enterpriseName: string;
  uscc: string;
  districtId: number;
  districtName: string;
  formVersion: number;
  status: ApplicationStatus;
  applicationDate: string | null;
  submittedAt: Date | null;
  dueOn: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** One keyset page, newest first (by id), scope and filters in the WHERE. */
export async function listPage(db: Executor, opts: { where: SQL | undefined; afterId?: number; limit: number }): Promise<ApplicationListRow[]> {
  const keyset = opts.afterId !== undefined ? sql`${cases.id} < ${opts.afterId}` : undefined;
  return db
    .select(listSelection)
    .from(cases)
    .innerJoin(recognitionApplications, eq(recognitionApplications.id, cases.id))
    .innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .innerJoin(districts, eq(districts.id, cases.districtId))
    .where(and(opts.where, keyset))
    .orderBy(desc(cases.id))
    .limit(opts.limit) as Promise<ApplicationListRow[]>;
}

export async function countByStatus(db: Executor, where: SQL | undefined): Promise<{ status: ApplicationStatus; count: number }[]> {
  return db
    .select({ status: sql<ApplicationStatus>`${cases.status}`, count: sql<number>`count(*)::int` })
    .from(cases)
    .where(where)
    .groupBy(cases.status);
}

export async function findApplication(db: Executor, id: number, scope: SQL | undefined) {
  const [row] = await db
    .select({ c: cases, d: recognitionApplications, enterpriseName: enterprises.name, uscc: enterprises.uscc, districtName: districts.name })
    .from(cases)
    .innerJoin(recognitionApplications, eq(recognitionApplications.id, cases.id))
    .innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .innerJoin(districts, eq(districts.id, cases.districtId))
    .where(and(eq(cases.id, id), eq(cases.instrument, INSTRUMENT), scope));
  return row ? { a: applicationOf(row.c, row.d), enterpriseName: row.enterpriseName, uscc: row.uscc, districtName: row.districtName } : undefined;
}

export async function findDetail(db: Executor, id: number): Promise<DetailRow | undefined> {
  const [row] = await db.select().from(recognitionApplications).where(eq(recognitionApplications.id, id));
  return row;
}

export async function insertDetail(tx: Executor, row: NewDetailRow): Promise<void> {
  await tx.insert(recognitionApplications).values(row);
}

export async function updateDetail(tx: Executor, id: number, set: Partial<Omit<NewDetailRow, 'id'>>): Promise<void> {
  await tx.update(recognitionApplications).set(set).where(eq(recognitionApplications.id, id));
}

/** The draft's data at a known case version (the caller bumped the version on the case in the same transaction). */
export async function updateData(tx: Executor, id: number, data: unknown): Promise<void> {
  await tx.update(recognitionApplications).set({ data }).where(eq(recognitionApplications.id, id));
}

/** The case condition of an editable draft (draft or returned), for the optimistic update. */
export const editableCondition = or(eq(cases.status, 'draft'), eq(cases.status, 'returned'));

/** The enterprise's latest earlier application (same type first), to prefill a new draft. */
export async function latestEarlierApplication(db: Executor, enterpriseId: number, type: RecognitionType) {
  const [row] = await db
    .select({ id: cases.id, type: sql<RecognitionType>`${cases.type}`, data: recognitionApplications.data })
    .from(cases)
    .innerJoin(recognitionApplications, eq(recognitionApplications.id, cases.id))
    .where(and(eq(cases.enterpriseId, enterpriseId), eq(cases.instrument, INSTRUMENT)))
    .orderBy(sql`(${cases.type} = ${type}) desc`, desc(cases.id))
    .limit(1);
  return row;
}

export async function findEnterprise(db: Executor, id: number) {
  const [row] = await db
    .select({ id: enterprises.id, name: enterprises.name, districtId: enterprises.districtId, industry: enterprises.industry, registeredOn: enterprises.registeredOn, employees: enterprises.employees, contactName: enterprises.contactName })
    .from(enterprises)
    .where(eq(enterprises.id, id));
  return row;
}

export async function findDistrict(db: Executor, ref: string) {
  const [row] = await db
    .select({ id: districts.id, name: districts.name })
    .from(districts)
    .where(or(eq(districts.code, ref), eq(districts.name, ref)));
  return row;
}
