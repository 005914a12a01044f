import type { Db, Executor, Tx } from '../../db/client.js';
import type { PaymentDirection, PaymentStatus, StoredAccountRef } from '../../db/schema/index.js';
import { actorOf, hasRole, type Actor, type RequestContext } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import { businessToday } from '../../lib/clock.js';
import { fenToYuan, formatYuan } from '../../lib/money.js';
import { recordAudit } from '../audit/index.js';
import { getMovement, LedgerShortfall, postMovement, reverseMovement, type AccountRef, type Owner } from '../ledger/index.js';
import { appendTimeline } from '../timeline/index.js';
import { payableOf, type PayableDef } from './payables.js';
import * as repo from './payments.repo.js';
import type { PaymentOrder } from './payments.repo.js';

export const STATUS_NAMES: Record<PaymentStatus, string> = {
  prepared: '待审批',
  approved: '已审批待支付',
  sent: '已提交银行',
  confirmed: '已到账',
  cancelled: '已取消',
};
export const DIRECTION_NAMES: Record<PaymentDirection, string> = { out: '拨付', in: '收回' };

export interface Party {
  type: 'enterprise' | 'organization' | 'district';
  id: number;
  name: string;
}

interface OrderInputBase {
  /** A registered payable's code. */
  payable: string;
  /** The case it pays for (or takes back from), or null. */
  caseId: number | null;
  amountFen: number;
  /** The ledger account the money leaves (its kind must not go negative, so the ledger refuses an over-draw). */
  debit: AccountRef;
  /** The ledger account the money lands on. */
  credit: AccountRef;
  /** The same key again returns the same order (one effect); a different order under a used key is refused. */
  idempotencyKey: string;
  /** The movement kind approval posts; default from the payable (pay / clawback). */
  movementKind?: string;
}
export interface PaymentInput extends OrderInputBase {
  payee: Party;
  /** What is paid, as the desk shows it, e.g. 第1笔拨款（任务书签订后 50%）. */
  purpose: string;
}
export interface ClawbackInput extends OrderInputBase {
  payer: Party;
  /** Why the money comes back (the purpose on the desk). */
  reason: string;
}

const storedRef = (ref: AccountRef): StoredAccountRef => ({ kind: ref.kind, scope: ref.scope ?? 0, owner: ref.owner ? { type: ref.owner.type, id: ref.owner.id } : null });
const sameRef = (a: StoredAccountRef, b: StoredAccountRef) => JSON.stringify(storedRef(a)) === JSON.stringify(storedRef(b));
const yuanText = (fen: number) => `${fenToYuan(fen).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}元`;

function requirePayable(code: string): PayableDef {
  const p = payableOf(code);
  if (!p) {
    throw new Error(`payable '${code}' is not registered (registerPayable at import of the instrument's index)`);
  }
  return p;
}

async function prepareOrder(tx: Tx, ctx: RequestContext, direction: PaymentDirection, party: Party, input: OrderInputBase & { purpose: string }): Promise<PaymentOrder> {
  const payable = requirePayable(input.payable);
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) {
    throw fieldError('amount', '支付金额应大于0');
  }
  if (!input.idempotencyKey || input.idempotencyKey.length > 200) {
    throw new Error('a payment order needs an idempotency key of at most 200 characters');
  }
  const debit = storedRef(input.debit);
  const credit = storedRef(input.credit);
  for (const ref of [debit, credit]) {
    if (!(ref.kind in payable.book.accountKinds)) {
      throw new Error(`payable '${payable.code}': account kind '${ref.kind}' is not in book '${payable.book.code}'`);
    }
  }
  const movementKind = input.movementKind ?? (direction === 'out' ? (payable.movementKinds?.out ?? 'pay') : (payable.movementKinds?.in ?? 'clawback'));
  const wanted = {
    payable: payable.code,
    direction,
    caseId: input.caseId,
    partyType: party.type,
    partyId: party.id,
    partyName: party.name,
    amountFen: input.amountFen,
    purpose: input.purpose,
    bookCode: payable.book.code,
    movementKind,
    debit,
    credit,
    idempotencyKey: input.idempotencyKey,
  };
  const replay = (existing: repo.PaymentOrderRow) => {
    const same =
      existing.payable === wanted.payable &&
      existing.direction === direction &&
      existing.caseId === wanted.caseId &&
      existing.partyType === party.type &&
      existing.partyId === party.id &&
      existing.amountFen === wanted.amountFen &&
      sameRef(existing.debit, debit) &&
      sameRef(existing.credit, credit);
    if (!same) {
      throw new AppError('idempotency_key_reused', '该幂等键已用于另一笔不同的支付指令', { idempotencyKey: input.idempotencyKey, orderId: existing.id });
    }
    return existing.id;
  };
  const known = await repo.findByIdempotencyKey(tx, input.idempotencyKey);
  let id: number;
  if (known) {
    id = replay(known);
  } else {
    const inserted = await repo.insertOrder(tx, { ...wanted, preparedBy: ctx.actor?.userId ?? null, preparedByName: ctx.actor?.displayName ?? ctx.system ?? '系统' });
    if (inserted) {
      id = inserted.id;
      await recordAudit(tx, ctx, { action: direction === 'out' ? 'payment.prepare' : 'payment.prepare_clawback', objectType: 'payment_order', objectId: id, after: inserted });
    } else {
      // another transaction committed the key meanwhile: the same order, one effect
      id = replay((await repo.findByIdempotencyKey(tx, input.idempotencyKey))!);
    }
  }
  return (await repo.findOrder(tx, id))!;
}

/**
 * Prepares a payment order inside the caller's business transaction (the caller has authorised
 * the business step; the kernel records who prepared it — the maker, who can never approve it).
 */
export async function preparePayment(tx: Tx, ctx: RequestContext, input: PaymentInput): Promise<PaymentOrder> {
  return prepareOrder(tx, ctx, 'out', input.payee, input);
}

/** Money coming back (clawback, refund): the same maker-checker; approval posts debit → credit. */
export async function prepareClawback(tx: Tx, ctx: RequestContext, input: ClawbackInput): Promise<PaymentOrder> {
  return prepareOrder(tx, ctx, 'in', input.payer, { ...input, purpose: input.reason });
}

// ── reading ────────────────────────────────────────────────────────────────────────────────────

const READERS = ['finance_officer', 'city_officer', 'auditor'] as const;

/** Who sees which orders: the bureau's finance, business and audit roles all; an enterprise its own; nobody else. */
function readScope(actor: Actor): { party?: { type: string; id: number } } {
  if (hasRole(actor, ...READERS)) {
    return {};
  }
  if (hasRole(actor, 'enterprise_user') && actor.enterpriseId) {
    return { party: { type: 'enterprise', id: actor.enterpriseId } };
  }
  throw forbidden('无权查看支付指令');
}

export interface ListQuery {
  status?: PaymentStatus;
  payable?: string;
  caseId?: number;
  direction?: PaymentDirection;
  cursor?: string;
  limit: number;
}

export async function listPayments({ db, actor, query }: { db: Db; actor: Actor; query: ListQuery }) {
  const scope = readScope(actor);
  const beforeId = query.cursor ? decodeCursor(query.cursor).id : undefined;
  const rows = await repo.listOrders(db, { ...scope, status: query.status, payable: query.payable, caseId: query.caseId, direction: query.direction, beforeId, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const limitFen = hasRole(actor, 'finance_officer') ? await repo.limitOf(db, actor.userId) : null;
  return {
    items: page.map((o) => presentOrder(o, actor, limitFen)),
    nextCursor: rows.length > query.limit ? encodeCursor(null, page[page.length - 1].id) : null,
  };
}

export async function paymentSummary({ db, actor, query }: { db: Db; actor: Actor; query: Omit<ListQuery, 'cursor' | 'limit' | 'status'> }) {
  const scope = readScope(actor);
  const rows = await repo.totalsByStatus(db, { ...scope, payable: query.payable, caseId: query.caseId, direction: query.direction });
  const limitFen = hasRole(actor, 'finance_officer') ? await repo.limitOf(db, actor.userId) : null;
  return {
    today: businessToday(),
    myLimit: limitFen === null ? null : fenToYuan(limitFen),
    byStatus: (Object.keys(STATUS_NAMES) as PaymentStatus[]).map((status) => {
      const r = rows.find((x) => x.status === status);
      return { status, statusName: STATUS_NAMES[status], count: r?.count ?? 0, amount: fenToYuan(Number(r?.amountFen ?? 0)) };
    }),
  };
}

export async function getPayment({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  const scope = readScope(actor);
  const order = await repo.findOrder(db, id);
  if (!order || (scope.party && (order.partyType !== scope.party.type || order.partyId !== scope.party.id))) {
    throw notFound('支付指令');
  }
  const limitFen = hasRole(actor, 'finance_officer') ? await repo.limitOf(db, actor.userId) : null;
  return presentOrder(order, actor, limitFen);
}

/** The orders of one case, oldest first, presented (for the instrument's own page). */
export async function paymentsOfCase(executor: Executor, caseId: number) {
  const rows = await repo.ordersOfCase(executor, caseId);
  return rows.map((r) => ({
    id: r.id,
    payable: r.payable,
    direction: r.direction,
    amount: fenToYuan(r.amountFen),
    amountFen: r.amountFen,
    purpose: r.purpose,
    status: r.status,
    statusName: STATUS_NAMES[r.status],
    idempotencyKey: r.idempotencyKey,
    paidOn: r.paidOn,
    bankReference: r.bankReference,
  }));
}

/** Why this actor cannot approve the order (null: may approve). */
function approveBlock(order: repo.PaymentOrderRow, actor: Actor, limitFen: number | null): string | null {
  if (!hasRole(actor, 'finance_officer')) {
    return '只有计划财务处支付复核人员可以审批支付';
  }
  if (order.preparedBy === actor.userId) {
    return '不能审批自己经办的支付';
  }
  if (limitFen === null) {
    return '尚未为您设置审批限额，请联系系统管理员';
  }
  if (order.amountFen > limitFen) {
    return `超出您的审批限额（${yuanText(limitFen)}）`;
  }
  return null;
}

export function presentOrder(o: PaymentOrder, actor: Actor, limitFen: number | null) {
  const payable = payableOf(o.payable);
  const finance = hasRole(actor, 'finance_officer');
  const actions: ('approve' | 'send' | 'confirm' | 'cancel')[] = [];
  let blockedReason: string | null = null;
  if (finance) {
    if (o.status === 'prepared') {
      blockedReason = approveBlock(o, actor, limitFen);
      if (!blockedReason) {
        actions.push('approve');
      }
    }
    if (o.status === 'approved') {
      actions.push('send');
    }
    if (o.status === 'sent') {
      actions.push('confirm');
    }
    if (o.status === 'prepared' || o.status === 'approved') {
      actions.push('cancel');
    }
  }
  const ref = (r: StoredAccountRef) => ({ kind: r.kind, scope: r.scope, owner: r.owner });
  return {
    id: o.id,
    payable: o.payable,
    payableName: payable?.name ?? o.payable,
    direction: o.direction,
    directionName: DIRECTION_NAMES[o.direction],
    caseId: o.caseId,
    party: { type: o.partyType, id: o.partyId, name: o.partyName },
    amount: fenToYuan(o.amountFen),
    amountText: formatYuan(fenToYuan(o.amountFen)),
    purpose: o.purpose,
    book: o.bookCode,
    movementKind: o.movementKind,
    debit: ref(o.debit),
    credit: ref(o.credit),
    idempotencyKey: o.idempotencyKey,
    status: o.status,
    statusName: STATUS_NAMES[o.status],
    preparedBy: { id: o.preparedBy, name: o.preparedByName },
    preparedAt: o.preparedAt.toISOString(),
    approvedBy: o.approvedBy === null ? null : { id: o.approvedBy, name: o.approvedByName ?? '' },
    approvedAt: o.approvedAt?.toISOString() ?? null,
    sentBy: o.sentBy === null ? null : { id: o.sentBy, name: o.sentByName ?? '' },
    sentAt: o.sentAt?.toISOString() ?? null,
    confirmedBy: o.confirmedBy === null ? null : { id: o.confirmedBy, name: o.confirmedByName ?? '' },
    confirmedAt: o.confirmedAt?.toISOString() ?? null,
    cancelledBy: o.cancelledBy === null ? null : { id: o.cancelledBy, name: o.cancelledByName ?? '' },
    cancelledAt: o.cancelledAt?.toISOString() ?? null,
    ledgerMovementId: o.ledgerMovementId,
    reversalMovementId: o.reversalMovementId,
    bankReference: o.bankReference,
    paidOn: o.paidOn,
    cancelReason: o.cancelReason,
    version: o.version,
    href: payable?.href?.(o) ?? null,
    actions,
    blockedReason,
  };
}

// ── the checker's steps ───────────────────────────────────────────────────────────────────────

function assertFinance(actor: Actor) {
  if (!hasRole(actor, 'finance_officer')) {
    throw forbidden('只有计划财务处支付复核人员可以办理支付');
  }
}

async function lockForStep(tx: Tx, id: number, from: PaymentStatus[], step: string, version?: number) {
  const order = await repo.lockOrder(tx, id);
  if (!order) {
    throw notFound('支付指令');
  }
  if (version !== undefined && version !== order.version) {
    throw new AppError('version_conflict', '支付指令已被他人处理，请刷新后重试', { version: order.version });
  }
  if (!from.includes(order.status)) {
    throw new AppError('invalid_state', `支付指令当前状态为「${STATUS_NAMES[order.status]}」，不能${step}`, { status: order.status });
  }
  return order;
}

function bookOf(order: repo.PaymentOrderRow): PayableDef {
  const p = payableOf(order.payable);
  if (!p) {
    throw new AppError('invalid_state', `支付事项「${order.payable}」未注册，不能办理`);
  }
  return p;
}

const refOf = (r: StoredAccountRef): AccountRef => ({ kind: r.kind, scope: r.scope, owner: r.owner as Owner | null });

/**
 * Approves an order (the checker): role, maker ≠ checker, the approver's limit, then the ledger
 * movement debit → credit (key `payment:<id>`) in the same transaction — an over-draw is refused
 * by the ledger's balance CHECK. The order row is locked, so racing approvals have one effect.
 */
export async function approvePayment({ db, ctx, id, version }: { db: Db; ctx: RequestContext; id: number; version?: number }) {
  const actor = actorOf(ctx);
  assertFinance(actor);
  const done = await db.transaction(async (tx) => {
    const order = await lockForStep(tx, id, ['prepared'], '审批', version);
    if (order.preparedBy === actor.userId) {
      throw forbidden('不能审批自己经办的支付');
    }
    const limitFen = await repo.limitOf(tx, actor.userId);
    const blocked = approveBlock(order, actor, limitFen);
    if (blocked) {
      throw forbidden(blocked);
    }
    const payable = bookOf(order);
    let movementId: number;
    try {
      const posted = await postMovement(tx, {
        book: payable.book,
        kind: order.movementKind,
        valueDate: businessToday(),
        idempotencyKey: `payment:${order.id}`,
        memo: order.purpose,
        actorId: actor.userId,
        entries: [
          { account: refOf(order.debit), amountFen: -order.amountFen },
          { account: refOf(order.credit), amountFen: order.amountFen },
        ],
      });
      movementId = posted.id;
    } catch (err) {
      if (err instanceof LedgerShortfall) {
        throw new AppError('insufficient_balance', `可用额度不足：${payable.book.name}的「${order.debit.kind}」账户余额不足以${order.direction === 'out' ? '支付' : '收回'}${yuanText(order.amountFen)}`, err.details);
      }
      throw err;
    }
    const updated = await repo.updateOrder(tx, order.id, order.version, { status: 'approved', approvedBy: actor.userId, approvedAt: new Date(), ledgerMovementId: movementId });
    await recordAudit(tx, ctx, { action: 'payment.approve', objectType: 'payment_order', objectId: order.id, before: { status: order.status }, after: { status: updated.status, ledgerMovementId: movementId } });
    const full = (await repo.findOrder(tx, order.id))!;
    await payable.onApproved?.(tx, ctx, full);
    return full;
  });
  return presentOrder(done, actor, await repo.limitOf(db, actor.userId));
}

/** Hands an approved order to the bank. */
export async function sendPayment({ db, ctx, id, version }: { db: Db; ctx: RequestContext; id: number; version?: number }) {
  const actor = actorOf(ctx);
  assertFinance(actor);
  const done = await db.transaction(async (tx) => {
    const order = await lockForStep(tx, id, ['approved'], '提交银行', version);
    await repo.updateOrder(tx, order.id, order.version, { status: 'sent', sentBy: actor.userId, sentAt: new Date() });
    await recordAudit(tx, ctx, { action: 'payment.send', objectType: 'payment_order', objectId: order.id, before: { status: order.status }, after: { status: 'sent' } });
    return (await repo.findOrder(tx, order.id))!;
  });
  return presentOrder(done, actor, await repo.limitOf(db, actor.userId));
}

/** Records the bank's reference and date, and calls the payable's onConfirmed in the same transaction. */
export async function confirmPayment({ db, ctx, id, bankReference, paidOn, version }: { db: Db; ctx: RequestContext; id: number; bankReference: string; paidOn: string; version?: number }) {
  const actor = actorOf(ctx);
  assertFinance(actor);
  const today = businessToday();
  if (paidOn > today) {
    throw fieldError('paidOn', `到账日期不能晚于今天（${today}）`);
  }
  const done = await db.transaction(async (tx) => {
    const order = await lockForStep(tx, id, ['sent'], '确认到账', version);
    const payable = bookOf(order);
    const movement = order.ledgerMovementId ? await getMovement(tx, payable.book, order.ledgerMovementId) : null;
    if (movement && paidOn < movement.valueDate) {
      throw fieldError('paidOn', `到账日期不能早于审批日期（${movement.valueDate}）`);
    }
    await repo.updateOrder(tx, order.id, order.version, { status: 'confirmed', confirmedBy: actor.userId, confirmedAt: new Date(), bankReference, paidOn });
    await recordAudit(tx, ctx, { action: 'payment.confirm', objectType: 'payment_order', objectId: order.id, before: { status: order.status }, after: { status: 'confirmed', bankReference, paidOn } });
    if (order.partyType === 'enterprise') {
      await appendTimeline(tx, [
        {
          enterpriseId: order.partyId,
          module: 'payments',
          kind: order.direction === 'out' ? 'payment_confirmed' : 'clawback_confirmed',
          title: `${payable.name}：${order.purpose}，${yuanText(order.amountFen)}${order.direction === 'out' ? '已拨付到账' : '已收回'}`,
          refType: 'payment_order',
          refId: order.id,
        },
      ]);
    }
    const full = (await repo.findOrder(tx, order.id))!;
    await payable.onConfirmed?.(tx, ctx, full);
    return full;
  });
  return presentOrder(done, actor, await repo.limitOf(db, actor.userId));
}

/**
 * Cancels an order before it is sent, with a reason; an approved order's ledger movement is
 * reversed in the same transaction. Usable inside an instrument's transaction too (cancelOrderTx).
 */
export async function cancelOrderTx(tx: Tx, ctx: RequestContext, id: number, reason: string, version?: number): Promise<PaymentOrder> {
  const actor = ctx.actor;
  const order = await lockForStep(tx, id, ['prepared', 'approved'], '取消', version);
  const payable = bookOf(order);
  let reversalMovementId: number | null = null;
  if (order.status === 'approved' && order.ledgerMovementId) {
    const reversed = await reverseMovement(tx, {
      book: payable.book,
      movementId: order.ledgerMovementId,
      kind: order.movementKind,
      valueDate: businessToday(),
      memo: `取消支付指令：${reason}`,
      actorId: actor?.userId ?? null,
    });
    reversalMovementId = reversed.id;
  }
  await repo.updateOrder(tx, order.id, order.version, { status: 'cancelled', cancelledBy: actor?.userId ?? null, cancelledAt: new Date(), cancelReason: reason, reversalMovementId });
  await recordAudit(tx, ctx, { action: 'payment.cancel', objectType: 'payment_order', objectId: order.id, before: { status: order.status }, after: { status: 'cancelled', reason, reversalMovementId } });
  const full = (await repo.findOrder(tx, order.id))!;
  await payable.onCancelled?.(tx, ctx, full);
  return full;
}

export async function cancelPayment({ db, ctx, id, reason, version }: { db: Db; ctx: RequestContext; id: number; reason: string; version?: number }) {
  const actor = actorOf(ctx);
  assertFinance(actor);
  const done = await db.transaction((tx) => cancelOrderTx(tx, ctx, id, reason, version));
  return presentOrder(done, actor, await repo.limitOf(db, actor.userId));
}

// ── approval limits (the admin) ───────────────────────────────────────────────────────────────

export async function listLimits({ db, actor }: { db: Db; actor: Actor }) {
  if (!hasRole(actor, 'city_admin', 'auditor')) {
    throw forbidden('只有系统管理员可以管理审批限额');
  }
  const rows = await repo.listLimits(db);
  return {
    items: rows.map((r) => ({
      userId: r.userId,
      username: r.username,
      displayName: r.displayName,
      disabled: r.disabled,
      limit: r.limitFen === null ? null : fenToYuan(r.limitFen),
      version: r.version,
      updatedAt: r.updatedAt?.toISOString() ?? null,
      updatedByName: r.updatedByName,
    })),
  };
}

export async function setLimit({ db, ctx, userId, limitFen }: { db: Db; ctx: RequestContext; userId: number; limitFen: number }) {
  const actor = actorOf(ctx);
  if (!hasRole(actor, 'city_admin')) {
    throw forbidden('只有系统管理员可以设置审批限额');
  }
  await db.transaction(async (tx) => {
    const user = await repo.findUserRoles(tx, userId);
    if (!user) {
      throw notFound('用户');
    }
    if (!user.roles.includes('finance_officer')) {
      throw fieldError('userId', '只能为计划财务处支付复核人员设置审批限额');
    }
    const before = await repo.limitOf(tx, userId);
    const row = await repo.upsertLimit(tx, userId, limitFen, actor.userId);
    await recordAudit(tx, ctx, { action: 'payment_limit.set', objectType: 'user', objectId: userId, before: { limitFen: before }, after: { limitFen: row.limitFen } });
  });
  return listLimits({ db, actor });
}
