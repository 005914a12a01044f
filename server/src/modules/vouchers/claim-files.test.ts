import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { attachEvidence, PDF, uploadClaimFile } from './claim-files.fixtures.js';
import { businessToday } from './vouchers.common.js';

let t: TestApp;
let officer: Session, enterprise: Session, provider: Session, xihu: Session, binjiang: Session, auditor: Session;
let policyId: number, holderId: number, providerId: number, serviceId: number, consultingServiceId: number;

beforeAll(async () => {
  t = await createTestApp();
  [officer, enterprise, provider, xihu, binjiang, auditor] = await Promise.all(['officer', 'enterprise', 'provider', 'xihu', 'binjiang', 'auditor'].map((u) => loginAs(t.app, u)));
  const p = await officer.request('POST', '/api/vouchers/policies', { year: 2097, name: '兑付材料测试政策', budget: 500_000, enterpriseCap: 100_000, teamCap: 30_000, coverageRatio: 0.5, validUntil: '2097-12-31', categories: ['testing', 'consulting'] });
  policyId = p.json<{ id: number }>().id;
  holderId = (await enterprise.request('GET', '/api/vouchers/holders')).json<{ items: { id: number }[] }>().items[0].id;
  providerId = (await provider.request('GET', '/api/vouchers/providers/me')).json<{ id: number }>().id;
  const add = (category: string, name: string) => provider.request('POST', `/api/vouchers/providers/${providerId}/services`, { category, name, price: 6_000 });
  serviceId = (await add('testing', '环境可靠性试验')).json<{ id: number }>().id;
  consultingServiceId = (await add('consulting', '技术路线咨询')).json<{ id: number }>().id;
  expect((await officer.request('POST', '/api/vouchers/issuances', { policyId, holderId, amount: 10_000 })).statusCode).toBe(201);
});
afterAll(async () => {
  await t.close();
});

const book = (over: Record<string, unknown> = {}) =>
  enterprise.request('POST', '/api/vouchers/bookings', { holderId, policyId, providerId, serviceCategory: 'testing', serviceId, serviceStart: businessToday(), serviceEnd: '2097-06-30', contractAmount: 2_000, amount: 1_000, ...over });
const fieldOf = (r: { json: () => unknown }) => (r.json() as { error: { details: { fields: { field: string; message: string }[] } } }).error.details.fields[0];

describe('booking from the provider catalogue with service dates', () => {
  it('when the holder books, then the service and its dates are kept and answered', async () => {
    const r = await book();
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ serviceId, serviceName: '环境可靠性试验', serviceStart: businessToday(), serviceEnd: '2097-06-30' });
  });

  it('when the service or its dates are missing or wrong, then 400 on that field and nothing is frozen', async () => {
    const before = (await enterprise.request('GET', `/api/vouchers/holders/${holderId}/balance?policyId=${policyId}`)).json<{ frozen: number }>().frozen;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ serviceId: undefined }, 'serviceId', /服务目录/],
      [{ serviceId: consultingServiceId }, 'serviceId', /类别/],
      [{ serviceStart: undefined, serviceEnd: undefined }, 'serviceStart', /日期/],
      [{ serviceEnd: '2001-01-01' }, 'serviceEnd', /不能早于开始日期/],
      [{ serviceStart: '2001-01-01', serviceEnd: '2001-01-02' }, 'serviceStart', /预约日/],
      [{ serviceEnd: '2098-01-01' }, 'serviceEnd', /有效期/],
    ];
    for (const [over, field, message] of cases) {
      const r = await book(over);
      expect(r.statusCode, JSON.stringify(over)).toBe(400);
      expect(fieldOf(r)).toMatchObject({ field, message: expect.stringMatching(message) });
    }
    expect((await enterprise.request('GET', `/api/vouchers/holders/${holderId}/balance?policyId=${policyId}`)).json<{ frozen: number }>().frozen).toBe(before);
  });

  it('when the amount is above the contract ratio or the balance, then it is refused on the amount field with the figure, never cut', async () => {
    const ratio = await book({ contractAmount: 20_000, amount: 12_000 });
    expect(ratio.statusCode).toBe(400);
    expect(fieldOf(ratio)).toMatchObject({ field: 'amount', message: expect.stringContaining('10,000.00元') });
    const balance = await book({ contractAmount: 40_000, amount: 20_000 });
    expect(balance.statusCode).toBe(409);
    expect(balance.json().error.code).toBe('insufficient_balance');
    expect(fieldOf(balance)).toMatchObject({ field: 'amount', message: expect.stringMatching(/可用余额 [\d,]+\.\d{2}元/) });
  });
});

describe('claim evidence files', () => {
  it('when a file is empty, of another type, or its content does not match its extension, then 400 on the file field', async () => {
    const b = (await book()).json<{ id: number }>();
    expect((await uploadClaimFile(t.app, provider, b.id, 'acceptance', Buffer.alloc(0))).statusCode).toBe(400);
    const exe = await uploadClaimFile(t.app, provider, b.id, 'acceptance', Buffer.from('MZ\x90\x00'), '验收.exe');
    expect(exe.json().error).toMatchObject({ code: 'attachment_invalid', details: { fields: [{ field: 'file' }] } });
    const fake = await uploadClaimFile(t.app, provider, b.id, 'invoice', Buffer.from('<html>not a pdf</html>'), '发票.pdf');
    expect(fake.json().error.message).toMatch(/不符/);
    expect((await uploadClaimFile(t.app, provider, b.id, 'contract')).statusCode).toBe(400);
    const big = await uploadClaimFile(t.app, provider, b.id, 'acceptance', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
  });

  it('when someone other than the holder, its provider or the city officer uploads, then refused; another district cannot see the booking', async () => {
    const b = (await book()).json<{ id: number }>();
    expect((await uploadClaimFile(t.app, xihu, b.id, 'acceptance')).statusCode).toBe(403);
    expect((await uploadClaimFile(t.app, auditor, b.id, 'acceptance')).statusCode).toBe(403);
    expect((await uploadClaimFile(t.app, binjiang, b.id, 'acceptance')).statusCode).toBe(404);
  });

  it('when the provider claims without the files, then 400 lists each missing file; with them the officer sees and downloads them (audited), another district not', async () => {
    const b = (await book()).json<{ id: number }>();
    const claim = () => provider.request('POST', '/api/vouchers/claims', { bookingId: b.id, mode: 'tongdui', contractNo: 'HT-F1', evidenceRef: 'YS-F1' });
    const missing = await claim();
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(['files.acceptance', 'files.invoice']);
    // a second upload of the same kind replaces the first
    await uploadClaimFile(t.app, provider, b.id, 'acceptance', PDF, '旧验收报告.pdf');
    await attachEvidence(t.app, provider, b.id);
    const staged = (await enterprise.request('GET', `/api/vouchers/bookings/${b.id}/files`)).json<{ items: { kind: string; fileName: string }[] }>().items;
    expect(staged.map((f) => [f.kind, f.fileName])).toEqual([
      ['acceptance', '服务验收报告.pdf'],
      ['invoice', '服务发票.pdf'],
    ]);
    const c = await claim();
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json<{ id: number }>().id;
    expect((await enterprise.request('GET', `/api/vouchers/bookings/${b.id}/files`)).json().items).toEqual([]);
    const files = (await officer.request('GET', `/api/vouchers/claims/${id}/files`)).json<{ items: { id: number; kindName: string; size: number }[] }>().items;
    expect(files.map((f) => f.kindName)).toEqual(['服务验收报告', '服务发票']);
    const dl = await officer.request('GET', `/api/vouchers/claim-files/${files[0].id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect((await xihu.request('GET', `/api/vouchers/claim-files/${files[0].id}`)).statusCode).toBe(200);
    expect((await binjiang.request('GET', `/api/vouchers/claim-files/${files[0].id}`)).statusCode).toBe(404);
    expect((await binjiang.request('GET', `/api/vouchers/claims/${id}/files`)).statusCode).toBe(404);
    const audit = (await auditor.request('GET', `/api/audit?objectType=voucher_booking&objectId=${b.id}`)).json<{ items: { action: string }[] }>().items.map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['voucher.claim_file.upload', 'voucher.claim_file.download']));
    // after a refusal the booking takes a new claim, with new files
    expect((await officer.request('POST', `/api/vouchers/claims/${id}/reject`, { note: '验收报告未盖章' })).statusCode).toBe(200);
    expect((await claim()).statusCode).toBe(400);
    expect((await officer.request('GET', `/api/vouchers/claims/${id}/files`)).json().items).toHaveLength(2);
  });

  it('when a booking is already claimed, then no file can be uploaded to it', async () => {
    const b = (await book()).json<{ id: number }>();
    await attachEvidence(t.app, enterprise, b.id);
    expect((await enterprise.request('POST', '/api/vouchers/claims', { bookingId: b.id, mode: 'tongyong', contractNo: 'HT-F2', evidenceRef: 'FP-F2', paidAmount: 2_000 })).statusCode).toBe(201);
    expect((await uploadClaimFile(t.app, enterprise, b.id, 'invoice')).statusCode).toBe(409);
  });
});
