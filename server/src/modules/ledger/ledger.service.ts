import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { assertAccountRef, type AccountRef, type Book, type Owner } from './ledger.book.js';
import * as balancesRepo from './ledger.balances.repo.js';
import * as repo from './ledger.repo.js';

/** A posting would take an account past zero on a side its kind forbids: nothing of it is written. */
export class LedgerShortfall extends AppError {
  constructor(
    readonly book: string,
    readonly accountId: number,
    readonly kind: string,
    readonly scope: number,
    readonly owner: Owner | null,
  ) {
    super('insufficient_balance', '账户余额不足', { book, kind, scope, owner });
  }
}

/** The idempotency key was used in the book for a different movement. */
export class LedgerIdempotencyConflict extends AppError {
  constructor(
    readonly book: string,
    readonly idempotencyKey: string,
    readonly movementId: number,
  ) {
    super('idempotency_key_reused', '该幂等键已用于另一笔不同的账务', { book, idempotencyKey, movementId });
  }
}

/** A movement is undone at most once. */
export class LedgerAlreadyReversed extends AppError {
  constructor(readonly movementId: number) {
    super('invalid_state', '该笔账务已冲正', { movementId });
  }
}

export interface EntryInput<K extends string = string> {
  /** The account by reference (created on first use) or by id (from `accountIds`). */
  account: AccountRef<K> | number;
  /** Signed fen; the entries of a movement sum to zero. A zero entry is dropped. */
  amountFen: number;
}

export interface MovementInput<K extends string = string, M extends string = string> {
  kind: M;
  entries: EntryInput<K>[];
  /** The business date the movement counts on (YYYY-MM-DD). */
  valueDate: string;
  /** The same key in the book is the same movement: posted once, later calls replay it. */
  idempotencyKey?: string | null;
  /** The movement this one undoes (same book; undone at most once). */
  reverses?: number | null;
  memo?: string | null;
  actorId?: number | null;
}

export interface Posted {
  id: number;
  /** True when the idempotency key had already been posted: nothing was written this time. */
  replayed: boolean;
}

export interface PostOptions {
  /**
   * Where account ids are cached: by default the executor (a transaction forgets them with it).
   * Pass the database handle when the accounts were created before the transaction began.
   */
  root?: object;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Prepared {
  input: MovementInput;
  legs: { accountId: number; amountFen: number }[];
}

async function prepare(tx: Executor, book: Book, items: MovementInput[], root: object): Promise<Prepared[]> {
  const refs: AccountRef[] = [];
  for (const item of items) {
    if (book.movementKinds && !book.movementKinds.includes(item.kind)) {
      throw new Error(`ledger book '${book.code}' has no movement kind '${item.kind}'`);
    }
    if (!DATE.test(item.valueDate)) {
      throw new Error(`ledger movement value date '${item.valueDate}' is not YYYY-MM-DD`);
    }
    let sum = 0;
    for (const e of item.entries) {
      if (!Number.isSafeInteger(e.amountFen)) {
        throw new Error(`ledger entry amount ${e.amountFen} is not an integer number of fen`);
      }
      sum += e.amountFen;
      if (typeof e.account !== 'number') {
        assertAccountRef(book, e.account);
        refs.push(e.account);
      }
    }
    if (sum !== 0 || item.entries.filter((e) => e.amountFen !== 0).length < 2) {
      throw new Error(`unbalanced ledger movement (${book.code}/${item.kind}: Σ = ${sum})`);
    }
  }
  const ids = refs.length ? await repo.accountIds(tx, book, refs, root) : [];
  let n = 0;
  return items.map((input) => ({
    input,
    legs: input.entries
      .map((e) => ({ accountId: typeof e.account === 'number' ? e.account : ids[n++], amountFen: e.amountFen }))
      .filter((l) => l.amountFen !== 0),
  }));
}

const sameEffect = (a: { accountId: number; amountFen: number }[], b: { accountId: number; amountFen: number }[]) => {
  const text = (l: typeof a) =>
    l
      .map((x) => `${x.accountId}:${x.amountFen}`)
      .sort()
      .join(',');
  return text(a) === text(b);
};

function uniqueViolation(err: unknown, constraint: string): boolean {
  let cur: unknown = err;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const c = cur as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown };
    if (c.code === '23505') {
      return (c.constraint_name ?? c.constraint) === constraint;
    }
    cur = c.cause;
  }
  return false;
}

async function shortfall(tx: Executor, book: Book, accountId: number): Promise<never> {
  const [a] = await repo.accountsById(tx, [accountId]);
  throw new LedgerShortfall(book.code, accountId, a?.kind ?? '?', a?.scope ?? 0, a?.owner ?? null);
}

/**
 * Posts balanced movements in one go: the movements and their entries first, then the balances
 * (one statement: the accounts locked in ascending id, so concurrent postings never deadlock, and
 * changed by conditional updates, so a shortfall refuses the posting); the database re-checks at
 * commit that each movement balances within its book. Movements with an idempotency key or a
 * reversal are claimed first, inside a savepoint, so the same key posted concurrently (by any
 * process) has one effect and the others replay it. Returns one result per item, in order. A
 * LedgerShortfall leaves the posting half-done: the caller's transaction must roll back.
 */
export async function postMovements<K extends string, M extends string>(
  tx: Executor,
  book: Book<K, M>,
  items: MovementInput<K, M>[],
  opts: PostOptions = {},
): Promise<Posted[]> {
  if (items.length === 0) {
    return [];
  }
  if (!(tx instanceof PgTransaction)) {
    // Never half a movement: outside a transaction, this posting is its own.
    return tx.transaction((t) => postMovements(t, book, items, opts));
  }
  const root = opts.root ?? tx;
  const bid = await repo.bookId(tx, book, root);
  const prepared = await prepare(tx, book as Book, items as MovementInput[], root);
  const guarded = prepared.some((p) => p.input.idempotencyKey || p.input.reverses);
  const posting = async (t: Executor) => {
    const staged = await stage(t, book as Book, bid, prepared);
    await staged.settle();
    return staged.posted;
  };
  return guarded ? tx.transaction(posting) : posting(tx);
}

export interface StagedPosting {
  posted: Posted[];
  /**
   * Applies the balances (one statement); throws LedgerShortfall when an account would cross zero
   * on a forbidden side. Call it as the transaction's last statement: the accounts' row locks are
   * then held only for it and the commit. After a throw the transaction must roll back.
   */
  settle(): Promise<void>;
}

/**
 * Writes movements without idempotency keys or reversals and their entries, and leaves their
 * balances to `settle()`, so an instrument can write its own rows in between and take the
 * accounts' row locks last (the voucher booking: one hot holder's accounts).
 */
export async function stageMovements<K extends string, M extends string>(tx: Executor, book: Book<K, M>, items: MovementInput<K, M>[], opts: PostOptions = {}): Promise<StagedPosting> {
  if (!(tx instanceof PgTransaction)) {
    throw new Error('stageMovements needs a transaction: settle() must run in it');
  }
  if (items.some((i) => i.idempotencyKey || i.reverses)) {
    throw new Error('stageMovements takes no idempotency keys or reversals: use postMovements');
  }
  const root = opts.root ?? tx;
  const bid = await repo.bookId(tx, book, root);
  return stage(tx, book as Book, bid, await prepare(tx, book as Book, items as MovementInput[], root));
}

async function stage(tx: Executor, book: Book, bid: number, prepared: Prepared[]): Promise<StagedPosting> {
  const results: (Posted | undefined)[] = prepared.map(() => undefined);
  const row = (p: Prepared): repo.NewMovementRow => ({
    bookId: bid,
    kind: p.input.kind,
    valueDate: p.input.valueDate,
    idempotencyKey: p.input.idempotencyKey ?? null,
    reversesId: p.input.reverses ?? null,
    actorId: p.input.actorId ?? null,
    memo: p.input.memo ?? null,
  });
  // Keys in a fixed order, so two batches sharing keys wait for each other instead of deadlocking.
  const guarded = prepared
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.input.idempotencyKey || p.input.reverses)
    .sort((a, b) => {
      const [x, y] = [a.p.input.idempotencyKey ?? '', b.p.input.idempotencyKey ?? ''];
      return x < y ? -1 : x > y ? 1 : a.i - b.i;
    });
  for (const { p, i } of guarded) {
    const key = p.input.idempotencyKey;
    if (p.input.reverses) {
      const original = await repo.findMovement(tx, { id: p.input.reverses });
      if (!original || original.bookId !== bid) {
        throw new Error(`ledger movement ${p.input.reverses} to reverse is not in book '${book.code}'`);
      }
      if (original.reversedById !== null && !(key && (await repo.findMovement(tx, { bookId: bid, idempotencyKey: key }))?.id === original.reversedById)) {
        throw new LedgerAlreadyReversed(original.id);
      }
    }
    let id: number | null;
    try {
      id = await repo.insertMovementOnce(tx, row(p));
    } catch (err) {
      if (uniqueViolation(err, 'ledger_movements_reverses_uq')) {
        throw new LedgerAlreadyReversed(p.input.reverses!);
      }
      throw err;
    }
    if (id === null) {
      const existing = (await repo.findMovement(tx, { bookId: bid, idempotencyKey: key! }))!;
      if (existing.kind !== p.input.kind || !sameEffect(existing.entries, p.legs) || existing.reversesId !== (p.input.reverses ?? null)) {
        throw new LedgerIdempotencyConflict(book.code, key!, existing.id);
      }
      results[i] = { id: existing.id, replayed: true };
    } else {
      results[i] = { id, replayed: false };
    }
  }
  const effective = prepared.map((p, i) => ({ p, i })).filter(({ i }) => !results[i]?.replayed);
  const deltas = new Map<number, number>();
  for (const { p } of effective) {
    for (const l of p.legs) {
      deltas.set(l.accountId, (deltas.get(l.accountId) ?? 0) + l.amountFen);
    }
  }
  const fresh = effective.filter(({ i }) => !results[i]);
  const freshIndex = new Map(fresh.map(({ i }, n) => [i, n]));
  const ids = await repo.insertMovementsWithEntries(
    tx,
    fresh.map(({ p }) => row(p)),
    effective.flatMap(({ p, i }) =>
      p.legs.map((l) => (freshIndex.has(i) ? { fresh: freshIndex.get(i)!, accountId: l.accountId, amountFen: l.amountFen } : { movementId: results[i]!.id, accountId: l.accountId, amountFen: l.amountFen })),
    ),
  );
  fresh.forEach(({ i }, n) => {
    results[i] = { id: ids[n], replayed: false };
  });
  return {
    posted: results as Posted[],
    settle: async () => {
      const refused = await repo.applyDeltas(tx, deltas);
      if (refused.length) {
        await shortfall(tx, book, refused[0]);
      }
    },
  };
}

/** Posts one movement; see postMovements. */
export async function postMovement<K extends string, M extends string>(
  tx: Executor,
  input: MovementInput<K, M> & { book: Book<K, M> },
  opts: PostOptions = {},
): Promise<Posted> {
  const { book, ...item } = input;
  const [posted] = await postMovements(tx, book, [item as MovementInput<K, M>], opts);
  return posted;
}

/**
 * Undoes a movement exactly: a new movement with every entry negated, linked to the original
 * (which can be undone only once). It fails like any posting when the money has moved on.
 */
export async function reverseMovement<K extends string, M extends string>(
  tx: Executor,
  input: { book: Book<K, M>; movementId: number; kind: M; valueDate: string; memo?: string | null; actorId?: number | null; idempotencyKey?: string | null },
  opts: PostOptions = {},
): Promise<Posted> {
  const original = await repo.findMovement(tx, { id: input.movementId });
  const bid = await repo.bookId(tx, input.book, opts.root ?? tx);
  if (!original || original.bookId !== bid) {
    throw new Error(`ledger movement ${input.movementId} is not in book '${input.book.code}'`);
  }
  return postMovement(
    tx,
    {
      book: input.book,
      kind: input.kind,
      valueDate: input.valueDate,
      memo: input.memo,
      actorId: input.actorId,
      idempotencyKey: input.idempotencyKey,
      reverses: original.id,
      entries: original.entries.map((e) => ({ account: e.accountId, amountFen: -e.amountFen })),
    },
    opts,
  );
}

// ── reading ─────────────────────────────────────────────────────────────────

/** The ids of the accounts (created on first use); cache them on the database handle by passing it as `root`. */
export async function accountIds<K extends string>(executor: Executor, book: Book<K>, refs: AccountRef<K>[], opts: PostOptions = {}): Promise<number[]> {
  return repo.accountIds(executor, book as Book, refs, opts.root ?? executor);
}

export interface BalanceQuery<K extends string = string> extends Omit<balancesRepo.BalanceFilter, 'kinds'> {
  kinds?: readonly K[];
}

export interface AccountBalance<K extends string = string> {
  accountId: number;
  scope: number;
  kind: K;
  owner: Owner | null;
  balanceFen: number;
}

/** The accounts of a book that match, with their balances, in account id order (optionally locked). */
export async function balances<K extends string>(executor: Executor, book: Book<K>, q: BalanceQuery<K> = {}): Promise<AccountBalance<K>[]> {
  const bid = await repo.existingBookId(executor, book as Book);
  if (bid === null) {
    return [];
  }
  return (await balancesRepo.balances(executor, bid, q)).map((a) => ({ accountId: a.accountId, scope: a.scope, kind: a.kind as K, owner: a.owner, balanceFen: a.balanceFen }));
}

/**
 * Balances by account id, optionally locked (ascending id, for the rest of the transaction): a
 * caller deciding many postings against the same accounts (a batch of bookings) reads them once.
 */
export async function balancesById(executor: Executor, ids: readonly number[], opts: { lock?: boolean } = {}): Promise<Map<number, number>> {
  if (opts.lock && !(executor instanceof PgTransaction)) {
    throw new Error('balancesById with lock needs a transaction');
  }
  return repo.balancesById(executor, ids, opts.lock ?? false);
}

/** Σ of the matching balances grouped by scope, kind and/or owner (no grouping: one total). */
export async function balanceTotals<K extends string>(executor: Executor, book: Book<K>, q: BalanceQuery<K>, by: readonly balancesRepo.TotalBy[] = []): Promise<balancesRepo.BalanceTotal[]> {
  const bid = await repo.existingBookId(executor, book as Book);
  return bid === null ? [] : balancesRepo.balanceTotals(executor, bid, q, by);
}

/** A movement of the book with its entries and its reversal link, or null. */
export async function getMovement(executor: Executor, book: Book, id: number): Promise<repo.MovementRow | null> {
  const bid = await repo.existingBookId(executor, book);
  const m = await repo.findMovement(executor, { id });
  return m && m.bookId === bid ? m : null;
}

/** The book's invariants over its whole history; every count is zero and the total is zero when it is sound. */
export async function checkBook(executor: Executor, book: Book): Promise<balancesRepo.BookCheck> {
  const bid = await repo.existingBookId(executor, book);
  if (bid === null) {
    return { unbalancedMovements: 0, incompleteMovements: 0, foreignEntries: 0, driftedAccounts: 0, wrongSideAccounts: 0, foreignReversals: 0, totalFen: 0 };
  }
  return balancesRepo.checkBook(executor, bid);
}
