import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  applicationAttachments,
  applicationEvents,
  districts,
  enterprises,
  recognitionApplications,
  type ApplicationStatus,
  type RecognitionType,
} from '../../db/schema/index.js';

export type ApplicationRow = typeof recognitionApplications.$inferSelect;
export type NewApplicationRow = typeof recognitionApplications.$inferInsert;

export interface ListFilter {
  type?: RecognitionType;
  year?: number;
  districtId?: number;
  status?: ApplicationStatus;
  enterpriseId?: number;
}

export function filterCondition(f: ListFilter): SQL | undefined {
  const conds: SQL[] = [];
  if (f.type) {
    conds.push(eq(recognitionApplications.type, f.type));
  }
  if (f.year) {
    conds.push(eq(recognitionApplications.year, f.year));
  }
  if (f.districtId !== undefined) {
    conds.push(eq(recognitionApplications.districtId, f.districtId));
  }
  if (f.status) {
    conds.push(eq(recognitionApplications.status, f.status));
  }
  if (f.enterpriseId !== undefined) {
    conds.push(eq(recognitionApplications.enterpriseId, f.enterpriseId));
  }
  return conds.length ? and(...conds) : undefined;
}

const listSelection = {
  id: recognitionApplications.id,
  callId: recognitionApplications.callId,
  type: recognitionApplications.type,
  year: recognitionApplications.year,
  enterpriseId: recognitionApplications.enterpriseId,
  enterpriseName: enterprises.name,
  uscc: enterprises.uscc,
  districtId: recognitionApplications.districtId,
  districtName: districts.name,
  formVersion: recognitionApplications.formVersion,
  status: recognitionApplications.status,
  applicationDate: recognitionApplications.applicationDate,
  submittedAt: recognitionApplications.submittedAt,
  dueOn: recognitionApplications.dueOn,
  version: recognitionApplications.version,
  createdAt: recognitionApplications.createdAt,
  updatedAt: recognitionApplications.updatedAt,
};
export type ApplicationListRow = {
  [K in keyof typeof listSelection]: (typeof listSelection)[K]['_']['notNull'] extends true ? (typeof listSelection)[K]['_']['data'] : (typeof listSelection)[K]['_']['data'] | null;
};

/** One keyset page, newest first (by id), scope and filters in the WHERE. */
export async function listPage(db: Executor, opts: { where: SQL | undefined; afterId?: number; limit: number }): Promise<ApplicationListRow[]> {
  const keyset = opts.afterId !== undefined ? sql`${recognitionApplications.id} < ${opts.afterId}` : undefined;
  const where = opts.where && keyset ? and(opts.where, keyset) : (opts.where ?? keyset);
  return db
    .select(listSelection)
    .from(recognitionApplications)
    .innerJoin(enterprises, eq(enterprises.id, recognitionApplications.enterpriseId))
    .innerJoin(districts, eq(districts.id, recognitionApplications.districtId))
    .where(where)
    .orderBy(desc(recognitionApplications.id))
    .limit(opts.limit) as Promise<ApplicationListRow[]>;
}

export async function countByStatus(db: Executor, where: SQL | undefined): Promise<{ status: ApplicationStatus; count: number }[]> {
  return db
    .select({ status: recognitionApplications.status, count: sql<number>`count(*)::int` })
    .from(recognitionApplications)
    .where(where)
    .groupBy(recognitionApplications.status);
}

export async function findApplication(db: Executor, id: number, scope: SQL | undefined) {
  const [row] = await db
    .select({ a: recognitionApplications, enterpriseName: enterprises.name, uscc: enterprises.uscc, districtName: districts.name })
    .from(recognitionApplications)
    .innerJoin(enterprises, eq(enterprises.id, recognitionApplications.enterpriseId))
    .innerJoin(districts, eq(districts.id, recognitionApplications.districtId))
    .where(scope ? and(eq(recognitionApplications.id, id), scope) : eq(recognitionApplications.id, id));
  return row;
}

export async function listEvents(db: Executor, applicationId: number) {
  return db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, applicationId)).orderBy(asc(applicationEvents.id));
}

export async function listAttachments(db: Executor, applicationId: number) {
  return db
    .select({
      id: applicationAttachments.id,
      code: applicationAttachments.code,
      fileName: applicationAttachments.fileName,
      mimeType: applicationAttachments.mimeType,
      size: applicationAttachments.size,
      sha256: applicationAttachments.sha256,
      createdAt: applicationAttachments.createdAt,
    })
    .from(applicationAttachments)
    .where(eq(applicationAttachments.applicationId, applicationId))
    .orderBy(asc(applicationAttachments.code), asc(applicationAttachments.id));
}

export async function findAttachment(db: Executor, applicationId: number, attachmentId: number) {
  const [row] = await db
    .select()
    .from(applicationAttachments)
    .where(and(eq(applicationAttachments.applicationId, applicationId), eq(applicationAttachments.id, attachmentId)));
  return row;
}

export async function insertAttachment(tx: Executor, row: typeof applicationAttachments.$inferInsert) {
  const [created] = await tx.insert(applicationAttachments).values(row).returning({ id: applicationAttachments.id, createdAt: applicationAttachments.createdAt });
  return created;
}

export async function deleteAttachment(tx: Executor, applicationId: number, attachmentId: number) {
  const [row] = await tx
    .delete(applicationAttachments)
    .where(and(eq(applicationAttachments.applicationId, applicationId), eq(applicationAttachments.id, attachmentId)))
    .returning({ id: applicationAttachments.id, code: applicationAttachments.code, fileName: applicationAttachments.fileName, sha256: applicationAttachments.sha256 });
  return row;
}

export async function insertApplication(tx: Executor, row: NewApplicationRow): Promise<ApplicationRow> {
  const [created] = await tx.insert(recognitionApplications).values(row).returning();
  return created;
}

/** Optimistic update of a draft's data: undefined when the version moved on or the status is no longer editable. */
export async function updateData(tx: Executor, id: number, version: number, data: unknown): Promise<ApplicationRow | undefined> {
  const [row] = await tx
    .update(recognitionApplications)
    .set({ data, version: sql`${recognitionApplications.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(recognitionApplications.id, id),
        eq(recognitionApplications.version, version),
        or(eq(recognitionApplications.status, 'draft'), eq(recognitionApplications.status, 'returned')),
      ),
    )
    .returning();
  return row;
}

/** Bumps the version (an attachment changed). */
export async function touch(tx: Executor, id: number): Promise<void> {
  await tx
    .update(recognitionApplications)
    .set({ version: sql`${recognitionApplications.version} + 1`, updatedAt: new Date() })
    .where(eq(recognitionApplications.id, id));
}

/** The enterprise's latest earlier application (same type first), to prefill a new draft. */
export async function latestEarlierApplication(db: Executor, enterpriseId: number, type: RecognitionType) {
  const [row] = await db
    .select({ id: recognitionApplications.id, type: recognitionApplications.type, data: recognitionApplications.data })
    .from(recognitionApplications)
    .where(eq(recognitionApplications.enterpriseId, enterpriseId))
    .orderBy(sql`(${recognitionApplications.type} = ${type}) desc`, desc(recognitionApplications.id))
    .limit(1);
  return row;
}

export async function findEnterprise(db: Executor, id: number) {
  const [row] = await db
    .select({ id: enterprises.id, name: enterprises.name, districtId: enterprises.districtId, registeredOn: enterprises.registeredOn, employees: enterprises.employees, contactName: enterprises.contactName })
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

export async function insertEvent(tx: Executor, row: typeof applicationEvents.$inferInsert): Promise<void> {
  await tx.insert(applicationEvents).values(row);
}

export async function attachmentCodes(db: Executor, applicationId: number): Promise<Set<string>> {
  const rows = await db.selectDistinct({ code: applicationAttachments.code }).from(applicationAttachments).where(eq(applicationAttachments.applicationId, applicationId));
  return new Set(rows.map((r) => r.code));
}
