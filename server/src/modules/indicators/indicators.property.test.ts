import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { createDeal, registerContract, submitRegistration } from '../techmarket/techmarket.deals.service.js';
import { createBooking } from '../vouchers/bookings.service.js';
import { approveClaim, submitClaim } from '../vouchers/claims.service.js';
import { issueVouchers } from '../vouchers/vouchers.service.js';
import { actorFor, ctxOf, makeWorld, type World } from '../vouchers/vouchers.fixtures.js';
import { registeredSources } from './indicators.registry.js';
import { yearFigures } from './indicators.service.js';

/**
 * Property: on random record sets written through the owning modules' own services (voucher
 * issuances and approved redemptions, registered technology contracts), every computed indicator of the year — city-wide
 * and per district — equals a direct count over the raw tables, and the districts sum to the city.
 * Each run writes into its own year (2090 + run), so runs do not see each other.
 */
let t: TestApp;
let world: World;
let districts: { id: number; name: string }[];

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.deps.database.db, { holders: 12, year: 2090, budget: 100_000_000, enterpriseCap: 10_000_000 });
  districts = await t.deps.database.rows<{ id: number; name: string }>(sql`select id, name from districts order by id`);
});
afterAll(async () => {
  await t.close();
});

async function direct(year: number) {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const v = await t.deps.database.rows<{ district_id: number; issued: string; used: string; holders: string }>(sql`
    select district_id, coalesce(sum(amount_fen) filter (where kind = 'issue'), 0) as issued, coalesce(sum(amount_fen) filter (where kind = 'redeem'), 0) as used,
           count(distinct holder_id) filter (where kind = 'issue') as holders
    from voucher_movements where kind in ('issue', 'redeem') and value_date >= ${from} and value_date < ${to} group by district_id`);
  const m = await t.deps.database.rows<{ district_id: number; deals: string; amount: string }>(sql`
    select d.district_id, count(*) as deals, sum(r.amount_fen) as amount from tm_contract_registrations r join tm_deals d on d.id = r.deal_id
    where r.status = 'registered' and r.registered_on >= ${from}::date and r.registered_on < ${to}::date group by d.district_id`);
  const out = new Map<number, Record<string, number>>();
  const at = (id: number) => out.get(Number(id)) ?? out.set(Number(id), { 'voucher.issued': 0, 'voucher.used': 0, 'voucher.holders': 0, 'techmarket.deals': 0, 'techmarket.amount': 0 }).get(Number(id))!;
  for (const r of v) {
    Object.assign(at(r.district_id), { 'voucher.issued': Number(r.issued) / 100, 'voucher.used': Number(r.used) / 100, 'voucher.holders': Number(r.holders) });
  }
  for (const r of m) {
    Object.assign(at(r.district_id), { 'techmarket.deals': Number(r.deals), 'techmarket.amount': Number(r.amount) / 100 });
  }
  const [h] = await t.deps.database.rows<{ n: string }>(sql`select count(distinct holder_id) as n from voucher_movements where kind = 'issue' and value_date >= ${from} and value_date < ${to}`);
  return { out, cityHolders: Number(h.n) };
}

const record = fc.oneof(
  fc.record({ kind: fc.constant('issue' as const), holder: fc.nat({ max: 11 }), amount: fc.integer({ min: 1, max: 50_000 }), day: fc.integer({ min: 0, max: 364 }) }),
  fc.record({ kind: fc.constant('redeem' as const), holder: fc.nat({ max: 11 }), amount: fc.integer({ min: 2, max: 50_000 }), day: fc.integer({ min: 0, max: 363 }) }),
  fc.record({ kind: fc.constant('contract' as const), district: fc.nat({ max: 12 }), amount: fc.integer({ min: 1, max: 5_000_000 }), day: fc.integer({ min: 0, max: 364 }) }),
);

describe('computed indicators on random record sets', () => {
  it('when random issuances, redemptions and registered contracts are written, then every figure of the year equals the direct count, per district and city-wide', async () => {
    const officer = ctxOf(await actorFor(t.deps.database.db, 'officer'));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 12 }), async (records) => {
        const year = 2090 + (run++ % 9);
        const date = (day: number) => new Date(Date.UTC(year, 0, 1 + day, 4)).toISOString().slice(0, 10);
        for (const r of records) {
          if (r.kind === 'issue') {
            await issueVouchers({ db: t.deps.database.db, ctx: world.officer, policyId: world.policyId, items: [{ holderId: world.holderIds[r.holder], amount: r.amount }], today: date(r.day) });
          } else if (r.kind === 'redeem') {
            // Issue, book half, claim it and approve it the next day: a redemption dated that day.
            const sut = { db: t.deps.database.db, ctx: world.officer };
            const holderId = world.holderIds[r.holder];
            await issueVouchers({ ...sut, policyId: world.policyId, items: [{ holderId, amount: r.amount }], today: date(r.day) });
            const half = Math.floor(r.amount / 2);
            const booked = await createBooking({ ...sut, input: { holderId, policyId: world.policyId, providerId: world.providerId, serviceCategory: 'testing', contractAmount: half * 2, amount: half }, today: date(r.day) });
            const claim = await submitClaim({ ...sut, input: { bookingId: (booked.body as { id: number }).id, mode: 'tongdui', amount: half, contractNo: `HT-${year}-${r.day}`, evidenceRef: 'YS-1' }, today: date(r.day) });
            await approveClaim({ ...sut, id: claim.id, today: date(r.day + 1) });
          } else {
            const deal = await createDeal({ db: t.deps.database.db, ctx: officer, input: { source: 'offline', title: '随机技术合同', sellerName: '随机卖方单位', buyerName: '随机买方单位', district: districts[r.district].name, domain: '电子信息', amount: r.amount, signedOn: '2016-01-04' } });
            const reg = await submitRegistration({ db: t.deps.database.db, ctx: officer, dealId: deal.id, input: { contractType: 'service', contractTitle: '随机技术服务合同', amount: r.amount, nonTechnicalItems: [] }, today: '2016-01-05' });
            await registerContract({ db: t.deps.database.db, ctx: officer, id: reg.id, at: new Date(`${date(r.day)}T04:00:00Z`) });
          }
        }
        const { out, cityHolders } = await direct(year);
        const city = new Map((await yearFigures({ database: t.deps.database, year })).map((f) => [f.code, f.value]));
        // The random records are vouchers and contracts; the other modules' figures (cumulative and stock ones carry over
        // from the demo history) are checked by their own modules' tests against their records.
        for (const source of registeredSources().filter((x) => x.module === 'vouchers' || x.module === 'techmarket')) {
          const byDistrict = await source.valuesByDistrict({ database: t.deps.database, year });
          for (const d of districts) {
            const mine = await source.values({ database: t.deps.database, year, districtId: d.id });
            for (const [code, value] of Object.entries(mine)) {
              const expected = out.get(d.id)?.[code] ?? 0;
              expect(value, `${code} ${year} ${d.name}`).toBeCloseTo(expected, 2);
              expect(byDistrict.get(d.id)?.[code] ?? 0, `${code} ${year} ${d.name} (by district)`).toBeCloseTo(expected, 2);
            }
          }
        }
        for (const code of ['voucher.issued', 'voucher.used', 'techmarket.deals', 'techmarket.amount']) {
          const sum = [...out.values()].reduce((s, r) => s + (r[code] ?? 0), 0);
          expect(city.get(code), `${code} ${year}: districts sum to the city`).toBeCloseTo(sum, 2);
        }
        expect(city.get('voucher.holders')).toBe(cityHolders);
      }),
      { seed: 20260106, numRuns: 9, endOnFailure: true },
    );
    // The generated sets did exercise every kind of record.
    const [k] = await t.deps.database.rows<{ issues: number; redeems: number; contracts: number }>(sql`
      select (select count(*)::int from voucher_movements where kind = 'issue' and value_date >= '2090-01-01') as issues,
             (select count(*)::int from voucher_movements where kind = 'redeem' and value_date >= '2090-01-01') as redeems,
             (select count(*)::int from tm_contract_registrations where registered_on >= '2090-01-01') as contracts`);
    expect(Math.min(k.issues, k.redeems, k.contracts)).toBeGreaterThan(0);
  }, 240_000);
});
