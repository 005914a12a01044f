import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * The shared double-entry ledger (server/src/modules/ledger, docs/ledger.md). It knows no
 * instrument: a book (vouchers, later project budgets, matching funds, bridge loans, …) is data.
 */

/** One row per book defined in code (`defineBook`), written on first use; accounts point at it. */
export const ledgerBooks = pgTable(
  'ledger_books',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** The book's account kinds and their sign rules as last defined in code (documentation; the accounts carry their own rule). */
    accountKinds: jsonb('account_kinds').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ledger_books_code_uq').on(t.code)],
);

/**
 * An account is keyed by (book, scope, kind, owner): the scope is a sub-ledger of the book (for
 * vouchers the policy), the owner is generic (owner_type + owner_id, none for the book's own
 * accounts). The sign rule is copied from the book's kind when the account is created, so the
 * CHECK needs no join: the database itself refuses a balance on the wrong side of zero.
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    bookId: integer('book_id')
      .notNull()
      .references(() => ledgerBooks.id),
    scope: bigint('scope', { mode: 'number' }).notNull().default(0),
    kind: text('kind').notNull(),
    ownerType: text('owner_type'),
    ownerId: bigint('owner_id', { mode: 'number' }),
    mayGoNegative: boolean('may_go_negative').notNull(),
    mayGoPositive: boolean('may_go_positive').notNull(),
    balanceFen: bigint('balance_fen', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    unique('ledger_accounts_key_uq').on(t.bookId, t.scope, t.kind, t.ownerType, t.ownerId).nullsNotDistinct(),
    index('ledger_accounts_owner_idx').on(t.bookId, t.ownerType, t.ownerId),
    check('ledger_accounts_balance_check', sql`(${t.mayGoNegative} or ${t.balanceFen} >= 0) and (${t.mayGoPositive} or ${t.balanceFen} <= 0)`),
    check('ledger_accounts_owner_check', sql`(${t.ownerType} is null) = (${t.ownerId} is null)`),
  ],
);

/**
 * A movement is one balanced set of entries (a deferred trigger checks Σ = 0 and that every entry's
 * account is in the movement's book). The same idempotency key in a book is one movement; a
 * reversal points at the movement it undoes, and a movement is undone at most once.
 */
export const ledgerMovements = pgTable(
  'ledger_movements',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    bookId: integer('book_id')
      .notNull()
      .references(() => ledgerBooks.id),
    kind: text('kind').notNull(),
    /** The business date the movement counts on. */
    valueDate: date('value_date', { mode: 'string' }).notNull(),
    idempotencyKey: text('idempotency_key'),
    reversesId: bigint('reverses_id', { mode: 'number' }).references((): AnyPgColumn => ledgerMovements.id),
    actorId: integer('actor_id'),
    memo: text('memo'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ledger_movements_idempotency_uq')
      .on(t.bookId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    uniqueIndex('ledger_movements_reverses_uq')
      .on(t.reversesId)
      .where(sql`${t.reversesId} is not null`),
    check('ledger_movements_reverses_check', sql`${t.reversesId} <> ${t.id}`),
  ],
);

export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    movementId: bigint('movement_id', { mode: 'number' })
      .notNull()
      .references(() => ledgerMovements.id),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => ledgerAccounts.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('ledger_entries_movement_idx').on(t.movementId),
    index('ledger_entries_account_idx').on(t.accountId),
    check('ledger_entries_nonzero_check', sql`${t.amountFen} <> 0`),
  ],
);
