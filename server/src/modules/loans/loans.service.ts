import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { cases } from '../../db/schema/index.js';
import { actorOf, hasRole, type Actor, type RequestContext } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { businessToday } from '../../lib/clock.js';
import { recordAudit } from '../audit/index.js';
import { caseActions, caseEventsView, instrumentOf, lockCase, moveCase, openCase, statusName, typeName, type InstrumentDef } from '../cases/index.js';
import { balanceTotals, LedgerShortfall, postMovement } from '../ledger/index.js';
import { BRIDGE, BRIDGE_BOOK, BRIDGE_OBJECT, GUARANTEE, GUARANTEE_BOOK, GUARANTEE_OBJECT } from './instruments.js';
import * as repo from './loans.repo.js';

const fen = (yuan: number) => Math.round(yuan * 100);
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
export const addMonths = (date: string, n: number) => {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The share of the guarantee fee the bureau pays back (bureau policy: 政策性担保 50%, 助保贷 100%). */
export const FEE_SUBSIDY_RATIO: Record<string, number> = { policy: 0.5, zhubaodai: 1 };

/** Who reads loan cases: bureau roles all, a district its own, an enterprise its own. */
export function loanScope(actor: Actor): SQL | undefined {
  if (hasRole(actor, 'city_officer', 'city_admin', 'auditor')) {
    return undefined;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return eq(cases.districtId, actor.districtId);
  }
  if (hasRole(actor, 'enterprise_user') && actor.enterpriseId !== null) {
    return eq(cases.enterpriseId, actor.enterpriseId);
  }
  throw forbidden('无权查看融资业务');
}

function ownEnterprise(actor: Actor): number {
  if (!hasRole(actor, 'enterprise_user') || actor.enterpriseId === null) {
    throw forbidden('只有企业用户可以申请');
  }
  return actor.enterpriseId;
}

function listConds(def: InstrumentDef, actor: Actor, q: { year?: number; status?: string; mine?: 'true' | 'false' }) {
  const conds: (SQL | undefined)[] = [loanScope(actor)];
  if (q.year !== undefined) {
    conds.push(eq(cases.year, q.year));
  }
  if (q.status) {
    conds.push(eq(cases.status, q.status));
  }
  if (q.mine === 'true') {
    const waiting = [...new Set(Object.values(def.transitions).filter((t) => !t.bySystem && t.roles.some((r) => actor.roles.includes(r))).flatMap((t) => t.from))];
    conds.push(waiting.length ? inArray(cases.status, waiting) : eq(cases.id, -1));
  }
  return and(...conds);
}

async function extras(db: Executor, def: InstrumentDef, actor: Actor, c: { id: number; status: string; enterpriseId: number | null }, hide: string[] = []) {
  return { events: await caseEventsView(db, { id: c.id, instrument: def.code }), actions: caseActions(actor, def, c, { hide }) };
}

function caseView(def: InstrumentDef, c: NonNullable<Awaited<ReturnType<typeof repo.getBridge>>>['c']) {
  return {
    id: c.id,
    type: c.type,
    typeName: typeName(def, c.type),
    year: c.year,
    enterpriseId: c.enterpriseId,
    enterpriseName: c.enterpriseName ?? '',
    districtName: c.districtName ?? '',
    status: c.status,
    statusName: statusName(def, c.status),
    next: def.statuses[c.status]?.next ?? null,
    dueOn: c.dueOn,
  };
}

// ── bridge loans (融资周转金) ────────────────────────────────────────────────────────────────────

function bridgeView(r: NonNullable<Awaited<ReturnType<typeof repo.getBridge>>>, today: string) {
  const def = instrumentOf(BRIDGE);
  const d = r.d;
  return {
    ...caseView(def, r.c),
    bank: d.bank,
    bankLoanNo: d.bankLoanNo,
    requested: d.requestedFen / 100,
    termDays: d.termDays,
    purpose: d.purpose,
    approved: d.approvedFen === null ? null : d.approvedFen / 100,
    disbursedOn: d.disbursedOn,
    repayBy: d.dueOn,
    repaidOn: d.repaidOn,
    overdueDays: d.overdueDays,
    overdue: r.c.status === 'disbursed' && d.dueOn !== null && today > d.dueOn,
  };
}

export async function listBridgeLoans(db: Executor, actor: Actor, q: { year?: number; status?: string; mine?: 'true' | 'false'; limit: number; offset: number }) {
  const page = await repo.listBridge(db, listConds(instrumentOf(BRIDGE), actor, q), q.limit, q.offset);
  const today = businessToday();
  return { total: page.total, items: page.items.map((r) => bridgeView(r, today)) };
}

export async function getBridgeLoan(db: Executor, actor: Actor, id: number) {
  const r = await repo.getBridge(db, id, loanScope(actor));
  if (!r) {
    throw notFound('周转金申请');
  }
  // repayment is one action; the service records it on time or late by the due date
  return { ...bridgeView(r, businessToday()), ...(await extras(db, instrumentOf(BRIDGE), actor, r.c, ['repay_late'])) };
}

export async function createBridgeLoan(db: Db, ctx: RequestContext, input: { bank: string; bankLoanNo: string; amount: number; termDays: number; purpose?: string | null }) {
  const actor = actorOf(ctx);
  const enterpriseId = ownEnterprise(actor);
  const ent = await repo.enterpriseOf(db, enterpriseId);
  if (!ent) {
    throw notFound('企业');
  }
  const today = businessToday();
  const id = await db.transaction(async (tx) => {
    const c = await openCase(tx, ctx, { instrument: BRIDGE, type: 'bridge', year: Number(today.slice(0, 4)), title: `融资周转金申请（${input.bank}）`, enterpriseId, districtId: ent.districtId });
    await repo.insertBridge(tx, { id: c.id, bank: input.bank, bankLoanNo: input.bankLoanNo, requestedFen: fen(input.amount), termDays: input.termDays, purpose: input.purpose ?? null });
    await recordAudit(tx, ctx, { action: `${BRIDGE_OBJECT}.create`, objectType: BRIDGE_OBJECT, objectId: c.id, before: null, after: { ...input } });
    return c.id;
  });
  return getBridgeLoan(db, actor, id);
}

/**
 * One step of a bridge loan. Approval fixes the amount (at most the requested); disbursement lends
 * it from the pool (refused when the pool cannot cover it — the database's rule, whatever races)
 * and sets the repayment date as the case's due date (the inbox's reminder); repayment returns it
 * to the pool, recorded as on time or late by that date.
 */
export async function actOnBridgeLoan(db: Db, ctx: RequestContext, id: number, body: { action: string; comment?: string | null; amount?: number }) {
  const actor = actorOf(ctx);
  const today = businessToday();
  await db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, id, BRIDGE, '周转金申请');
    const d = (await repo.findBridge(tx, id))!;
    let action = body.action;
    let dueOn: string | null | undefined;
    if (action === 'approve') {
      const approvedFen = body.amount === undefined ? d.requestedFen : fen(body.amount);
      if (approvedFen > d.requestedFen) {
        throw fieldError('amount', `批准金额不能超过申请金额 ${(d.requestedFen / 100).toFixed(2)} 元`);
      }
      await repo.updateBridge(tx, id, { approvedFen });
    }
    if (action === 'disburse') {
      if (c.status !== 'approved') {
        throw new AppError('invalid_state', `申请当前状态为“${statusName(instrumentOf(BRIDGE), c.status)}”，不能放款`);
      }
      dueOn = addDays(today, d.termDays);
      try {
        await postMovement(tx, {
          book: BRIDGE_BOOK,
          kind: 'lend',
          valueDate: today,
          idempotencyKey: `lend:${id}`,
          entries: [
            { account: { kind: 'pool' }, amountFen: -d.approvedFen! },
            { account: { kind: 'loan', scope: id, owner: { type: 'enterprise', id: c.enterpriseId! } }, amountFen: d.approvedFen! },
          ],
        });
      } catch (err) {
        if (err instanceof LedgerShortfall) {
          throw new AppError('insufficient_balance', `周转金资金池余额不足，不能放款 ${(d.approvedFen! / 100).toFixed(2)} 元`);
        }
        throw err;
      }
      await repo.updateBridge(tx, id, { disbursedOn: today, dueOn });
    }
    if (action === 'repay') {
      if (c.status !== 'disbursed') {
        throw new AppError('invalid_state', `申请当前状态为“${statusName(instrumentOf(BRIDGE), c.status)}”，不能登记归还`);
      }
      const late = today > d.dueOn!;
      action = late ? 'repay_late' : 'repay';
      dueOn = null;
      await postMovement(tx, {
        book: BRIDGE_BOOK,
        kind: 'repay',
        valueDate: today,
        idempotencyKey: `repay:${id}`,
        entries: [
          { account: { kind: 'loan', scope: id, owner: { type: 'enterprise', id: c.enterpriseId! } }, amountFen: -d.approvedFen! },
          { account: { kind: 'pool' }, amountFen: d.approvedFen! },
        ],
      });
      await repo.updateBridge(tx, id, { repaidOn: today, repaidFen: d.approvedFen, overdueDays: late ? daysBetween(d.dueOn!, today) : 0 });
    }
    await moveCase(tx, ctx, c, { action, comment: body.comment, ...(dueOn !== undefined ? { dueOn } : {}), ...(action === 'submit' ? { set: { submittedAt: new Date() } } : {}) });
  });
  return getBridgeLoan(db, actor, id);
}

// ── guarantees (政策性担保 / 助保贷) ───────────────────────────────────────────────────────────────

function guaranteeView(r: NonNullable<Awaited<ReturnType<typeof repo.getGuarantee>>>) {
  const def = instrumentOf(GUARANTEE);
  const d = r.d;
  const y = (f: number | null) => (f === null ? null : f / 100);
  return {
    ...caseView(def, r.c),
    bank: d.bank,
    amount: d.amountFen / 100,
    termMonths: d.termMonths,
    feeRate: Number(d.feeRate),
    fee: y(d.feeFen),
    feeSubsidy: y(d.feeSubsidyFen),
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    repaidOn: d.repaidOn,
    defaultedOn: d.defaultedOn,
    compensated: y(d.compensatedFen),
    compensatedOn: d.compensatedOn,
  };
}

export async function listGuarantees(db: Executor, actor: Actor, q: { year?: number; status?: string; mine?: 'true' | 'false'; limit: number; offset: number }) {
  const page = await repo.listGuarantees(db, listConds(instrumentOf(GUARANTEE), actor, q), q.limit, q.offset);
  return { total: page.total, items: page.items.map(guaranteeView) };
}

export async function getGuarantee(db: Executor, actor: Actor, id: number) {
  const r = await repo.getGuarantee(db, id, loanScope(actor));
  if (!r) {
    throw notFound('担保申请');
  }
  return { ...guaranteeView(r), ...(await extras(db, instrumentOf(GUARANTEE), actor, r.c)) };
}

export async function createGuarantee(db: Db, ctx: RequestContext, input: { scheme: 'policy' | 'zhubaodai'; bank: string; amount: number; termMonths: number; feeRate: number }) {
  const actor = actorOf(ctx);
  const enterpriseId = ownEnterprise(actor);
  const ent = await repo.enterpriseOf(db, enterpriseId);
  if (!ent) {
    throw notFound('企业');
  }
  const today = businessToday();
  const def = instrumentOf(GUARANTEE);
  const id = await db.transaction(async (tx) => {
    const c = await openCase(tx, ctx, { instrument: GUARANTEE, type: input.scheme, year: Number(today.slice(0, 4)), title: `${typeName(def, input.scheme)}申请（${input.bank}）`, enterpriseId, districtId: ent.districtId });
    await repo.insertGuarantee(tx, { id: c.id, bank: input.bank, amountFen: fen(input.amount), termMonths: input.termMonths, feeRate: String(input.feeRate) });
    await recordAudit(tx, ctx, { action: `${GUARANTEE_OBJECT}.create`, objectType: GUARANTEE_OBJECT, objectId: c.id, before: null, after: { ...input } });
    return c.id;
  });
  return getGuarantee(db, actor, id);
}

/** The fee of a guarantee (amount × rate %/year × months / 12, half-up to the fen) and the bureau's subsidy of it. */
export function feeOf(amountFen: number, feeRate: number, termMonths: number, scheme: string) {
  const feeFen = Math.round((amountFen * Math.round(feeRate * 100) * termMonths) / (100 * 100 * 12));
  return { feeFen, feeSubsidyFen: Math.round(feeFen * (FEE_SUBSIDY_RATIO[scheme] ?? 0)) };
}

/**
 * One step of a guarantee. Approval starts it today (the loan is granted; it counts in this year's
 * figures), sets its end as the case's due date and pays the fee subsidy from the fee budget;
 * release closes it; a default waits for compensation, which the risk pool pays to the bank
 * (never more than the pool holds nor than the loan).
 */
export async function actOnGuarantee(db: Db, ctx: RequestContext, id: number, body: { action: string; comment?: string | null; amount?: number }) {
  const actor = actorOf(ctx);
  const today = businessToday();
  await db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, id, GUARANTEE, '担保申请');
    const d = (await repo.findGuarantee(tx, id))!;
    const def = instrumentOf(GUARANTEE);
    let dueOn: string | null | undefined;
    const t = def.transitions[body.action];
    if (t && !t.from.includes(c.status)) {
      throw new AppError('invalid_state', `申请当前状态为“${statusName(def, c.status)}”，不能${t.name}`);
    }
    if (body.action === 'approve') {
      const endsOn = addMonths(today, d.termMonths);
      const { feeFen, feeSubsidyFen } = feeOf(d.amountFen, Number(d.feeRate), d.termMonths, c.type);
      dueOn = endsOn;
      if (feeSubsidyFen > 0) {
        try {
          await postMovement(tx, {
            book: GUARANTEE_BOOK,
            kind: 'fee_subsidy',
            valueDate: today,
            idempotencyKey: `fee_subsidy:${id}`,
            entries: [
              { account: { kind: 'fee_budget' }, amountFen: -feeSubsidyFen },
              { account: { kind: 'fee_subsidy', scope: id, owner: { type: 'enterprise', id: c.enterpriseId! } }, amountFen: feeSubsidyFen },
            ],
          });
        } catch (err) {
          if (err instanceof LedgerShortfall) {
            throw new AppError('budget_exceeded', '担保费补助预算余额不足');
          }
          throw err;
        }
      }
      await repo.updateGuarantee(tx, id, { startsOn: today, endsOn, feeFen, feeSubsidyFen });
    }
    if (body.action === 'release') {
      dueOn = null;
      await repo.updateGuarantee(tx, id, { repaidOn: today });
    }
    if (body.action === 'default') {
      await repo.updateGuarantee(tx, id, { defaultedOn: today });
    }
    if (body.action === 'compensate') {
      if (body.amount === undefined) {
        throw fieldError('amount', '请填写代偿金额');
      }
      const amountFen = fen(body.amount);
      if (amountFen > d.amountFen) {
        throw fieldError('amount', `代偿金额不能超过担保贷款金额 ${(d.amountFen / 100).toFixed(2)} 元`);
      }
      try {
        await postMovement(tx, {
          book: GUARANTEE_BOOK,
          kind: 'compensate',
          valueDate: today,
          idempotencyKey: `compensate:${id}`,
          entries: [
            { account: { kind: 'risk_pool' }, amountFen: -amountFen },
            { account: { kind: 'compensation', scope: id, owner: { type: 'enterprise', id: c.enterpriseId! } }, amountFen },
          ],
        });
      } catch (err) {
        if (err instanceof LedgerShortfall) {
          throw new AppError('insufficient_balance', '担保风险池余额不足，不能代偿');
        }
        throw err;
      }
      dueOn = null;
      await repo.updateGuarantee(tx, id, { compensatedFen: amountFen, compensatedOn: today });
    }
    await moveCase(tx, ctx, c, { action: body.action, comment: body.comment, ...(dueOn !== undefined ? { dueOn } : {}), ...(body.action === 'submit' ? { set: { submittedAt: new Date() } } : {}) });
  });
  return getGuarantee(db, actor, id);
}

// ── pools ────────────────────────────────────────────────────────────────────────────────────────

const KIND_NAMES: Record<string, string> = {
  capital: '注入资本金',
  pool: '资金池可用余额',
  loan: '在贷周转金',
  risk_pool: '风险池余额',
  compensation: '累计代偿',
  fee_budget: '担保费补助预算余额',
  fee_subsidy: '担保费补助（平台办理）',
  settled: '历年已结清周转金',
  fee_subsidy_settled: '历年担保费补助',
};

export async function poolOf(db: Executor, actor: Actor, which: 'bridge' | 'guarantee') {
  if (!hasRole(actor, 'city_officer', 'city_admin', 'auditor', 'district_officer')) {
    throw forbidden('无权查看资金池');
  }
  const book = which === 'bridge' ? BRIDGE_BOOK : GUARANTEE_BOOK;
  const rows = which === 'bridge' ? await balanceTotals(db, BRIDGE_BOOK, {}, ['kind']) : await balanceTotals(db, GUARANTEE_BOOK, {}, ['kind']);
  const sums = new Map(rows.map((r) => [r.kind ?? '', r.balanceFen]));
  const order = Object.keys(book.accountKinds);
  return {
    book: book.name,
    accounts: order.map((kind) => ({ kind, name: KIND_NAMES[kind] ?? kind, balance: Math.abs(sums.get(kind) ?? 0) / 100 })),
    figures: [] as { code: string; name: string; value: number; unit: string }[],
  };
}
