import { and, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { voucherSettlements } from '../../db/schema/vouchers.js';
import type { RequestContext } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { fenToYuan, yuanToFen } from '../../lib/money.js';
import { recordAudit } from '../audit/index.js';
import { appendTimeline } from '../timeline/index.js';
import { accountIds } from './ledger.repo.js';
import * as ledger from './ledger.service.js';
import { takeStagedFiles } from './claim-files.service.js';
import { pairSignals } from './fraud.service.js';
import { actorOf, afterIdOf, businessToday, categoryName, page, presentClaim, presentSettlement } from './vouchers.common.js';
import { actsForHolder, actsForProvider, assertCityOfficer, caseScope, isCityReader } from './vouchers.policy.js';
import * as repo from './vouchers.repo.js';
import type { ClaimInput, ClaimQuery } from './vouchers.schema.js';

const refOf = (b: repo.BookingWithNames): ledger.BookingRef => ({
  id: b.id,
  policyId: b.policyId,
  holderId: b.holderId,
  providerId: b.providerId,
  serviceCategory: b.serviceCategory,
  districtId: b.holderDistrictId,
});

/**
 * 通兑 (tongdui): the provider claims the voucher part after delivery, with the contract and the
 * holder's acceptance. 通用 (tongyong): the holder paid the provider in full and claims reimbursement
 * with its invoice. Either way the booking's frozen amount waits for the bureau's decision.
 */
export async function submitClaim(opts: { db: Db; ctx: RequestContext; input: ClaimInput; today?: string }) {
  const { db, ctx, input } = opts;
  const actor = actorOf(ctx);
  const today = opts.today ?? businessToday();
  const b = await repo.findBooking(db, input.bookingId, caseScope(actor));
  if (!b) {
    throw notFound('预约');
  }
  const officer = hasRole(actor, 'city_officer');
  if (input.mode === 'tongdui') {
    const provider = await repo.findProvider(db, b.providerId);
    if (!officer && !(provider && actsForProvider(actor, provider))) {
      throw forbidden('通兑方式由提供服务的机构申请兑付');
    }
  } else {
    const holder = await repo.findHolder(db, b.holderId);
    if (!officer && !(holder && actsForHolder(actor, holder))) {
      throw forbidden('通用方式由持有人全额付款后申请报销');
    }
    if (input.paidAmount === undefined || yuanToFen(input.paidAmount) < b.contractAmountFen) {
      throw fieldError('paidAmount', `通用方式须先全额支付合同金额（${fenToYuan(b.contractAmountFen)}元）`);
    }
  }
  const amountFen = input.amount === undefined ? b.amountFen : yuanToFen(input.amount);
  if (amountFen > b.amountFen) {
    throw fieldError('amount', `兑付金额不能超过预约冻结金额（${fenToYuan(b.amountFen)}元）`);
  }
  const id = await db.transaction(async (tx) => {
    const moved = await repo.transitionBooking(tx, b.id, ['booked'], 'claimed');
    if (!moved) {
      throw new AppError('invalid_state', '只有“已预约”状态的预约可以申请兑付');
    }
    const [claim] = await repo.insertClaims(tx, [
      {
        bookingId: b.id,
        mode: input.mode,
        amountFen,
        contractNo: input.contractNo,
        evidenceRef: input.evidenceRef,
        paidAmountFen: input.paidAmount === undefined ? null : yuanToFen(input.paidAmount),
        submittedBy: actor.userId,
        submittedOn: today,
      },
    ]);
    // the provider's or holder's own claim carries its evidence; a counter entry by the bureau may not
    await takeStagedFiles(tx, b.id, claim.id, !officer);
    await pairSignals(tx, [
      {
        policyId: b.policyId,
        holderId: b.holderId,
        providerId: b.providerId,
        bookingId: b.id,
      },
    ]);
    await recordAudit(tx, ctx, {
      action: 'voucher.claim.submit',
      objectType: 'voucher_claim',
      objectId: claim.id,
      after: { ...input, amount: amountFen / 100 },
    });
    return claim.id;
  });
  return getClaim({ db, ctx, id });
}

export async function getClaim(opts: { db: Db; ctx: RequestContext; id: number }) {
  const c = await repo.findClaim(opts.db, opts.id, caseScope(actorOf(opts.ctx)));
  if (!c) {
    throw notFound('兑付申请');
  }
  return presentClaim(c);
}

export async function listClaims(opts: { db: Db; ctx: RequestContext; query: ClaimQuery }) {
  const { limit, cursor, ...filter } = opts.query;
  const scope = caseScope(actorOf(opts.ctx));
  const f = repo.claimFilter(filter);
  const rows = await repo.listClaims(opts.db, {
    where: scope && f ? and(scope, f) : (scope ?? f),
    afterId: afterIdOf(cursor),
    limit: limit + 1,
  });
  return page(rows, limit, presentClaim);
}

/** Approves a claim: the claimed part is redeemed (payable to the provider), any rest is released. */
export async function approveClaim(opts: { db: Db; ctx: RequestContext; id: number; note?: string; today?: string }) {
  const { db, ctx } = opts;
  const actor = actorOf(ctx);
  assertCityOfficer(actor, '兑付审核');
  const today = opts.today ?? businessToday();
  const c = await repo.findClaim(db, opts.id);
  if (!c) {
    throw notFound('兑付申请');
  }
  const b = (await repo.findBooking(db, c.bookingId))!;
  await accountIds(db, db, ledger.participantKeys(b.policyId, [b.holderId], [b.providerId]));
  await db.transaction(async (tx) => {
    const decided = await repo.decideClaim(tx, c.id, {
      status: 'approved',
      decidedBy: actor.userId,
      decidedOn: today,
      decisionNote: opts.note ?? null,
    });
    if (!decided) {
      throw new AppError('invalid_state', '该申请已审核');
    }
    await repo.transitionBooking(tx, b.id, ['claimed'], 'redeemed');
    const l = { tx, root: db, actorId: actor.userId };
    await ledger.redeem(l, [
      {
        booking: refOf(b),
        amountFen: c.amountFen,
        claimId: c.id,
        valueDate: today,
      },
    ]);
    await ledger.release(l, [
      {
        booking: refOf(b),
        amountFen: b.amountFen - c.amountFen,
        valueDate: today,
      },
    ]);
    const holder = await repo.findHolder(tx, b.holderId);
    if (holder?.enterpriseId) {
      await appendTimeline(tx, [
        {
          enterpriseId: holder.enterpriseId,
          module: 'vouchers',
          kind: 'redeemed',
          title: `创新券兑付 ${fenToYuan(c.amountFen)}元（${b.providerName}，${categoryName(b.serviceCategory)}）`,
          refType: 'voucher_claim',
          refId: c.id,
        },
      ]);
    }
    await recordAudit(tx, ctx, {
      action: 'voucher.claim.approve',
      objectType: 'voucher_claim',
      objectId: c.id,
      before: { status: 'submitted' },
      after: { status: 'approved', note: opts.note ?? null },
    });
  });
  return getClaim({ db, ctx, id: c.id });
}

/** Rejects a claim: the booking goes back to "booked" (the freeze stays) so it can be claimed again or cancelled. */
export async function rejectClaim(opts: { db: Db; ctx: RequestContext; id: number; note: string; today?: string }) {
  const { db, ctx } = opts;
  const actor = actorOf(ctx);
  assertCityOfficer(actor, '兑付审核');
  const today = opts.today ?? businessToday();
  const c = await repo.findClaim(db, opts.id);
  if (!c) {
    throw notFound('兑付申请');
  }
  await db.transaction(async (tx) => {
    const decided = await repo.decideClaim(tx, c.id, {
      status: 'rejected',
      decidedBy: actor.userId,
      decidedOn: today,
      decisionNote: opts.note,
    });
    if (!decided) {
      throw new AppError('invalid_state', '该申请已审核');
    }
    await repo.transitionBooking(tx, c.bookingId, ['claimed'], 'booked');
    await recordAudit(tx, ctx, {
      action: 'voucher.claim.reject',
      objectType: 'voucher_claim',
      objectId: c.id,
      before: { status: 'submitted' },
      after: { status: 'rejected', note: opts.note },
    });
  });
  return getClaim({ db, ctx, id: c.id });
}

/**
 * Reverses an approved claim that is not in a payment batch yet (e.g. a confirmed fraud flag):
 * the redemption is undone in the ledger and the amount returns to the holder (or, if the policy
 * has already expired, straight back to the budget). The booking is cancelled.
 */
export async function reverseClaim(opts: { db: Db; ctx: RequestContext; id: number; note: string; today?: string }) {
  const { db, ctx } = opts;
  const actor = actorOf(ctx);
  assertCityOfficer(actor, '兑付冲正');
  const today = opts.today ?? businessToday();
  const c = await repo.findClaim(db, opts.id);
  if (!c) {
    throw notFound('兑付申请');
  }
  const b = (await repo.findBooking(db, c.bookingId))!;
  const policy = (await repo.findPolicy(db, b.policyId))!;
  await accountIds(db, db, ledger.participantKeys(b.policyId, [b.holderId], [b.providerId]));
  await db.transaction(async (tx) => {
    const reversed = await repo.reverseClaimRow(tx, c.id, opts.note);
    if (!reversed) {
      throw new AppError('invalid_state', '只有已审核通过且尚未纳入结算批次的兑付可以冲正');
    }
    await repo.transitionBooking(tx, b.id, ['redeemed'], 'cancelled');
    const l = { tx, root: db, actorId: actor.userId };
    await ledger.reverse(l, { booking: refOf(b), amountFen: c.amountFen, claimId: c.id, valueDate: today });
    if (policy.status === 'expired') {
      await ledger.expire(l, { policyId: b.policyId, items: [{ holder: { id: b.holderId, districtId: b.holderDistrictId }, amountFen: c.amountFen }], valueDate: today });
    }
    await recordAudit(tx, ctx, { action: 'voucher.claim.reverse', objectType: 'voucher_claim', objectId: c.id, before: { status: 'approved' }, after: { status: 'reversed', note: opts.note } });
  });
  return getClaim({ db, ctx, id: c.id });
}

// ── settlement ──────────────────────────────────────────────────────────────
/** Bureau readers see every batch; a provider only its own. */
async function providerScope(db: Db, ctx: RequestContext): Promise<SQL | undefined> {
  const actor = actorOf(ctx);
  if (isCityReader(actor)) {
    return undefined;
  }
  if (hasRole(actor, 'provider')) {
    const own = await repo.findProviderByOrg(db, actor.organizationId);
    return eq(voucherSettlements.providerId, own?.id ?? -1);
  }
  throw forbidden('无权查看结算批次');
}

/** Puts every approved, unsettled claim of one provider under one policy into a new payment batch. */
export async function createSettlement(opts: { db: Db; ctx: RequestContext; policyId: number; providerId: number }) {
  const actor = actorOf(opts.ctx);
  assertCityOfficer(actor, '结算');
  const id = await opts.db.transaction(async (tx) => {
    const claims = await repo.unsettledClaims(tx, opts.policyId, opts.providerId);
    if (claims.length === 0) {
      throw new AppError('invalid_state', '该机构在此政策下没有待结算的已审核兑付');
    }
    const totalFen = claims.reduce((s, c) => s + c.amountFen, 0);
    const s = await repo.insertSettlement(tx, {
      policyId: opts.policyId,
      providerId: opts.providerId,
      totalFen,
      claimCount: claims.length,
      createdBy: actor.userId,
    });
    await repo.attachClaims(
      tx,
      s.id,
      claims.map((c) => c.id),
    );
    await recordAudit(tx, opts.ctx, {
      action: 'voucher.settlement.create',
      objectType: 'voucher_settlement',
      objectId: s.id,
      after: { ...s, claimIds: claims.map((c) => c.id) },
    });
    return s.id;
  });
  return getSettlement({ db: opts.db, ctx: opts.ctx, id });
}

export async function getSettlement(opts: { db: Db; ctx: RequestContext; id: number }) {
  const s = await repo.findSettlement(opts.db, opts.id, await providerScope(opts.db, opts.ctx));
  if (!s) {
    throw notFound('结算批次');
  }
  return presentBatch(s);
}

/** A batch as answered: the shared presentation plus what 登记付款 recorded. */
function presentBatch(s: repo.SettlementWithNames) {
  return { ...presentSettlement(s), paymentRef: s.paymentRef, paidOn: s.paidOn };
}

export async function listSettlements(opts: {
  db: Db;
  ctx: RequestContext;
  query: {
    providerId?: number;
    status?: 'pending' | 'paid';
    limit: number;
    cursor?: string;
  };
}) {
  const scope = await providerScope(opts.db, opts.ctx);
  const conds = [
    scope,
    opts.query.providerId ? eq(voucherSettlements.providerId, opts.query.providerId) : undefined,
    opts.query.status ? eq(voucherSettlements.status, opts.query.status) : undefined,
  ].filter((c): c is SQL => !!c);
  const rows = await repo.listSettlements(opts.db, {
    where: conds.length ? and(...conds) : undefined,
    afterId: afterIdOf(opts.query.cursor),
    limit: opts.query.limit + 1,
  });
  return page(rows, opts.query.limit, presentBatch);
}

/** The lines of a batch, for the payment export: payee is the provider (通兑) or the holder (通用). */
export async function settlementLines(opts: { db: Db; ctx: RequestContext; id: number }) {
  const s = await getSettlement(opts);
  const rows = await repo.listClaims(opts.db, {
    where: repo.claimFilter({ settlementId: s.id }),
    limit: 100_000,
  });
  return {
    settlement: s,
    lines: rows.map((c) => ({
      ...presentClaim(c),
      payee: c.mode === 'tongdui' ? c.providerName : c.holderName,
    })),
  };
}

/** Marks a batch paid: the provider's payable becomes paid in the ledger. */
export async function paySettlement(opts: { db: Db; ctx: RequestContext; id: number; today?: string; payment?: { paymentRef: string; paidOn: string } }) {
  const actor = actorOf(opts.ctx);
  assertCityOfficer(actor, '结算付款');
  const today = opts.today ?? businessToday();
  const s = await repo.findSettlement(opts.db, opts.id);
  if (!s) {
    throw notFound('结算批次');
  }
  const payment = opts.payment;
  // The date the money left the bureau's account is a business date: never in the future.
  if (payment && payment.paidOn > today) {
    throw fieldError('paidOn', `付款日期不能晚于今天（${today}）`);
  }
  await accountIds(opts.db, opts.db, ledger.participantKeys(s.policyId, [], [s.providerId]));
  await opts.db.transaction(async (tx) => {
    const paid = await repo.markSettlementPaid(tx, s.id, actor.userId);
    if (!paid) {
      throw new AppError('invalid_state', '该批次已付款');
    }
    if (payment) {
      await tx.update(voucherSettlements).set({ paymentRef: payment.paymentRef, paidOn: payment.paidOn }).where(eq(voucherSettlements.id, s.id));
    }
    await ledger.settle({ tx, root: opts.db, actorId: actor.userId }, [
      {
        policyId: s.policyId,
        providerId: s.providerId,
        amountFen: s.totalFen,
        settlementId: s.id,
        valueDate: today,
      },
    ]);
    await recordAudit(tx, opts.ctx, {
      action: 'voucher.settlement.pay',
      objectType: 'voucher_settlement',
      objectId: s.id,
      before: { status: 'pending' },
      after: { status: 'paid', total: s.totalFen / 100, ...(payment ?? {}) },
    });
  });
  return getSettlement(opts);
}
