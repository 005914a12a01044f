import type { Db, Executor } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { fenToYuan, yuanToFen } from '../../lib/money.js';
import { recordAudit } from '../audit/index.js';
import type { JobControl } from '../jobs/index.js';
import { appendTimeline } from '../timeline/index.js';
import { accountIds, availableBalances, budgetBalance, holderBalances } from './ledger.repo.js';
import * as ledger from './ledger.service.js';
import { actorOf, businessToday, presentPolicy } from './vouchers.common.js';
import { holdersById, issuedBatch, ISSUE_BATCH } from './vouchers.issuance.js';
import { assertCityOfficer, holderScope } from './vouchers.policy.js';
import * as repo from './vouchers.repo.js';
import type { CreatePolicyInput, PatchPolicyInput } from './vouchers.schema.js';

export async function createPolicy(opts: { db: Db; ctx: RequestContext; input: CreatePolicyInput; today?: string }) {
  const { db, ctx, input } = opts;
  const actor = actorOf(ctx);
  assertCityOfficer(actor, '创建创新券政策');
  const today = opts.today ?? businessToday();
  const id = await db.transaction(async (tx) => {
    const p = await repo.insertPolicy(tx, {
      year: input.year,
      name: input.name,
      budgetFen: yuanToFen(input.budget),
      enterpriseCapFen: yuanToFen(input.enterpriseCap),
      teamCapFen: yuanToFen(input.teamCap),
      coverageBp: Math.round(input.coverageRatio * 10000),
      validUntil: input.validUntil ?? `${input.year}-12-31`,
      categories: input.categories,
    });
    // A throwaway cache root: the new policy's accounts are not committed yet.
    await ledger.fundPolicy({ tx, root: {}, actorId: actor.userId }, { policyId: p.id, deltaFen: p.budgetFen, valueDate: today });
    await recordAudit(tx, ctx, {
      action: 'voucher.policy.create',
      objectType: 'voucher_policy',
      objectId: p.id,
      after: p,
    });
    return p.id;
  });
  return getPolicy({ db, ctx, id });
}

export async function listPolicies(opts: { db: Db; ctx: RequestContext }) {
  actorOf(opts.ctx);
  const rows = await repo.listPolicies(opts.db);
  const items = [];
  for (const p of rows) {
    items.push(presentPolicy(p, await budgetBalance(opts.db, p.id)));
  }
  return { items };
}

export async function getPolicy(opts: { db: Db; ctx: RequestContext; id: number }) {
  actorOf(opts.ctx);
  const p = await repo.findPolicy(opts.db, opts.id);
  if (!p) {
    throw notFound('创新券政策');
  }
  return presentPolicy(p, await budgetBalance(opts.db, p.id));
}

/** Edits a policy (optimistic lock); a budget change is a fund movement, never below what was issued. */
export async function updatePolicy(opts: { db: Db; ctx: RequestContext; id: number; input: PatchPolicyInput; today?: string }) {
  const { db, ctx, input } = opts;
  const actor = actorOf(ctx);
  assertCityOfficer(actor, '修改创新券政策');
  const today = opts.today ?? businessToday();
  await accountIds(db, db, ledger.participantKeys(opts.id, [], []));
  await db.transaction(async (tx) => {
    const before = await repo.findPolicy(tx, opts.id, true);
    if (!before) {
      throw notFound('创新券政策');
    }
    const budgetFen = input.budget === undefined ? before.budgetFen : yuanToFen(input.budget);
    if (budgetFen < before.issuedFen) {
      throw fieldError('budget', `预算不能低于已发放金额（${fenToYuan(before.issuedFen)}元）`, 'budget_exceeded');
    }
    const after = await repo.updatePolicyVersioned(tx, opts.id, input.version, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      budgetFen,
      ...(input.enterpriseCap !== undefined ? { enterpriseCapFen: yuanToFen(input.enterpriseCap) } : {}),
      ...(input.teamCap !== undefined ? { teamCapFen: yuanToFen(input.teamCap) } : {}),
      ...(input.coverageRatio !== undefined ? { coverageBp: Math.round(input.coverageRatio * 10000) } : {}),
      ...(input.validUntil !== undefined ? { validUntil: input.validUntil } : {}),
      ...(input.categories !== undefined ? { categories: input.categories } : {}),
    });
    if (!after) {
      throw new AppError('version_conflict', '该政策已被他人修改，请刷新后重试', { currentVersion: before.version });
    }
    await ledger.fundPolicy(
      { tx, root: db, actorId: actor.userId },
      {
        policyId: opts.id,
        deltaFen: budgetFen - before.budgetFen,
        valueDate: today,
      },
    );
    await recordAudit(tx, ctx, {
      action: 'voucher.policy.update',
      objectType: 'voucher_policy',
      objectId: opts.id,
      before,
      after,
    });
  });
  return getPolicy({ db, ctx, id: opts.id });
}

/**
 * Ends a policy after its validity: open bookings are released, and every holder's available
 * balance is marked expired and returned to the policy budget. Running it again sweeps anything
 * booked concurrently with the first run, so it is safe to repeat.
 */
export async function expirePolicy(opts: { db: Db; ctx: RequestContext; id: number; today?: string }) {
  const { db, ctx } = opts;
  const actor = actorOf(ctx);
  assertCityOfficer(actor, '到期处理');
  const today = opts.today ?? businessToday();
  const policy = await repo.findPolicy(db, opts.id);
  if (!policy) {
    throw notFound('创新券政策');
  }
  if (today <= policy.validUntil) {
    throw new AppError('invalid_state', `政策有效期至${policy.validUntil}，尚未到期`);
  }
  await accountIds(db, db, ledger.participantKeys(policy.id, await repo.grantHolderIds(db, policy.id), []));
  return db.transaction(async (tx) => {
    await repo.setPolicyStatus(tx, policy.id, 'active', 'expired');
    const l = { tx, root: db, actorId: actor.userId };
    const open = await repo.openBookingsOfPolicy(tx, policy.id);
    await ledger.release(
      l,
      open.map((o) => ({
        booking: {
          id: o.b.id,
          policyId: o.b.policyId,
          holderId: o.b.holderId,
          providerId: o.b.providerId,
          serviceCategory: o.b.serviceCategory,
          districtId: o.holderDistrictId,
        },
        amountFen: o.b.amountFen,
        valueDate: today,
      })),
    );
    await repo.markBookingsExpired(
      tx,
      open.map((o) => o.b.id),
    );
    const balances = await availableBalances(tx, policy.id);
    await ledger.expire(l, {
      policyId: policy.id,
      items: balances.map((b) => ({
        holder: { id: b.holderId, districtId: b.districtId },
        amountFen: b.balanceFen,
      })),
      valueDate: today,
    });
    const expiredFen = balances.reduce((s, b) => s + b.balanceFen, 0);
    const result = {
      policyId: policy.id,
      holders: balances.length,
      released: fenToYuan(open.reduce((s, o) => s + o.b.amountFen, 0)),
      expired: fenToYuan(expiredFen),
    };
    await recordAudit(tx, ctx, {
      action: 'voucher.policy.expire',
      objectType: 'voucher_policy',
      objectId: policy.id,
      after: result,
    });
    return result;
  });
}

// ── issuance ────────────────────────────────────────────────────────────────
function assertIssuable(policy: repo.PolicyRow | undefined, today: string): asserts policy is repo.PolicyRow {
  if (!policy) {
    throw notFound('创新券政策');
  }
  if (policy.status !== 'active' || today > policy.validUntil) {
    throw new AppError('policy_expired', `该政策已于${policy.validUntil}截止，不能再发放`);
  }
}

const capOf = (policy: repo.PolicyRow, holder: { kind: 'enterprise' | 'team' }) => (holder.kind === 'enterprise' ? policy.enterpriseCapFen : policy.teamCapFen);

/** The list upload's checks (role, the policy issuable today), made before the file is read. */
export async function assertCanIssue(opts: { db: Executor; ctx: RequestContext; policyId: number }): Promise<void> {
  assertCityOfficer(actorOf(opts.ctx), '创新券发放');
  assertIssuable(await repo.findPolicy(opts.db, opts.policyId), businessToday());
}

/** Issues vouchers to holders all-or-nothing (one or many, e.g. from an approved Excel list). */
export async function issueVouchers(opts: { db: Db; ctx: RequestContext; policyId: number; items: { holderId: number; amount: number }[]; today?: string; control?: JobControl }) {
  const { db, ctx } = opts;
  const actor = actorOf(ctx);
  assertCityOfficer(actor, '创新券发放');
  const today = opts.today ?? businessToday();
  const policy = await repo.findPolicy(db, opts.policyId);
  assertIssuable(policy, today);
  const holders = await holdersById(db, opts.items.map((i) => i.holderId));
  const missing = opts.items.find((i) => !holders.has(i.holderId));
  if (missing) {
    throw notFound(`创新券持有人（编号${missing.holderId}）`);
  }
  await accountIds(db, db, ledger.participantKeys(policy.id, [...holders.keys()], []));
  return db.transaction(async (tx) => {
    const items = opts.items.map((i) => {
      const h = holders.get(i.holderId)!;
      return {
        holder: { id: h.id, districtId: h.districtId },
        amountFen: yuanToFen(i.amount),
        capFen: capOf(policy, h),
      };
    });
    // In batches: a list of 50,000 holders is one transaction of many statements, each well within the bind-parameter limit.
    const movementIds: number[] = [];
    for (let i = 0; i < items.length; i += ISSUE_BATCH) {
      movementIds.push(...(await ledger.issue({ tx, root: db, actorId: actor.userId }, { policyId: policy.id, items: items.slice(i, i + ISSUE_BATCH), valueDate: today })));
      await issuedBatch(opts.control, Math.min(items.length, i + ISSUE_BATCH), items.length);
    }
    await appendTimeline(
      tx,
      opts.items
        .map((i) => ({ i, h: holders.get(i.holderId)! }))
        .filter(({ h }) => h.enterpriseId !== null)
        .map(({ i, h }) => ({
          enterpriseId: h.enterpriseId!,
          module: 'vouchers',
          kind: 'issued',
          title: `获发创新券 ${i.amount}元（${policy.name}）`,
          refType: 'voucher_policy',
          refId: policy.id,
        })),
    );
    await recordAudit(tx, ctx, {
      action: opts.items.length === 1 ? 'voucher.issue' : 'voucher.issue.bulk',
      objectType: 'voucher_policy',
      objectId: policy.id,
      after: { items: opts.items, movementIds },
    });
    return { movementIds, total: items.reduce((s, i) => s + i.amountFen, 0) };
  });
}

export async function getBalance(opts: { db: Db; ctx: RequestContext; holderId: number; policyId?: number }) {
  const actor = actorOf(opts.ctx);
  const holder = await repo.findHolder(opts.db, opts.holderId, holderScope(actor));
  if (!holder) {
    throw notFound('创新券持有人');
  }
  const accounts = await holderBalances(opts.db, holder.id, opts.policyId);
  const grants = await repo.findGrants(opts.db, holder.id, opts.policyId);
  const sum = (kind: string) => fenToYuan(accounts.filter((a) => a.kind === kind).reduce((s, a) => s + a.balanceFen, 0));
  return {
    holderId: holder.id,
    policyId: opts.policyId ?? null,
    issued: fenToYuan(grants.reduce((s, g) => s + g.issuedFen, 0)),
    available: sum('available'),
    frozen: sum('frozen'),
    redeemed: sum('redeemed'),
    expired: sum('expired'),
    cap: opts.policyId !== undefined && grants[0] ? fenToYuan(grants[0].capFen) : null,
  };
}
