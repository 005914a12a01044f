import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districts } from '../../db/schema/index.js';
import { multipartFile, xlsxOf } from '../../test/factories.js';
import { attachEvidence } from './claim-files.fixtures.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { businessToday } from './vouchers.common.js';
import { whenJobSettled } from '../jobs/index.js';

let t: TestApp;
let officer: Session, enterprise: Session, provider: Session, xihu: Session, auditor: Session, admin: Session;
let policyId: number, ownHolderId: number, otherHolderId: number, providerId: number, otherProviderId: number, serviceId: number;

/** Sets up, through the API, one policy, the demo enterprise and a Binjiang enterprise as holders, and the demo provider. */
beforeAll(async () => {
  t = await createTestApp();
  [officer, enterprise, provider, xihu, auditor, admin] = await Promise.all(['officer', 'enterprise', 'provider', 'xihu', 'auditor', 'admin'].map((u) => loginAs(t.app, u)));
  const db = t.deps.database.db;
  const [binjiang] = await db.select().from(districts).where(eq(districts.code, '330108'));
  const p = await officer.request('POST', '/api/vouchers/policies', {
    year: 2099,
    name: '测试创新券政策',
    budget: 1_000_000,
    enterpriseCap: 100_000,
    teamCap: 30_000,
    coverageRatio: 0.5,
    validUntil: '2099-12-31',
    categories: ['testing', 'consulting'],
  });
  expect(p.statusCode).toBe(201);
  policyId = p.json<{ id: number }>().id;
  // The demo data makes the demo enterprise a holder and links the demo provider account to a provider.
  const own = await enterprise.request('GET', '/api/vouchers/holders');
  ownHolderId = own.json<{ items: { id: number }[] }>().items[0].id;
  otherHolderId = (await officer.request('GET', `/api/vouchers/holders?districtId=${binjiang.id}&kind=enterprise&limit=1`)).json<{ items: { id: number }[] }>().items[0].id;
  providerId = (await provider.request('GET', '/api/vouchers/providers/me')).json<{ id: number }>().id;
  const prov = await officer.request('POST', '/api/vouchers/providers', { name: '杭州另一检测中心', districtId: binjiang.id, categories: ['testing'] });
  expect(prov.statusCode).toBe(201);
  otherProviderId = prov.json<{ id: number }>().id;
  const service = await provider.request('POST', `/api/vouchers/providers/${providerId}/services`, { category: 'testing', name: '电磁兼容检测', price: 4_000 });
  expect(service.statusCode).toBe(201);
  serviceId = service.json<{ id: number }>().id;
  for (const holderId of [ownHolderId, otherHolderId]) {
    expect(
      (
        await officer.request('POST', '/api/vouchers/issuances', {
          policyId,
          holderId,
          amount: 20_000,
        })
      ).statusCode,
    ).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
});

const bookingBody = (over: Record<string, unknown> = {}) => ({
  holderId: ownHolderId,
  policyId,
  providerId,
  serviceCategory: 'testing',
  serviceId,
  serviceStart: businessToday(),
  serviceEnd: '2099-06-30',
  contractAmount: 4_000,
  amount: 2_000,
  ...over,
});

describe('voucher policies and issuance', () => {
  it('when a non-officer creates a policy or issues vouchers, then it is refused', async () => {
    for (const s of [enterprise, provider, xihu, auditor, admin]) {
      expect(
        (
          await s.request('POST', '/api/vouchers/policies', {
            year: 2099,
            name: '越权政策',
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await s.request('POST', '/api/vouchers/issuances', {
            policyId,
            holderId: ownHolderId,
            amount: 1,
          })
        ).statusCode,
      ).toBe(403);
    }
  });

  it('when an officer issues beyond the holder cap, then 409 cap_exceeded and the balance is unchanged', async () => {
    const r = await officer.request('POST', '/api/vouchers/issuances', {
      policyId,
      holderId: ownHolderId,
      amount: 80_001,
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('cap_exceeded');
    expect((await officer.request('GET', `/api/vouchers/holders/${ownHolderId}/balance?policyId=${policyId}`)).json()).toMatchObject({ issued: 20_000, available: 20_000 });
  });

  it('when anyone signed in lists policies and providers, then they get them; anonymous gets 401', async () => {
    expect((await enterprise.request('GET', '/api/vouchers/policies')).statusCode).toBe(200);
    const list = await enterprise.request('GET', '/api/vouchers/providers?category=testing');
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: { id: number; categories: string[] }[] }>().items.map((i) => i.id)).toContain(providerId);
    expect(list.json<{ items: { id: number }[] }>().items.find((i) => i.id === providerId)).toMatchObject({ status: 'approved', statusName: '已通过' });
    const own = (await enterprise.request('GET', '/api/vouchers/policies')).json<{ items: { id: number }[] }>().items.find((p) => p.id === policyId);
    expect(own).toMatchObject({ status: 'active', statusName: '执行中', categories: ['testing', 'consulting'], categoryNames: ['检验检测', '技术咨询'] });
    // asked in English, the names are English (a list of names too)
    const english = (await enterprise.request('GET', '/api/vouchers/policies', undefined, { 'accept-language': 'en' })).json<{ items: { id: number; statusName: string; categoryNames: string[] }[] }>();
    expect(english.items.find((p) => p.id === policyId)).toMatchObject({ categoryNames: ['Testing and inspection', 'Technical consulting'] });
    expect((await t.app.inject({ method: 'GET', url: '/api/vouchers/providers' })).statusCode).toBe(401);
  });
});

describe('voucher bulk issuance and provider registration', () => {
  it('when an approved list has one bad row, then nothing is issued and the row is named; a clean list issues all rows', async () => {
    const upload = async (rows: (string | number | null)[][]) => {
      const file = multipartFile(await xlsxOf(['持有人编号', '统一社会信用代码', '发放金额（元）'], rows), '发放名单.xlsx');
      return t.app.inject({ method: 'POST', url: `/api/vouchers/issuances/import?policyId=${policyId}`, headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, ...file.headers }, payload: file.payload });
    };
    const before = (await officer.request('GET', `/api/vouchers/holders/${otherHolderId}/balance?policyId=${policyId}`)).json<{ issued: number }>().issued;
    const bad = await upload([
      [otherHolderId, null, 1_000],
      [null, '91330106MA0000000X', 1_000],
    ]);
    expect(bad.statusCode).toBe(202);
    await whenJobSettled(t.deps.database, bad.json().id);
    expect((await officer.request('GET', `/api/jobs/${bad.json().id}`)).json().rowErrors[0]).toMatchObject({ row: 3, column: '统一社会信用代码' });
    expect((await officer.request('GET', `/api/vouchers/holders/${otherHolderId}/balance?policyId=${policyId}`)).json().issued).toBe(before);
    const good = await upload([[otherHolderId, null, 1_000]]);
    expect(good.statusCode).toBe(202);
    await whenJobSettled(t.deps.database, good.json().id);
    expect((await officer.request('GET', `/api/jobs/${good.json().id}`)).json()).toMatchObject({ status: 'done', result: { issued: 1 } });
    expect((await officer.request('GET', `/api/vouchers/holders/${otherHolderId}/balance?policyId=${policyId}`)).json().issued).toBe(before + 1_000);
    expect((await enterprise.request('GET', `/api/vouchers/issuances/template`)).statusCode).toBe(403);
  });

  it('when a provider is suspended, then it leaves the catalogue and cannot be booked', async () => {
    expect((await officer.request('POST', `/api/vouchers/providers/${otherProviderId}/status`, { status: 'suspended', note: '资质过期' })).json().status).toBe('suspended');
    const list = (await enterprise.request('GET', '/api/vouchers/providers?limit=500')).json<{ items: { id: number }[] }>();
    expect(list.items.map((p) => p.id)).not.toContain(otherProviderId);
    const r = await enterprise.request('POST', '/api/vouchers/bookings', bookingBody({ providerId: otherProviderId }));
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('provider_unavailable');
    expect((await officer.request('POST', `/api/vouchers/providers/${otherProviderId}/status`, { status: 'approved' })).statusCode).toBe(200);
  });
});

describe('voucher balance scope', () => {
  it('when the enterprise user reads its own balance, then it gets issued/available/frozen/redeemed/expired in yuan', async () => {
    const r = await enterprise.request('GET', `/api/vouchers/holders/${ownHolderId}/balance?policyId=${policyId}`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      issued: 20_000,
      frozen: 0,
      redeemed: 0,
      expired: 0,
    });
  });

  it('when an enterprise user, a provider or another district reads a holder that is not theirs, then it is hidden', async () => {
    expect((await enterprise.request('GET', `/api/vouchers/holders/${otherHolderId}/balance`)).statusCode).toBe(404);
    expect((await xihu.request('GET', `/api/vouchers/holders/${otherHolderId}/balance`)).statusCode).toBe(404);
    expect((await xihu.request('GET', `/api/vouchers/holders/${ownHolderId}/balance`)).statusCode).toBe(200);
    expect([403, 404]).toContain((await provider.request('GET', `/api/vouchers/holders/${ownHolderId}/balance`)).statusCode);
    const xihuList = (await xihu.request('GET', '/api/vouchers/holders?limit=500')).json<{ items: { id: number; districtName: string }[] }>().items;
    expect(xihuList.map((i) => i.id)).toContain(ownHolderId);
    expect(new Set(xihuList.map((i) => i.districtName))).toEqual(new Set(['西湖区']));
    expect((await auditor.request('GET', `/api/vouchers/holders/${otherHolderId}/balance`)).statusCode).toBe(200);
  });
});

describe('voucher bookings', () => {
  it('when the enterprise books for another holder, then it is refused and nothing is frozen', async () => {
    const r = await enterprise.request('POST', '/api/vouchers/bookings', bookingBody({ holderId: otherHolderId }), { 'idempotency-key': 'x-other' });
    expect([403, 404]).toContain(r.statusCode);
    expect((await officer.request('GET', `/api/vouchers/holders/${otherHolderId}/balance?policyId=${policyId}`)).json().frozen).toBe(0);
  });

  it('when the amount exceeds the coverage ratio of the contract, then 400 names the field', async () => {
    const r = await enterprise.request('POST', '/api/vouchers/bookings', bookingBody({ amount: 2_000.01 }));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields[0].field).toBe('amount');
  });

  it('when the balance does not cover the booking, then 409 insufficient_balance, the same again under its key, and nothing is left behind', async () => {
    const count = async () => (await enterprise.request('GET', `/api/vouchers/bookings?holderId=${ownHolderId}&policyId=${policyId}&limit=500`)).json<{ items: unknown[] }>().items.length;
    const before = await count();
    const r = await enterprise.request('POST', '/api/vouchers/bookings', bookingBody({ contractAmount: 100_000, amount: 20_000.01 }));
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('insufficient_balance');
    const k1 = await enterprise.request('POST', '/api/vouchers/bookings', bookingBody({ contractAmount: 100_000, amount: 20_000.01 }), { 'idempotency-key': 'short-1' });
    const k2 = await enterprise.request('POST', '/api/vouchers/bookings', bookingBody({ contractAmount: 100_000, amount: 20_000.01 }), { 'idempotency-key': 'short-1' });
    expect([k1.statusCode, k2.statusCode]).toEqual([409, 409]);
    expect(k2.body).toBe(k1.body);
    expect(await count()).toBe(before);
    expect((await auditor.request('GET', '/api/vouchers/ledger/check')).json().balanced).toBe(true);
  });

  it('when the same key is sent twice, then the same answer comes back and only one amount is frozen; another body under it is 422', async () => {
    const first = await enterprise.request('POST', '/api/vouchers/bookings', bookingBody(), { 'idempotency-key': 'key-1' });
    const again = await enterprise.request('POST', '/api/vouchers/bookings', bookingBody(), { 'idempotency-key': 'key-1' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect((await enterprise.request('GET', `/api/vouchers/holders/${ownHolderId}/balance?policyId=${policyId}`)).json().frozen).toBe(2_000);
    const other = await enterprise.request('POST', '/api/vouchers/bookings', bookingBody({ amount: 1_000 }), { 'idempotency-key': 'key-1' });
    expect(other.statusCode).toBe(422);
  });

  it('when a key stored before bookings were named is replayed, then the answer carries the status and category names', async () => {
    const first = await enterprise.request('POST', '/api/vouchers/bookings', bookingBody({ amount: 100 }), { 'idempotency-key': 'key-old' });
    expect(first.statusCode).toBe(201);
    // the answer as it was stored before the API named statuses
    await t.deps.database.db.execute(sql`update voucher_idempotency_keys set response = response - 'statusName' - 'serviceCategoryName' where key = 'key-old'`);
    const again = await enterprise.request('POST', '/api/vouchers/bookings', bookingBody({ amount: 100 }), { 'idempotency-key': 'key-old' });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.json()).toMatchObject({ status: 'booked', statusName: '已预约（冻结中）' });
  });

  it('when the holder cancels its booking, then the frozen amount is released', async () => {
    const b = (await enterprise.request('POST', '/api/vouchers/bookings', bookingBody({ amount: 500, contractAmount: 1_000 }))).json<{ id: number }>();
    const c = await enterprise.request('POST', `/api/vouchers/bookings/${b.id}/cancel`);
    expect(c.statusCode).toBe(200);
    expect(c.json().status).toBe('cancelled');
    expect((await provider.request('POST', `/api/vouchers/bookings/${b.id}/cancel`)).statusCode).toBe(403);
  });
});

describe('voucher claims, approval and settlement', () => {
  it('when the provider claims (通兑) and the officer approves, then the amount is redeemed and can be settled and exported', async () => {
    const b = (await enterprise.request('POST', '/api/vouchers/bookings', bookingBody({ amount: 1_500, contractAmount: 3_000 }))).json<{ id: number }>();
    expect(
      (
        await enterprise.request('POST', '/api/vouchers/claims', {
          bookingId: b.id,
          mode: 'tongdui',
          contractNo: 'HT-9',
          evidenceRef: 'YS-9',
        })
      ).statusCode,
    ).toBe(403);
    await attachEvidence(t.app, provider, b.id);
    const claim = await provider.request('POST', '/api/vouchers/claims', {
      bookingId: b.id,
      mode: 'tongdui',
      contractNo: 'HT-9',
      evidenceRef: 'YS-9',
    });
    expect(claim.statusCode).toBe(201);
    // Every list names its statuses (and the claim its mode and category) in words: the SPA keeps no names of its own.
    expect(claim.json()).toMatchObject({ status: 'submitted', statusName: '待审核', mode: 'tongdui', modeName: '通兑（机构申请）', serviceCategory: 'testing', serviceCategoryName: '检验检测' });
    const claimed = (await provider.request('GET', `/api/vouchers/bookings?providerId=${providerId}`)).json<{ items: { id: number }[] }>().items.find((x) => x.id === b.id);
    expect(claimed).toMatchObject({ status: 'claimed', statusName: '已申请兑付', serviceCategoryName: '检验检测' });
    const claimId = claim.json<{ id: number }>().id;
    expect((await provider.request('POST', `/api/vouchers/claims/${claimId}/approve`, {})).statusCode).toBe(403);
    expect((await xihu.request('POST', `/api/vouchers/claims/${claimId}/approve`, {})).statusCode).toBe(403);
    const ok = await officer.request('POST', `/api/vouchers/claims/${claimId}/approve`, { note: '材料齐全' });
    expect(ok.json()).toMatchObject({ status: 'approved', statusName: '已通过' });
    expect((await enterprise.request('GET', `/api/vouchers/holders/${ownHolderId}/balance?policyId=${policyId}`)).json().redeemed).toBe(1_500);
    const batch = await officer.request('POST', '/api/vouchers/settlements', {
      policyId,
      providerId,
    });
    expect(batch.statusCode).toBe(201);
    expect(batch.json()).toMatchObject({ total: 1_500, status: 'pending', statusName: '待付款' });
    const id = batch.json<{ id: number }>().id;
    const file = await provider.request('GET', `/api/vouchers/settlements/${id}/export`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.readUInt32LE(0)).toBe(0x04034b50);
    expect((await enterprise.request('GET', `/api/vouchers/settlements/${id}`)).statusCode).toBe(403);
    // 登记付款 names the payment: no reference or a date in the future is refused on its field.
    const pay = (body: object) => officer.request('POST', `/api/vouchers/settlements/${id}/pay`, body);
    expect((await pay({ paidOn: '2016-03-01' })).statusCode).toBe(400);
    const future = await pay({ paymentRef: 'ZH20160301-0001', paidOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.fields[0].field).toBe('paidOn');
    const today = businessToday();
    const paid = await pay({ paymentRef: 'ZH20160301-0001', paidOn: today });
    expect(paid.json()).toMatchObject({ status: 'paid', statusName: '已付款', paymentRef: 'ZH20160301-0001', paidOn: today });
    expect((await pay({ paymentRef: 'ZH20160301-0001', paidOn: today })).statusCode).toBe(409);
  });

  it('when the holder paid in full and claims (通用), then only its own user may claim and a partial payment is refused', async () => {
    const b = (await enterprise.request('POST', '/api/vouchers/bookings', bookingBody({ amount: 1_000, contractAmount: 2_000 }))).json<{ id: number }>();
    expect(
      (
        await provider.request('POST', '/api/vouchers/claims', {
          bookingId: b.id,
          mode: 'tongyong',
          contractNo: 'HT',
          evidenceRef: 'FP',
          paidAmount: 2_000,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await enterprise.request('POST', '/api/vouchers/claims', {
          bookingId: b.id,
          mode: 'tongyong',
          contractNo: 'HT',
          evidenceRef: 'FP',
          paidAmount: 1_999,
        })
      ).statusCode,
    ).toBe(400);
    await attachEvidence(t.app, enterprise, b.id);
    const c = await enterprise.request('POST', '/api/vouchers/claims', {
      bookingId: b.id,
      mode: 'tongyong',
      contractNo: 'HT',
      evidenceRef: 'FP',
      paidAmount: 2_000,
    });
    expect(c.statusCode).toBe(201);
    const r = await officer.request('POST', `/api/vouchers/claims/${c.json<{ id: number }>().id}/reject`, { note: '发票抬头不符' });
    expect(r.json().status).toBe('rejected');
  });

  it('when an approved, unsettled claim is reversed, then the amount returns to the holder; a settled one cannot be', async () => {
    const balance = async () => (await officer.request('GET', `/api/vouchers/holders/${ownHolderId}/balance?policyId=${policyId}`)).json<{ available: number; redeemed: number }>();
    const b = (await enterprise.request('POST', '/api/vouchers/bookings', bookingBody({ amount: 700, contractAmount: 1_400 }))).json<{ id: number }>();
    await attachEvidence(t.app, provider, b.id);
    const c = (await provider.request('POST', '/api/vouchers/claims', { bookingId: b.id, mode: 'tongdui', contractNo: 'HT-R', evidenceRef: 'YS-R' })).json<{ id: number }>();
    await officer.request('POST', `/api/vouchers/claims/${c.id}/approve`, {});
    const before = await balance();
    expect((await provider.request('POST', `/api/vouchers/claims/${c.id}/reverse`, { note: '核实为虚假服务' })).statusCode).toBe(403);
    const r = await officer.request('POST', `/api/vouchers/claims/${c.id}/reverse`, { note: '核实为虚假服务' });
    expect(r.statusCode).toBe(200);
    expect(r.json().status).toBe('reversed');
    const after = await balance();
    expect(after.redeemed).toBeCloseTo(before.redeemed - 700, 2);
    expect(after.available).toBeCloseTo(before.available + 700, 2);
    const settled = (await officer.request('GET', '/api/vouchers/claims?status=approved&limit=100')).json<{ items: { id: number; settlementId: number | null }[] }>().items.find((x) => x.settlementId !== null);
    if (settled) {
      expect((await officer.request('POST', `/api/vouchers/claims/${settled.id}/reverse`, { note: '已付款不可冲正' })).statusCode).toBe(409);
    }
    expect((await auditor.request('GET', '/api/vouchers/ledger/check')).json().balanced).toBe(true);
  });

  it('when a provider lists claims and bookings, then it sees only its own organisation’s', async () => {
    const claims = (await provider.request('GET', '/api/vouchers/claims?limit=100')).json<{ items: { providerId: number }[] }>();
    expect(claims.items.length).toBeGreaterThan(0);
    expect(claims.items.every((c) => c.providerId === providerId)).toBe(true);
    const bookings = (await provider.request('GET', '/api/vouchers/bookings?limit=100')).json<{ items: { providerId: number }[] }>();
    expect(bookings.items.every((b) => b.providerId === providerId)).toBe(true);
    expect((await provider.request('POST', `/api/vouchers/providers/${otherProviderId}/services`, { category: 'testing', name: '越权服务', price: 100 })).statusCode).toBe(403);
    expect((await provider.request('POST', `/api/vouchers/providers/${providerId}/services`, { category: 'testing', name: '材料成分检测', price: 3_000 })).statusCode).toBe(201);
  });
});

describe('voucher statistics, flags and the ledger check', () => {
  it('when officers and the auditor read statistics and the ledger check, then figures are consistent; enterprises may not', async () => {
    const year = Number(businessToday().slice(0, 4)); // the business year (the harness pins the demo's)
    const s = await auditor.request('GET', `/api/vouchers/statistics?year=${year}&by=district`);
    expect(s.statusCode).toBe(200);
    expect(s.json().totals.issued).toBeGreaterThanOrEqual(40_000);
    expect((await enterprise.request('GET', `/api/vouchers/statistics?year=${year}`)).statusCode).toBe(403);
    const check = await auditor.request('GET', '/api/vouchers/ledger/check');
    expect(check.json()).toMatchObject({ balanced: true });
    expect((await enterprise.request('GET', '/api/vouchers/ledger/check')).statusCode).toBe(403);
  });

  it('when the officer scans and resolves a flag, then the resolution is audited and the auditor cannot resolve', async () => {
    expect((await officer.request('POST', '/api/vouchers/flags/scan')).statusCode).toBe(200);
    const flags = (await officer.request('GET', '/api/vouchers/flags?limit=50')).json<{ items: { id: number; status: string; statusName: string }[] }>();
    for (const f of flags.items) {
      expect(f.statusName).toBe({ open: '待处理', dismissed: '已排除', confirmed: '已确认' }[f.status]);
    }
    if (flags.items.length > 0) {
      const id = flags.items[0].id;
      expect(
        (
          await auditor.request('POST', `/api/vouchers/flags/${id}/resolve`, {
            resolution: 'dismissed',
            note: '已核实',
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await officer.request('POST', `/api/vouchers/flags/${id}/resolve`, {
            resolution: 'dismissed',
            note: '已核实，无关联',
          })
        ).statusCode,
      ).toBe(200);
    }
    const audit = await auditor.request('GET', '/api/audit?objectType=voucher_booking');
    expect(audit.statusCode).toBe(200);
  });
});
