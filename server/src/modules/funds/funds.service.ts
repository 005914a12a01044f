import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Executor, Tx } from '../../db/client.js';
import { districts, fundMovements, organizations, partnerFunds, users, type FundProgramme, type FundStatus } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { businessToday } from '../../lib/clock.js';
import { fenToYuan, formatYuan, yuanToFen } from '../../lib/money.js';
import { recordAudit } from '../audit/index.js';
import { balances, balanceTotals, LedgerShortfall, postMovement } from '../ledger/index.js';
import { FUNDS_BOOK, PROGRAMME_SCOPE } from './funds.book.js';
import * as policy from './funds.policy.js';
import { FUND_STATUS_NAMES, MOVEMENT_KIND_NAMES, MOVEMENT_STATUS_NAMES, PROGRAMME_NAMES, type appropriationBody, type createFundBody, type fundStatusBody, type movementBody } from './funds.schema.js';
import { investmentTotalsByFund } from './funds.stats.js';

type FundRow = typeof partnerFunds.$inferSelect;
const pgCode = (err: unknown) => (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;

/** Ledger balances of fund-scoped kinds: fund id → kind → fen. */
async function fundBalances(db: Executor, fundIds?: number[]) {
  const rows = await balanceTotals(db, FUNDS_BOOK, { kinds: ['committed', 'paid_in', 'proceeds'] }, ['scope', 'kind']);
  const out = new Map<number, { committed: number; paidIn: number; proceeds: number }>();
  for (const r of rows) {
    const scope = r.scope!;
    if (fundIds && !fundIds.includes(scope)) {
      continue;
    }
    const b = out.get(scope) ?? { committed: 0, paidIn: 0, proceeds: 0 };
    if (r.kind === 'committed') {
      b.committed = r.balanceFen;
    } else if (r.kind === 'paid_in') {
      b.paidIn = r.balanceFen;
    } else {
      b.proceeds = -r.balanceFen;
    }
    out.set(scope, b);
  }
  return out;
}

function presentFund(
  f: FundRow & { managerName: string; districtName: string | null },
  bal: { committed: number; paidIn: number; proceeds: number } | undefined,
  inv: { projects: number; amountFen: number } | undefined,
) {
  return {
    id: f.id,
    programme: f.programme,
    programmeName: PROGRAMME_NAMES[f.programme],
    name: f.name,
    managerOrgId: f.managerOrgId,
    managerName: f.managerName,
    registrationNo: f.registrationNo,
    districtId: f.districtId,
    districtName: f.districtName,
    scale: fenToYuan(f.scaleFen),
    commitment: fenToYuan(f.commitmentFen),
    share: Math.round((f.commitmentFen / f.scaleFen) * 10000) / 100,
    setUpOn: f.setUpOn,
    status: f.status,
    statusName: FUND_STATUS_NAMES[f.status],
    exitedOn: f.exitedOn,
    version: f.version,
    paidIn: fenToYuan(bal?.paidIn ?? 0),
    uncalled: fenToYuan(bal?.committed ?? 0),
    returned: fenToYuan(bal?.proceeds ?? 0),
    investments: inv?.projects ?? 0,
    invested: fenToYuan(inv?.amountFen ?? 0),
  };
}

function fundQuery(db: Executor, where: SQL | undefined) {
  return db
    .select({ f: partnerFunds, managerName: organizations.name, districtName: districts.name })
    .from(partnerFunds)
    .innerJoin(organizations, eq(organizations.id, partnerFunds.managerOrgId))
    .leftJoin(districts, eq(districts.id, partnerFunds.districtId))
    .where(where)
    .orderBy(desc(partnerFunds.programme), desc(partnerFunds.setUpOn), asc(partnerFunds.id));
}

export async function listFunds(opts: { db: Db; ctx: RequestContext; programme?: FundProgramme; status?: FundStatus }) {
  const scope = policy.readScope(opts.ctx);
  const conds: SQL[] = [];
  if ('managerOrgId' in scope) {
    conds.push(eq(partnerFunds.managerOrgId, scope.managerOrgId));
  }
  if (opts.programme) {
    conds.push(eq(partnerFunds.programme, opts.programme));
  }
  if (opts.status) {
    conds.push(eq(partnerFunds.status, opts.status));
  }
  const rows = await fundQuery(opts.db, conds.length ? and(...conds) : undefined);
  const [bal, inv] = await Promise.all([fundBalances(opts.db), investmentTotalsByFund(opts.db)]);
  return { items: rows.map((r) => presentFund({ ...r.f, managerName: r.managerName, districtName: r.districtName }, bal.get(r.f.id), inv.get(r.f.id))) };
}

/** One fund in the caller's scope (a fund manager: its own organisation's), or 404. */
export async function findFundInScope(db: Executor, ctx: RequestContext, id: number, forUpdate = false): Promise<FundRow> {
  const scope = policy.readScope(ctx);
  const q = db.select().from(partnerFunds).where(eq(partnerFunds.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row || ('managerOrgId' in scope && row.managerOrgId !== scope.managerOrgId)) {
    throw notFound('合作基金');
  }
  return row;
}

export async function getFund(opts: { db: Db; ctx: RequestContext; id: number }) {
  await findFundInScope(opts.db, opts.ctx, opts.id);
  const [r] = await fundQuery(opts.db, eq(partnerFunds.id, opts.id));
  const [bal, inv] = await Promise.all([fundBalances(opts.db, [opts.id]), investmentTotalsByFund(opts.db, opts.id)]);
  return presentFund({ ...r.f, managerName: r.managerName, districtName: r.districtName }, bal.get(opts.id), inv.get(opts.id));
}

export async function listManagers(opts: { db: Db; ctx: RequestContext }) {
  policy.assertCityReader(opts.ctx);
  const rows = await opts.db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.kind, 'fund')).orderBy(asc(organizations.name));
  return { items: rows };
}

function shortfall(err: unknown, field: string, message: string): never {
  if (err instanceof LedgerShortfall) {
    throw fieldError(field, message, 'insufficient_balance');
  }
  throw err;
}

async function availableFen(db: Executor, programme: FundProgramme) {
  const [a] = await balances(db, FUNDS_BOOK, { scope: PROGRAMME_SCOPE[programme], kinds: ['available'] });
  return a?.balanceFen ?? 0;
}

export async function createFund(opts: { db: Db; ctx: RequestContext; input: z.infer<typeof createFundBody> }) {
  const actor = policy.assertOfficer(opts.ctx);
  const input = opts.input;
  const scaleFen = yuanToFen(input.scale);
  const commitmentFen = yuanToFen(input.commitment);
  if (commitmentFen > scaleFen) {
    throw fieldError('commitment', '引导基金认缴出资不能超过基金认缴规模');
  }
  if (input.setUpOn > businessToday()) {
    throw fieldError('setUpOn', '设立日期不能晚于今天');
  }
  return opts.db.transaction(async (tx) => {
    const [org] = await tx.select({ kind: organizations.kind }).from(organizations).where(eq(organizations.id, input.managerOrgId));
    if (!org || org.kind !== 'fund') {
      throw fieldError('managerOrgId', '基金管理人应为已登记的基金管理机构');
    }
    if (input.districtId) {
      const [d] = await tx.select({ id: districts.id }).from(districts).where(eq(districts.id, input.districtId));
      if (!d) {
        throw fieldError('districtId', '区县不存在');
      }
    }
    let row: FundRow;
    try {
      [row] = await tx.transaction((sp) =>
        sp
          .insert(partnerFunds)
          .values({
            programme: input.programme,
            name: input.name,
            managerOrgId: input.managerOrgId,
            registrationNo: input.registrationNo ?? null,
            districtId: input.districtId ?? null,
            scaleFen,
            commitmentFen,
            setUpOn: input.setUpOn,
            status: input.status,
            createdBy: actor.userId,
          })
          .returning(),
      );
    } catch (err) {
      if (pgCode(err) === '23505') {
        const field = String(err).includes('registration') ? 'registrationNo' : 'name';
        throw fieldError(field, field === 'name' ? '已有同名的合作基金' : '该登记编号已登记', 'conflict');
      }
      throw err;
    }
    const avail = await availableFen(tx, input.programme);
    await commit(tx, row, input.setUpOn, actor.userId).catch((err: unknown) =>
      shortfall(err, 'commitment', `${PROGRAMME_NAMES[input.programme]}可用资金不足：尚可承诺 ${formatYuan(fenToYuan(avail))}`),
    );
    await recordAudit(tx, opts.ctx, { action: 'partner_fund.create', objectType: 'partner_fund', objectId: row.id, after: row });
    return { id: row.id };
  });
}

/** The bureau's commitment to a fund leaves the programme's available money (never below zero). */
export async function commit(tx: Tx, fund: Pick<FundRow, 'id' | 'programme' | 'commitmentFen'>, valueDate: string, actorId: number | null) {
  return postMovement(tx, {
    book: FUNDS_BOOK,
    kind: 'commit',
    valueDate,
    idempotencyKey: `commit:${fund.id}`,
    actorId,
    memo: '阶段参股认缴承诺',
    entries: [
      { account: { kind: 'available', scope: PROGRAMME_SCOPE[fund.programme] }, amountFen: -fund.commitmentFen },
      { account: { kind: 'committed', scope: fund.id }, amountFen: fund.commitmentFen },
    ],
  });
}

const NEXT_STATUS: Record<FundStatus, FundStatus[]> = { setting_up: ['active', 'exited'], active: ['exited'], exited: [] };

export async function setFundStatus(opts: { db: Db; ctx: RequestContext; id: number; input: z.infer<typeof fundStatusBody> }) {
  const actor = policy.assertOfficer(opts.ctx);
  const { status, exitedOn, version } = opts.input;
  return opts.db.transaction(async (tx) => {
    const before = await findFundInScope(tx, opts.ctx, opts.id, true);
    if (before.version !== version) {
      throw new AppError('version_conflict', '基金信息已被他人更新，请刷新后重试');
    }
    if (!NEXT_STATUS[before.status].includes(status)) {
      throw fieldError('status', `基金当前为“${FUND_STATUS_NAMES[before.status]}”，不能改为“${FUND_STATUS_NAMES[status]}”`, 'invalid_state');
    }
    let exitDate: string | null = null;
    if (status === 'exited') {
      if (!exitedOn) {
        throw fieldError('exitedOn', '请填写退出日期');
      }
      if (exitedOn < before.setUpOn || exitedOn > businessToday()) {
        throw fieldError('exitedOn', `退出日期应在设立日期（${before.setUpOn}）与今天之间`);
      }
      const [pending] = await tx.select({ n: sql<number>`count(*)::int` }).from(fundMovements).where(and(eq(fundMovements.fundId, before.id), eq(fundMovements.status, 'pending')));
      if (pending.n > 0) {
        throw new AppError('invalid_state', '该基金尚有待复核的出资或回款申请，请先处理');
      }
      exitDate = exitedOn;
      const [uncalled] = await balances(tx, FUNDS_BOOK, { scope: before.id, kinds: ['committed'] });
      if (uncalled && uncalled.balanceFen > 0) {
        await postMovement(tx, {
          book: FUNDS_BOOK,
          kind: 'release',
          valueDate: exitedOn,
          idempotencyKey: `release:${before.id}`,
          actorId: actor.userId,
          memo: '基金退出，未缴承诺额释放',
          entries: [
            { account: { kind: 'committed', scope: before.id }, amountFen: -uncalled.balanceFen },
            { account: { kind: 'available', scope: PROGRAMME_SCOPE[before.programme] }, amountFen: uncalled.balanceFen },
          ],
        });
      }
    }
    const [after] = await tx
      .update(partnerFunds)
      .set({ status, exitedOn: exitDate, version: before.version + 1 })
      .where(eq(partnerFunds.id, before.id))
      .returning();
    await recordAudit(tx, opts.ctx, { action: 'partner_fund.status', objectType: 'partner_fund', objectId: before.id, before: { status: before.status }, after: { status, exitedOn: exitDate } });
    return { id: after.id };
  });
}

// ---------- programmes ----------
export async function listProgrammes(opts: { db: Db; ctx: RequestContext }) {
  policy.assertCityReader(opts.ctx);
  const counts = await opts.db
    .select({
      programme: partnerFunds.programme,
      funds: sql<number>`count(*)::int`,
      active: sql<number>`(count(*) filter (where ${partnerFunds.status} <> 'exited'))::int`,
      scaleFen: sql<string>`coalesce(sum(${partnerFunds.scaleFen}) filter (where ${partnerFunds.status} <> 'exited'), 0)`,
      commitmentFen: sql<string>`coalesce(sum(${partnerFunds.commitmentFen}), 0)`,
    })
    .from(partnerFunds)
    .groupBy(partnerFunds.programme);
  const totals = await balanceTotals(opts.db, FUNDS_BOOK, {}, ['scope', 'kind']);
  const fundsOf = new Map((await opts.db.select({ id: partnerFunds.id, programme: partnerFunds.programme }).from(partnerFunds)).map((f) => [f.id, f.programme]));
  const items = (['guidance', 'angel'] as const).map((code) => {
    const c = counts.find((x) => x.programme === code);
    const at = (kind: string, scope: number) => totals.find((t) => t.kind === kind && t.scope === scope)?.balanceFen ?? 0;
    const sumFunds = (kind: string) => totals.filter((t) => t.kind === kind && fundsOf.get(t.scope!) === code).reduce((s, t) => s + t.balanceFen, 0);
    const scope = PROGRAMME_SCOPE[code];
    return {
      code,
      name: PROGRAMME_NAMES[code],
      funds: c?.funds ?? 0,
      activeFunds: c?.active ?? 0,
      scale: fenToYuan(Number(c?.scaleFen ?? 0)),
      commitment: fenToYuan(Number(c?.commitmentFen ?? 0)),
      appropriated: fenToYuan(-at('appropriation', scope)),
      available: fenToYuan(at('available', scope)),
      committedUncalled: fenToYuan(sumFunds('committed')),
      paidIn: fenToYuan(sumFunds('paid_in')),
      returned: fenToYuan(at('returned', scope)),
    };
  });
  return { items };
}

export async function appropriate(opts: { db: Db; ctx: RequestContext; programme: FundProgramme; input: z.infer<typeof appropriationBody> }) {
  const actor = policy.assertOfficer(opts.ctx);
  if (opts.input.valueDate > businessToday()) {
    throw fieldError('valueDate', '拨付日期不能晚于今天');
  }
  const amountFen = yuanToFen(opts.input.amount);
  return opts.db.transaction(async (tx) => {
    const scope = PROGRAMME_SCOPE[opts.programme];
    const posted = await postMovement(tx, {
      book: FUNDS_BOOK,
      kind: 'appropriate',
      valueDate: opts.input.valueDate,
      actorId: actor.userId,
      memo: opts.input.memo ?? '财政拨付引导基金',
      entries: [
        { account: { kind: 'appropriation', scope }, amountFen: -amountFen },
        { account: { kind: 'available', scope }, amountFen },
      ],
    });
    await recordAudit(tx, opts.ctx, { action: 'fund_programme.appropriate', objectType: 'fund_programme', objectId: opts.programme, after: { amountFen, valueDate: opts.input.valueDate, movementId: posted.id } });
    return { ok: true as const };
  });
}

// ---------- capital calls and distributions (maker-checker) ----------
export async function requestMovement(opts: { db: Db; ctx: RequestContext; fundId: number; input: z.infer<typeof movementBody> }) {
  const actor = policy.assertOfficer(opts.ctx);
  const { kind, valueDate } = opts.input;
  const amountFen = yuanToFen(opts.input.amount);
  return opts.db.transaction(async (tx) => {
    const fund = await findFundInScope(tx, opts.ctx, opts.fundId, true);
    if (valueDate < fund.setUpOn || valueDate > businessToday()) {
      throw fieldError('valueDate', `日期应在基金设立日期（${fund.setUpOn}）与今天之间`);
    }
    if (kind === 'call') {
      if (fund.status === 'exited') {
        throw new AppError('invalid_state', '基金已退出，不能再出资');
      }
      const [uncalled] = await balances(tx, FUNDS_BOOK, { scope: fund.id, kinds: ['committed'] });
      const [pending] = await tx
        .select({ fen: sql<string>`coalesce(sum(${fundMovements.amountFen}), 0)` })
        .from(fundMovements)
        .where(and(eq(fundMovements.fundId, fund.id), eq(fundMovements.kind, 'call'), eq(fundMovements.status, 'pending')));
      const room = (uncalled?.balanceFen ?? 0) - Number(pending.fen);
      if (amountFen > room) {
        throw fieldError('amount', `超出引导基金未缴承诺额：尚可申请 ${formatYuan(fenToYuan(Math.max(room, 0)))}`, 'insufficient_balance');
      }
    } else if (fund.status === 'setting_up') {
      throw new AppError('invalid_state', '基金尚在设立中，没有可分配的回款');
    }
    const [row] = await tx
      .insert(fundMovements)
      .values({ fundId: fund.id, kind, amountFen, valueDate, memo: opts.input.memo ?? null, status: 'pending', requestedBy: actor.userId })
      .returning();
    await recordAudit(tx, opts.ctx, { action: `fund_movement.request`, objectType: 'fund_movement', objectId: row.id, after: row });
    return { id: row.id };
  });
}

async function lockMovement(tx: Tx, id: number) {
  const [row] = await tx.select().from(fundMovements).where(eq(fundMovements.id, id)).for('update');
  if (!row) {
    throw notFound('出资/回款申请');
  }
  if (row.status !== 'pending') {
    throw new AppError('invalid_state', `该申请已${MOVEMENT_STATUS_NAMES[row.status]}`);
  }
  return row;
}

/** The checker posts a pending movement on the ledger: a call moves uncalled commitment to paid-in, a distribution books the proceeds. */
export async function approveMovement(opts: { db: Db; ctx: RequestContext; id: number }) {
  const actor = policy.assertChecker(opts.ctx);
  return opts.db.transaction(async (tx) => {
    const m = await lockMovement(tx, opts.id);
    if (m.requestedBy === actor.userId) {
      throw forbidden('制单人不能复核自己提出的申请（须由另一位经办人复核）');
    }
    const [fund] = await tx.select().from(partnerFunds).where(eq(partnerFunds.id, m.fundId));
    const entries =
      m.kind === 'call'
        ? [
            { account: { kind: 'committed' as const, scope: fund.id }, amountFen: -m.amountFen },
            { account: { kind: 'paid_in' as const, scope: fund.id }, amountFen: m.amountFen },
          ]
        : [
            { account: { kind: 'proceeds' as const, scope: fund.id }, amountFen: -m.amountFen },
            { account: { kind: 'returned' as const, scope: PROGRAMME_SCOPE[fund.programme] }, amountFen: m.amountFen },
          ];
    const posted = await postMovement(tx, {
      book: FUNDS_BOOK,
      kind: m.kind === 'call' ? 'call' : 'distribute',
      valueDate: m.valueDate,
      idempotencyKey: `fund-movement:${m.id}`,
      actorId: actor.userId,
      memo: m.memo ?? MOVEMENT_KIND_NAMES[m.kind],
      entries,
    }).catch((err: unknown) => shortfall(err, 'amount', '超出引导基金未缴承诺额，不能入账'));
    await tx
      .update(fundMovements)
      .set({ status: 'posted', reviewedBy: actor.userId, reviewedAt: new Date(), ledgerMovementId: posted.id })
      .where(eq(fundMovements.id, m.id));
    await recordAudit(tx, opts.ctx, { action: 'fund_movement.approve', objectType: 'fund_movement', objectId: m.id, before: { status: 'pending' }, after: { status: 'posted', ledgerMovementId: posted.id } });
    return { id: m.id };
  });
}

export async function rejectMovement(opts: { db: Db; ctx: RequestContext; id: number; comment: string }) {
  const actor = policy.assertChecker(opts.ctx);
  return opts.db.transaction(async (tx) => {
    const m = await lockMovement(tx, opts.id);
    await tx.update(fundMovements).set({ status: 'rejected', reviewedBy: actor.userId, reviewedAt: new Date(), reviewComment: opts.comment }).where(eq(fundMovements.id, m.id));
    await recordAudit(tx, opts.ctx, { action: 'fund_movement.reject', objectType: 'fund_movement', objectId: m.id, before: { status: 'pending' }, after: { status: 'rejected', comment: opts.comment } });
    return { id: m.id };
  });
}

export async function listMovements(opts: { db: Db; ctx: RequestContext; status?: 'pending' | 'posted' | 'rejected'; fundId?: number }) {
  const scope = policy.readScope(opts.ctx);
  const conds: SQL[] = [];
  if ('managerOrgId' in scope) {
    conds.push(eq(partnerFunds.managerOrgId, scope.managerOrgId));
  }
  if (opts.status) {
    conds.push(eq(fundMovements.status, opts.status));
  }
  if (opts.fundId) {
    conds.push(eq(fundMovements.fundId, opts.fundId));
  }
  const requester = sql<string | null>`(select display_name from ${users} where ${users.id} = ${fundMovements.requestedBy})`;
  const reviewer = sql<string | null>`(select display_name from ${users} where ${users.id} = ${fundMovements.reviewedBy})`;
  const rows = await opts.db
    .select({ m: fundMovements, fundName: partnerFunds.name, requestedBy: requester, reviewedBy: reviewer })
    .from(fundMovements)
    .innerJoin(partnerFunds, eq(partnerFunds.id, fundMovements.fundId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(fundMovements.valueDate), desc(fundMovements.id))
    .limit(500);
  return {
    items: rows.map((r) => ({
      id: r.m.id,
      fundId: r.m.fundId,
      fundName: r.fundName,
      kind: r.m.kind,
      kindName: MOVEMENT_KIND_NAMES[r.m.kind],
      amount: fenToYuan(r.m.amountFen),
      valueDate: r.m.valueDate,
      memo: r.m.memo,
      status: r.m.status,
      statusName: MOVEMENT_STATUS_NAMES[r.m.status],
      requestedBy: r.requestedBy ?? (r.m.requestedBy === null ? '系统导入' : null),
      requestedById: r.m.requestedBy,
      reviewedBy: r.reviewedBy,
      reviewComment: r.m.reviewComment,
      ledgerMovementId: r.m.ledgerMovementId,
    })),
  };
}

