import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t?.close());

describe('who may book a service for a holder', () => {
  it('when a provider books for a holder, then 403 in Chinese (not a 500 from the bookings’ provider scope)', async () => {
    const [ids] = await t.deps.database.rows<{ holder: number; policy: number; provider: number }>(sql`
      select (select id from voucher_holders order by id limit 1) as holder,
             (select id from voucher_policies where status = 'active' order by id desc limit 1) as policy,
             (select id from voucher_providers order by id limit 1) as provider`);
    const provider = await loginAs(t.app, 'provider');
    const res = await provider.request('POST', '/api/vouchers/bookings', {
      holderId: Number(ids.holder),
      policyId: Number(ids.policy ?? 1),
      providerId: Number(ids.provider),
      serviceCategory: 'testing',
      contractAmount: 10000,
      amount: 5000,
    });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
