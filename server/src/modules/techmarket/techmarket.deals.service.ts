import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { CONTRACT_TYPES } from '../../db/schema/techmarket.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import { businessToday, chinaDate } from '../../lib/clock.js';
import { fenToYuan, yuanToFen } from '../../lib/money.js';
import { recordAudit } from '../audit/index.js';
import { appendTimeline } from '../timeline/index.js';
import * as policy from './techmarket.policy.js';
import * as repo from './techmarket.repo.js';
import { CONTRACT_GROUP, CONTRACT_TYPE_NAMES, REGISTRATION_STATUS_NAMES, TECH_DOMAINS, type CreateDealInput, type SubmitRegistrationInput } from './techmarket.schema.js';

/** Calendar date in Hangzhou (UTC+8), YYYY-MM-DD: of an instant, or without one the business clock's today (lib/clock.ts). */
export function shanghaiDate(at?: Date): string {
  return at === undefined ? businessToday() : chinaDate(at);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

function presentDeal(r: repo.DealListRow, actor: Actor, today: string) {
  const deadlineOn = addDays(r.d.signedOn, Number(r.ruleDeadlineDays));
  const daysLeft = daysBetween(today, deadlineOn);
  const status: 'none' | 'submitted' | 'returned' | 'registered' = r.registrationStatus ?? 'none';
  return {
    id: r.d.id,
    source: r.d.source,
    title: r.d.title,
    supplyListingId: r.d.supplyListingId,
    demandListingId: r.d.demandListingId,
    auctionId: r.d.auctionId,
    sellerName: r.d.sellerName,
    buyerName: r.d.buyerName,
    districtName: r.districtName,
    domain: r.d.domain,
    amount: fenToYuan(r.d.amountFen),
    signedOn: r.d.signedOn,
    deadlineOn,
    daysLeft,
    atRisk: (status === 'none' || status === 'returned') && daysLeft <= Number(r.ruleAtRiskDays),
    registrationId: r.registrationId,
    registrationStatus: status,
    registrationStatusName: REGISTRATION_STATUS_NAMES[status],
    mine: r.d.sellerOrgId === actor.organizationId || r.d.buyerOrgId === actor.organizationId,
  };
}

export async function listDeals(opts: { db: Db; actor: Actor; atRisk?: boolean; limit: number; cursor?: string }) {
  const scope = policy.dealScope(opts.actor);
  const today = shanghaiDate();
  const after = opts.cursor ? decodeCursor(opts.cursor) : undefined;
  const rows = await repo.listDeals(opts.db, { where: scope, atRiskOn: opts.atRisk ? today : undefined, beforeId: after?.id, limit: opts.limit + 1 });
  const items = rows.slice(0, opts.limit);
  const last = items[items.length - 1];
  return { items: items.map((r) => presentDeal(r, opts.actor, today)), nextCursor: rows.length > opts.limit && last ? encodeCursor(0, last.d.id) : null };
}

export async function getDeal(opts: { db: Executor; actor: Actor; id: number }) {
  const r = await repo.findDeal(opts.db, opts.id, policy.dealScope(opts.actor));
  if (!r) {
    throw notFound('成交记录');
  }
  return presentDeal(r, opts.actor, shanghaiDate());
}

/**
 * Records a deal. An enterprise user is the seller: from its own approved supply listing (the
 * buyer from an optional demand listing or by name) or offline. A city officer may enter any
 * offline deal, naming seller and district.
 */
export async function createDeal(opts: { db: Db; ctx: RequestContext; input: CreateDealInput }) {
  const actor = policy.requireSignedIn(opts.ctx.actor);
  policy.assertCanCreateDeal(actor);
  const i = opts.input;
  if (i.signedOn > shanghaiDate()) {
    throw fieldError('signedOn', '签订日期不能晚于今天');
  }
  const id = await opts.db.transaction(async (tx) => {
    const asSeller = hasRole(actor, 'enterprise_user');
    let sellerOrgId: number | null = asSeller ? actor.organizationId : null;
    let sellerName = asSeller ? actor.organizationName : (i.sellerName ?? '');
    let districtId = asSeller ? actor.districtId : null;
    let buyerOrgId: number | null = null;
    let buyerName = i.buyerName;
    if (i.source === 'listing') {
      if (!i.supplyListingId) {
        throw fieldError('supplyListingId', '来自发布信息的成交须指明成果');
      }
      const supply = await repo.findListing(tx, i.supplyListingId);
      if (!supply || supply.kind !== 'supply' || supply.status !== 'approved' || (asSeller && supply.organizationId !== actor.organizationId)) {
        throw fieldError('supplyListingId', '成果不存在、未公开或不属于本单位');
      }
      sellerOrgId = supply.organizationId;
      sellerName = supply.ownerName;
      districtId = districtId ?? supply.districtId;
    }
    if (i.demandListingId) {
      const demand = await repo.findListing(tx, i.demandListingId);
      if (!demand || demand.kind !== 'demand' || demand.status !== 'approved') {
        throw fieldError('demandListingId', '需求不存在或未公开');
      }
      if (asSeller && demand.organizationId === actor.organizationId) {
        throw fieldError('demandListingId', '不能以本单位发布的需求作为买方');
      }
      // A seller's word does not make another organisation a party to the deal (it would then show
      // as theirs): the demand is kept as a reference and its owner named; only the bureau, which
      // records deals it has checked, binds the buyer's organisation.
      buyerOrgId = asSeller ? null : demand.organizationId;
      buyerName = demand.ownerName;
    }
    if (i.district) {
      const d = await repo.districtIdByRef(tx, i.district);
      if (d === undefined) {
        throw fieldError('district', `区县“${i.district}”不存在`);
      }
      if (asSeller && actor.districtId !== null && d !== actor.districtId) {
        throw fieldError('district', '成交归属卖方所在区县');
      }
      districtId = d;
    }
    if (!sellerName || sellerName.length < 2) {
      throw fieldError('sellerName', '请填写卖方名称');
    }
    if (districtId === null) {
      throw fieldError('district', '请填写卖方所在区县');
    }
    const [deal] = await repo.insertDeals(tx, [
      {
        source: i.source,
        title: i.title,
        supplyListingId: i.supplyListingId ?? null,
        demandListingId: i.demandListingId ?? null,
        sellerOrgId,
        sellerName,
        buyerOrgId,
        buyerName,
        districtId,
        domain: i.domain,
        amountFen: yuanToFen(i.amount),
        signedOn: i.signedOn,
        createdBy: actor.userId,
      },
    ]);
    await recordAudit(tx, opts.ctx, { action: 'techmarket.deal.create', objectType: 'tm_deal', objectId: deal.id, after: deal });
    if (actor.enterpriseId !== null && asSeller) {
      await appendTimeline(tx, [{ enterpriseId: actor.enterpriseId, module: 'techmarket', kind: 'deal', title: `技术交易成交：${deal.title}（${fenToYuan(deal.amountFen)}元）`, refType: 'tm_deal', refId: deal.id }]);
    }
    return deal.id;
  });
  return getDeal({ db: opts.db, actor, id });
}

function presentRegistration(x: repo.RegistrationListRow) {
  const r = x.r;
  return {
    id: r.id,
    dealId: r.dealId,
    status: r.status,
    statusName: REGISTRATION_STATUS_NAMES[r.status],
    contractType: r.contractType,
    contractTypeName: CONTRACT_TYPE_NAMES[r.contractType],
    contractTitle: r.contractTitle,
    sellerName: r.sellerName,
    buyerName: r.buyerName,
    signedOn: r.signedOn,
    deadlineOn: r.deadlineOn,
    ruleVersion: r.ruleVersion,
    amount: fenToYuan(r.amountFen),
    nonTechnicalItems: r.nonTechnicalItems.map((n) => ({ kind: n.kind, amount: fenToYuan(n.amountFen) })),
    nonTechnical: fenToYuan(r.nonTechnicalFen),
    technicalIncome: r.technicalIncomeFen === null ? null : fenToYuan(r.technicalIncomeFen),
    registrationNo: r.registrationNo,
    returnReasons: r.returnReasons,
    submittedAt: r.submittedAt,
    registeredOn: r.registeredOn,
    districtName: x.districtName,
    domain: x.domain,
  };
}

/** The rule in force on a date: the latest version effective by then (else the first). */
export async function ruleOn(db: Executor, date: string): Promise<repo.RuleRow> {
  const rules = await repo.listRules(db);
  const r = rules.find((x) => x.effectiveFrom <= date) ?? rules[rules.length - 1];
  if (!r) {
    throw new AppError('not_ready', '尚未配置技术合同登记规则');
  }
  return r;
}

/**
 * The seller submits (or, after a return, resubmits) the contract for registration. The first
 * submission must come within the deadline of the rule in force on the signing date.
 */
export async function submitRegistration(opts: { db: Db; ctx: RequestContext; dealId: number; input: SubmitRegistrationInput; today?: string }) {
  const actor = policy.requireSignedIn(opts.ctx.actor);
  const i = opts.input;
  const amountFen = yuanToFen(i.amount);
  const items = i.nonTechnicalItems.map((n) => ({ kind: n.kind, amountFen: yuanToFen(n.amount) }));
  const nonTechnicalFen = items.reduce((s, n) => s + n.amountFen, 0);
  if (nonTechnicalFen > amountFen) {
    throw fieldError('nonTechnicalItems', '非技术性费用合计不能超过合同成交额');
  }
  const today = opts.today ?? shanghaiDate();
  const id = await opts.db.transaction(async (tx) => {
    const deal = await repo.findDeal(tx, opts.dealId, policy.dealScope(actor));
    if (!deal) {
      throw notFound('成交记录');
    }
    policy.assertCanSubmitRegistration(actor, deal.d);
    const existing = await repo.findRegistrationByDeal(tx, deal.d.id);
    const fields = {
      contractType: i.contractType,
      contractTitle: i.contractTitle,
      amountFen,
      nonTechnicalItems: items,
      nonTechnicalFen,
      submittedBy: actor.userId,
      submittedAt: new Date(),
    };
    if (existing) {
      if (existing.status !== 'returned') {
        throw new AppError('invalid_state', existing.status === 'registered' ? '该合同已登记' : '该合同已提交，等待登记员审查');
      }
      const after = await repo.updateRegistration(tx, existing.id, 'returned', { ...fields, status: 'submitted' });
      if (!after) {
        throw new AppError('version_conflict', '登记状态已变化，请刷新');
      }
      await recordAudit(tx, opts.ctx, { action: 'techmarket.registration.resubmit', objectType: 'tm_registration', objectId: existing.id, before: existing, after });
      return existing.id;
    }
    const rule = await ruleOn(tx, deal.d.signedOn);
    const deadlineOn = addDays(deal.d.signedOn, rule.deadlineDays);
    if (today > deadlineOn) {
      throw new AppError('registration_overdue', `已超过认定登记期限（签订后${rule.deadlineDays}日内，截止${deadlineOn}）`, { deadlineOn });
    }
    const [row] = await repo.insertRegistrations(tx, [
      {
        dealId: deal.d.id,
        status: 'submitted',
        sellerName: deal.d.sellerName,
        buyerName: deal.d.buyerName,
        signedOn: deal.d.signedOn,
        deadlineOn,
        ruleVersion: rule.version,
        ...fields,
      },
    ]);
    await recordAudit(tx, opts.ctx, { action: 'techmarket.registration.submit', objectType: 'tm_registration', objectId: row.id, after: row });
    return row.id;
  });
  return getRegistration({ db: opts.db, actor, id });
}

function registrationScope(actor: Actor) {
  const scope = policy.dealScope(actor);
  if (hasRole(actor, 'enterprise_user')) {
    // Only the seller's side registers; the buyer does not see the registration case.
    return sql`tm_deals.seller_org_id = ${actor.organizationId}`;
  }
  return scope;
}

export async function getRegistration(opts: { db: Executor; actor: Actor; id: number }) {
  const r = await repo.findRegistration(opts.db, opts.id, registrationScope(opts.actor));
  if (!r) {
    throw notFound('登记申请');
  }
  return presentRegistration(r);
}

export async function listRegistrations(opts: { db: Db; actor: Actor; status?: string; limit: number; cursor?: string }) {
  const after = opts.cursor ? decodeCursor(opts.cursor) : undefined;
  const rows = await repo.listRegistrations(opts.db, { where: registrationScope(opts.actor), status: opts.status, beforeId: after?.id, limit: opts.limit + 1 });
  const items = rows.slice(0, opts.limit);
  const last = items[items.length - 1];
  return { items: items.map(presentRegistration), nextCursor: rows.length > opts.limit && last ? encodeCursor(0, last.r.id) : null };
}

/** Registration number: year + district code + 6-digit serial within the year, e.g. 2015330106000123. */
export function registrationNo(year: number, districtCode: string, serial: number): string {
  return `${year}${districtCode}${String(serial).padStart(6, '0')}`;
}

/**
 * The registrar checks the case, may correct the type, sets the technical income (default:
 * 合同成交额 minus non-technical costs) and registers it with a number.
 */
export async function registerContract(opts: { db: Db; ctx: RequestContext; id: number; contractType?: (typeof CONTRACT_TYPES)[number]; technicalIncome?: number; at?: Date }) {
  const actor = policy.requireSignedIn(opts.ctx.actor);
  policy.assertRegistrar(actor);
  const at = opts.at ?? new Date();
  // registeredAt is the record time; the registration date is a business date (of `at` when a caller fixes it)
  const registeredOn = opts.at ? shanghaiDate(opts.at) : shanghaiDate();
  await opts.db.transaction(async (tx) => {
    const before = await repo.findRegistration(tx, opts.id, undefined, true);
    if (!before) {
      throw notFound('登记申请');
    }
    if (before.r.status !== 'submitted') {
      throw new AppError('invalid_state', `只有已提交的申请可以登记（当前：${before.r.status}）`);
    }
    const income = opts.technicalIncome !== undefined ? yuanToFen(opts.technicalIncome) : before.r.amountFen - before.r.nonTechnicalFen;
    if (income > before.r.amountFen) {
      throw fieldError('technicalIncome', '技术交易额不能超过合同成交额');
    }
    const year = Number(registeredOn.slice(0, 4));
    const serial = await repo.nextRegistrationSerial(tx, year);
    const after = await repo.updateRegistration(tx, opts.id, 'submitted', {
      status: 'registered',
      contractType: opts.contractType ?? before.r.contractType,
      technicalIncomeFen: income,
      registrationNo: registrationNo(year, before.districtCode, serial),
      registrarId: actor.userId,
      registeredOn,
      registeredAt: at,
      returnReasons: [],
    });
    if (!after) {
      throw new AppError('version_conflict', '登记状态已变化，请刷新');
    }
    await repo.bumpYearStatsForRegistration(tx, opts.id);
    await recordAudit(tx, opts.ctx, { action: 'techmarket.registration.register', objectType: 'tm_registration', objectId: opts.id, before: before.r, after });
  });
  return getRegistration({ db: opts.db, actor, id: opts.id });
}

export async function returnRegistration(opts: { db: Db; ctx: RequestContext; id: number; reasons: string[] }) {
  const actor = policy.requireSignedIn(opts.ctx.actor);
  policy.assertRegistrar(actor);
  await opts.db.transaction(async (tx) => {
    const before = await repo.findRegistration(tx, opts.id, undefined, true);
    if (!before) {
      throw notFound('登记申请');
    }
    if (before.r.status !== 'submitted') {
      throw new AppError('invalid_state', `只有已提交的申请可以退回（当前：${before.r.status}）`);
    }
    const after = await repo.updateRegistration(tx, opts.id, 'submitted', { status: 'returned', returnReasons: opts.reasons, registrarId: actor.userId });
    await recordAudit(tx, opts.ctx, { action: 'techmarket.registration.return', objectType: 'tm_registration', objectId: opts.id, before: before.r, after });
  });
  return getRegistration({ db: opts.db, actor, id: opts.id });
}

// ---------- rules ----------

const presentRule = (r: repo.RuleRow) => ({ version: r.version, deadlineDays: r.deadlineDays, atRiskDays: r.atRiskDays, effectiveFrom: r.effectiveFrom, note: r.note, createdAt: r.createdAt });

export async function listRules(opts: { db: Db }) {
  return { items: (await repo.listRules(opts.db)).map(presentRule) };
}

/** A new rule version; cases keep the version in force on their signing date. */
export async function createRule(opts: { db: Db; ctx: RequestContext; input: { deadlineDays: number; atRiskDays: number; effectiveFrom: string; note?: string } }) {
  const actor = policy.requireSignedIn(opts.ctx.actor);
  policy.assertRuleEditor(actor);
  return opts.db.transaction(async (tx) => {
    const r = await repo.insertRule(tx, { ...opts.input, note: opts.input.note ?? null, createdBy: actor.userId });
    await recordAudit(tx, opts.ctx, { action: 'techmarket.rule.create', objectType: 'tm_registration_rule', objectId: r.version, after: r });
    return presentRule(r);
  });
}

// ---------- statistics ----------

export const STATS_DATE_BASIS = '认定登记日期（registered_on，北京时间）';
export const STATS_AMOUNT_BASIS = '合同成交额（登记时的合同金额，含非技术性费用）；另列技术交易额';

/**
 * techmarket.deals and techmarket.amount: contracts registered (status registered) with a
 * registration date in the year; the amount is 合同成交额 in yuan; the district is the deal's
 * (the seller's) district. See docs/techmarket.md.
 */
export async function computeTechmarketIndicators(opts: { db: Executor; year: number; districtId?: number }) {
  const rows = await repo.statBuckets(opts.db, { group: 'district', year: opts.year, districtId: opts.districtId });
  const byDistrict = rows.map((r) => ({ districtId: Number(r.key), deals: r.deals, amount: fenToYuan(r.amount), technicalIncome: fenToYuan(r.income) }));
  return {
    year: opts.year,
    deals: byDistrict.reduce((s, r) => s + r.deals, 0),
    amount: fenToYuan(rows.reduce((s, r) => s + r.amount, 0)),
    byDistrict,
  };
}

/**
 * techmarket.deals and techmarket.amount (same definition as computeTechmarketIndicators) read
 * from the yearly rollup that registerContract keeps; what the indicators dashboard uses.
 */
export async function techmarketYearFigures(opts: { db: Executor; year: number; districtId?: number }) {
  const rows = await repo.yearStats(opts.db, opts);
  return {
    year: opts.year,
    deals: rows.reduce((s, r) => s + r.deals, 0),
    amount: fenToYuan(rows.reduce((s, r) => s + r.amountFen, 0)),
    byDistrict: rows.map((r) => ({ districtId: r.districtId, deals: r.deals, amount: fenToYuan(r.amountFen), technicalIncome: fenToYuan(r.incomeFen) })),
  };
}

export async function getStats(opts: { db: Db; actor: Actor; year: number; district?: string }) {
  let requested: number | undefined;
  if (opts.district) {
    requested = await repo.districtIdByRef(opts.db, opts.district);
    if (requested === undefined) {
      throw fieldError('district', `区县“${opts.district}”不存在`);
    }
  }
  const districtId = policy.statsDistrict(opts.actor, requested);
  const names = await repo.districtNames(opts.db);
  const q = (group: 'district' | 'type' | 'domain' | 'month' | 'year', year?: number) => repo.statBuckets(opts.db, { group, year, districtId });
  const [byDistrict, byType, byDomain, byMonth, byYear] = await Promise.all([q('district', opts.year), q('type', opts.year), q('domain', opts.year), q('month', opts.year), q('year')]);
  const bucket = (name: (k: string) => string) => (r: repo.StatBucketRow) => ({ key: r.key, name: name(r.key), deals: r.deals, amount: fenToYuan(r.amount), technicalIncome: fenToYuan(r.income) });
  const byGroup = new Map<string, repo.StatBucketRow>();
  for (const r of byType) {
    const g = CONTRACT_GROUP[r.key as (typeof CONTRACT_TYPES)[number]] ?? r.key;
    const cur = byGroup.get(g) ?? { key: g, deals: 0, amount: 0, income: 0 };
    byGroup.set(g, { key: g, deals: cur.deals + r.deals, amount: cur.amount + r.amount, income: cur.income + r.income });
  }
  const totals = byDistrict.reduce((s, r) => ({ deals: s.deals + r.deals, amount: s.amount + r.amount, income: s.income + r.income }), { deals: 0, amount: 0, income: 0 });
  const domainOrder = (k: string) => TECH_DOMAINS.indexOf(k as (typeof TECH_DOMAINS)[number]);
  return {
    year: opts.year,
    dateBasis: STATS_DATE_BASIS,
    amountBasis: STATS_AMOUNT_BASIS,
    totals: { deals: totals.deals, amount: fenToYuan(totals.amount), technicalIncome: fenToYuan(totals.income) },
    byDistrict: byDistrict.map(bucket((k) => names.get(Number(k))?.name ?? k)),
    byType: [...byGroup.values()].map(bucket((k) => k)),
    byDomain: byDomain.sort((a, b) => domainOrder(a.key) - domainOrder(b.key)).map(bucket((k) => k)),
    byMonth: byMonth.map(bucket((k) => `${Number(k)}月`)),
    byYear: byYear.map(bucket((k) => `${k}年`)),
  };
}

