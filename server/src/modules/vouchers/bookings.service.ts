import { createHash } from 'node:crypto';
import { and } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { yuanToFen } from '../../lib/money.js';
import { recordAudit } from '../audit/index.js';
import { submitBooking, type Answer } from './bookings.batch.js';
import { loadHolder, loadIdempotencyKey, loadPolicy, loadProvider } from './bookings.reads.js';
import { accountIds } from './ledger.repo.js';
import * as ledger from './ledger.service.js';
import { actorOf, afterIdOf, businessToday, categoryName, page, presentBooking, yuanText } from './vouchers.common.js';
import { actsForHolder, caseScope } from './vouchers.policy.js';
import * as repo from './vouchers.repo.js';
import { BOOKING_STATUS_NAMES, type BookingInput, type BookingQuery } from './vouchers.schema.js';

export type { Answer } from './bookings.batch.js';

/** Canonical JSON of the request, so the same body in another key order is the same request. */
function requestHash(input: BookingInput): string {
  const canonical = JSON.stringify(
    Object.keys(input)
      .sort()
      .map((k) => [k, input[k as keyof BookingInput]]),
  );
  return createHash('sha256').update(`POST /api/vouchers/bookings\n${canonical}`).digest('hex');
}

function replay(stored: { requestHash: string; statusCode: number; response: unknown }, hash: string): Answer {
  if (stored.requestHash !== hash) {
    throw new AppError('idempotency_key_reused', '该 Idempotency-Key 已用于另一笔不同内容的预约，请更换新的键');
  }
  return { statusCode: stored.statusCode, body: stored.statusCode === 201 ? withNames(stored.response as StoredBooking) : stored.response };
}

type StoredBooking = { status: keyof typeof BOOKING_STATUS_NAMES; statusName?: string; serviceCategory: string; serviceCategoryName?: string };

/** A booking answered before the API named its status and category (stored under its key then) gets its names. */
function withNames(b: StoredBooking): StoredBooking {
  return { ...b, statusName: b.statusName ?? BOOKING_STATUS_NAMES[b.status], serviceCategoryName: b.serviceCategoryName ?? categoryName(b.serviceCategory) };
}

/**
 * Books a service: freezes `amount` of the holder's available balance. The request is checked
 * here (holder, policy, provider, service, coverage), then handed to the batcher (bookings.batch.ts),
 * which writes the bookings that arrive together in one transaction, deciding each in arrival
 * order against the holder's balance and moving the balances by its last statement, so a hot
 * holder's row locks are held for that statement and the commit only, once per batch. With an
 * Idempotency-Key, the key row goes in with the answer (a refusal for lack of balance too), so
 * concurrent retries wait for the first and then replay its answer; another body under the key is 422.
 */
export async function createBooking(opts: { db: Db; ctx: RequestContext; input: BookingInput; idempotencyKey?: string; today?: string }): Promise<Answer> {
  const { db, ctx, input } = opts;
  const actor = actorOf(ctx);
  const today = opts.today ?? businessToday();
  const scope = `user:${actor.userId}`;
  const hash = requestHash(input);
  const key = opts.idempotencyKey;
  // independent reads at once, each batched with the same reads of concurrent bookings (bookings.reads.ts); checked below in the order they matter
  const [seen, holder, policy, provider] = await Promise.all([
    key ? loadIdempotencyKey(db, scope, key) : undefined,
    // the holder is found in the actor's holder scope (a provider has none: 403), not the bookings' scope over providers
    loadHolder(db, actor, input.holderId),
    loadPolicy(db, input.policyId),
    loadProvider(db, input.providerId),
  ]);
  if (seen && seen.statusCode !== 0) {
    return replay(seen, hash);
  }
  if (!holder) {
    throw notFound('创新券持有人');
  }
  if (!actsForHolder(actor, holder) && !hasRole(actor, 'city_officer')) {
    throw forbidden('只有持有人本企业或市科委业务处室可以预约服务');
  }
  if (!policy) {
    throw notFound('创新券政策');
  }
  if (policy.status !== 'active' || today > policy.validUntil) {
    throw new AppError('policy_expired', `该政策已于${policy.validUntil}截止，不能再预约`);
  }
  if (!policy.categories.includes(input.serviceCategory)) {
    throw fieldError('serviceCategory', '该政策不支持此服务类别');
  }
  if (!provider) {
    throw notFound('服务机构');
  }
  if (provider.status !== 'approved') {
    throw new AppError('provider_unavailable', '该服务机构未通过审核或已被暂停/列入黑名单');
  }
  if (!provider.categories.includes(input.serviceCategory)) {
    throw fieldError('serviceCategory', '该服务机构不提供此类服务');
  }
  const service = await checkService(db, { input, providerId: provider.id, validUntil: policy.validUntil, today, fromCatalogue: !hasRole(actor, 'city_officer') });
  const contractFen = yuanToFen(input.contractAmount);
  const amountFen = yuanToFen(input.amount);
  const maxFen = Math.floor((contractFen * policy.coverageBp) / 10000);
  if (amountFen > maxFen) {
    throw fieldError('amount', `使用金额不能超过合同金额的${policy.coverageBp / 100}%（${yuanText(maxFen)}），请改小后再预约`);
  }
  // Accounts are created (and committed) ahead of the transaction; see ledger.repo accountIds.
  const keys = ledger.participantKeys(policy.id, [holder.id], [provider.id]);
  const ids = await accountIds(db, db, keys);
  const job = {
    ctx,
    actorId: actor.userId,
    input,
    today,
    holder,
    policy,
    provider,
    serviceName: service?.name ?? null,
    contractFen,
    amountFen,
    maxFen,
    available: ids[keys.findIndex((k) => k.kind === 'available')],
    frozen: ids[keys.findIndex((k) => k.kind === 'frozen')],
    idem: key ? { scope, key, hash } : null,
  };
  for (let attempt = 0; ; attempt++) {
    const outcome = await submitBooking(db, job);
    if ('answer' in outcome) {
      return outcome.answer;
    }
    if ('error' in outcome) {
      throw outcome.error;
    }
    // Another request with the same key went first: its answer is this one's (when it failed, the
    // key is free again and this request is written itself).
    const stored = await repo.findIdempotencyKey(db, scope, key!);
    if (stored) {
      return replay(stored, hash);
    }
    if (attempt >= 2) {
      throw new AppError('conflict', '该 Idempotency-Key 的请求正在处理，请稍后重试');
    }
  }
}

/**
 * The catalogue service and its dates: a holder books one of the provider's active services of the
 * category, to be delivered between today and the policy's validity end; a city officer registering
 * a paper contract on a holder's behalf may leave the service out.
 */
async function checkService(db: Db, o: { input: BookingInput; providerId: number; validUntil: string; today: string; fromCatalogue: boolean }) {
  const { input } = o;
  if (o.fromCatalogue && input.serviceId === undefined) {
    throw fieldError('serviceId', '请从服务机构的服务目录中选择服务项目');
  }
  if ((input.serviceStart === undefined) !== (input.serviceEnd === undefined) || (o.fromCatalogue && input.serviceStart === undefined)) {
    throw fieldError(input.serviceStart === undefined ? 'serviceStart' : 'serviceEnd', '请填写服务开始和完成日期');
  }
  if (input.serviceStart !== undefined && input.serviceEnd !== undefined) {
    if (input.serviceEnd < input.serviceStart) {
      throw fieldError('serviceEnd', '服务完成日期不能早于开始日期');
    }
    if (input.serviceStart < o.today) {
      throw fieldError('serviceStart', `服务开始日期不能早于预约日（${o.today}）`);
    }
    if (input.serviceEnd > o.validUntil) {
      throw fieldError('serviceEnd', `服务须在创新券有效期（${o.validUntil}）内完成`);
    }
  }
  if (input.serviceId === undefined) {
    return null;
  }
  const service = await repo.findService(db, input.serviceId);
  if (!service || service.providerId !== o.providerId || !service.active) {
    throw fieldError('serviceId', '该服务项目不在此服务机构的服务目录中');
  }
  if (service.category !== input.serviceCategory) {
    throw fieldError('serviceId', `该服务项目属于“${categoryName(service.category)}”类别，与所选服务类别不符`);
  }
  return service;
}

export async function listBookings(opts: { db: Db; ctx: RequestContext; query: BookingQuery }) {
  const actor = actorOf(opts.ctx);
  const { limit, cursor, ...filter } = opts.query;
  const scope = caseScope(actor);
  const f = repo.bookingFilter(filter);
  const where = scope && f ? and(scope, f) : (scope ?? f);
  const rows = await repo.listBookings(opts.db, {
    where,
    afterId: afterIdOf(cursor),
    limit: limit + 1,
  });
  return page(rows, limit, presentBooking);
}

export async function getBooking(opts: { db: Db; ctx: RequestContext; id: number }) {
  const b = await repo.findBooking(opts.db, opts.id, caseScope(actorOf(opts.ctx)));
  if (!b) {
    throw notFound('预约');
  }
  return presentBooking(b);
}

/** Cancels a booking that has no live claim: its frozen amount returns to the holder's available balance. */
export async function cancelBooking(opts: { db: Db; ctx: RequestContext; id: number; today?: string }) {
  const actor = actorOf(opts.ctx);
  const today = opts.today ?? businessToday();
  const b = await repo.findBooking(opts.db, opts.id, caseScope(actor));
  if (!b) {
    throw notFound('预约');
  }
  const holder = await repo.findHolder(opts.db, b.holderId);
  if (!holder || (!actsForHolder(actor, holder) && !hasRole(actor, 'city_officer'))) {
    throw forbidden('只有持有人本企业或市科委业务处室可以取消预约');
  }
  await opts.db.transaction(async (tx) => {
    const moved = await repo.transitionBooking(tx, b.id, ['booked'], 'cancelled');
    if (!moved) {
      throw new AppError('invalid_state', '只有“已预约”状态的预约可以取消');
    }
    const ref = {
      id: b.id,
      policyId: b.policyId,
      holderId: b.holderId,
      providerId: b.providerId,
      serviceCategory: b.serviceCategory,
      districtId: b.holderDistrictId,
    };
    await ledger.release({ tx, root: opts.db, actorId: actor.userId }, [{ booking: ref, amountFen: b.amountFen, valueDate: today }]);
    await recordAudit(tx, opts.ctx, {
      action: 'voucher.booking.cancel',
      objectType: 'voucher_booking',
      objectId: b.id,
      before: { status: b.status },
      after: { status: 'cancelled' },
    });
  });
  return getBooking({ db: opts.db, ctx: opts.ctx, id: b.id });
}
