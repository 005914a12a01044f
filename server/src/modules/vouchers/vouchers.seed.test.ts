import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { checkLedger, voucherIndicators, voucherIndicatorsByDistrict } from './index.js';
import { ISSUED_2015, USED_2015 } from './vouchers.seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('voucher demo data', () => {
  it('when the demo is loaded, then 2015 computes to the published figures (INDICATORS.md) exactly', async () => {
    const sut = await voucherIndicators(t.deps.database, { year: 2015 });
    expect(sut.issued).toBe(ISSUED_2015);
    expect(sut.issued).toBe(28_507_200);
    expect(sut.used).toBe(USED_2015);
    expect(sut.used).toBe(13_428_200);
    expect(sut.holders).toBeGreaterThan(400);
  });

  it('when figures are computed per district, then they add up to the city figure and every district takes part', async () => {
    const byDistrict = await voucherIndicatorsByDistrict(t.deps.database, 2015);
    const sum = [...byDistrict.values()].reduce((s, f) => ({ issued: s.issued + f.issued, used: s.used + f.used }), { issued: 0, used: 0 });
    expect(Math.round(sum.issued * 100)).toBe(28_507_200 * 100);
    expect(Math.round(sum.used * 100)).toBe(13_428_200 * 100);
    expect(byDistrict.size).toBe(13);
  });

  it('when the demo is loaded, then the ledger balances and providers exist in every district', async () => {
    expect(await checkLedger(t.deps.database)).toEqual({
      unbalancedMovements: 0,
      driftedAccounts: 0,
      negativeAccounts: 0,
      holderMismatches: 0,
      overBudgetPolicies: 0,
      totalFen: 0,
    });
    const [r] = await t.deps.database.rows<{ n: number }>(sql`select count(distinct district_id)::int as n from voucher_providers where status = 'approved'`);
    expect(r.n).toBe(13);
  });

  it('when the stats rollup is compared with the raw movements, then they agree', async () => {
    const [r] = await t.deps.database.rows<{
      issued: string;
      used: string;
    }>(sql`
      select (select sum(amount_fen) from voucher_movements where kind = 'issue' and value_date between '2015-01-01' and '2015-12-31') as issued,
             (select sum(amount_fen) from voucher_movements where kind = 'redeem' and value_date between '2015-01-01' and '2015-12-31') as used`);
    expect(Number(r.issued)).toBe(28_507_200 * 100);
    expect(Number(r.used)).toBe(13_428_200 * 100);
  });

  it('when the demo is loaded, then the officers’ flag queue holds examples of the fraud signals', async () => {
    const rows = await t.deps.database.rows<{ kind: string }>(sql`select distinct kind from voucher_flags where status = 'open'`);
    expect(rows.map((r) => r.kind)).toEqual(expect.arrayContaining(['same_contact', 'shareholding_link', 'near_expiry']));
  });
});
