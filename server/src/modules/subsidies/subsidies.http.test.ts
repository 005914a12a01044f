import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { balances, checkBook } from '../ledger/index.js';
import { SUBSIDY_BOOK } from './index.js';

let t: TestApp;
let enterprise: Session, xihu: Session, binjiang: Session, officer: Session, auditor: Session, treasurer: Session;
let enterpriseId: number;
const PDF = Buffer.from('%PDF-1.4\n%测试\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const loan = (contractNo: string, principal = 2_000_000) => ({ bank: '杭州银行', contractNo, principal, rate: 4.9, startOn: '2016-01-15', endOn: '2017-01-15' });
const application = (loans = [loan('HZ2016-001')]) => ({ programme: 'eagle', year: 2016, contactName: '王会计', contactPhone: '0571-88886666', loans });

beforeAll(async () => {
  t = await createTestApp();
  [enterprise, xihu, binjiang, officer, auditor, treasurer] = await Promise.all(['enterprise', 'xihu', 'binjiang', 'officer', 'auditor', 'treasurer'].map((u) => loginAs(t.app, u)));
  enterpriseId = (await enterprise.request('GET', '/api/auth/me')).json<{ organization: { enterpriseId: number } }>().organization.enterpriseId;
  // the demo enterprise becomes a 雏鹰 firm in 2015 (the seed gives it none)
  await t.deps.database.db.execute(
    sql`insert into recognitions (type, enterprise_id, district_id, certificate_no, issued_on) select 'eagle', id, district_id, 'CY-TEST-0001', '2015-08-18' from enterprises where id = ${enterpriseId}`,
  );
});
afterAll(async () => t.close());

describe('POST /api/finance/interest-subsidy/evaluate (public, RULES §7)', () => {
  it('when anyone evaluates the example loan without signing in, then the answer has the contract fields in yuan', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/finance/interest-subsidy/evaluate', payload: { programme: 'eagle', year: 2015, loans: [{ principal: 1000000, rate: 5.6, startOn: '2015-01-10', endOn: '2016-01-10' }] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      programme: 'eagle',
      year: 2015,
      lines: [{ bucket: '1y', benchmarkRate: 5.6, rateUsed: 5.6, days: 356, interestBase: 55377.78, subsidy: 27688.89 }],
      sum: 27688.89,
      cap: 100000,
      amount: 27688.89,
    });
  });

  it('when a qinglan firm borrows more than the cap allows, then the amount is its cap of 200,000', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/finance/interest-subsidy/evaluate', payload: { programme: 'qinglan', year: 2015, loans: [{ principal: 20000000, rate: 6, startOn: '2015-01-10', endOn: '2016-01-10' }] } });
    expect(res.json()).toMatchObject({ cap: 200000, amount: 200000, sum: 553777.78 });
  });

  it('when the principal or rate is not positive, the end is not after the start or the programme is unknown, then 400 names each field in Chinese', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/finance/interest-subsidy/evaluate',
      payload: { programme: 'dragon', year: 2015, loans: [{ principal: 0, rate: -1, startOn: '2015-03-01', endOn: '2015-03-01' }] },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ error: { code: string; details: { fields: { field: string; message: string }[] } } }>().error.details.fields;
    expect(fields.map((f) => f.field).sort()).toEqual(['loans.0.endOn', 'loans.0.principal', 'loans.0.rate', 'programme']);
    expect(fields.find((f) => f.field === 'loans.0.endOn')!.message).toBe('还款日须晚于放款日');
    expect(fields.find((f) => f.field === 'loans.0.principal')!.message).toBe('贷款本金须大于0');
  });

  it('when a loan starts outside 2014-11-22 … 2019-08-19, then 422 benchmark_unknown names that loan', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/finance/interest-subsidy/evaluate',
      payload: { programme: 'eagle', year: 2015, loans: [{ principal: 100, rate: 5, startOn: '2015-01-10', endOn: '2016-01-10' }, { principal: 100, rate: 5, startOn: '2014-11-21', endOn: '2015-11-21' }] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'benchmark_unknown', details: { fields: [{ field: 'loans.1.startOn' }] } } });
    const late = await t.app.inject({ method: 'POST', url: '/api/finance/interest-subsidy/evaluate', payload: { programme: 'eagle', year: 2019, loans: [{ principal: 100, rate: 5, startOn: '2019-08-20', endOn: '2020-08-20' }] } });
    expect(late.statusCode).toBe(422);
  });
});

describe('performance assessment and the subsidy application', () => {
  let caseId: number;

  it('when the firm applies before its previous year was assessed, then it is refused with the reason', async () => {
    const res = await enterprise.request('POST', '/api/interest-subsidies', application());
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('2015年度雏鹰计划绩效考核尚未完成');
  });

  it('when the firm reports its 2015 figures and its district grades them 合格, then the other district cannot see them', async () => {
    const rep = await enterprise.request('POST', '/api/performance-assessments', { programme: 'eagle', year: 2015, revenue: 12000000, rdSpend: 1500000, tax: 600000, employees: 46, newJobs: 9, ipCount: 4, summary: '完成新一代产品研发' });
    expect(rep.statusCode, rep.body).toBe(200);
    const id = rep.json<{ id: number }>().id;
    expect((await binjiang.request('POST', `/api/performance-assessments/${id}/grade`, { grade: 'pass' })).statusCode).toBe(404);
    expect((await xihu.request('POST', `/api/performance-assessments/${id}/grade`, { grade: 'fail' })).json().error.details.fields[0].field).toBe('comment');
    const graded = await xihu.request('POST', `/api/performance-assessments/${id}/grade`, { grade: 'pass' });
    expect(graded.json()).toMatchObject({ grade: 'pass', gradeName: '合格' });
    expect((await enterprise.request('POST', '/api/performance-assessments', { programme: 'eagle', year: 2015, revenue: 1, rdSpend: 1, tax: 1, employees: 1, newJobs: 1, ipCount: 1 })).statusCode).toBe(409);
  });

  it('when the firm applies with its loans, then the requested amount is the calculator’s; the same loan in a second claim is refused', async () => {
    const res = await enterprise.request('POST', '/api/interest-subsidies', application([loan('HZ2016-001'), loan('HZ2016-002', 800000)]));
    expect(res.statusCode, res.body).toBe(201);
    const app = res.json<{ id: number; status: string; requested: number; calculation: { amount: number; lines: { days: number }[] } }>();
    caseId = app.id;
    expect(app.status).toBe('draft');
    // 2,000,000 × 4.35% × 352/360 (2016 is a leap year) × 50% = 42533.33; 800,000 → 17013.33
    expect(app.calculation.lines.map((l) => l.days)).toEqual([352, 352]);
    expect(app.requested).toBe(59546.66);
    const dup = await enterprise.request('POST', '/api/interest-subsidies', application([loan('HZ2016-009'), loan('HZ2016-002')]));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.fields).toEqual([{ field: 'loans.1.contractNo', message: expect.stringContaining('不能重复申请') }]);
    const [{ n }] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from interest_subsidy_loans where contract_no = 'HZ2016-009'`);
    expect(n).toBe(0);
  });

  it('when the firm submits without its contracts and receipts, then 400 names the missing attachments; a renamed text file is refused', async () => {
    const res = await enterprise.request('POST', `/api/interest-subsidies/${caseId}/actions`, { action: 'submit' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['attachments.interest_receipt', 'attachments.loan_contract']);
    const fake = multipartFile(Buffer.from('not a pdf'), '合同.pdf', 'application/pdf');
    expect((await enterprise.request('POST', `/api/interest-subsidies/${caseId}/attachments/loan_contract`, fake.payload, fake.headers)).statusCode).toBe(400);
  });

  it('when the case goes submit → district → city → the payment desk, then the approved amount is paid from the ledger and the case is 已拨付', async () => {
    for (const code of ['loan_contract', 'interest_receipt']) {
      const f = multipartFile(PDF, `${code}.pdf`, 'application/pdf');
      const up = await enterprise.request('POST', `/api/interest-subsidies/${caseId}/attachments/${code}`, f.payload, f.headers);
      expect(up.statusCode, up.body).toBe(201);
    }
    expect((await enterprise.request('POST', `/api/interest-subsidies/${caseId}/actions`, { action: 'submit' })).json().status).toBe('submitted');
    expect((await enterprise.request('POST', `/api/interest-subsidies/${caseId}/actions`, { action: 'district_pass' })).statusCode).toBe(403);
    expect((await binjiang.request('POST', `/api/interest-subsidies/${caseId}/actions`, { action: 'district_pass' })).statusCode).toBe(404);
    expect((await xihu.request('POST', `/api/interest-subsidies/${caseId}/actions`, { action: 'district_pass' })).json().status).toBe('district_passed');
    expect((await auditor.request('POST', `/api/interest-subsidies/${caseId}/actions`, { action: 'city_approve' })).statusCode).toBe(403);
    const approved = await officer.request('POST', `/api/interest-subsidies/${caseId}/actions`, { action: 'city_approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approved: 59546.66, payments: [{ amount: 59546.66 }] });

    const [order] = (await treasurer.request('GET', `/api/payments?caseId=${caseId}`)).json<{ items: { id: number }[] }>().items;
    for (const step of ['approve', 'send']) {
      const r = await treasurer.request('POST', `/api/payments/${order.id}/${step}`, {});
      expect(r.statusCode, r.body).toBe(200);
    }
    const confirmed = await treasurer.request('POST', `/api/payments/${order.id}/confirm`, { bankReference: 'BOC20160912001', paidOn: '2016-09-12' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const detail = (await enterprise.request('GET', `/api/interest-subsidies/${caseId}`)).json();
    expect(detail).toMatchObject({ status: 'paid', statusName: '已拨付', paidOn: '2016-09-12' });
    const [paid] = await balances(t.deps.database.db, SUBSIDY_BOOK, { kinds: ['paid'], scope: caseId });
    expect(paid.balanceFen).toBe(5_954_666);
    expect(await checkBook(t.deps.database.db, SUBSIDY_BOOK)).toEqual({ unbalancedMovements: 0, incompleteMovements: 0, foreignEntries: 0, driftedAccounts: 0, wrongSideAccounts: 0, foreignReversals: 0, totalFen: 0 });
  });

  it('when the city regrades the 2015 assessment 不合格, then a new claim is refused with the reason and the answer names the recognition to revoke', async () => {
    const list = (await officer.request('GET', '/api/performance-assessments?year=2015&programme=eagle&limit=200')).json<{ items: { id: number; enterpriseId: number }[] }>();
    const mine = list.items.find((a) => a.enterpriseId === enterpriseId)!;
    const failed = await officer.request('POST', `/api/performance-assessments/${mine.id}/grade`, { grade: 'fail', comment: '研发投入未达培育计划书目标' });
    expect(failed.json()).toMatchObject({ grade: 'fail', recognitionId: expect.any(Number) });
    const res = await enterprise.request('POST', '/api/interest-subsidies', application([loan('HZ2016-077')]));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('绩效考核不合格（研发投入未达培育计划书目标），停止贴息');
  });

  it('when the auditor and the other district list the applications, then the auditor sees them read-only and binjiang not the xihu case', async () => {
    const a = (await auditor.request('GET', '/api/interest-subsidies?year=2016&limit=200')).json<{ items: { id: number }[] }>();
    expect(a.items.map((i) => i.id)).toContain(caseId);
    const b = (await binjiang.request('GET', '/api/interest-subsidies?year=2016&limit=200')).json<{ items: { id: number }[] }>();
    expect(b.items.map((i) => i.id)).not.toContain(caseId);
    expect((await auditor.request('GET', `/api/interest-subsidies/${caseId}`)).json().actions).toEqual([]);
  });
});
