import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { cancelBooking, createBooking } from './bookings.service.js';
import { approveClaim, createSettlement, paySettlement, rejectClaim, reverseClaim, submitClaim } from './claims.service.js';
import { checkLedger } from './ledger.repo.js';
import { expirePolicy, getBalance, issueVouchers } from './vouchers.service.js';
import { makeWorld, type World } from './vouchers.fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const db = () => t.deps.database.db;

async function expectLedgerSound() {
  const check = await checkLedger(t.deps.database);
  expect(check).toEqual({
    unbalancedMovements: 0,
    driftedAccounts: 0,
    negativeAccounts: 0,
    holderMismatches: 0,
    overBudgetPolicies: 0,
    totalFen: 0,
  });
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof AppError) {
      return err.code;
    }
    throw err;
  }
}

const book = (w: World, holderIndex: number, amount: number, key?: string) =>
  createBooking({
    db: db(),
    ctx: w.officer,
    input: {
      holderId: w.holderIds[holderIndex],
      policyId: w.policyId,
      providerId: w.providerId,
      serviceCategory: 'testing',
      contractAmount: amount * 2,
      amount,
    },
    idempotencyKey: key,
  });

describe('voucher ledger', () => {
  it('when a voucher goes through issue, book, claim, approval, settlement and expiry, then every balance follows and the ledger balances', async () => {
    const w = await makeWorld(db(), { holders: 1 });
    const sut = { db: db(), ctx: w.officer };
    await issueVouchers({
      ...sut,
      policyId: w.policyId,
      items: [{ holderId: w.holderIds[0], amount: 50_000 }],
    });
    const booked = await book(w, 0, 20_000);
    expect(booked.statusCode).toBe(201);
    const bookingId = (booked.body as { id: number }).id;
    const claim = await submitClaim({
      ...sut,
      input: {
        bookingId,
        mode: 'tongdui',
        amount: 15_000,
        contractNo: 'HT-1',
        evidenceRef: 'YS-1',
      },
    });
    await approveClaim({ ...sut, id: claim.id });
    expect(
      await getBalance({
        ...sut,
        holderId: w.holderIds[0],
        policyId: w.policyId,
      }),
    ).toMatchObject({
      issued: 50_000,
      available: 35_000,
      frozen: 0,
      redeemed: 15_000,
      expired: 0,
    });
    const batch = await createSettlement({
      ...sut,
      policyId: w.policyId,
      providerId: w.providerId,
    });
    expect(batch.total).toBe(15_000);
    await paySettlement({ ...sut, id: batch.id });
    const open = await book(w, 0, 5_000);
    await expirePolicy({ ...sut, id: w.policyId, today: '2100-01-01' });
    expect(
      await getBalance({
        ...sut,
        holderId: w.holderIds[0],
        policyId: w.policyId,
      }),
    ).toMatchObject({
      issued: 50_000,
      available: 0,
      frozen: 0,
      redeemed: 15_000,
      expired: 35_000,
    });
    expect(open.statusCode).toBe(201);
    await expectLedgerSound();
  });

  it('when issuance would pass the holder cap or the budget, then it is refused and nothing is issued', async () => {
    const w = await makeWorld(db(), {
      holders: 2,
      budget: 150_000,
      enterpriseCap: 100_000,
    });
    const sut = { db: db(), ctx: w.officer };
    expect(
      await codeOf(
        issueVouchers({
          ...sut,
          policyId: w.policyId,
          items: [{ holderId: w.holderIds[0], amount: 100_000.01 }],
        }),
      ),
    ).toBe('cap_exceeded');
    await issueVouchers({
      ...sut,
      policyId: w.policyId,
      items: [{ holderId: w.holderIds[0], amount: 100_000 }],
    });
    expect(
      await codeOf(
        issueVouchers({
          ...sut,
          policyId: w.policyId,
          items: [{ holderId: w.holderIds[1], amount: 60_000 }],
        }),
      ),
    ).toBe('budget_exceeded');
    expect(
      await getBalance({
        ...sut,
        holderId: w.holderIds[1],
        policyId: w.policyId,
      }),
    ).toMatchObject({ issued: 0, available: 0 });
    await expectLedgerSound();
  });

  it('when a movement is unbalanced or a balance would go negative, then the database itself refuses it', async () => {
    const w = await makeWorld(db(), { holders: 1 });
    const d = t.deps.database;
    const [acc] = await d.rows<{ id: number; book_id: number }>(
      sql`select a.id, a.book_id from ledger_accounts a join ledger_books b on b.id = a.book_id where b.code = 'vouchers' and a.scope = ${w.policyId} and a.kind = 'budget'`,
    );
    await expect(d.rows(sql`update ledger_accounts set balance_fen = -1 where id = ${acc.id}`)).rejects.toThrow();
    await expect(
      db().transaction(async (tx) => {
        const [m] = await d.rows<{ id: number }>(sql`insert into ledger_movements (book_id, kind, value_date) values (${acc.book_id}, 'fund', '2099-01-01') returning id`, tx);
        await d.rows(sql`insert into ledger_entries (movement_id, account_id, amount_fen) values (${m.id}, ${acc.id}, 1)`, tx);
      }),
    ).rejects.toThrow();
    await expect(d.rows(sql`delete from ledger_entries`)).rejects.toThrow();
    await expectLedgerSound();
  });

  it('when a rejected claim is followed by a cancellation, then the whole frozen amount returns', async () => {
    const w = await makeWorld(db(), { holders: 1 });
    const sut = { db: db(), ctx: w.officer };
    await issueVouchers({
      ...sut,
      policyId: w.policyId,
      items: [{ holderId: w.holderIds[0], amount: 10_000 }],
    });
    const b = (await book(w, 0, 8_000)).body as { id: number };
    const c = await submitClaim({
      ...sut,
      input: {
        bookingId: b.id,
        mode: 'tongyong',
        contractNo: 'HT-2',
        evidenceRef: 'FP-2',
        paidAmount: 16_000,
      },
    });
    await rejectClaim({ ...sut, id: c.id, note: '发票信息不符' });
    await cancelBooking({ ...sut, id: b.id });
    expect(
      await getBalance({
        ...sut,
        holderId: w.holderIds[0],
        policyId: w.policyId,
      }),
    ).toMatchObject({ available: 10_000, frozen: 0 });
    await expectLedgerSound();
  });
});

describe('voucher ledger on the shared ledger kernel', () => {
  it('when the voucher book is posted, then every voucher movement is a ledger movement of the book with the same kind and value date, and back', async () => {
    const [r] = await t.deps.database.rows<{ missing: number; mismatched: number; bare: number }>(sql`
      select (select count(*)::int from voucher_movements v left join ledger_movements m on m.id = v.id where m.id is null) as missing,
             (select count(*)::int from voucher_movements v join ledger_movements m on m.id = v.id join ledger_books b on b.id = m.book_id
               where b.code <> 'vouchers' or m.kind <> v.kind or m.value_date <> v.value_date) as mismatched,
             (select count(*)::int from ledger_movements m join ledger_books b on b.id = m.book_id
               where b.code = 'vouchers' and not exists (select 1 from voucher_movements v where v.id = m.id)) as bare`);
    expect(r).toEqual({ missing: 0, mismatched: 0, bare: 0 });
  });

  it('when an approved claim is reversed, then the reversal is linked to the redemption it undoes and cannot be posted twice', async () => {
    const w = await makeWorld(db(), { holders: 1 });
    const sut = { db: db(), ctx: w.officer };
    await issueVouchers({ ...sut, policyId: w.policyId, items: [{ holderId: w.holderIds[0], amount: 9_000 }] });
    const b = (await book(w, 0, 4_000)).body as { id: number };
    const c = await submitClaim({ ...sut, input: { bookingId: b.id, mode: 'tongdui', contractNo: 'HT-9', evidenceRef: 'YS-9' } });
    await approveClaim({ ...sut, id: c.id });
    await reverseClaim({ ...sut, id: c.id, note: '核实为虚假服务' });
    const links = await t.deps.database.rows<{ kind: string; reverses: number | null; redeem: number }>(sql`
      select v.kind, m.reverses_id::int as reverses, (select r.id::int from voucher_movements r where r.claim_id = ${c.id} and r.kind = 'redeem') as redeem
      from voucher_movements v join ledger_movements m on m.id = v.id where v.claim_id = ${c.id} order by v.id`);
    expect(links.map((l) => [l.kind, l.reverses])).toEqual([
      ['redeem', null],
      ['reverse', links[0].redeem],
    ]);
    expect(await codeOf(reverseClaim({ ...sut, id: c.id, note: '重复冲正' }))).toBe('invalid_state');
    expect(await getBalance({ ...sut, holderId: w.holderIds[0], policyId: w.policyId })).toMatchObject({ available: 9_000, frozen: 0, redeemed: 0 });
    await expectLedgerSound();
  });
});

type Op =
  | { kind: 'issue'; h: number; amount: number }
  | { kind: 'book'; h: number; amount: number }
  | { kind: 'cancel'; i: number }
  | { kind: 'claim'; i: number; part: number }
  | { kind: 'approve'; i: number }
  | { kind: 'reject'; i: number }
  | { kind: 'reverse'; i: number }
  | { kind: 'settle' }
  | { kind: 'expire' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('issue' as const),
      h: fc.nat(2),
      amount: fc.integer({ min: 1, max: 40_000 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('book' as const),
      h: fc.nat(2),
      amount: fc.integer({ min: 1, max: 30_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('cancel' as const),
      i: fc.nat(20),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('claim' as const),
      i: fc.nat(20),
      part: fc.double({ min: 0.1, max: 1, noNaN: true }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('approve' as const),
      i: fc.nat(20),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('reject' as const),
      i: fc.nat(20),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'settle' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'expire' as const }) },
);

/** A refusal the rules allow (short balance, cap, wrong state); anything else fails the property. */
const EXPECTED_REFUSALS = new Set(['insufficient_balance', 'cap_exceeded', 'budget_exceeded', 'invalid_state', 'policy_expired', 'validation_failed']);

describe('voucher ledger invariants (RULES.md §5) under random operation sequences', () => {
  it('when any sequence of ledger operations runs, then after every step the invariants hold and balances match a simple model', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 18 }), async (ops) => {
        const w = await makeWorld(db(), {
          holders: 3,
          budget: 100_000,
          enterpriseCap: 60_000,
        });
        const sut = { db: db(), ctx: w.officer };
        const bookings: { id: number; claimId?: number }[] = [];
        const model = w.holderIds.map(() => ({ issued: 0, available: 0 }));
        let expired = false;
        for (const op of ops) {
          let code = 'ok';
          try {
            switch (op.kind) {
              case 'issue':
                await issueVouchers({
                  ...sut,
                  policyId: w.policyId,
                  items: [{ holderId: w.holderIds[op.h], amount: op.amount }],
                });
                model[op.h].issued += op.amount;
                break;
              case 'book': {
                const r = await book(w, op.h, op.amount);
                bookings.push({ id: (r.body as { id: number }).id });
                break;
              }
              case 'cancel':
                if (bookings[op.i]) {
                  await cancelBooking({ ...sut, id: bookings[op.i].id });
                }
                break;
              case 'claim':
                if (bookings[op.i]) {
                  const b = bookings[op.i];
                  const c = await submitClaim({
                    ...sut,
                    input: {
                      bookingId: b.id,
                      mode: 'tongdui',
                      contractNo: 'HT',
                      evidenceRef: 'YS',
                    },
                  });
                  b.claimId = c.id;
                }
                break;
              case 'approve':
                if (bookings[op.i]?.claimId) {
                  await approveClaim({ ...sut, id: bookings[op.i].claimId! });
                }
                break;
              case 'reject':
                if (bookings[op.i]?.claimId) {
                  await rejectClaim({
                    ...sut,
                    id: bookings[op.i].claimId!,
                    note: '材料不全',
                  });
                }
                break;
              case 'reverse':
                if (bookings[op.i]?.claimId) {
                  await reverseClaim({ ...sut, id: bookings[op.i].claimId!, note: '核实为虚假服务' });
                }
                break;
              case 'settle':
                await createSettlement({
                  ...sut,
                  policyId: w.policyId,
                  providerId: w.providerId,
                });
                break;
              case 'expire':
                await expirePolicy({
                  ...sut,
                  id: w.policyId,
                  today: '2100-01-01',
                });
                expired = true;
                break;
            }
          } catch (err) {
            if (!(err instanceof AppError) || !EXPECTED_REFUSALS.has(err.code)) {
              throw err;
            }
            code = err.code;
          }
          if (op.kind === 'issue' && code === 'ok') {
            // model kept above; a refused issue changes nothing
          }
          await expectLedgerSound();
          for (let h = 0; h < w.holderIds.length; h++) {
            const bal = await getBalance({
              ...sut,
              holderId: w.holderIds[h],
              policyId: w.policyId,
            });
            expect(bal.issued).toBeCloseTo(model[h].issued, 2);
            expect(bal.issued).toBeCloseTo(bal.available + bal.frozen + bal.redeemed + bal.expired, 2);
            expect(bal.issued).toBeLessThanOrEqual(60_000);
            if (expired) {
              expect(bal.available).toBe(0);
            }
          }
        }
      }),
      { numRuns: 12, seed: 20151231 },
    );
  });
});
