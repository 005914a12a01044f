import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { cases } from './cases.js';
import { ledgerMovements } from './ledger.js';
import { users } from './orgs.js';

/**
 * The payments kernel (server/src/modules/payments, docs/payments.md): maker-checker payment orders
 * on the ledger. Any instrument prepares an order for one of its payables; the finance reviewer
 * (finance_officer) approves it — which posts the ledger movement debit → credit — sends it to the
 * bank and confirms it with the bank's reference. Money coming back (clawback, refund) is an order
 * of direction 'in' through the same steps.
 */
export const PAYMENT_STATUSES = ['prepared', 'approved', 'sent', 'confirmed', 'cancelled'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const PAYMENT_DIRECTIONS = ['out', 'in'] as const;
export type PaymentDirection = (typeof PAYMENT_DIRECTIONS)[number];

/** A ledger account reference as stored on an order (the book is the payable's). */
export interface StoredAccountRef {
  kind: string;
  scope: number;
  owner: { type: string; id: number } | null;
}

export const paymentOrders = pgTable(
  'payment_orders',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The registered payable's stable code (project_tranche, interest_subsidy, …). */
    payable: text('payable').notNull(),
    /** out: the bureau pays; in: money comes back (clawback, refund). */
    direction: text('direction').$type<PaymentDirection>().notNull().default('out'),
    caseId: integer('case_id').references(() => cases.id),
    /** The counterparty: the payee of a payment, the payer of a clawback. */
    partyType: text('party_type').notNull(),
    partyId: integer('party_id').notNull(),
    partyName: text('party_name').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    purpose: text('purpose').notNull(),
    /** The ledger book (code) and the movement kind approval posts. */
    bookCode: text('book_code').notNull(),
    movementKind: text('movement_kind').notNull(),
    debit: jsonb('debit').$type<StoredAccountRef>().notNull(),
    credit: jsonb('credit').$type<StoredAccountRef>().notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    status: text('status').$type<PaymentStatus>().notNull().default('prepared'),
    /** null when a system job prepared it (seed, a scheduled step). */
    preparedBy: integer('prepared_by').references(() => users.id),
    preparedByName: text('prepared_by_name').notNull(),
    preparedAt: timestamp('prepared_at', { withTimezone: true }).notNull().defaultNow(),
    approvedBy: integer('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    sentBy: integer('sent_by').references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    confirmedBy: integer('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledBy: integer('cancelled_by').references(() => users.id),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    ledgerMovementId: bigint('ledger_movement_id', { mode: 'number' }).references(() => ledgerMovements.id),
    /** The reversal posted when an approved order is cancelled before it is sent. */
    reversalMovementId: bigint('reversal_movement_id', { mode: 'number' }).references(() => ledgerMovements.id),
    bankReference: text('bank_reference'),
    /** The business date the bank paid (or received) the money. */
    paidOn: date('paid_on', { mode: 'string' }),
    cancelReason: text('cancel_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('payment_orders_idempotency_uq').on(t.idempotencyKey),
    index('payment_orders_status_idx').on(t.status, t.id),
    index('payment_orders_payable_idx').on(t.payable, t.status, t.id),
    index('payment_orders_case_idx').on(t.caseId),
    index('payment_orders_party_idx').on(t.partyType, t.partyId, t.id),
    check('payment_orders_amount_check', sql`${t.amountFen} > 0`),
    check('payment_orders_status_check', sql`${t.status} in ('prepared','approved','sent','confirmed','cancelled')`),
    check('payment_orders_direction_check', sql`${t.direction} in ('out','in')`),
    // maker ≠ checker, whatever process writes
    check('payment_orders_maker_checker_check', sql`${t.approvedBy} is null or ${t.preparedBy} is null or ${t.approvedBy} <> ${t.preparedBy}`),
    check(
      'payment_orders_approved_check',
      sql`${t.status} not in ('approved','sent','confirmed') or (${t.approvedBy} is not null and ${t.approvedAt} is not null and ${t.ledgerMovementId} is not null)`,
    ),
    check('payment_orders_sent_check', sql`${t.status} not in ('sent','confirmed') or (${t.sentBy} is not null and ${t.sentAt} is not null)`),
    check(
      'payment_orders_confirmed_check',
      sql`${t.status} <> 'confirmed' or (${t.confirmedBy} is not null and ${t.bankReference} is not null and ${t.paidOn} is not null)`,
    ),
    check('payment_orders_cancelled_check', sql`${t.status} <> 'cancelled' or (${t.cancelReason} is not null and ${t.cancelledAt} is not null)`),
    check('payment_orders_reversal_check', sql`${t.reversalMovementId} is null or ${t.status} = 'cancelled'`),
  ],
);

/** Per-user approval limits of the finance reviewers, set by the admin; no row means no authority. */
export const paymentLimits = pgTable(
  'payment_limits',
  {
    userId: integer('user_id')
      .primaryKey()
      .references(() => users.id),
    limitFen: bigint('limit_fen', { mode: 'number' }).notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [check('payment_limits_limit_check', sql`${t.limitFen} >= 0`)],
);
