import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { checkBook } from '../ledger/index.js';
import { FUNDS_BOOK } from './funds.book.js';
import { DEMO_FUND_MANAGER, FUND_FIGURES_2015 } from './funds.seed.js';

let t: TestApp;
let officer: Session, officer2: Session, fund: Session, auditor: Session, enterprise: Session, xihu: Session;

type Fund = { id: number; name: string; managerName: string; programme: string; status: string; uncalled: number; paidIn: number; version: number };
type Field = { field: string; message: string };
const fieldsOf = (body: string) => (JSON.parse(body) as { error: { details: { fields: Field[] } } }).error.details.fields;

beforeAll(async () => {
  t = await createTestApp();
  [officer, fund, auditor, enterprise, xihu] = await Promise.all(['officer', 'fund', 'auditor', 'enterprise', 'xihu'].map((u) => loginAs(t.app, u)));
  const admin = await loginAs(t.app, 'admin');
  const bureau = (await officer.request('GET', '/api/auth/me')).json<{ organization: { id: number } }>().organization.id;
  const res = await admin.request('POST', '/api/users', { username: 'funds.checker', displayName: '复核人', organizationId: bureau, roles: ['city_officer'], password: 'Funds#Checker2026' });
  expect(res.statusCode, res.body).toBe(201);
  officer2 = await loginAs(t.app, 'funds.checker', 'Funds#Checker2026');
});
afterAll(async () => {
  await t.close();
});

const indicators = async (year: number) =>
  new Map((await officer.request('GET', `/api/indicators?year=${year}`)).json<{ items: { code: string; value: number | null; target: number | null }[] }>().items.map((i) => [i.code, i]));

describe('indicators from the demo records', () => {
  it('when the 2015 figures are computed, then they equal the published ones (INDICATORS.md)', async () => {
    const f = await indicators(2015);
    const v = (code: string) => f.get(code)?.value;
    expect(v('guidance_fund.partner_funds')).toBe(FUND_FIGURES_2015.guidancePartners);
    expect(v('guidance_fund.scale')).toBe(4_650_000_000);
    expect(v('guidance_fund.invested_projects')).toBe(198);
    expect(v('guidance_fund.invested_amount')).toBe(2_622_000_000);
    expect(v('angel_fund.partner_funds')).toBe(13);
    expect(v('angel_fund.new')).toBe(8);
    expect(v('angel_fund.scale')).toBe(729_000_000);
    expect(v('overseas.projects_invested')).toBe(20);
    expect(v('overseas.projects_returned')).toBe(3);
  });

  it('when the 2016 targets are read, then the seed conflict is shown beside the new-partner target', async () => {
    const f = await indicators(2016);
    expect(f.get('guidance_fund.new_partners')?.target).toBe(15);
    expect(f.get('guidance_fund.partner_funds')?.target).toBe(60);
  });

  it('when the records behind the invested amount are listed, then they add up to the figure', async () => {
    const res = await officer.request('GET', '/api/indicators/guidance_fund.invested_amount/records?year=2015&limit=500');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ total: number; items: { amount: number }[] }>();
    expect(body.total).toBe(198);
  });

  it('when the district split is read, then the districts never exceed the city-wide partner funds', async () => {
    const res = await officer.request('GET', '/api/indicators?year=2015&district=西湖区');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: { code: string; value: number | null }[] }>().items;
    expect(items.find((i) => i.code === 'guidance_fund.partner_funds')!.value).toBeLessThan(33);
  });
});

describe('partner funds and the ledger', () => {
  it('when a fund manager lists funds, then it sees only its own organisation’s', async () => {
    const mine = (await fund.request('GET', '/api/funds/partner-funds')).json<{ items: Fund[] }>().items;
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((f) => f.managerName))).toEqual(new Set([DEMO_FUND_MANAGER]));
    const all = (await auditor.request('GET', '/api/funds/partner-funds')).json<{ items: Fund[] }>().items;
    expect(all.length).toBeGreaterThan(mine.length);
    const other = all.find((f) => f.managerName !== DEMO_FUND_MANAGER)!;
    expect((await fund.request('GET', `/api/funds/partner-funds/${other.id}`)).statusCode).toBe(404);
    expect((await enterprise.request('GET', '/api/funds/partner-funds')).statusCode).toBe(403);
    expect((await xihu.request('GET', '/api/funds/programmes')).statusCode).toBe(403);
  });

  it('when a capital call exceeds the uncalled commitment, then it is refused on the amount and nothing is written', async () => {
    const f = (await officer.request('GET', '/api/funds/partner-funds?status=active')).json<{ items: Fund[] }>().items.find((x) => x.uncalled > 0)!;
    const res = await officer.request('POST', `/api/funds/partner-funds/${f.id}/movements`, { kind: 'call', amount: f.uncalled + 0.01, valueDate: '2016-09-01' });
    expect(res.statusCode, res.body).toBe(409);
    expect(fieldsOf(res.body)[0].field).toBe('amount');
    const bad = await officer.request('POST', `/api/funds/partner-funds/${f.id}/movements`, { kind: 'call', amount: -5, valueDate: '2016-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.body).map((x) => x.field).sort()).toEqual(['amount', 'valueDate']);
  });

  it('when a call is requested, then its maker cannot approve it, another officer posts it, and the fund’s paid-in grows by exactly the amount', async () => {
    const f = (await officer.request('GET', '/api/funds/partner-funds?status=active')).json<{ items: Fund[] }>().items.find((x) => x.uncalled >= 1_000_000)!;
    const req = await officer.request('POST', `/api/funds/partner-funds/${f.id}/movements`, { kind: 'call', amount: 1_000_000, valueDate: '2016-09-05', memo: '测试出资' });
    expect(req.statusCode, req.body).toBe(201);
    const id = req.json<{ id: number; status: string }>().id;
    // a second request for the rest plus one yuan is refused: the pending call holds its share
    const over = await officer.request('POST', `/api/funds/partner-funds/${f.id}/movements`, { kind: 'call', amount: f.uncalled - 1_000_000 + 1, valueDate: '2016-09-05' });
    expect(over.statusCode).toBe(409);
    expect((await officer.request('POST', `/api/funds/movements/${id}/approve`)).statusCode).toBe(403);
    expect((await auditor.request('POST', `/api/funds/movements/${id}/approve`)).statusCode).toBe(403);
    const ok = await officer2.request('POST', `/api/funds/movements/${id}/approve`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await officer2.request('POST', `/api/funds/movements/${id}/approve`)).statusCode).toBe(409);
    const after = (await officer.request('GET', `/api/funds/partner-funds/${f.id}`)).json<Fund>();
    expect(after.paidIn).toBeCloseTo(f.paidIn + 1_000_000, 2);
    expect(after.uncalled).toBeCloseTo(f.uncalled - 1_000_000, 2);
    const check = await checkBook(t.deps.database.db, FUNDS_BOOK);
    expect(check).toMatchObject({ unbalancedMovements: 0, incompleteMovements: 0, foreignEntries: 0, driftedAccounts: 0, wrongSideAccounts: 0, totalFen: 0 });
  });

  it('when a fund is registered with a commitment above the programme’s available money, then it is refused and no fund is created', async () => {
    const [programme] = (await officer.request('GET', '/api/funds/programmes')).json<{ items: { code: string; available: number }[] }>().items;
    const managers = (await officer.request('GET', '/api/funds/managers')).json<{ items: { id: number }[] }>().items;
    const body = { programme: programme.code, name: '杭州测试超额创业投资合伙企业（有限合伙）', managerOrgId: managers[0].id, scale: (programme.available + 10) * 4, commitment: programme.available + 10, setUpOn: '2016-09-01', status: 'setting_up' };
    const res = await officer.request('POST', '/api/funds/partner-funds', body);
    expect(res.statusCode, res.body).toBe(409);
    expect(fieldsOf(res.body)[0].field).toBe('commitment');
    const created = await officer.request('POST', '/api/funds/partner-funds', { ...body, commitment: 1_000_000, scale: 5_000_000 });
    expect(created.statusCode, created.body).toBe(201);
    const list = (await officer.request('GET', '/api/funds/partner-funds')).json<{ items: Fund[] }>().items;
    expect(list.filter((f) => f.name === body.name)).toHaveLength(1);
    expect(list.find((f) => f.name === body.name)!.uncalled).toBe(1_000_000);
  });
  it('when two call requests race for more than the uncalled commitment together, then exactly one is accepted', async () => {
    const f = (await officer.request('GET', '/api/funds/partner-funds?status=active')).json<{ items: Fund[] }>().items.filter((x) => x.uncalled >= 2_000_000).at(-1)!;
    const share = Math.floor((f.uncalled * 0.6) / 100) * 100;
    const results = await Promise.all([officer, officer2].map((s) => s.request('POST', `/api/funds/partner-funds/${f.id}/movements`, { kind: 'call', amount: share, valueDate: '2016-09-06' })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('when a fund exits, then its uncalled commitment returns to the programme and no further call is accepted', async () => {
    const funds = (await officer.request('GET', '/api/funds/partner-funds?programme=angel&status=active')).json<{ items: Fund[] }>().items;
    const pending = (await officer.request('GET', '/api/funds/movements?status=pending')).json<{ items: { fundId: number }[] }>().items.map((m) => m.fundId);
    const f = funds.find((x) => x.uncalled > 0 && !pending.includes(x.id))!;
    const before = (await officer.request('GET', '/api/funds/programmes')).json<{ items: { code: string; available: number }[] }>().items.find((p) => p.code === 'angel')!;
    const bad = await officer.request('POST', `/api/funds/partner-funds/${f.id}/status`, { status: 'exited', version: f.version });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.body)[0].field).toBe('exitedOn');
    const res = await officer.request('POST', `/api/funds/partner-funds/${f.id}/status`, { status: 'exited', exitedOn: '2016-09-09', version: f.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Fund>()).toMatchObject({ status: 'exited', uncalled: 0 });
    const after = (await officer.request('GET', '/api/funds/programmes')).json<{ items: { code: string; available: number }[] }>().items.find((p) => p.code === 'angel')!;
    expect(after.available).toBeCloseTo(before.available + f.uncalled, 2);
    expect((await officer.request('POST', `/api/funds/partner-funds/${f.id}/movements`, { kind: 'call', amount: 1, valueDate: '2016-09-09' })).statusCode).toBe(409);
    expect((await officer.request('POST', `/api/funds/partner-funds/${f.id}/status`, { status: 'active', version: f.version + 1 })).statusCode).toBe(409);
  });
});

describe('quarterly reports', () => {
  it('when a fund manager files a report with bad rows, then each problem comes back on its field and nothing is written', async () => {
    const [f] = (await fund.request('GET', '/api/funds/partner-funds?programme=guidance')).json<{ items: Fund[] }>().items;
    const row = { companyName: '杭州测试被投科技有限公司', amount: 5_000_000, round: 'A轮', investedOn: '2016-07-15', industry: '电子信息' };
    const res = await fund.request('POST', '/api/funds/reports', {
      fundId: f.id,
      year: 2016,
      quarter: 3,
      investments: [row, { ...row }, { ...row, companyName: '杭州另一家科技有限公司', investedOn: '2016-06-30' }],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res.body).map((x) => x.field)).toEqual(['investments.1.companyName', 'investments.2.investedOn']);
    const zero = await fund.request('POST', '/api/funds/reports', { fundId: f.id, year: 2016, quarter: 3, investments: [{ ...row, amount: 0 }] });
    expect(zero.statusCode).toBe(400);
    expect(fieldsOf(zero.body)[0].field).toBe('investments.0.amount');
    const future = await fund.request('POST', '/api/funds/reports', { fundId: f.id, year: 2016, quarter: 4, investments: [] });
    expect(future.statusCode).toBe(400);
    expect(fieldsOf(future.body)[0].field).toBe('quarter');
    const reports = (await fund.request('GET', `/api/funds/reports?fundId=${f.id}&year=2016`)).json<{ items: { quarter: number }[] }>().items;
    expect(reports.some((r) => r.quarter === 3)).toBe(false);
  });

  it('when a report is filed, returned, corrected and accepted, then each linked investment is on its enterprise’s timeline', async () => {
    const [f] = (await fund.request('GET', '/api/funds/partner-funds?programme=guidance')).json<{ items: Fund[] }>().items;
    const [ent] = await t.deps.database.rows<{ id: number; uscc: string; name: string; district_id: number }>(sql`select id, uscc, name, district_id from enterprises order by id desc limit 1`);
    const created = await fund.request('POST', '/api/funds/reports', {
      fundId: f.id,
      year: 2016,
      quarter: 3,
      nav: 320_000_000,
      investments: [{ companyName: '随便写的名字有限公司', uscc: ent.uscc, amount: 8_000_000, round: 'B轮', investedOn: '2016-08-18', industry: '电子信息' }],
      valuations: [{ companyName: ent.name, value: 30_000_000 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const report = created.json<{ id: number; status: string; investmentRows: { enterpriseId: number | null; companyName: string; districtId: number | null }[] }>();
    expect(report.status).toBe('draft');
    expect(report.investmentRows[0]).toMatchObject({ enterpriseId: ent.id, companyName: ent.name, districtId: ent.district_id });
    // the same quarter again is a conflict; another manager's fund is invisible
    expect((await fund.request('POST', '/api/funds/reports', { fundId: f.id, year: 2016, quarter: 3, investments: [] })).statusCode).toBe(409);
    expect((await officer.request('POST', `/api/funds/reports/${report.id}/submit`, {})).statusCode).toBe(403);
    expect((await fund.request('POST', `/api/funds/reports/${report.id}/submit`, {})).statusCode).toBe(200);
    expect((await fund.request('POST', `/api/funds/reports/${report.id}/accept`, {})).statusCode).toBe(403);
    const noComment = await officer.request('POST', `/api/funds/reports/${report.id}/return`, {});
    expect(noComment.statusCode).toBe(400);
    expect((await officer.request('POST', `/api/funds/reports/${report.id}/return`, { comment: '请补充估值依据' })).statusCode).toBe(200);
    const detail = (await fund.request('GET', `/api/funds/reports/${report.id}`)).json<{ version: number; status: string; events: { comment: string | null }[] }>();
    expect(detail.status).toBe('returned');
    expect(detail.events.at(-1)!.comment).toBe('请补充估值依据');
    const put = await fund.request('PUT', `/api/funds/reports/${report.id}`, {
      version: detail.version,
      nav: 330_000_000,
      investments: [{ companyName: ent.name, uscc: ent.uscc, amount: 8_000_000, round: 'B轮', investedOn: '2016-08-18', industry: '电子信息' }],
      valuations: [{ companyName: ent.name, value: 32_000_000 }],
      exits: [],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await fund.request('PUT', `/api/funds/reports/${report.id}`, { version: detail.version, investments: [] })).statusCode).toBe(409);
    expect((await fund.request('POST', `/api/funds/reports/${report.id}/submit`, {})).statusCode).toBe(200);
    const before = (await officer.request('GET', `/api/enterprises/${ent.id}`)).json<{ timeline: { module: string }[] }>().timeline.filter((e) => e.module === 'finance').length;
    const accepted = await officer.request('POST', `/api/funds/reports/${report.id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    const timeline = (await officer.request('GET', `/api/enterprises/${ent.id}`)).json<{ timeline: { module: string; title: string }[] }>().timeline.filter((e) => e.module === 'finance');
    expect(timeline).toHaveLength(before + 1);
    expect(timeline[0].title).toContain('B轮');
    // accepted reports are final
    expect((await fund.request('PUT', `/api/funds/reports/${report.id}`, { version: 99, investments: [] })).statusCode).toBe(409);
  });

  it('when an officer looks at the inbox, then submitted reports wait for it', async () => {
    const res = await officer.request('GET', '/api/cases?instrument=fund_reports&mine=true');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ items: unknown[] }>().items.length).toBeGreaterThan(0);
  });
});

describe('overseas projects and charts', () => {
  it('when an overseas project comes back to Hangzhou, then the year’s returned projects count it', async () => {
    const before = (await indicators(2016)).get('overseas.projects_returned')!.value!;
    const created = await officer.request('POST', '/api/funds/overseas', { name: '测试量子传感项目', country: '美国', city: '圣何塞', field: '电子信息', investedOn: '2016-02-01', amount: 2_000_000 });
    expect(created.statusCode, created.body).toBe(201);
    const item = (await officer.request('GET', '/api/funds/overseas')).json<{ items: { id: number; name: string; version: number }[] }>().items.find((o) => o.name === '测试量子传感项目')!;
    const early = await officer.request('POST', `/api/funds/overseas/${item.id}/return`, { returnedOn: '2016-01-01', returnedName: '杭州量感科技有限公司', districtId: 1, version: item.version });
    expect(early.statusCode).toBe(400);
    const back = await officer.request('POST', `/api/funds/overseas/${item.id}/return`, { returnedOn: '2016-09-01', returnedName: '杭州量感科技有限公司', districtId: 1, version: item.version });
    expect(back.statusCode, back.body).toBe(200);
    expect((await indicators(2016)).get('overseas.projects_returned')!.value).toBe(before + 1);
  });

  it('when the charts are read, then the scale series ends at the 2015 figure and the district split sums to the investments', async () => {
    const res = await auditor.request('GET', '/api/funds/stats?year=2015');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json<{ scaleByYear: { year: number; programme: string; scale: number }[]; byDistrict: { projects: number }[]; byIndustry: { projects: number }[] }>();
    expect(s.scaleByYear.find((x) => x.year === 2015 && x.programme === 'guidance')!.scale).toBe(4_650_000_000);
    expect(s.byDistrict.reduce((a, b) => a + b.projects, 0)).toBe(s.byIndustry.reduce((a, b) => a + b.projects, 0));
    expect((await fund.request('GET', '/api/funds/stats')).statusCode).toBe(403);
  });
});
