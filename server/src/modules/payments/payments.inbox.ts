import type { Executor } from '../../db/client.js';
import type { PaymentStatus } from '../../db/schema/index.js';
import { hasRole, type Actor } from '../../http/context.js';
import { fenToYuan, formatYuan } from '../../lib/money.js';
import { payableOf } from './payables.js';
import * as repo from './payments.repo.js';
import { STATUS_NAMES } from './payments.service.js';

/** The inbox's name for payment orders (its "instrument" code and name). */
export const PAYMENTS_INBOX = { instrument: 'payments', instrumentName: '支付指令' } as const;

/** What waits for the finance reviewer (计划财务处): approving a prepared order, sending an approved one, confirming a sent one. */
const AWAITING_FINANCE: PaymentStatus[] = ['prepared', 'approved', 'sent'];

/** The statuses of the orders waiting for this actor's step; none for a role that works no payment step. */
function awaitingOf(actor: Actor, status?: string): PaymentStatus[] {
  if (!hasRole(actor, 'finance_officer')) {
    return [];
  }
  return status === undefined ? AWAITING_FINANCE : AWAITING_FINANCE.filter((s) => s === status);
}

/** The payment orders waiting for the actor, oldest first, as inbox items (one keyset page after `afterId`). */
export async function paymentsAwaiting(db: Executor, actor: Actor, opts: { status?: string; afterId?: number; limit: number }) {
  const statuses = awaitingOf(actor, opts.status);
  if (!statuses.length || opts.limit <= 0) {
    return [];
  }
  const rows = await repo.ordersInStatuses(db, { statuses, afterId: opts.afterId, limit: opts.limit });
  return rows.map((o) => ({
    id: o.id,
    ...PAYMENTS_INBOX,
    type: o.payable,
    typeName: payableOf(o.payable)?.name ?? o.payable,
    status: o.status,
    statusName: STATUS_NAMES[o.status],
    title: `${o.purpose}（${formatYuan(fenToYuan(o.amountFen))}）`,
    dueOn: null,
    dueState: null,
    enterprise: o.partyType === 'enterprise' ? { id: o.partyId, name: o.partyName } : null,
    applicantName: o.partyName,
    district: null,
    href: '/payments',
    updatedAt: (o.sentAt ?? o.approvedAt ?? o.preparedAt).toISOString(),
  }));
}

/** How many payment orders wait for the actor (0 for a role that works no payment step). */
export async function countPaymentsAwaiting(db: Executor, actor: Actor, status?: string): Promise<number> {
  const statuses = awaitingOf(actor, status);
  return statuses.length ? repo.countInStatuses(db, statuses) : 0;
}
