import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type Executor } from '../../db/client.js';
import { openTestDatabase } from '../../test/harness.js';
import { accountsQuery } from './ledger.repo.js';
import {
  accountIds,
  balances,
  balanceTotals,
  checkBook,
  defineBook,
  getMovement,
  LedgerAlreadyReversed,
  LedgerIdempotencyConflict,
  LedgerShortfall,
  postMovement,
  postMovements,
  reverseMovement,
  type Book,
} from './index.js';

/**
 * A book the kernel has never heard of, defined here as data: a bridge-loan revolving pool (转贷
 * 资金池). The fund's capital is a contra account; the pool's cash may never go negative, however
 * many processes lend from it at once; what an enterprise owes is its own account.
 */
const BRIDGE_LOANS = defineBook({
  code: 'test_bridge_loans',
  name: '转贷资金池（测试）',
  accountKinds: {
    capital: { mayGoNegative: true, mayGoPositive: false },
    pool: {},
    loan: { owner: 'enterprise' },
    written_off: {},
    /** Corrections either way. */
    adjustment: { mayGoNegative: true },
  },
  movementKinds: ['fund', 'lend', 'repay', 'write_off'],
});

/** A second tiny book (matching funds per project) to show books do not mix. */
const MATCHING = defineBook({
  code: 'test_matching_funds',
  name: '配套资金（测试）',
  accountKinds: { appropriation: { mayGoNegative: true, mayGoPositive: false }, committed: { owner: 'project' } },
});

const url = process.env.TEST_DATABASE_URL;
let database: Database;
/** A second, independent connection pool on the same PostgreSQL database (server pass only). */
let other: Database | null = null;
let dropDatabase: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  if (!url) {
    database = await openTestDatabase();
    return;
  }
  const name = `kc_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  database = await openDatabase({ databaseUrl: u.toString(), poolSize: 20 });
  await database.migrate();
  other = await openDatabase({ databaseUrl: u.toString(), poolSize: 20 });
  dropDatabase = async () => {
    const a = postgres(url, { max: 1, onnotice: () => undefined });
    await a.unsafe(`drop database if exists ${name} with (force)`);
    await a.end();
  };
});

afterAll(async () => {
  await other?.close();
  await database.close();
  await dropDatabase();
});

const db = () => database.db;
let scopeSeq = 0;
/** Each test works in a fresh scope (one pool), so tests never see each other's balances. */
const freshScope = () => ++scopeSeq;

const capital = (scope: number) => ({ kind: 'capital' as const, scope });
const pool = (scope: number) => ({ kind: 'pool' as const, scope });
const loan = (scope: number, enterpriseId: number) => ({ kind: 'loan' as const, scope, owner: { type: 'enterprise', id: enterpriseId } });

async function fund(scope: number, fen: number, executor: Executor = db()) {
  return postMovement(executor, {
    book: BRIDGE_LOANS,
    kind: 'fund',
    valueDate: '2016-03-01',
    entries: [
      { account: capital(scope), amountFen: -fen },
      { account: pool(scope), amountFen: fen },
    ],
  });
}

const lend = (scope: number, enterpriseId: number, fen: number, idempotencyKey?: string) => ({
  book: BRIDGE_LOANS,
  kind: 'lend' as const,
  valueDate: '2016-03-02',
  idempotencyKey,
  entries: [
    { account: pool(scope), amountFen: -fen },
    { account: loan(scope, enterpriseId), amountFen: fen },
  ],
});

async function balanceOf(book: Book, ref: { kind: string; scope: number; owner?: { type: string; id: number } }) {
  const rows = await balances(db(), book, { scope: ref.scope, kinds: [ref.kind], ...(ref.owner ? { owner: ref.owner } : {}) });
  return rows.reduce((s, r) => s + r.balanceFen, 0);
}

async function expectSound(book: Book = BRIDGE_LOANS) {
  expect(await checkBook(db(), book)).toEqual({
    unbalancedMovements: 0,
    incompleteMovements: 0,
    foreignEntries: 0,
    driftedAccounts: 0,
    wrongSideAccounts: 0,
    foreignReversals: 0,
    totalFen: 0,
  });
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

describe('ledger kernel', () => {
  it('when a new book is defined in a test file, then its accounts, movements and balances work with no kernel change', async () => {
    const s = freshScope();
    await fund(s, 1_000_000_00);
    const sut = await db().transaction((tx) => postMovements(tx, BRIDGE_LOANS, [lend(s, 11, 300_000_00), lend(s, 12, 200_000_00)]));
    expect(sut.map((p) => p.replayed)).toEqual([false, false]);
    await postMovement(db(), {
      book: BRIDGE_LOANS,
      kind: 'repay',
      valueDate: '2016-06-02',
      memo: '到期还款',
      entries: [
        { account: loan(s, 11), amountFen: -300_000_00 },
        { account: pool(s), amountFen: 300_000_00 },
      ],
    });
    expect(await balanceOf(BRIDGE_LOANS, pool(s))).toBe(800_000_00);
    expect(await balanceOf(BRIDGE_LOANS, loan(s, 11))).toBe(0);
    expect(await balanceOf(BRIDGE_LOANS, loan(s, 12))).toBe(200_000_00);
    expect(await balanceOf(BRIDGE_LOANS, capital(s))).toBe(-1_000_000_00);
    const owed = await balanceTotals(db(), BRIDGE_LOANS, { scope: s, kinds: ['loan'] }, ['owner']);
    expect(owed.map((o) => [o.owner?.id, o.balanceFen]).sort()).toEqual([
      [11, 0],
      [12, 200_000_00],
    ]);
    const m = await getMovement(db(), BRIDGE_LOANS, sut[1].id);
    expect(m).toMatchObject({ kind: 'lend', valueDate: '2016-03-02', reversesId: null });
    expect(m?.entries.map((e) => e.amountFen).sort((a, b) => a - b)).toEqual([-200_000_00, 200_000_00]);
    expect(await getMovement(db(), MATCHING, sut[1].id)).toBeNull();
    await expectSound();
  });

  it('when a movement does not balance or uses an account the book does not define, then nothing is written', async () => {
    const s = freshScope();
    await fund(s, 100_00);
    const [before] = await database.rows<{ n: number }>(sql`select count(*)::int as n from ledger_movements`);
    await expect(
      postMovement(db(), {
        book: BRIDGE_LOANS,
        kind: 'lend',
        valueDate: '2016-03-02',
        entries: [
          { account: pool(s), amountFen: -100_00 },
          { account: loan(s, 1), amountFen: 99_00 },
        ],
      }),
    ).rejects.toThrow(/unbalanced/);
    await expect(postMovement(db(), { ...lend(s, 1, 1), kind: 'gift' as 'lend' })).rejects.toThrow(/no movement kind/);
    await expect(
      postMovement(db(), {
        ...lend(s, 1, 1),
        entries: [
          { account: pool(s), amountFen: -1 },
          { account: { kind: 'loan', scope: s }, amountFen: 1 },
        ],
      }),
    ).rejects.toThrow(/owned by enterprise/);
    const [after] = await database.rows<{ n: number }>(sql`select count(*)::int as n from ledger_movements`);
    expect(after.n).toBe(before.n);
    await expectSound();
  });

  it('when anything writes past the kernel, then the database itself refuses unbalanced, one-legged, cross-book and edited history', async () => {
    const s = freshScope();
    await fund(s, 100_00);
    const [poolId, capitalId] = await accountIds(db(), BRIDGE_LOANS, [pool(s), capital(s)]);
    const [projectId] = await accountIds(db(), MATCHING, [{ kind: 'committed', owner: { type: 'project', id: 7 } }]);
    const [book] = await database.rows<{ id: number }>(sql`select id from ledger_books where code = 'test_bridge_loans'`);
    const raw = (entries: [number, number][]) =>
      db().transaction(async (tx) => {
        const [m] = await database.rows<{ id: number }>(sql`insert into ledger_movements (book_id, kind, value_date) values (${book.id}, 'fund', '2016-01-01') returning id`, tx);
        for (const [account, fen] of entries) {
          await database.rows(sql`insert into ledger_entries (movement_id, account_id, amount_fen) values (${m.id}, ${account}, ${fen})`, tx);
        }
      });
    await expect(raw([[poolId, 1]])).rejects.toThrow();
    await expect(raw([])).rejects.toThrow();
    await expect(
      raw([
        [poolId, -1],
        [projectId, 1],
      ]),
    ).rejects.toThrow();
    await expect(database.rows(sql`update ledger_accounts set balance_fen = -1 where id = ${poolId}`)).rejects.toThrow();
    await expect(database.rows(sql`update ledger_accounts set balance_fen = 1 where id = ${capitalId}`)).rejects.toThrow();
    await expect(database.rows(sql`update ledger_accounts set scope = scope + 1000 where id = ${poolId}`)).rejects.toThrow();
    await expect(database.rows(sql`delete from ledger_accounts where id = ${poolId}`)).rejects.toThrow();
    await expect(database.rows(sql`update ledger_entries set amount_fen = amount_fen where account_id = ${poolId}`)).rejects.toThrow();
    await expect(database.rows(sql`delete from ledger_movements`)).rejects.toThrow();
    await expect(database.rows(sql`truncate ledger_entries`)).rejects.toThrow();
    await expectSound();
    await expectSound(MATCHING);
  });

  it('when a posting would take a never-negative account below zero or a contra account above it, then it is refused with the account and nothing moves', async () => {
    const s = freshScope();
    await fund(s, 500_00);
    const err = await failure(db().transaction((tx) => postMovements(tx, BRIDGE_LOANS, [lend(s, 1, 300_00), lend(s, 2, 300_00)])));
    expect(err).toBeInstanceOf(LedgerShortfall);
    expect(err).toMatchObject({ code: 'insufficient_balance', book: 'test_bridge_loans', kind: 'pool', scope: s });
    expect(await balanceOf(BRIDGE_LOANS, pool(s))).toBe(500_00);
    expect(await balanceOf(BRIDGE_LOANS, loan(s, 1))).toBe(0);
    // the capital paid back in full leaves the contra account at zero; one fen more would make it positive
    await postMovement(db(), {
      book: BRIDGE_LOANS,
      kind: 'fund',
      valueDate: '2016-12-31',
      entries: [
        { account: pool(s), amountFen: -500_00 },
        { account: capital(s), amountFen: 500_00 },
      ],
    });
    const back = await failure(
      postMovement(db(), {
        book: BRIDGE_LOANS,
        kind: 'fund',
        valueDate: '2016-12-31',
        entries: [
          { account: { kind: 'adjustment', scope: s }, amountFen: -1 },
          { account: capital(s), amountFen: 1 },
        ],
      }),
    );
    expect(back).toMatchObject({ kind: 'capital' });
    expect(await balanceOf(BRIDGE_LOANS, capital(s))).toBe(0);
    await expectSound();
  });

  it('when the same idempotency key is posted again, then it has one effect; the same key for another movement is refused', async () => {
    const s = freshScope();
    await fund(s, 1_000_00);
    const first = await postMovement(db(), lend(s, 3, 100_00, `loan-${s}-3`));
    const again = await db().transaction((tx) => postMovement(tx, lend(s, 3, 100_00, `loan-${s}-3`)));
    expect(again).toEqual({ id: first.id, replayed: true });
    expect(await balanceOf(BRIDGE_LOANS, pool(s))).toBe(900_00);
    const err = await failure(postMovement(db(), lend(s, 3, 200_00, `loan-${s}-3`)));
    expect(err).toBeInstanceOf(LedgerIdempotencyConflict);
    expect(err).toMatchObject({ code: 'idempotency_key_reused', movementId: first.id });
    // the same key in another book is another movement
    const other = await postMovement(db(), {
      book: MATCHING,
      kind: 'commit',
      valueDate: '2016-03-02',
      idempotencyKey: `loan-${s}-3`,
      entries: [
        { account: { kind: 'appropriation' }, amountFen: -1 },
        { account: { kind: 'committed', owner: { type: 'project', id: s } }, amountFen: 1 },
      ],
    });
    expect(other.replayed).toBe(false);
    // a refused keyed posting leaves no trace, so the key stays free
    const short = await failure(postMovement(db(), lend(s, 4, 5_000_00, `loan-${s}-4`)));
    expect(short).toBeInstanceOf(LedgerShortfall);
    expect((await postMovement(db(), lend(s, 4, 100_00, `loan-${s}-4`))).replayed).toBe(false);
    await expectSound();
    await expectSound(MATCHING);
  });

  it('when a movement is reversed, then the reversal negates every entry, is linked to it, and a second reversal is refused', async () => {
    const s = freshScope();
    await fund(s, 1_000_00);
    const lent = await postMovement(db(), lend(s, 5, 400_00));
    const sut = await reverseMovement(db(), { book: BRIDGE_LOANS, movementId: lent.id, kind: 'repay', valueDate: '2016-04-01', memo: '放款撤销' });
    expect(await balanceOf(BRIDGE_LOANS, pool(s))).toBe(1_000_00);
    expect(await balanceOf(BRIDGE_LOANS, loan(s, 5))).toBe(0);
    expect(await getMovement(db(), BRIDGE_LOANS, sut.id)).toMatchObject({ reversesId: lent.id, memo: '放款撤销' });
    expect(await getMovement(db(), BRIDGE_LOANS, lent.id)).toMatchObject({ reversedById: sut.id });
    const twice = await failure(reverseMovement(db(), { book: BRIDGE_LOANS, movementId: lent.id, kind: 'repay', valueDate: '2016-04-02' }));
    expect(twice).toBeInstanceOf(LedgerAlreadyReversed);
    // once the money has moved on, undoing it fails like any posting
    const lent2 = await postMovement(db(), lend(s, 6, 300_00));
    await postMovement(db(), {
      book: BRIDGE_LOANS,
      kind: 'write_off',
      valueDate: '2016-05-01',
      entries: [
        { account: loan(s, 6), amountFen: -300_00 },
        { account: { kind: 'written_off', scope: s }, amountFen: 300_00 },
      ],
    });
    expect(await failure(reverseMovement(db(), { book: BRIDGE_LOANS, movementId: lent2.id, kind: 'repay', valueDate: '2016-05-02' }))).toBeInstanceOf(LedgerShortfall);
    expect(await failure(reverseMovement(db(), { book: MATCHING, movementId: lent2.id, kind: 'repay', valueDate: '2016-05-02' }))).toBeInstanceOf(Error);
    await expectSound();
  });

  it('when an account is first created inside a transaction that rolls back, then a later posting creates it again (no stale id is remembered)', async () => {
    const s = freshScope();
    await fund(s, 100_00);
    const root = db();
    await expect(
      db().transaction(async (tx) => {
        await postMovement(tx, lend(s, 77, 10_00), { root });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const sut = await db().transaction((tx) => postMovement(tx, lend(s, 77, 10_00), { root }));
    expect(sut.replayed).toBe(false);
    expect(await balanceOf(BRIDGE_LOANS, loan(s, 77))).toBe(10_00);
    await expectSound();
  });

  it('when a book is defined twice under one code with different rules, then the second definition is refused', () => {
    expect(() => defineBook({ code: 'test_bridge_loans', name: 'x', accountKinds: { pool: { mayGoNegative: true } } })).toThrow(/already defined/);
    expect(() => defineBook({ code: 'Bad-Code', name: 'x', accountKinds: { a: {} } })).toThrow();
    expect(() => defineBook({ code: 'test_never', name: 'x', accountKinds: { a: { mayGoNegative: false, mayGoPositive: false } } })).toThrow();
  });
});

/** A book with one sub-ledger of many owned accounts of one kind, like a voucher policy's holders. */
const CROWDED = defineBook({ code: 'test_crowded', name: '多账户（测试）', accountKinds: { seat: { owner: 'enterprise' }, reserve: {} } });

describe('ledger kernel account lookup', () => {
  it('when a scope holds thousands of accounts of a kind, then finding one owned and one book-level account reads only those two', async () => {
    const seats = Array.from({ length: 3000 }, (_, i) => ({ kind: 'seat' as const, scope: 7, owner: { type: 'enterprise', id: i + 1 } }));
    await accountIds(database.db, CROWDED, [...seats, { kind: 'reserve' as const, scope: 7 }]);
    await database.db.execute(sql`analyze ledger_accounts`);
    const [{ id: bid }] = await database.rows<{ id: number }>(sql`select id from ledger_books where code = 'test_crowded'`);
    const refs = [seats[1499], { kind: 'reserve' as const, scope: 7 }];
    const found = await database.rows<{ kind: string; owner_id: number | string | null }>(accountsQuery(bid, CROWDED, refs));
    expect(found.map((r) => [r.kind, r.owner_id === null ? null : Number(r.owner_id)]).sort()).toEqual([
      ['reserve', null],
      ['seat', 1500],
    ]);
    const plan = (await database.rows<Record<string, string>>(sql`explain (analyze, costs off, timing off) ${accountsQuery(bid, CROWDED, refs)}`)).map((r) => Object.values(r)[0]).join('\n');
    // every account is reached by its whole key: no scan of the scope's other accounts
    expect(plan).not.toMatch(/Seq Scan on ledger_accounts/);
    expect(plan).not.toMatch(/Rows Removed by Filter: [1-9]/);
  });
});

/**
 * Two connection pools on one PostgreSQL database stand for two app processes. PGlite is a single
 * connection: nothing runs concurrently there, so these run in the server pass only.
 */
describe.skipIf(!url)('ledger kernel under concurrency on PostgreSQL (two connection pools)', () => {
  const handles = () => [database.db, other!.db];

  it('when 64 clients on two pools lend from one revolving pool 2× oversubscribed, then exactly the pool is lent and it never goes negative', async () => {
    const s = freshScope();
    const POOL = 64 * 100_00;
    await fund(s, POOL);
    const outcomes = await Promise.all(
      Array.from({ length: 128 }, async (_, i) => {
        try {
          await handles()[i % 2].transaction((tx) => postMovement(tx, lend(s, 1000 + (i % 16), 50_00)));
          return 'lent';
        } catch (err) {
          if (err instanceof LedgerShortfall) {
            return 'short';
          }
          throw err;
        }
      }),
    );
    expect(outcomes.filter((o) => o === 'lent')).toHaveLength(POOL / 50_00);
    expect(await balanceOf(BRIDGE_LOANS, pool(s))).toBe(0);
    const owed = await balanceTotals(db(), BRIDGE_LOANS, { scope: s, kinds: ['loan'] });
    expect(owed[0].balanceFen).toBe(POOL);
    await expectSound();
  });

  it('when lending and repaying race on two pools, then the pool stays within its bounds and ends where the arithmetic says', async () => {
    const s = freshScope();
    await fund(s, 1_000_00);
    const results = await Promise.all(
      Array.from({ length: 80 }, async (_, i): Promise<number> => {
        const e = 2000 + (i % 8);
        const h = handles()[i % 2];
        try {
          if (i % 3 === 2) {
            await h.transaction((tx) =>
              postMovement(tx, {
                book: BRIDGE_LOANS,
                kind: 'repay',
                valueDate: '2016-06-01',
                entries: [
                  { account: loan(s, e), amountFen: -60_00 },
                  { account: pool(s), amountFen: 60_00 },
                ],
              }),
            );
            return 60_00;
          }
          await h.transaction((tx) => postMovement(tx, lend(s, e, 90_00)));
          return -90_00;
        } catch (err) {
          if (err instanceof LedgerShortfall) {
            return 0;
          }
          throw err;
        }
      }),
    );
    const poolNow = await balanceOf(BRIDGE_LOANS, pool(s));
    expect(poolNow).toBe(1_000_00 + results.reduce((a, b) => a + b, 0));
    expect(poolNow).toBeGreaterThanOrEqual(0);
    await expectSound();
  });

  it('when 20 postings with one idempotency key arrive at once on two pools, then there is one movement and every caller gets its id', async () => {
    const s = freshScope();
    await fund(s, 1_000_00);
    const key = `same-${s}`;
    const sut = await Promise.all(Array.from({ length: 20 }, (_, i) => handles()[i % 2].transaction((tx) => postMovement(tx, lend(s, 9, 100_00, key)))));
    expect(new Set(sut.map((p) => p.id)).size).toBe(1);
    expect(sut.filter((p) => !p.replayed)).toHaveLength(1);
    expect(await balanceOf(BRIDGE_LOANS, pool(s))).toBe(900_00);
    await expectSound();
  });

  it('when one movement is reversed by 10 callers at once on two pools, then exactly one reversal is posted', async () => {
    const s = freshScope();
    await fund(s, 1_000_00);
    const lent = await postMovement(db(), lend(s, 10, 250_00));
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        try {
          await handles()[i % 2].transaction((tx) => reverseMovement(tx, { book: BRIDGE_LOANS, movementId: lent.id, kind: 'repay', valueDate: '2016-04-01' }));
          return 'reversed';
        } catch (err) {
          if (err instanceof LedgerAlreadyReversed) {
            return 'refused';
          }
          throw err;
        }
      }),
    );
    expect(outcomes.filter((o) => o === 'reversed')).toHaveLength(1);
    expect(await balanceOf(BRIDGE_LOANS, pool(s))).toBe(1_000_00);
    await expectSound();
  });
});
