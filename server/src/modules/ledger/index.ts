/**
 * The shared ledger: books defined as data, accounts keyed by (book, scope, kind, owner), balanced
 * movements the database checks, never-negative balances where the book says so, idempotency keys
 * and reversals. It knows no instrument; instruments import it through this file (docs/ledger.md).
 */
export { defineBook, type AccountKindRule, type AccountRef, type Book, type BookDefinition, type KindRule, type Owner } from './ledger.book.js';
export type { BalanceTotal, BookCheck, TotalBy } from './ledger.balances.repo.js';
export type { MovementRow } from './ledger.repo.js';
export {
  accountIds,
  balances,
  balancesById,
  balanceTotals,
  checkBook,
  getMovement,
  LedgerAlreadyReversed,
  LedgerIdempotencyConflict,
  LedgerShortfall,
  postMovement,
  postMovements,
  reverseMovement,
  stageMovements,
  type AccountBalance,
  type BalanceQuery,
  type EntryInput,
  type MovementInput,
  type Posted,
  type PostOptions,
  type StagedPosting,
} from './ledger.service.js';
