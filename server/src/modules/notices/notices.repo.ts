import { and, asc, count, desc, eq, gt, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { caseEvents, cases, districts, enterprises, noticeItems, objections, publicNotices, users, type ObjectionStatus } from '../../db/schema/index.js';

export type NoticeRow = typeof publicNotices.$inferSelect;
export type NoticeItemRow = typeof noticeItems.$inferSelect;
export type ObjectionRow = typeof objections.$inferSelect;

/** Cases of an instrument, type and year that passed review and are in no notice yet (each instrument says which are ready). */
export async function candidateCases(db: Executor, instrument: string, type: string, year: number) {
  return db
    .select({
      case: cases,
      enterpriseName: enterprises.name,
      districtName: districts.name,
    })
    .from(cases)
    .leftJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .leftJoin(districts, eq(districts.id, cases.districtId))
    .where(and(eq(cases.instrument, instrument), eq(cases.type, type), eq(cases.year, year), isNull(cases.noticeId)))
    .orderBy(asc(cases.id))
    .limit(2000);
}

export async function insertNotice(tx: Tx, values: typeof publicNotices.$inferInsert): Promise<NoticeRow> {
  const [row] = await tx.insert(publicNotices).values(values).returning();
  return row;
}

export async function insertItems(tx: Tx, values: (typeof noticeItems.$inferInsert)[]): Promise<NoticeItemRow[]> {
  return tx.insert(noticeItems).values(values).returning();
}

export interface NoticeFilter {
  instrument?: string;
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
    f.instrument ? eq(publicNotices.module, f.instrument) : undefined,
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
      module: publicNotices.module,
      title: publicNotices.title,
      subject: publicNotices.subject,
      year: publicNotices.year,
      publishedOn: publicNotices.publishedOn,
      workingDays: publicNotices.workingDays,
      endsOn: publicNotices.endsOn,
      // qualified by hand: inside a one-table select Drizzle renders columns unqualified, and an
      // unqualified "id" in the subquery would be the item's own id (every notice showed 1 item)
      itemCount: sql<number>`(select count(*)::int from notice_items ni where ni.notice_id = "public_notices"."id")`,
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
    .where(eq(publicNotices.id, id));
  return row ?? null;
}

export async function listItems(db: Executor, noticeId: number): Promise<NoticeItemRow[]> {
  return db.select().from(noticeItems).where(eq(noticeItems.noticeId, noticeId)).orderBy(asc(noticeItems.id));
}

export async function findItem(db: Executor, itemId: number): Promise<NoticeItemRow | null> {
  const [row] = await db.select().from(noticeItems).where(eq(noticeItems.id, itemId));
  return row ?? null;
}

export async function itemOfCase(db: Executor, noticeId: number, caseId: number): Promise<NoticeItemRow | null> {
  const [row] = await db
    .select()
    .from(noticeItems)
    .where(and(eq(noticeItems.noticeId, noticeId), eq(noticeItems.caseId, caseId)));
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

export async function casesByIds(db: Executor, ids: number[]) {
  if (ids.length === 0) {
    return new Map<number, typeof cases.$inferSelect>();
  }
  const rows = await db.select().from(cases).where(inArray(cases.id, ids));
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
  applicationId: noticeItems.caseId,
  applicationDistrictId: cases.districtId,
  resolvedByName: users.displayName,
};

function objectionQuery(db: Executor) {
  return db
    .select(objectionColumns)
    .from(objections)
    .innerJoin(publicNotices, eq(publicNotices.id, objections.noticeId))
    .innerJoin(noticeItems, eq(noticeItems.id, objections.itemId))
    .innerJoin(cases, eq(cases.id, noticeItems.caseId))
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
    .innerJoin(cases, eq(cases.id, noticeItems.caseId))
    .where(and(eq(objections.id, id), scope));
  return row ?? null;
}

/** A step on the application's timeline that does not move its status (an objection filed or resolved). */
export async function insertEvent(tx: Tx, values: typeof caseEvents.$inferInsert): Promise<void> {
  await tx.insert(caseEvents).values(values);
}
