import { and, asc, desc, eq, gt, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { paymentLimits, paymentOrders, users, type PaymentStatus } from '../../db/schema/index.js';

/** The only SQL of the payments kernel. */
export type PaymentOrderRow = typeof paymentOrders.$inferSelect;
export type NewPaymentOrder = typeof paymentOrders.$inferInsert;

/** An order with the names of the people who worked it (what the desk and the hooks see). */
export interface PaymentOrder extends PaymentOrderRow {
  approvedByName: string | null;
  sentByName: string | null;
  confirmedByName: string | null;
  cancelledByName: string | null;
}

const approver = alias(users, 'approver');
const sender = alias(users, 'sender');
const confirmer = alias(users, 'confirmer');
const canceller = alias(users, 'canceller');

function selectOrders(executor: Executor) {
  return executor
    .select({
      order: paymentOrders,
      approvedByName: approver.displayName,
      sentByName: sender.displayName,
      confirmedByName: confirmer.displayName,
      cancelledByName: canceller.displayName,
    })
    .from(paymentOrders)
    .leftJoin(approver, eq(approver.id, paymentOrders.approvedBy))
    .leftJoin(sender, eq(sender.id, paymentOrders.sentBy))
    .leftJoin(confirmer, eq(confirmer.id, paymentOrders.confirmedBy))
    .leftJoin(canceller, eq(canceller.id, paymentOrders.cancelledBy));
}

type Joined = Awaited<ReturnType<ReturnType<typeof selectOrders>['execute']>>[number];
const flatten = (r: Joined): PaymentOrder => ({
  ...r.order,
  approvedByName: r.approvedByName,
  sentByName: r.sentByName,
  confirmedByName: r.confirmedByName,
  cancelledByName: r.cancelledByName,
});

export interface OrderFilter {
  status?: PaymentStatus;
  payable?: string;
  caseId?: number;
  direction?: 'out' | 'in';
  /** Scope: only orders whose counterparty is this party (an enterprise user's own). */
  party?: { type: string; id: number };
  beforeId?: number;
  limit: number;
}

function conditions(f: Omit<OrderFilter, 'limit' | 'beforeId'>): SQL[] {
  const c: SQL[] = [];
  if (f.status) {
    c.push(eq(paymentOrders.status, f.status));
  }
  if (f.payable) {
    c.push(eq(paymentOrders.payable, f.payable));
  }
  if (f.caseId !== undefined) {
    c.push(eq(paymentOrders.caseId, f.caseId));
  }
  if (f.direction) {
    c.push(eq(paymentOrders.direction, f.direction));
  }
  if (f.party) {
    c.push(eq(paymentOrders.partyType, f.party.type), eq(paymentOrders.partyId, f.party.id));
  }
  return c;
}

/** Newest first, keyset on id (the indexes lead with status / payable / party and end with id). */
export async function listOrders(executor: Executor, f: OrderFilter): Promise<PaymentOrder[]> {
  const c = conditions(f);
  if (f.beforeId !== undefined) {
    c.push(lt(paymentOrders.id, f.beforeId));
  }
  const rows = await selectOrders(executor)
    .where(c.length ? and(...c) : undefined)
    .orderBy(desc(paymentOrders.id))
    .limit(f.limit);
  return rows.map(flatten);
}

/** Orders in one of these statuses, oldest first, keyset on id (the inbox's 待办 of the finance reviewer). */
export async function ordersInStatuses(executor: Executor, f: { statuses: PaymentStatus[]; afterId?: number; limit: number }): Promise<PaymentOrder[]> {
  const c = [inArray(paymentOrders.status, f.statuses), f.afterId !== undefined ? gt(paymentOrders.id, f.afterId) : undefined];
  const rows = await selectOrders(executor)
    .where(and(...c))
    .orderBy(asc(paymentOrders.id))
    .limit(f.limit);
  return rows.map(flatten);
}

export async function countInStatuses(executor: Executor, statuses: PaymentStatus[]): Promise<number> {
  const [row] = await executor.select({ count: sql<number>`count(*)::int` }).from(paymentOrders).where(inArray(paymentOrders.status, statuses));
  return row?.count ?? 0;
}

/** Count and amount per status (the desk's tabs), over the same filter without status. */
export async function totalsByStatus(executor: Executor, f: Omit<OrderFilter, 'limit' | 'beforeId' | 'status'>) {
  const c = conditions(f);
  return executor
    .select({ status: paymentOrders.status, count: sql<number>`count(*)::int`, amountFen: sql<string>`coalesce(sum(${paymentOrders.amountFen}), 0)::text` })
    .from(paymentOrders)
    .where(c.length ? and(...c) : undefined)
    .groupBy(paymentOrders.status);
}

export async function findOrder(executor: Executor, id: number): Promise<PaymentOrder | null> {
  const [row] = await selectOrders(executor).where(eq(paymentOrders.id, id));
  return row ? flatten(row) : null;
}

/** Locks the order row for the rest of the transaction (two racing approvals queue here). */
export async function lockOrder(executor: Executor, id: number): Promise<PaymentOrderRow | null> {
  const [row] = await executor.select().from(paymentOrders).where(eq(paymentOrders.id, id)).for('update');
  return row ?? null;
}

export async function findByIdempotencyKey(executor: Executor, key: string): Promise<PaymentOrderRow | null> {
  const [row] = await executor.select().from(paymentOrders).where(eq(paymentOrders.idempotencyKey, key));
  return row ?? null;
}

/** Inserts unless the key exists; null when another transaction holds the key (the caller re-reads). */
export async function insertOrder(executor: Executor, row: NewPaymentOrder): Promise<PaymentOrderRow | null> {
  const [inserted] = await executor.insert(paymentOrders).values(row).onConflictDoNothing({ target: paymentOrders.idempotencyKey }).returning();
  return inserted ?? null;
}

export async function updateOrder(executor: Executor, id: number, version: number, set: Partial<NewPaymentOrder>): Promise<PaymentOrderRow> {
  const [row] = await executor
    .update(paymentOrders)
    .set({ ...set, version: version + 1 })
    .where(and(eq(paymentOrders.id, id), eq(paymentOrders.version, version)))
    .returning();
  if (!row) {
    throw new Error(`payment order ${id} changed under its lock`);
  }
  return row;
}

export async function ordersOfCase(executor: Executor, caseId: number): Promise<PaymentOrderRow[]> {
  return executor.select().from(paymentOrders).where(eq(paymentOrders.caseId, caseId)).orderBy(paymentOrders.id);
}

// ── approval limits ───────────────────────────────────────────────────────────────────────────

export async function limitOf(executor: Executor, userId: number): Promise<number | null> {
  const [row] = await executor.select({ limitFen: paymentLimits.limitFen }).from(paymentLimits).where(eq(paymentLimits.userId, userId));
  return row ? row.limitFen : null;
}

/** Every user holding the finance reviewer role, with the limit set for them (null: none). */
export async function listLimits(executor: Executor) {
  const updater = alias(users, 'updater');
  return executor
    .select({
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      disabled: users.disabled,
      limitFen: paymentLimits.limitFen,
      version: paymentLimits.version,
      updatedAt: paymentLimits.updatedAt,
      updatedByName: updater.displayName,
    })
    .from(users)
    .leftJoin(paymentLimits, eq(paymentLimits.userId, users.id))
    .leftJoin(updater, eq(updater.id, paymentLimits.updatedBy))
    .where(sql`'finance_officer' = any(${users.roles})`)
    .orderBy(users.id);
}

export async function findUserRoles(executor: Executor, userId: number): Promise<{ id: number; roles: string[]; displayName: string } | null> {
  const [row] = await executor.select({ id: users.id, roles: users.roles, displayName: users.displayName }).from(users).where(eq(users.id, userId));
  return row ?? null;
}

export async function upsertLimit(executor: Executor, userId: number, limitFen: number, updatedBy: number | null) {
  const [row] = await executor
    .insert(paymentLimits)
    .values({ userId, limitFen, updatedBy })
    .onConflictDoUpdate({ target: paymentLimits.userId, set: { limitFen, updatedBy, updatedAt: new Date(), version: sql`${paymentLimits.version} + 1` } })
    .returning();
  return row;
}
