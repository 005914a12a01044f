import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import type { Answer } from './bookings.batch.js';
import { createBooking } from './bookings.service.js';
import { checkLedger } from './ledger.repo.js';
import { getBalance, issueVouchers } from './vouchers.service.js';
import { makeWorld, type World } from './vouchers.fixtures.js';

/**
 * Group commit (bookings.batch.ts): bookings that arrive together are written by one transaction
 * and decided one by one against the balance. Runs on PGlite and, with TEST_DATABASE_URL, on the
 * PostgreSQL server (a pool: real concurrency).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const db = () => t.deps.database.db;

/** The answer, or the code of the AppError thrown instead. */
const outcome = (p: Promise<Answer>): Promise<Answer | string> => p.catch((err: unknown) => (err instanceof AppError ? err.code : Promise.reject(err)));

const book = (w: World, holder: number, amount: number, key?: string) =>
  createBooking({
    db: db(),
    ctx: w.officer,
    input: { holderId: holder, policyId: w.policyId, providerId: w.providerId, serviceCategory: 'testing', contractAmount: amount * 2, amount },
    idempotencyKey: key,
  });

const balanceOf = async (w: World, holderId: number) => getBalance({ db: db(), ctx: w.officer, holderId, policyId: w.policyId });

describe('bookings written in batches', () => {
  it('when 100 bookings on one holder with balance for 37 and 30 on another arrive at once, then exactly what the balances cover is accepted, the rest refused with what was left, and each key replays its own answer', async () => {
    const w = await makeWorld(db(), { holders: 2, offset: 40 });
    const [a, b] = w.holderIds;
    await issueVouchers({
      db: db(),
      ctx: w.officer,
      policyId: w.policyId,
      items: [
        { holderId: a, amount: 37_000 },
        { holderId: b, amount: 10_000 },
      ],
    });
    const before = [await balanceOf(w, a), await balanceOf(w, b)];
    const calls = [...Array.from({ length: 100 }, (_, i) => ({ holder: a, amount: 1_000, key: `batch-a-${i}` })), ...Array.from({ length: 30 }, (_, i) => ({ holder: b, amount: 700, key: `batch-b-${i}` }))];
    // interleaved, all at once
    calls.sort((x, y) => (x.key.slice(8) < y.key.slice(8) ? -1 : 1));
    const answers = await Promise.all(calls.map((c) => book(w, c.holder, c.amount, c.key)));

    const of = (holder: number, status: number) => answers.filter((x, n) => calls[n].holder === holder && x.statusCode === status);
    expect(of(a, 201)).toHaveLength(37);
    expect(of(a, 409)).toHaveLength(63);
    expect(of(b, 201)).toHaveLength(14);
    expect(of(b, 409)).toHaveLength(16);
    for (const refused of [...of(a, 409), ...of(b, 409)]) {
      const body = refused.body as { error: { code: string; message: string; details: { fields: { field: string }[] } } };
      expect(body.error.code).toBe('insufficient_balance');
      expect(body.error.details.fields[0].field).toBe('amount');
    }
    // Every refusal saw what the accepted ones left: 0 for a, 200 yuan for b.
    expect(new Set(of(a, 409).map((x) => (x.body as { error: { message: string } }).error.message))).toEqual(new Set(['创新券可用余额不足：本次使用 1,000.00元，可用余额 0.00元']));
    expect(new Set(of(b, 409).map((x) => (x.body as { error: { message: string } }).error.message))).toEqual(new Set(['创新券可用余额不足：本次使用 700.00元，可用余额 200.00元']));

    const after = [await balanceOf(w, a), await balanceOf(w, b)];
    expect(after[0].available).toBe(0);
    expect(after[0].frozen - before[0].frozen).toBe(37_000);
    expect(after[1].available).toBe(200);
    expect(after[1].frozen - before[1].frozen).toBe(9_800);
    const ids = [...of(a, 201), ...of(b, 201)].map((x) => (x.body as { id: number }).id);
    expect(new Set(ids).size).toBe(51);
    const [rows] = await t.deps.database.rows<{ n: number; movements: number; audits: number }>(
      sql`select (select count(*)::int from voucher_bookings where policy_id = ${w.policyId}) as n,
                 (select count(*)::int from voucher_movements where policy_id = ${w.policyId} and kind = 'book') as movements,
                 (select count(*)::int from audit_log where action = 'voucher.booking.create' and object_id in (select id::text from voucher_bookings where policy_id = ${w.policyId})) as audits`,
    );
    expect(rows).toEqual({ n: 51, movements: 51, audits: 51 });
    // every movement is the booking's own, with its amount
    const mismatched = await t.deps.database.rows(
      sql`select b.id from voucher_bookings b left join voucher_movements m on m.booking_id = b.id and m.kind = 'book'
          where b.policy_id = ${w.policyId} and (m.id is null or m.amount_fen <> b.amount_fen or m.holder_id <> b.holder_id)`,
    );
    expect(mismatched).toEqual([]);
    // every invariant of the ledger holds (each count and the total are zero)
    expect(Object.entries(await checkLedger(t.deps.database)).filter(([, v]) => v !== 0)).toEqual([]);

    // Each key replays its own answer, accepted or refused, and nothing more is written.
    const again = await Promise.all(calls.map((c) => book(w, c.holder, c.amount, c.key)));
    expect(again).toEqual(answers.map((x) => ({ statusCode: x.statusCode, body: JSON.parse(JSON.stringify(x.body)) })));
    expect(await balanceOf(w, a)).toEqual(after[0]);
    // another body under a used key is refused
    expect(await outcome(book(w, a, 5, calls[0].key))).toBe('idempotency_key_reused');
  });

  it('when 12 requests with one key and 12 without a key arrive at once, then the key has one effect and one answer, and keyless refusals are errors', async () => {
    const w = await makeWorld(db(), { holders: 1, offset: 43 });
    const [h] = w.holderIds;
    await issueVouchers({ db: db(), ctx: w.officer, policyId: w.policyId, items: [{ holderId: h, amount: 5_000 }] });
    const results = await Promise.all([
      ...Array.from({ length: 12 }, () => outcome(book(w, h, 1_000, 'same-key-in-a-batch'))),
      ...Array.from({ length: 12 }, () => outcome(book(w, h, 1_000))),
    ]);
    const keyed = results.slice(0, 12) as Answer[];
    // (a replay comes from jsonb: the same answer, its keys in another order)
    for (const x of keyed) {
      expect(x).toEqual(keyed[0]);
    }
    const keyless = results.slice(12);
    const accepted = keyless.filter((x) => typeof x !== 'string' && x.statusCode === 201).length;
    expect(keyless.filter((x) => x === 'insufficient_balance')).toHaveLength(12 - accepted);
    expect(accepted + (keyed[0].statusCode === 201 ? 1 : 0)).toBe(5);
    expect((await balanceOf(w, h)).available).toBe(0);
    const [r] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from voucher_bookings where policy_id = ${w.policyId}`);
    expect(r.n).toBe(5);
  });
});
