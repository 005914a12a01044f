import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../../test/harness.js';
import { BUILTIN_CRITERIA } from './rules.data.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const HNTE = {
  applicationDate: '2016-06-01',
  registeredOn: '2012-03-15',
  domain: '电子信息',
  employees: 120,
  stEmployees: 30,
  years: [
    { year: 2013, salesRevenue: 30000000, netAssets: 10000000, rdExpenses: 1800000, rdDomestic: 1800000 },
    { year: 2014, salesRevenue: 40000000, netAssets: 12000000, rdExpenses: 2000000, rdDomestic: 2000000 },
    { year: 2015, salesRevenue: 52000000, netAssets: 14000000, rdExpenses: 2200000, rdDomestic: 2000000 },
  ],
  lastYear: { totalRevenue: 52000000, highTechRevenue: 40000000 },
  ip: { classI: 1, classII: 3 },
  conversions: [2, 4, 3],
  majorIncident: false,
  innovationScore: null,
};

const SME = {
  registeredInChina: true,
  employees: 80,
  stEmployees: 20,
  salesRevenue: 30000000,
  totalAssets: 50000000,
  rdExpenses: 1500000,
  totalCostExpenses: 25000000,
  ip: { classI: 0, classII: 2 },
  restrictedIndustry: false,
  majorIncident: false,
  seriousDishonesty: false,
  direct: { validHnte: false, nationalAwardTop3: false, provincialRdInstitution: false, ledStandard: false },
};

const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as Record<string, unknown> });
type Fields = { error: { code: string; details: { fields: { field: string; message: string }[] } } };

describe('POST /api/rules/hnte/evaluate (public)', () => {
  it('when called without logging in, then it answers the contract fields', async () => {
    const res = await post('/api/rules/hnte/evaluate', HNTE);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ eligible: false, pending: ['innovation_score'], ipQuantityBand: 'A', conversionBand: 'C' });
    expect(body.growth).toEqual({
      netAssetGrowth: expect.any(Number),
      netAssetBand: 'C',
      salesGrowth: expect.any(Number),
      salesBand: 'B',
    });
    const rd = body.conditions.find((c: { code: string }) => c.code === 'rd_ratio');
    expect(rd).toMatchObject({ code: 'rd_ratio', passed: true, threshold: 0.04 });
    expect(rd.value).toBeCloseTo(6_000_000 / 122_000_000, 9);
    expect(body.ruleSet).toMatchObject({ type: 'hnte', effectiveFrom: '2016-01-01' });
  });

  it('when the expert score is above 70 and all holds, then eligible is true', async () => {
    const res = await post('/api/rules/hnte/evaluate', { ...HNTE, innovationScore: 75 });
    expect(res.json()).toMatchObject({ eligible: true, pending: [] });
  });

  it.each([
    ['a missing field', { ...HNTE, employees: undefined }, 'employees', '职工总数为必填项'],
    ['negative staff', { ...HNTE, employees: -1 }, 'employees', '职工总数须大于0'],
    ['more S&T staff than staff', { ...HNTE, stEmployees: 121 }, 'stEmployees', '科技人员数不能多于职工总数'],
    ['an unknown domain', { ...HNTE, domain: '区块链' }, 'domain', '技术领域须为国家重点支持的八大领域之一'],
    ['no years', { ...HNTE, years: [] }, 'years', '至少填写一个会计年度'],
    ['domestic R&D above R&D', { ...HNTE, years: [{ ...HNTE.years[0], rdDomestic: 2_000_000 }] }, 'years.0.rdDomestic', '境内研发费用不能大于研发费用总额'],
    ['non-consecutive years', { ...HNTE, years: [HNTE.years[0], HNTE.years[2]] }, 'years.1.year', '连续'],
    ['three decimals of yuan', { ...HNTE, lastYear: { totalRevenue: 1.001, highTechRevenue: 1 } }, 'lastYear.totalRevenue', '最多两位小数'],
    ['a bad date', { ...HNTE, applicationDate: '2016-02-30' }, 'applicationDate', '日期无效'],
  ])('when the body has %s, then 400 names the field in Chinese', async (_what, payload, field, message) => {
    const res = await post('/api/rules/hnte/evaluate', payload);
    expect(res.statusCode).toBe(400);
    const fields = res.json<Fields>().error.details.fields;
    expect(fields.find((f) => f.field === field)?.message).toContain(message);
  });

  it('when the application date precedes every hnte rule set, then 400 on applicationDate', async () => {
    const res = await post('/api/rules/hnte/evaluate', { ...HNTE, applicationDate: '2015-06-01', registeredOn: '2012-01-01', years: [{ ...HNTE.years[0], year: 2014 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json<Fields>().error.details.fields[0]).toMatchObject({ field: 'applicationDate' });
  });
});

describe('POST /api/rules/tech-sme/evaluate (public)', () => {
  it('when called with the contract example, then it answers eligible with scores', async () => {
    const res = await post('/api/rules/tech-sme/evaluate', SME);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      eligible: true,
      directQualified: false,
      score: { stStaff: 16, rdByRevenue: 40, rdByCost: 0, rd: 40, ip: 12, total: 68 },
      ruleSet: { type: 'tech_sme' },
    });
  });

  it('when evaluated on a 2018 date, then the 2017 method is the one in force', async () => {
    const res = await post('/api/rules/tech-sme/evaluate', { ...SME, evaluationDate: '2018-03-01' });
    expect(res.json().ruleSet.effectiveFrom).toBe('2017-05-03');
  });

  it.each([
    ['negative sales', { ...SME, salesRevenue: -1 }, 'salesRevenue', '销售收入不能为负数'],
    ['more S&T staff than staff', { ...SME, stEmployees: 81 }, 'stEmployees', '科技人员数不能多于职工总数'],
    ['a missing flag', { ...SME, majorIncident: undefined }, 'majorIncident', '请选择是否发生重大安全'],
  ])('when the body has %s, then 400 names the field', async (_what, payload, field, message) => {
    const res = await post('/api/rules/tech-sme/evaluate', payload);
    expect(res.statusCode).toBe(400);
    expect(res.json<Fields>().error.details.fields.find((f) => f.field === field)?.message).toContain(message);
  });
});

describe('rule sets and criteria', () => {
  it('when the rule sets are listed, then the 2016 hnte and the 2017/2022 SME versions are there', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/rules/rule-sets' });
    expect(res.json().items.map((r: { type: string; effectiveFrom: string }) => `${r.type}@${r.effectiveFrom}`)).toEqual([
      'hnte@2016-01-01',
      'tech_sme@2017-05-03',
      'tech_sme@2022-01-01',
    ]);
  });

  it('when the criteria in force are read anonymously, then every configurable type is there', async () => {
    // on a day when every type has criteria (tase's date from 2017; the demo's business date is in 2016)
    const res = await t.app.inject({ method: 'GET', url: '/api/rules/criteria?on=2017-06-01' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(BUILTIN_CRITERIA.length);
  });

  it('when a city officer adds a criteria version, then it is in force from its date and audited', async () => {
    const officer = await loginAs(t.app, 'officer');
    const spec = { ...BUILTIN_CRITERIA.find((c) => c.type === 'eagle')!.spec };
    spec.thresholds = spec.thresholds.map((th) => (th.code === 'small' ? { ...th, value: 50_000_000 } : th));
    const res = await officer.request('PUT', '/api/rules/criteria/eagle/2026-01-01', spec);
    expect(res.statusCode).toBe(200);
    const now = await t.app.inject({ method: 'GET', url: '/api/rules/criteria?on=2026-06-01' });
    const eagle = now.json().items.find((c: { type: string }) => c.type === 'eagle');
    expect(eagle.effectiveFrom).toBe('2026-01-01');
    const before = await t.app.inject({ method: 'GET', url: '/api/rules/criteria?on=2025-06-01' });
    expect(before.json().items.find((c: { type: string }) => c.type === 'eagle').effectiveFrom).toBe('2015-01-01');
    const admin = await loginAs(t.app, 'auditor');
    const audit = await admin.request('GET', '/api/audit?objectType=recognition_criteria');
    expect(audit.body).toContain('eagle@2026-01-01');
  });

  it('when a criteria threshold names a field that is not required, then 400 on that threshold', async () => {
    const officer = await loginAs(t.app, 'officer');
    const spec = BUILTIN_CRITERIA.find((c) => c.type === 'tase')!.spec;
    const res = await officer.request('PUT', '/api/rules/criteria/tase/2027-01-01', { ...spec, thresholds: [{ ...spec.thresholds[0], field: 'nope' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json<Fields>().error.details.fields[0].field).toBe('thresholds.0.field');
  });

  it.each([
    ['enterprise', 403],
    ['xihu', 403],
    ['admin', 403], // separation of duties: the admin administers, the business office sets the rules
  ])('when %s edits criteria, then %i', async (user, status) => {
    const s = await loginAs(t.app, user);
    const res = await s.request('PUT', '/api/rules/criteria/tase/2027-01-01', BUILTIN_CRITERIA[0].spec);
    expect(res.statusCode).toBe(status);
  });

  it('when anonymous edits criteria, then 401', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/api/rules/criteria/tase/2027-01-01', payload: BUILTIN_CRITERIA[0].spec });
    expect(res.statusCode).toBe(401);
  });

  it('when an officer saves an hnte rule set with a broken threshold, then 400; with valid params, then it governs later dates', async () => {
    const officer = await loginAs(t.app, 'officer');
    const list = await t.app.inject({ method: 'GET', url: '/api/rules/rule-sets' });
    const hnte = list.json().items.find((r: { type: string }) => r.type === 'hnte');
    const bad = await officer.request('PUT', '/api/rules/rule-sets/hnte/2030-01-01', { title: '测试规则', source: '测试依据', params: { ...hnte.params, stStaffMinRatio: '10%' } });
    expect(bad.statusCode).toBe(400);
    const ok = await officer.request('PUT', '/api/rules/rule-sets/hnte/2030-01-01', { title: '测试规则', source: '测试依据', params: { ...hnte.params, stStaffMinRatio: '0.30' } });
    expect(ok.statusCode).toBe(200);
    const later = await post('/api/rules/hnte/evaluate', { ...HNTE, applicationDate: '2030-06-01', years: HNTE.years.map((y) => ({ ...y, year: y.year + 14 })) });
    const st = later.json().conditions.find((c: { code: string }) => c.code === 'st_staff_ratio');
    expect(st).toMatchObject({ threshold: 0.3, passed: false });
  });
});
