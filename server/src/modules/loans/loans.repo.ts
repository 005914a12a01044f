import { and, asc, count, desc, eq, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bridgeLoans, cases, districts, enterprises, guarantees } from '../../db/schema/index.js';
import { BRIDGE, GUARANTEE } from './instruments.js';

export type BridgeRow = typeof bridgeLoans.$inferSelect;
export type GuaranteeRow = typeof guarantees.$inferSelect;

const caseColumns = {
  id: cases.id,
  type: cases.type,
  year: cases.year,
  status: cases.status,
  dueOn: cases.dueOn,
  enterpriseId: cases.enterpriseId,
  districtId: cases.districtId,
  enterpriseName: enterprises.name,
  districtName: districts.name,
};

export async function listBridge(db: Executor, where: SQL | undefined, limit: number, offset: number) {
  const cond = and(eq(cases.instrument, BRIDGE), where);
  const [{ total }] = await db.select({ total: count() }).from(cases).where(cond);
  const items = await db
    .select({ c: caseColumns, d: bridgeLoans })
    .from(cases)
    .innerJoin(bridgeLoans, eq(bridgeLoans.id, cases.id))
    .leftJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .leftJoin(districts, eq(districts.id, cases.districtId))
    .where(cond)
    .orderBy(desc(cases.id))
    .limit(limit)
    .offset(offset);
  return { total, items };
}

export async function getBridge(db: Executor, id: number, where?: SQL) {
  const [row] = await db
    .select({ c: caseColumns, d: bridgeLoans })
    .from(cases)
    .innerJoin(bridgeLoans, eq(bridgeLoans.id, cases.id))
    .leftJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .leftJoin(districts, eq(districts.id, cases.districtId))
    .where(and(eq(cases.id, id), eq(cases.instrument, BRIDGE), where));
  return row ?? null;
}

export async function listGuarantees(db: Executor, where: SQL | undefined, limit: number, offset: number) {
  const cond = and(eq(cases.instrument, GUARANTEE), where);
  const [{ total }] = await db.select({ total: count() }).from(cases).where(cond);
  const items = await db
    .select({ c: caseColumns, d: guarantees })
    .from(cases)
    .innerJoin(guarantees, eq(guarantees.id, cases.id))
    .leftJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .leftJoin(districts, eq(districts.id, cases.districtId))
    .where(cond)
    .orderBy(desc(cases.id))
    .limit(limit)
    .offset(offset);
  return { total, items };
}

export async function getGuarantee(db: Executor, id: number, where?: SQL) {
  const [row] = await db
    .select({ c: caseColumns, d: guarantees })
    .from(cases)
    .innerJoin(guarantees, eq(guarantees.id, cases.id))
    .leftJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .leftJoin(districts, eq(districts.id, cases.districtId))
    .where(and(eq(cases.id, id), eq(cases.instrument, GUARANTEE), where));
  return row ?? null;
}

export async function insertBridge(tx: Executor, row: typeof bridgeLoans.$inferInsert) {
  await tx.insert(bridgeLoans).values(row);
}
export async function updateBridge(tx: Executor, id: number, set: Partial<typeof bridgeLoans.$inferInsert>) {
  await tx.update(bridgeLoans).set(set).where(eq(bridgeLoans.id, id));
}
export async function findBridge(db: Executor, id: number) {
  const [row] = await db.select().from(bridgeLoans).where(eq(bridgeLoans.id, id));
  return row ?? null;
}
export async function insertGuarantee(tx: Executor, row: typeof guarantees.$inferInsert) {
  await tx.insert(guarantees).values(row);
}
export async function updateGuarantee(tx: Executor, id: number, set: Partial<typeof guarantees.$inferInsert>) {
  await tx.update(guarantees).set(set).where(eq(guarantees.id, id));
}
export async function findGuarantee(db: Executor, id: number) {
  const [row] = await db.select().from(guarantees).where(eq(guarantees.id, id));
  return row ?? null;
}

export async function enterpriseOf(db: Executor, id: number) {
  const [row] = await db.select({ id: enterprises.id, name: enterprises.name, districtId: enterprises.districtId }).from(enterprises).where(eq(enterprises.id, id));
  return row ?? null;
}

// ── indicators ─────────────────────────────────────────────────────────────────────────────────

const GUARANTEED = sql`${cases.status} in ('guaranteed', 'released', 'defaulted', 'compensated')`;

/** Guarantees that started (the loan was granted under the guarantee) in a year, or by its end. */
export async function guaranteeFigures(db: Executor, year: number, districtId?: number) {
  const district = districtId === undefined ? undefined : eq(cases.districtId, districtId);
  const [row] = await db
    .select({
      amountFen: sql<string>`coalesce(sum(${guarantees.amountFen}) filter (where ${guarantees.startsOn} >= ${`${year}-01-01`}), 0)::text`,
      firms: sql<number>`(count(distinct ${cases.enterpriseId}) filter (where ${guarantees.startsOn} >= ${`${year}-01-01`}))::int`,
      amountCumFen: sql<string>`coalesce(sum(${guarantees.amountFen}), 0)::text`,
      timesCum: sql<number>`count(*)::int`,
    })
    .from(cases)
    .innerJoin(guarantees, eq(guarantees.id, cases.id))
    .where(and(eq(cases.instrument, GUARANTEE), GUARANTEED, isNotNull(guarantees.startsOn), lte(guarantees.startsOn, `${year}-12-31`), district));
  return { amount: Number(row.amountFen) / 100, firms: row.firms, amountCum: Number(row.amountCumFen) / 100, firmTimesCum: row.timesCum };
}

export async function guaranteeFiguresByDistrict(db: Executor, year: number) {
  const rows = await db
    .select({
      districtId: cases.districtId,
      amountFen: sql<string>`coalesce(sum(${guarantees.amountFen}) filter (where ${guarantees.startsOn} >= ${`${year}-01-01`}), 0)::text`,
      firms: sql<number>`(count(distinct ${cases.enterpriseId}) filter (where ${guarantees.startsOn} >= ${`${year}-01-01`}))::int`,
      amountCumFen: sql<string>`coalesce(sum(${guarantees.amountFen}), 0)::text`,
      timesCum: sql<number>`count(*)::int`,
    })
    .from(cases)
    .innerJoin(guarantees, eq(guarantees.id, cases.id))
    .where(and(eq(cases.instrument, GUARANTEE), GUARANTEED, isNotNull(guarantees.startsOn), lte(guarantees.startsOn, `${year}-12-31`)))
    .groupBy(cases.districtId);
  return rows.map((r) => ({ districtId: r.districtId, amount: Number(r.amountFen) / 100, firms: r.firms, amountCum: Number(r.amountCumFen) / 100, firmTimesCum: r.timesCum }));
}

/** Bridge loans disbursed by the end of a year: times and amount. */
export async function bridgeFigures(db: Executor, year: number, districtId?: number) {
  const rows = await db
    .select({ districtId: cases.districtId, times: sql<number>`count(*)::int`, fen: sql<string>`coalesce(sum(${bridgeLoans.approvedFen}), 0)::text` })
    .from(cases)
    .innerJoin(bridgeLoans, eq(bridgeLoans.id, cases.id))
    .where(and(eq(cases.instrument, BRIDGE), isNotNull(bridgeLoans.disbursedOn), lte(bridgeLoans.disbursedOn, `${year}-12-31`), districtId === undefined ? undefined : eq(cases.districtId, districtId)))
    .groupBy(cases.districtId);
  return rows.map((r) => ({ districtId: r.districtId, times: r.times, amount: Number(r.fen) / 100 }));
}

export async function guaranteeRecords(db: Executor, q: { year: number; cumulative: boolean; districtId?: number; limit: number; after?: { date: string; id: number } }) {
  const cond = and(
    eq(cases.instrument, GUARANTEE),
    GUARANTEED,
    isNotNull(guarantees.startsOn),
    lte(guarantees.startsOn, `${q.year}-12-31`),
    q.cumulative ? undefined : sql`${guarantees.startsOn} >= ${`${q.year}-01-01`}`,
    q.districtId === undefined ? undefined : eq(cases.districtId, q.districtId),
  );
  const [{ total }] = await db.select({ total: count() }).from(cases).innerJoin(guarantees, eq(guarantees.id, cases.id)).where(cond);
  const items = await db
    .select({ id: cases.id, type: cases.type, name: enterprises.name, districtId: cases.districtId, date: guarantees.startsOn, fen: guarantees.amountFen, enterpriseId: cases.enterpriseId })
    .from(cases)
    .innerJoin(guarantees, eq(guarantees.id, cases.id))
    .leftJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .where(and(cond, q.after ? sql`(${guarantees.startsOn}, ${cases.id}) > (${q.after.date}, ${q.after.id})` : undefined))
    .orderBy(asc(guarantees.startsOn), asc(cases.id))
    .limit(q.limit);
  return { total, items };
}

export async function bridgeRecords(db: Executor, q: { year: number; districtId?: number; limit: number; after?: { date: string; id: number } }) {
  const cond = and(eq(cases.instrument, BRIDGE), isNotNull(bridgeLoans.disbursedOn), lte(bridgeLoans.disbursedOn, `${q.year}-12-31`), q.districtId === undefined ? undefined : eq(cases.districtId, q.districtId));
  const [{ total }] = await db.select({ total: count() }).from(cases).innerJoin(bridgeLoans, eq(bridgeLoans.id, cases.id)).where(cond);
  const items = await db
    .select({ id: cases.id, name: enterprises.name, districtId: cases.districtId, date: bridgeLoans.disbursedOn, fen: bridgeLoans.approvedFen, enterpriseId: cases.enterpriseId })
    .from(cases)
    .innerJoin(bridgeLoans, eq(bridgeLoans.id, cases.id))
    .leftJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .where(and(cond, q.after ? sql`(${bridgeLoans.disbursedOn}, ${cases.id}) > (${q.after.date}, ${q.after.id})` : undefined))
    .orderBy(asc(bridgeLoans.disbursedOn), asc(cases.id))
    .limit(q.limit);
  return { total, items };
}
