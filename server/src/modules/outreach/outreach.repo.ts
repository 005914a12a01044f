import { and, asc, desc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { commissionerAssignments, commissioners, commissionerServiceRecords, districts, enterprises, outreachEventPhotos, outreachEvents } from '../../db/schema/index.js';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const yearCond = (year: number) => and(sql`${outreachEvents.heldOn} >= ${`${year}-01-01`}`, sql`${outreachEvents.heldOn} <= ${`${year}-12-31`}`)!;

export async function findDistrict(db: Executor, ref: string) {
  const [d] = await db
    .select({ id: districts.id, name: districts.name })
    .from(districts)
    .where(or(eq(districts.name, ref), eq(districts.code, ref)));
  return d ?? null;
}

export async function listEvents(db: Executor, f: { year?: number; q?: string; upTo: string }) {
  const conds: SQL[] = [sql`${outreachEvents.heldOn} <= ${f.upTo}`];
  if (f.year) {
    conds.push(yearCond(f.year));
  }
  if (f.q) {
    const p = `%${escapeLike(f.q)}%`;
    conds.push(or(ilike(outreachEvents.title, p), ilike(outreachEvents.place, p), ilike(outreachEvents.content, p), ilike(outreachEvents.organisers, p))!);
  }
  return db
    .select({
      id: outreachEvents.id,
      title: outreachEvents.title,
      heldOn: outreachEvents.heldOn,
      place: outreachEvents.place,
      districtId: outreachEvents.districtId,
      districtName: districts.name,
      organisers: outreachEvents.organisers,
      participants: outreachEvents.participants,
      content: outreachEvents.content,
    })
    .from(outreachEvents)
    .leftJoin(districts, eq(districts.id, outreachEvents.districtId))
    .where(and(...conds))
    .orderBy(desc(outreachEvents.heldOn), desc(outreachEvents.id))
    .limit(500);
}

export async function photosOf(db: Executor, eventIds: number[]) {
  if (!eventIds.length) {
    return [];
  }
  return db
    .select({ id: outreachEventPhotos.id, eventId: outreachEventPhotos.eventId, fileName: outreachEventPhotos.fileName, caption: outreachEventPhotos.caption })
    .from(outreachEventPhotos)
    .where(inArray(outreachEventPhotos.eventId, eventIds))
    .orderBy(asc(outreachEventPhotos.id));
}

export async function findPhoto(db: Executor, eventId: number, photoId: number) {
  const [p] = await db
    .select()
    .from(outreachEventPhotos)
    .where(and(eq(outreachEventPhotos.id, photoId), eq(outreachEventPhotos.eventId, eventId)));
  return p ?? null;
}

export async function findEvent(db: Executor, id: number) {
  const [e] = await db.select().from(outreachEvents).where(eq(outreachEvents.id, id));
  return e ?? null;
}

export async function insertEvents(tx: Executor, rows: (typeof outreachEvents.$inferInsert)[]) {
  return tx.insert(outreachEvents).values(rows).returning();
}

export async function insertPhoto(tx: Executor, row: typeof outreachEventPhotos.$inferInsert) {
  const [p] = await tx.insert(outreachEventPhotos).values(row).returning({ id: outreachEventPhotos.id });
  return p;
}

/** outreach.events: events held in the year (by their date), city-wide or one district's; by district. */
export async function eventCounts(db: Executor, year: number) {
  return db
    .select({ districtId: outreachEvents.districtId, n: sql<number>`count(*)::int` })
    .from(outreachEvents)
    .where(yearCond(year))
    .groupBy(outreachEvents.districtId);
}

export async function eventRecords(db: Executor, opts: { year: number; districtId?: number; limit: number; after?: { date: string; id: number } }) {
  const conds: SQL[] = [yearCond(opts.year)];
  if (opts.districtId !== undefined) {
    conds.push(eq(outreachEvents.districtId, opts.districtId));
  }
  const where = and(...conds);
  const page = opts.after
    ? and(where, or(gt(outreachEvents.heldOn, opts.after.date), and(eq(outreachEvents.heldOn, opts.after.date), gt(outreachEvents.id, opts.after.id))))
    : where;
  const items = await db
    .select({ id: outreachEvents.id, title: outreachEvents.title, heldOn: outreachEvents.heldOn, districtId: outreachEvents.districtId, place: outreachEvents.place })
    .from(outreachEvents)
    .where(page)
    .orderBy(asc(outreachEvents.heldOn), asc(outreachEvents.id))
    .limit(opts.limit);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(outreachEvents).where(where);
  return { total, items };
}

// ---- commissioners ----

export async function listCommissioners(db: Executor, q?: string) {
  const where = q ? or(ilike(commissioners.name, `%${escapeLike(q)}%`), ilike(commissioners.organization, `%${escapeLike(q)}%`), ilike(commissioners.expertise, `%${escapeLike(q)}%`)) : undefined;
  return db.select().from(commissioners).where(where).orderBy(asc(commissioners.id)).limit(1000);
}

export async function findCommissioner(db: Executor, id: number) {
  const [c] = await db.select().from(commissioners).where(eq(commissioners.id, id));
  return c ?? null;
}

export async function assignmentsOf(db: Executor, ids: number[]) {
  if (!ids.length) {
    return [];
  }
  return db
    .select({
      id: commissionerAssignments.id,
      commissionerId: commissionerAssignments.commissionerId,
      districtId: commissionerAssignments.districtId,
      districtName: districts.name,
      township: commissionerAssignments.township,
      enterpriseId: commissionerAssignments.enterpriseId,
      enterpriseName: enterprises.name,
      startOn: commissionerAssignments.startOn,
      endOn: commissionerAssignments.endOn,
      task: commissionerAssignments.task,
    })
    .from(commissionerAssignments)
    .innerJoin(districts, eq(districts.id, commissionerAssignments.districtId))
    .leftJoin(enterprises, eq(enterprises.id, commissionerAssignments.enterpriseId))
    .where(inArray(commissionerAssignments.commissionerId, ids))
    .orderBy(desc(commissionerAssignments.startOn), desc(commissionerAssignments.id));
}

export async function recordsOf(db: Executor, ids: number[]) {
  if (!ids.length) {
    return [];
  }
  return db.select().from(commissionerServiceRecords).where(inArray(commissionerServiceRecords.commissionerId, ids)).orderBy(desc(commissionerServiceRecords.year));
}

export async function insertCommissioners(tx: Executor, rows: (typeof commissioners.$inferInsert)[]) {
  return tx.insert(commissioners).values(rows).returning();
}

export async function insertAssignments(tx: Executor, rows: (typeof commissionerAssignments.$inferInsert)[]) {
  return tx.insert(commissionerAssignments).values(rows).returning();
}

export async function insertRecords(tx: Executor, rows: (typeof commissionerServiceRecords.$inferInsert)[]) {
  return tx.insert(commissionerServiceRecords).values(rows).onConflictDoNothing().returning();
}

export async function findEnterprise(db: Executor, id: number) {
  const [e] = await db.select({ id: enterprises.id, districtId: enterprises.districtId }).from(enterprises).where(eq(enterprises.id, id));
  return e ?? null;
}
