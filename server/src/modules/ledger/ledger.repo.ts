import { sql, type SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { pgArray } from '../../db/bulk.js';
import { runPrepared } from '../../db/prepared.js';
import { assertAccountRef, keyText, type AccountRef, type Book, type Owner } from './ledger.book.js';

export type Row = Record<string, unknown>;

export function rowsOf<T = Row>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as T[];
}

export async function query<T = Row>(executor: Executor, q: SQL): Promise<T[]> {
  return rowsOf<T>(await executor.execute(q));
}

export const num = (v: unknown) => Number(v);
export const ownerOf = (r: Row): Owner | null => (r.owner_type === null || r.owner_type === undefined ? null : { type: String(r.owner_type), id: num(r.owner_id) });

/**
 * Book and account ids never change once committed, so each database handle (the cache root)
 * keeps a map of them: a cache of immutable facts, not a lock — every balance check happens in the
 * database. A row this process inserts inside a transaction is only remembered for that
 * transaction (it is not committed yet); one found by a query or inserted outside a transaction is
 * remembered for the root.
 */
const caches = new WeakMap<object, Map<string, number>>();

function cacheOf(owner: object): Map<string, number> {
  let m = caches.get(owner);
  if (!m) {
    m = new Map();
    caches.set(owner, m);
  }
  return m;
}

const inTransaction = (executor: Executor) => executor instanceof PgTransaction;

function lookup(root: object, executor: Executor, key: string): number | undefined {
  return caches.get(root)?.get(key) ?? (root === executor ? undefined : caches.get(executor)?.get(key));
}

function remember(root: object, executor: Executor, key: string, id: number, inserted: boolean) {
  cacheOf(inserted && inTransaction(executor) ? executor : root).set(key, id);
}

/**
 * The book's row id. The first use writes the book (or its changed definition: a kind's sign rule
 * then changes for its accounts too, and the CHECK refuses it if a balance contradicts it).
 */
export async function bookId(executor: Executor, book: Book, root: object = executor): Promise<number> {
  return (await bookIdOf(executor, book, root, true))!;
}

/** The book's row id without writing anything: null when the book was never used. */
export async function existingBookId(executor: Executor, book: Book, root: object = executor): Promise<number | null> {
  return bookIdOf(executor, book, root, false);
}

async function bookIdOf(executor: Executor, book: Book, root: object, create: boolean): Promise<number | null> {
  const key = `book:${book.code}`;
  const hit = lookup(root, executor, key);
  if (hit !== undefined) {
    return hit;
  }
  const kinds = JSON.stringify(book.accountKinds);
  const [found] = await query<{ id: number; same: boolean }>(
    executor,
    sql`select id, (name = ${book.name} and account_kinds = ${kinds}::jsonb) as same from ledger_books where code = ${book.code}`,
  );
  if (!found && !create) {
    return null;
  }
  if (found) {
    const id = num(found.id);
    if (!found.same && create) {
      await query(executor, sql`update ledger_books set name = ${book.name}, account_kinds = ${kinds}::jsonb where id = ${id}`);
      for (const [kind, rule] of Object.entries(book.accountKinds)) {
        await query(
          executor,
          sql`update ledger_accounts set may_go_negative = ${rule.mayGoNegative}, may_go_positive = ${rule.mayGoPositive}
              where book_id = ${id} and kind = ${kind} and (may_go_negative, may_go_positive) <> (${rule.mayGoNegative}, ${rule.mayGoPositive})`,
        );
      }
    }
    remember(root, executor, key, id, false);
    return id;
  }
  const [inserted] = await query<{ id: number }>(
    executor,
    sql`insert into ledger_books (code, name, account_kinds) values (${book.code}, ${book.name}, ${kinds}::jsonb) on conflict (code) do nothing returning id`,
  );
  if (inserted) {
    remember(root, executor, key, num(inserted.id), true);
    return num(inserted.id);
  }
  return bookIdOf(executor, book, root, create);
}

const valuesOf = (bid: number, book: Book, refs: AccountRef[]) =>
  sql.join(
    refs.map((r) => {
      const rule = assertAccountRef(book, r);
      return sql`(${bid}::int, ${r.scope ?? 0}::bigint, ${r.kind}::text, ${r.owner?.type ?? null}::text, ${r.owner?.id ?? null}::bigint, ${rule.mayGoNegative}::boolean, ${rule.mayGoPositive}::boolean)`;
    }),
    sql`, `,
  );

/**
 * The existing accounts of the references. Owned and book-level accounts are matched apart, each on
 * every column of the unique key by an indexable condition (`is not distinct from` on the owner was
 * a filter after the index, which then read every account of the kind under the scope: a voucher
 * policy's thousands of holders for each lookup).
 */
export function accountsQuery(bid: number, book: Book, refs: AccountRef[]): SQL {
  const part = (some: AccountRef[], owner: SQL) =>
    sql`select a.id, a.scope, a.kind, a.owner_type, a.owner_id from ledger_accounts a
        join (values ${valuesOf(bid, book, some)}) as v(book_id, scope, kind, owner_type, owner_id, n, p)
          on a.book_id = v.book_id and a.scope = v.scope and a.kind = v.kind and ${owner}`;
  const owned = refs.filter((r) => r.owner);
  const unowned = refs.filter((r) => !r.owner);
  return sql.join(
    [
      ...(owned.length ? [part(owned, sql`a.owner_type = v.owner_type and a.owner_id = v.owner_id`)] : []),
      ...(unowned.length ? [part(unowned, sql`a.owner_type is null and a.owner_id is null`)] : []),
    ],
    sql` union all `,
  );
}

/**
 * The account ids for the references, creating missing accounts (concurrency-safe: a concurrent
 * creator of the same account makes this wait for it, then both use the one row). Create accounts
 * outside the business transaction where possible, so their ids are cached for every later one.
 */
export async function accountIds(executor: Executor, book: Book, refs: AccountRef[], root: object = executor): Promise<number[]> {
  const bid = await bookId(executor, book, root);
  const prefix = `${bid}|`;
  const missing = [...new Map(refs.filter((r) => lookup(root, executor, prefix + keyText(r)) === undefined).map((r) => [keyText(r), r])).values()];
  for (let i = 0; i < missing.length; i += 2000) {
    let chunk = missing.slice(i, i + 2000);
    const take = (rows: Row[], inserted: boolean) => {
      const got = new Set<string>();
      for (const r of rows) {
        const k = keyText({ kind: String(r.kind), scope: num(r.scope), owner: ownerOf(r) });
        remember(root, executor, prefix + k, num(r.id), inserted);
        got.add(k);
      }
      chunk = chunk.filter((r) => !got.has(keyText(r)));
    };
    const find = async () => take(await query(executor, accountsQuery(bid, book, chunk)), false);
    await find();
    if (chunk.length) {
      take(
        await query(
          executor,
          sql`insert into ledger_accounts (book_id, scope, kind, owner_type, owner_id, may_go_negative, may_go_positive)
              values ${valuesOf(bid, book, chunk)}
              on conflict on constraint ledger_accounts_key_uq do nothing
              returning id, scope, kind, owner_type, owner_id`,
        ),
        true,
      );
    }
    if (chunk.length) {
      // Created by a concurrent transaction between our two statements (the insert waited for it).
      await find();
    }
  }
  return refs.map((r) => {
    const id = lookup(root, executor, prefix + keyText(r));
    if (id === undefined) {
      throw new Error(`ledger account ${book.code}/${keyText(r)} missing`);
    }
    return id;
  });
}

export interface AccountRow {
  accountId: number;
  bookId: number;
  scope: number;
  kind: string;
  owner: Owner | null;
  balanceFen: number;
}

export const accountRow = (r: Row): AccountRow => ({
  accountId: num(r.id),
  bookId: num(r.book_id),
  scope: num(r.scope),
  kind: String(r.kind),
  owner: ownerOf(r),
  balanceFen: num(r.balance_fen),
});

export async function accountsById(executor: Executor, ids: number[]): Promise<AccountRow[]> {
  if (ids.length === 0) {
    return [];
  }
  return (
    await query(executor, sql`select id, book_id, scope, kind, owner_type, owner_id, balance_fen from ledger_accounts where id in ${ids} order by id`)
  ).map(accountRow);
}

/**
 * The balances of accounts by id (one prepared statement). With `lock`, the rows are locked in
 * ascending id (`no key update`, as applyDeltas locks them) for the rest of the transaction, so a
 * caller can decide on them and then move them without another writer in between.
 */
export async function balancesById(executor: Executor, ids: readonly number[], lock: boolean): Promise<Map<number, number>> {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  if (sorted.length === 0) {
    return new Map();
  }
  const list = `{${sorted.join(',')}}`;
  const rows = lock
    ? await runPrepared<{ id: number; balance_fen: number }>(
        executor,
        'ledger_balances_locked',
        sql`select id, balance_fen from ledger_accounts where id = any(${list}::bigint[]) order by id for no key update`,
      )
    : await runPrepared<{ id: number; balance_fen: number }>(executor, 'ledger_balances', sql`select id, balance_fen from ledger_accounts where id = any(${list}::bigint[])`);
  return new Map(rows.map((r) => [num(r.id), num(r.balance_fen)]));
}

const guard = (delta: SQL) => sql`(a.may_go_negative or a.balance_fen + ${delta} >= 0) and (a.may_go_positive or a.balance_fen + ${delta} <= 0)`;

/**
 * Applies the net change of every account touched in one statement: the accounts are locked in
 * ascending id first (so concurrent movements never deadlock; `no key update`, the lock an UPDATE
 * takes, so the key-share locks of other transactions' entries referencing them do not block it), then each is changed by a
 * conditional UPDATE that refuses to cross zero on a side the account's kind forbids (re-checked
 * on the row version the lock waited for). Returns the ids that were refused: then the others may
 * have changed, so the transaction must roll back. One prepared statement whatever the count.
 */
export async function applyDeltas(tx: Executor, deltas: Map<number, number>): Promise<number[]> {
  const ids = [...deltas.keys()].filter((id) => deltas.get(id) !== 0).sort((a, b) => a - b);
  if (ids.length === 0) {
    return [];
  }
  const updated = await runPrepared<{ id: number }>(
    tx,
    'ledger_apply_deltas',
    sql`with locked as materialized (select id from ledger_accounts where id = any(${`{${ids.join(',')}}`}::bigint[]) order by id for no key update)
        update ledger_accounts a set balance_fen = a.balance_fen + v.delta
        from unnest(${`{${ids.join(',')}}`}::bigint[], ${`{${ids.map((id) => deltas.get(id)).join(',')}}`}::bigint[]) as v(id, delta)
        where a.id = v.id and a.id in (select id from locked) and ${guard(sql`v.delta`)}
        returning a.id`,
  );
  const got = new Set(updated.map((r) => num(r.id)));
  return ids.filter((id) => !got.has(id));
}

export interface NewMovementRow {
  bookId: number;
  kind: string;
  valueDate: string;
  idempotencyKey?: string | null;
  reversesId?: number | null;
  actorId?: number | null;
  memo?: string | null;
}

const movementValues = (rows: NewMovementRow[]) =>
  sql.join(
    rows.map(
      (m) =>
        sql`(${m.bookId}::int, ${m.kind}::text, ${m.valueDate}::date, ${m.idempotencyKey ?? null}::text, ${m.reversesId ?? null}::bigint, ${m.actorId ?? null}::int, ${m.memo ?? null}::text)`,
    ),
    sql`, `,
  );

/** Inserts movements and returns their ids in the same order. */
export async function insertMovements(tx: Executor, rows: NewMovementRow[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const got = await query<{ id: number }>(
      tx,
      sql`insert into ledger_movements (book_id, kind, value_date, idempotency_key, reverses_id, actor_id, memo)
          values ${movementValues(rows.slice(i, i + 1000))} returning id`,
    );
    ids.push(...got.map((r) => num(r.id)));
  }
  return ids;
}

/**
 * Inserts one movement unless its idempotency key is taken in the book: then null. A concurrent
 * transaction holding the same key makes this wait until it commits (then null) or rolls back.
 */
export async function insertMovementOnce(tx: Executor, row: NewMovementRow): Promise<number | null> {
  const [got] = await query<{ id: number }>(
    tx,
    sql`insert into ledger_movements (book_id, kind, value_date, idempotency_key, reverses_id, actor_id, memo)
        values ${movementValues([row])}
        on conflict (book_id, idempotency_key) where idempotency_key is not null do nothing
        returning id`,
  );
  return got ? num(got.id) : null;
}

export interface NewEntryRow {
  /** The movement: an index into the movements inserted by the same call, or an existing id. */
  fresh?: number;
  movementId?: number;
  accountId: number;
  amountFen: number;
}

/**
 * Inserts movements and the entries of these (and of already inserted) movements in one statement;
 * returns the new movements' ids in order. Each row draws its id from the sequence in a
 * materialised CTE, so every entry is joined to its movement by position, not by luck of order.
 */
export async function insertMovementsWithEntries(tx: Executor, rows: NewMovementRow[], entries: NewEntryRow[]): Promise<number[]> {
  if (rows.length > 1000 || entries.length > 4000) {
    const ids = await insertMovements(tx, rows);
    await insertEntries(
      tx,
      entries.map((e) => ({ movementId: e.fresh !== undefined ? ids[e.fresh] : e.movementId!, accountId: e.accountId, amountFen: e.amountFen })),
    );
    return ids;
  }
  if (rows.length === 0) {
    await insertEntries(
      tx,
      entries.map((e) => ({ movementId: e.movementId!, accountId: e.accountId, amountFen: e.amountFen })),
    );
    return [];
  }
  // One prepared text whatever the counts: one array per column, expanded by unnest on the server.
  const col = <T>(list: readonly T[], f: (x: T) => string | number | null | undefined) => pgArray(list.map(f));
  const got = await runPrepared<{ id: number; i: number }>(
    tx,
    'ledger_insert_movements_unnest',
    sql`with v as materialized (
          select nextval('ledger_movements_id_seq') as id, r.*
          from unnest(${col(rows, (m) => m.bookId)}::int[], ${col(rows, (m) => m.kind)}::text[], ${col(rows, (m) => m.valueDate)}::date[], ${col(rows, (m) => m.idempotencyKey ?? null)}::text[],
                      ${col(rows, (m) => m.reversesId ?? null)}::bigint[], ${col(rows, (m) => m.actorId ?? null)}::int[], ${col(rows, (m) => m.memo ?? null)}::text[])
               with ordinality as r(book_id, kind, value_date, idempotency_key, reverses_id, actor_id, memo, i)),
        m as (
          insert into ledger_movements (id, book_id, kind, value_date, idempotency_key, reverses_id, actor_id, memo) overriding system value
          select id, book_id, kind, value_date, idempotency_key, reverses_id, actor_id, memo from v order by i),
        e as (
          insert into ledger_entries (movement_id, account_id, amount_fen)
          select coalesce(v.id, x.mid), x.account_id, x.amount_fen
          from unnest(${col(entries, (e) => (e.fresh === undefined ? null : e.fresh + 1))}::bigint[], ${col(entries, (e) => e.movementId ?? null)}::bigint[],
                      ${col(entries, (e) => e.accountId)}::bigint[], ${col(entries, (e) => e.amountFen)}::bigint[])
               with ordinality as x(i, mid, account_id, amount_fen, n)
          left join v on v.i = x.i order by x.n)
        select id, i from v order by i`,
  );
  return got.sort((a, b) => Number(a.i) - Number(b.i)).map((r) => num(r.id));
}

export async function insertEntries(tx: Executor, entries: { movementId: number; accountId: number; amountFen: number }[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 3000) {
    const values = sql.join(
      entries.slice(i, i + 3000).map((e) => sql`(${e.movementId}::bigint, ${e.accountId}::bigint, ${e.amountFen}::bigint)`),
      sql`, `,
    );
    await query(tx, sql`insert into ledger_entries (movement_id, account_id, amount_fen) values ${values}`);
  }
}

export interface MovementRow {
  id: number;
  bookId: number;
  kind: string;
  valueDate: string;
  idempotencyKey: string | null;
  reversesId: number | null;
  reversedById: number | null;
  actorId: number | null;
  memo: string | null;
  entries: { accountId: number; amountFen: number }[];
}

export async function findMovement(executor: Executor, where: { id: number } | { bookId: number; idempotencyKey: string }): Promise<MovementRow | null> {
  const cond = 'id' in where ? sql`m.id = ${where.id}` : sql`m.book_id = ${where.bookId} and m.idempotency_key = ${where.idempotencyKey}`;
  const [m] = await query(
    executor,
    sql`select m.id, m.book_id, m.kind, m.value_date::text as value_date, m.idempotency_key, m.reverses_id, m.actor_id, m.memo,
               (select r.id from ledger_movements r where r.reverses_id = m.id) as reversed_by
        from ledger_movements m where ${cond}`,
  );
  if (!m) {
    return null;
  }
  const entries = await query(executor, sql`select account_id, amount_fen from ledger_entries where movement_id = ${m.id} order by id`);
  return {
    id: num(m.id),
    bookId: num(m.book_id),
    kind: String(m.kind),
    valueDate: String(m.value_date),
    idempotencyKey: (m.idempotency_key as string | null) ?? null,
    reversesId: m.reverses_id === null ? null : num(m.reverses_id),
    reversedById: m.reversed_by === null ? null : num(m.reversed_by),
    actorId: m.actor_id === null ? null : num(m.actor_id),
    memo: (m.memo as string | null) ?? null,
    entries: entries.map((e) => ({ accountId: num(e.account_id), amountFen: num(e.amount_fen) })),
  };
}
