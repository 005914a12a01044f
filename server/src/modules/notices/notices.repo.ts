import { and, asc, count, desc, eq, gt, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import {
  applicationEvents,
  districts,
  enterprises,
  noticeItems,
  objections,
  publicNotices,
  recognitionApplications,
  users,
  type ObjectionStatus,
  type RecognitionType,
} from '../../db/schema/index.js';

export type NoticeRow = typeof publicNotices.$inferSelect;
export type NoticeItemRow = typeof noticeItems.$inferSelect;
export type ObjectionRow = typeof objections.$inferSelect;

/** Notice items point at recognition applications with this ref type. */
export const APPLICATION_REF = 'recognition_application';
export const NOTICE_MODULE = 'recognitions';

/** Applications of a type and year that passed the city review or the panel and are in no notice yet. */
export async function candidateApplications(db: Executor, type: RecognitionType, year: number) {
  return db
    .select({
      applicationId: recognitionApplications.id,
      enterpriseId: recognitionApplications.enterpriseId,
      enterpriseName: enterprises.name,
      districtName: districts.name,
      status: recognitionApplications.status,
      panelScore: recognitionApplications.panelScore,
      submittedAt: recognitionApplications.submittedAt,
    })
    .from(recognitionApplications)
    .innerJoin(enterprises, eq(enterprises.id, recognitionApplications.enterpriseId))
    .innerJoin(districts, eq(districts.id, recognitionApplications.districtId))
    .where(
      and(
        eq(recognitionApplications.type, type),
        eq(recognitionApplications.year, year),
        inArray(recognitionApplications.status, ['scored', 'city_passed']),
        isNull(recognitionApplications.noticeId),
      ),
    )
    .orderBy(asc(recognitionApplications.id));
}

/** Enterprise and district names of applications, for the public list. */
export async function applicationLabels(db: Executor, ids: number[]) {
  if (ids.length === 0) {
    return new Map<number, { enterpriseName: string; districtName: string }>();
  }
  const rows = await db
    .select({ id: recognitionApplications.id, enterpriseName: enterprises.name, districtName: districts.name })
    .from(recognitionApplications)
    .innerJoin(enterprises, eq(enterprises.id, recognitionApplications.enterpriseId))
    .innerJoin(districts, eq(districts.id, recognitionApplications.districtId))
    .where(inArray(recognitionApplications.id, ids));
  return new Map(rows.map((r) => [r.id, { enterpriseName: r.enterpriseName, districtName: r.districtName }]));
}

export async function insertNotice(tx: Tx, values: typeof publicNotices.$inferInsert): Promise<NoticeRow> {
  const [row] = await tx.insert(publicNotices).values(values).returning();
  return row;
}

export async function insertItems(tx: Tx, values: (typeof noticeItems.$inferInsert)[]): Promise<NoticeItemRow[]> {
  return tx.insert(noticeItems).values(values).returning();
}

export interface NoticeFilter {
  subject?: string;
  year?: number;
  /** only those published on or before this day (the public does not see scheduled notices) */
  publishedBy?: string;
  endsAfter?: string;
  endsOnOrBefore?: string;
  publishedAfter?: string;
}

export async function listNotices(db: Executor, f: NoticeFilter) {
  const conds: (SQL | undefined)[] = [
    eq(publicNotices.module, NOTICE_MODULE),
    f.subject ? eq(publicNotices.subject, f.subject) : undefined,
    f.year ? eq(publicNotices.year, f.year) : undefined,
    f.publishedBy ? lte(publicNotices.publishedOn, f.publishedBy) : undefined,
    f.publishedAfter ? gt(publicNotices.publishedOn, f.publishedAfter) : undefined,
    f.endsAfter ? sql`${publicNotices.endsOn} >= ${f.endsAfter}` : undefined,
    f.endsOnOrBefore ? sql`${publicNotices.endsOn} < ${f.endsOnOrBefore}` : undefined,
  ];
  return db
    .select({
      id: publicNotices.id,
      title: publicNotices.title,
      subject: publicNotices.subject,
      year: publicNotices.year,
      publishedOn: publicNotices.publishedOn,
      workingDays: publicNotices.workingDays,
      endsOn: publicNotices.endsOn,
      itemCount: sql<number>`(select count(*)::int from ${noticeItems} where ${noticeItems.noticeId} = ${publicNotices.id})`,
    })
    .from(publicNotices)
    .where(and(...conds))
    .orderBy(desc(publicNotices.publishedOn), desc(publicNotices.id))
    .limit(500);
}

export async function findNotice(db: Executor, id: number): Promise<NoticeRow | null> {
  const [row] = await db
    .select()
    .from(publicNotices)
    .where(and(eq(publicNotices.id, id), eq(publicNotices.module, NOTICE_MODULE)));
  return row ?? null;
}

export async function listItems(db: Executor, noticeId: number): Promise<NoticeItemRow[]> {
  return db.select().from(noticeItems).where(eq(noticeItems.noticeId, noticeId)).orderBy(asc(noticeItems.id));
}

export async function findItem(db: Executor, itemId: number): Promise<NoticeItemRow | null> {
  const [row] = await db.select().from(noticeItems).where(eq(noticeItems.id, itemId));
  return row ?? null;
}

export async function itemOfApplication(db: Executor, noticeId: number, applicationId: number): Promise<NoticeItemRow | null> {
  const [row] = await db
    .select()
    .from(noticeItems)
    .where(and(eq(noticeItems.noticeId, noticeId), eq(noticeItems.refType, APPLICATION_REF), eq(noticeItems.refId, applicationId)));
  return row ?? null;
}

/** Objections per item and status. */
export async function objectionCounts(db: Executor, itemIds: number[]): Promise<Map<number, Record<ObjectionStatus, number>>> {
  const out = new Map<number, Record<ObjectionStatus, number>>();
  if (itemIds.length === 0) {
    return out;
  }
  const rows = await db
    .select({ itemId: objections.itemId, status: objections.status, n: count() })
    .from(objections)
    .where(inArray(objections.itemId, itemIds))
    .groupBy(objections.itemId, objections.status);
  for (const r of rows) {
    const c = out.get(r.itemId) ?? { open: 0, upheld: 0, dismissed: 0 };
    c[r.status] = Number(r.n);
    out.set(r.itemId, c);
  }
  return out;
}

export async function applicationStatuses(db: Executor, ids: number[]) {
  if (ids.length === 0) {
    return new Map<number, typeof recognitionApplications.$inferSelect>();
  }
  const rows = await db.select().from(recognitionApplications).where(inArray(recognitionApplications.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function insertObjection(tx: Tx, values: typeof objections.$inferInsert): Promise<ObjectionRow> {
  const [row] = await tx.insert(objections).values(values).returning();
  return row;
}

const objectionColumns = {
  o: objections,
  noticeTitle: publicNotices.title,
  noticeEndsOn: publicNotices.endsOn,
  itemName: noticeItems.name,
  districtName: noticeItems.districtName,
  applicationId: noticeItems.refId,
  applicationDistrictId: recognitionApplications.districtId,
  resolvedByName: users.displayName,
};

function objectionQuery(db: Executor) {
  return db
    .select(objectionColumns)
    .from(objections)
    .innerJoin(publicNotices, eq(publicNotices.id, objections.noticeId))
    .innerJoin(noticeItems, eq(noticeItems.id, objections.itemId))
    .innerJoin(recognitionApplications, and(eq(noticeItems.refType, APPLICATION_REF), eq(recognitionApplications.id, noticeItems.refId)))
    .leftJoin(users, eq(users.id, objections.resolvedBy));
}
export type ObjectionWithContext = Awaited<ReturnType<typeof findObjection>> & object;

export async function listObjections(db: Executor, f: { scope: SQL | undefined; status?: ObjectionStatus; noticeId?: number }) {
  return objectionQuery(db)
    .where(and(f.scope, f.status ? eq(objections.status, f.status) : undefined, f.noticeId ? eq(objections.noticeId, f.noticeId) : undefined))
    .orderBy(desc(objections.id))
    .limit(500);
}

export async function findObjection(db: Executor, id: number, scope: SQL | undefined) {
  const [row] = await objectionQuery(db).where(and(eq(objections.id, id), scope));
  return row ?? null;
}

export async function lockObjection(tx: Tx, id: number): Promise<ObjectionRow | null> {
  const [row] = await tx.select().from(objections).where(eq(objections.id, id)).for('update');
  return row ?? null;
}

export async function resolveObjection(tx: Tx, id: number, set: { status: ObjectionStatus; resolution: string; resolvedBy: number; resolvedAt: Date }) {
  const [row] = await tx
    .update(objections)
    .set(set)
    .where(and(eq(objections.id, id), eq(objections.status, 'open')))
    .returning();
  return row ?? null;
}

export async function evidenceOf(db: Executor, id: number, scope: SQL | undefined) {
  const [row] = await db
    .select({ fileName: objections.evidenceFileName, content: objections.evidenceContent })
    .from(objections)
    .innerJoin(noticeItems, eq(noticeItems.id, objections.itemId))
    .innerJoin(recognitionApplications, and(eq(noticeItems.refType, APPLICATION_REF), eq(recognitionApplications.id, noticeItems.refId)))
    .where(and(eq(objections.id, id), scope));
  return row ?? null;
}

/** A step on the application's timeline that does not move its status (an objection filed or resolved). */
export async function insertEvent(tx: Tx, values: typeof applicationEvents.$inferInsert): Promise<void> {
  await tx.insert(applicationEvents).values(values);
}
