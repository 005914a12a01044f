import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../../db/client.js';
import { carrierStats, carriers, cases, districts, type StatFlag } from '../../db/schema/index.js';
import { actorOf, hasRole, type Actor, type RequestContext } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { businessNow, businessToday } from '../../lib/clock.js';
import { fenToYuan, yuanToFen } from '../../lib/money.js';
import { recordAudit } from '../audit/index.js';
import { assertCaseInScope, casesRepo, instrumentOf, lockCase, moveCase, openCase, statusName, type CaseRow } from '../cases/index.js';
import { JUMP_DOWN, JUMP_UP } from './carriers.rules.js';
import { assertOperates, carrierScopeWhere } from './carriers.policy.js';
import * as repo from './carriers.repo.js';
import type { StatsFields } from './carriers.schema.js';
import { actionsFor, caseHead, eventsOf } from './case-view.js';
import { STATS_ACTIONS } from './instrument.js';

export const STAT_LABELS: Record<keyof StatsFields, string> = {
  areaM2: '场地面积（平方米）',
  firmsInIncubation: '在孵企业数',
  newFirms: '当年新孵企业数',
  graduatedFirms: '当年毕业企业数',
  revenue: '在孵企业总收入（元）',
  jobs: '从业人员数',
  investment: '获得投融资额（元）',
  ipCount: '知识产权数',
  events: '创业活动场次',
};
const JUMP_FIELDS: (keyof StatsFields)[] = ['areaM2', 'firmsInIncubation', 'revenue', 'jobs', 'investment', 'ipCount', 'events'];

type StatsRow = typeof carrierStats.$inferSelect;
export const fieldsOf = (r: StatsRow): StatsFields => ({
  areaM2: r.areaM2,
  firmsInIncubation: r.firmsInIncubation,
  newFirms: r.newFirms,
  graduatedFirms: r.graduatedFirms,
  revenue: fenToYuan(r.revenueFen),
  jobs: r.jobs,
  investment: fenToYuan(r.investmentFen),
  ipCount: r.ipCount,
  events: r.events,
});
const columnsOf = (f: StatsFields) => ({ ...f, revenue: undefined, investment: undefined, revenueFen: yuanToFen(f.revenue), investmentFen: yuanToFen(f.investment) });

/** Internal consistency: refused with a message on the field (graduated and new firms within those in incubation, jobs at least one per firm). */
export function consistencyErrors(f: StatsFields): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  if (f.graduatedFirms > f.firmsInIncubation) {
    errors.push({ field: 'fields.graduatedFirms', message: `当年毕业企业数（${f.graduatedFirms}）不能多于在孵企业数（${f.firmsInIncubation}）` });
  }
  if (f.newFirms > f.firmsInIncubation) {
    errors.push({ field: 'fields.newFirms', message: `当年新孵企业数（${f.newFirms}）不能多于在孵企业数（${f.firmsInIncubation}）` });
  }
  if (f.jobs < f.firmsInIncubation) {
    errors.push({ field: 'fields.jobs', message: `从业人员数（${f.jobs}）不能少于在孵企业数（${f.firmsInIncubation}），每家企业至少1人` });
  }
  if (f.areaM2 <= 0) {
    errors.push({ field: 'fields.areaM2', message: '场地面积须大于0' });
  }
  return errors;
}

/** Year-on-year jumps (more than doubled, or halved) for the reviewer: flagged, not refused. */
export function jumpFlags(f: StatsFields, prev: StatsFields | null): StatFlag[] {
  if (!prev) {
    return [];
  }
  const out: StatFlag[] = [];
  for (const k of JUMP_FIELDS) {
    const [a, b] = [prev[k], f[k]];
    if (a > 0 && (b / a > JUMP_UP || b / a < JUMP_DOWN)) {
      const pct = Math.round(((b - a) / a) * 100);
      out.push({ field: k, message: `${STAT_LABELS[k]}较上年${pct > 0 ? '增长' : '下降'}${Math.abs(pct)}%（上年${a}，本年${b}），请核实` });
    }
  }
  return out;
}

async function previousYear(db: Executor, carrierId: number, year: number): Promise<StatsFields | null> {
  const [row] = await db.select().from(carrierStats).where(and(eq(carrierStats.carrierId, carrierId), eq(carrierStats.year, year - 1)));
  return row ? fieldsOf(row) : null;
}

function assertConsistent(f: StatsFields) {
  const errors = consistencyErrors(f);
  if (errors.length) {
    throw new AppError('validation_failed', '统计数据前后不一致', { fields: errors });
  }
}

function assertYear(year: number, foundedOn: string | null) {
  const current = Number(businessToday().slice(0, 4));
  if (year > current) {
    throw new AppError('validation_failed', '统计年度不能晚于今年', { fields: [{ field: 'year', message: `统计年度不能晚于${current}年` }] });
  }
  if (foundedOn && year < Number(foundedOn.slice(0, 4))) {
    throw new AppError('validation_failed', '统计年度早于载体成立年份', { fields: [{ field: 'year', message: `载体成立于${foundedOn.slice(0, 4)}年` }] });
  }
}

/** Creates the year's report (a draft case) or, when a draft or returned one exists, saves over it; one report per carrier and year. */
export async function saveStatsTx(tx: Tx, ctx: RequestContext, carrierId: number, year: number, f: StatsFields): Promise<{ id: number; created: boolean; flags: StatFlag[] }> {
  const actor = actorOf(ctx);
  const carrier = await repo.findCarrier(tx, carrierId, true);
  assertOperates(actor, carrier);
  const row = carrier as typeof carriers.$inferSelect;
  assertYear(year, row.foundedOn);
  assertConsistent(f);
  const flags = jumpFlags(f, await previousYear(tx, carrierId, year));
  const [existing] = await tx.select().from(carrierStats).where(and(eq(carrierStats.carrierId, carrierId), eq(carrierStats.year, year)));
  if (existing) {
    const c = await lockCase(tx, ctx, existing.id, 'carrier_stats', '统计报表');
    if (!['draft', 'returned'].includes(c.status)) {
      throw new AppError('conflict', `${year}年度统计报表状态为“${statusName(instrumentOf('carrier_stats'), c.status)}”，不能再修改`, { fields: [{ field: 'year', message: '该年度报表已提交' }] });
    }
    await tx.update(carrierStats).set({ ...columnsOf(f), flags }).where(eq(carrierStats.id, existing.id));
    await casesRepo.touchCase(tx, existing.id);
    await recordAudit(tx, ctx, { action: 'carrier_stats_case.update', objectType: 'carrier_stats_case', objectId: existing.id, before: fieldsOf(existing), after: f });
    return { id: existing.id, created: false, flags };
  }
  const c = await openCase(tx, ctx, { instrument: 'carrier_stats', type: 'annual', year, title: `${year}年度统计报表：${row.name}`, organizationId: row.organizationId, districtId: row.districtId });
  await tx.insert(carrierStats).values({ id: c.id, carrierId, year, ...columnsOf(f), flags });
  await recordAudit(tx, ctx, { action: 'carrier_stats_case.create', objectType: 'carrier_stats_case', objectId: c.id, after: f });
  return { id: c.id, created: true, flags };
}

export async function saveStats(db: Db, ctx: RequestContext, carrierId: number, year: number, f: StatsFields) {
  const { id } = await db.transaction(async (tx) => saveStatsTx(tx, ctx, carrierId, year, f));
  return getStats(db, actorOf(ctx), id);
}

export async function updateStats(db: Db, ctx: RequestContext, id: number, f: StatsFields) {
  const [row] = await db.select({ carrierId: carrierStats.carrierId, year: carrierStats.year }).from(carrierStats).where(eq(carrierStats.id, id));
  if (!row) {
    throw notFound('统计报表');
  }
  await readStatsCase(db, actorOf(ctx), id);
  return saveStats(db, ctx, row.carrierId, row.year, f);
}

async function readStatsCase(db: Executor, actor: Actor, id: number): Promise<CaseRow> {
  const c = await casesRepo.findCase(db, id);
  if (!c || c.instrument !== 'carrier_stats' || hasRole(actor, 'expert')) {
    throw notFound('统计报表');
  }
  assertCaseInScope({ actor, requestId: '', ip: '' }, c, '统计报表');
  return c;
}

const lineColumns = { s: carrierStats, c: cases, carrierName: carriers.name, carrierKind: carriers.kind, districtName: districts.name };
const line = (r: { s: StatsRow; c: CaseRow; carrierName: string; carrierKind: (typeof carriers.$inferSelect)['kind']; districtName: string }) => {
  const { next: _n, instrument: _i, instrumentName: _in, ...head } = caseHead(r.c);
  return { ...head, carrierId: r.s.carrierId, carrierName: r.carrierName, carrierKind: r.carrierKind, districtName: r.districtName, fields: fieldsOf(r.s), flags: r.s.flags };
};

export async function getStats(db: Db, actor: Actor, id: number) {
  const c = await readStatsCase(db, actor, id);
  const [r] = await db
    .select(lineColumns)
    .from(carrierStats)
    .innerJoin(cases, eq(cases.id, carrierStats.id))
    .innerJoin(carriers, eq(carriers.id, carrierStats.carrierId))
    .innerJoin(districts, eq(districts.id, carriers.districtId))
    .where(eq(carrierStats.id, id));
  return { ...line(r), previous: await previousYear(db, r.s.carrierId, r.s.year), actions: actionsFor(actor, c, STATS_ACTIONS), events: await eventsOf(db, c) };
}

export async function listStats(db: Db, actor: Actor, q: { year?: number; status?: string }) {
  const where: (SQL | undefined)[] = [carrierScopeWhere(actor), q.year ? eq(carrierStats.year, q.year) : undefined, q.status ? eq(cases.status, q.status) : undefined];
  const rows = await db
    .select(lineColumns)
    .from(carrierStats)
    .innerJoin(cases, eq(cases.id, carrierStats.id))
    .innerJoin(carriers, eq(carriers.id, carrierStats.carrierId))
    .innerJoin(districts, eq(districts.id, carriers.districtId))
    .where(and(...where))
    .orderBy(asc(districts.sortOrder), asc(carriers.id), asc(carrierStats.year))
    .limit(2000);
  return { items: rows.map(line) };
}

/** One step of the report's review; the operator's submit re-checks consistency. */
export async function actOnStats(db: Db, ctx: RequestContext, id: number, input: { action: string; comment?: string }) {
  if (!(STATS_ACTIONS as readonly string[]).includes(input.action)) {
    throw new AppError('validation_failed', '不支持的操作', { fields: [{ field: 'action', message: `操作应为 ${STATS_ACTIONS.join('、')} 之一` }] });
  }
  await db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, id, 'carrier_stats', '统计报表');
    if (input.action === 'submit') {
      const [row] = await tx.select().from(carrierStats).where(eq(carrierStats.id, id));
      assertConsistent(fieldsOf(row));
    }
    await moveCase(tx, ctx, c, { action: input.action, comment: input.comment, set: input.action === 'submit' ? { submittedAt: businessNow() } : undefined });
  });
  return getStats(db, actorOf(ctx), id);
}

