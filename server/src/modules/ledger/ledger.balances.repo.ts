import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Owner } from './ledger.book.js';
import { accountRow, num, ownerOf, query, type AccountRow } from './ledger.repo.js';

/** Reading a book: balances, totals and the whole-history check. */
export interface BalanceFilter {
  scope?: number;
  kinds?: readonly string[];
  owner?: Owner;
  ownerType?: string;
  ownerIds?: readonly number[];
  /** Only balances above zero. */
  positive?: boolean;
  /** Lock the rows (in id order) for the rest of the transaction. */
  forUpdate?: boolean;
}

function filterOf(bid: number, f: BalanceFilter): SQL {
  const conds = [sql`a.book_id = ${bid}`];
  if (f.scope !== undefined) {
    conds.push(sql`a.scope = ${f.scope}`);
  }
  if (f.kinds) {
    conds.push(f.kinds.length ? sql`a.kind in ${f.kinds}` : sql`false`);
  }
  const ownerType = f.owner?.type ?? f.ownerType;
  if (ownerType !== undefined) {
    conds.push(sql`a.owner_type = ${ownerType}`);
  }
  if (f.owner) {
    conds.push(sql`a.owner_id = ${f.owner.id}`);
  }
  if (f.ownerIds) {
    conds.push(f.ownerIds.length ? sql`a.owner_id in ${f.ownerIds}` : sql`false`);
  }
  if (f.positive) {
    conds.push(sql`a.balance_fen > 0`);
  }
  return sql.join(conds, sql` and `);
}

export async function balances(executor: Executor, bid: number, f: BalanceFilter): Promise<AccountRow[]> {
  const rows = await query(
    executor,
    sql`select a.id, a.book_id, a.scope, a.kind, a.owner_type, a.owner_id, a.balance_fen from ledger_accounts a
        where ${filterOf(bid, f)} order by a.id${f.forUpdate ? sql` for update` : sql``}`,
  );
  return rows.map(accountRow);
}

export type TotalBy = 'scope' | 'kind' | 'owner';

export interface BalanceTotal {
  scope: number | null;
  kind: string | null;
  owner: Owner | null;
  balanceFen: number;
}

/** Σ balances grouped by any of scope, kind and owner (e.g. everything a holder has under a policy). */
export async function balanceTotals(executor: Executor, bid: number, f: BalanceFilter, by: readonly TotalBy[]): Promise<BalanceTotal[]> {
  const cols: SQL[] = [];
  if (by.includes('scope')) {
    cols.push(sql`a.scope`);
  }
  if (by.includes('kind')) {
    cols.push(sql`a.kind`);
  }
  if (by.includes('owner')) {
    cols.push(sql`a.owner_type`, sql`a.owner_id`);
  }
  const select = cols.length ? sql`${sql.join(cols, sql`, `)}, ` : sql``;
  const group = cols.length ? sql` group by ${sql.join(cols, sql`, `)}` : sql``;
  const rows = await query(executor, sql`select ${select}coalesce(sum(a.balance_fen), 0) as balance_fen from ledger_accounts a where ${filterOf(bid, f)}${group}`);
  return rows.map((r) => ({
    scope: by.includes('scope') ? num(r.scope) : null,
    kind: by.includes('kind') ? String(r.kind) : null,
    owner: by.includes('owner') ? ownerOf(r) : null,
    balanceFen: num(r.balance_fen),
  }));
}

export interface BookCheck {
  /** Movements whose entries do not sum to zero. */
  unbalancedMovements: number;
  /** Movements with fewer than two entries. */
  incompleteMovements: number;
  /** Entries that join a movement of this book to an account of another one (or the reverse). */
  foreignEntries: number;
  /** Accounts whose stored balance differs from the sum of their entries. */
  driftedAccounts: number;
  /** Accounts past zero on a side their kind forbids (the CHECK constraint makes this impossible). */
  wrongSideAccounts: number;
  /** Reversals whose original is in another book. */
  foreignReversals: number;
  /** Σ of all balances of the book: zero when the book balances. */
  totalFen: number;
}

/** The invariants of one book, checked over its whole history (tests, an auditor's check). */
export async function checkBook(executor: Executor, bid: number): Promise<BookCheck> {
  const [r] = await query(
    executor,
    sql`select
      (select count(*) from (select e.movement_id from ledger_entries e join ledger_movements m on m.id = e.movement_id
         where m.book_id = ${bid} group by e.movement_id having sum(e.amount_fen) <> 0) x) as unbalanced,
      (select count(*) from ledger_movements m where m.book_id = ${bid}
         and (select count(*) from ledger_entries e where e.movement_id = m.id) < 2) as incomplete,
      (select count(*) from ledger_entries e join ledger_movements m on m.id = e.movement_id join ledger_accounts a on a.id = e.account_id
         where (m.book_id = ${bid} or a.book_id = ${bid}) and m.book_id <> a.book_id) as foreign_entries,
      (select count(*) from ledger_accounts a
         left join (select e.account_id, sum(e.amount_fen) as s from ledger_entries e join ledger_accounts b on b.id = e.account_id
                    where b.book_id = ${bid} group by e.account_id) t on t.account_id = a.id
         where a.book_id = ${bid} and a.balance_fen <> coalesce(t.s, 0)) as drifted,
      (select count(*) from ledger_accounts a where a.book_id = ${bid}
         and ((not a.may_go_negative and a.balance_fen < 0) or (not a.may_go_positive and a.balance_fen > 0))) as wrong_side,
      (select count(*) from ledger_movements m join ledger_movements o on o.id = m.reverses_id
         where m.book_id = ${bid} and o.book_id <> m.book_id) as foreign_reversals,
      (select coalesce(sum(balance_fen), 0) from ledger_accounts where book_id = ${bid}) as total`,
  );
  return {
    unbalancedMovements: num(r.unbalanced),
    incompleteMovements: num(r.incomplete),
    foreignEntries: num(r.foreign_entries),
    driftedAccounts: num(r.drifted),
    wrongSideAccounts: num(r.wrong_side),
    foreignReversals: num(r.foreign_reversals),
    totalFen: num(r.total),
  };
}
