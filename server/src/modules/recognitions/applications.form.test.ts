import { describe, expect, it } from 'vitest';
import { applicationDraft, completenessIssues, formSpec, ipClassOf, ipCountsOf, IP_KINDS, netAssetsOf } from './applications.form.js';
import { BUILTIN_FORMS } from './forms.service.js';

const hnte = formSpec.parse(BUILTIN_FORMS.hnte);

const complete = {
  profile: {
    contactName: '王芳',
    contactPhone: '0571-88886666',
    employees: 50,
    stEmployees: 10,
    domain: '新材料',
    registeredOn: '2018-03-01',
    registeredInChina: true,
    majorIncident: false,
    restrictedIndustry: false,
    seriousDishonesty: false,
  },
  financials: [
    { year: 2023, salesRevenue: 1e7, totalAssets: 2e7, totalLiabilities: 5e6, rdExpenses: 8e5, rdDomestic: 8e5, totalCostExpenses: 9e6 },
    { year: 2024, salesRevenue: 1.2e7, totalAssets: 2.2e7, totalLiabilities: 5e6, rdExpenses: 9e5, rdDomestic: 9e5, totalCostExpenses: 1e7 },
  ],
  lastYear: { totalRevenue: 1.2e7, highTechRevenue: 9e6 },
  ipList: [{ title: '一种材料', kind: 'utility_model', number: 'ZL1', grantedOn: '2022-01-01' }],
  products: [{ name: '材料A', revenue: 9e6, highTech: true }],
  conversions: [1, 2],
  direct: {},
  fields: {},
};

describe('IP classes (RULES.md §3)', () => {
  it('when an IP kind is classed, then invention/defence patents, varieties, new drugs, TCM varieties and IC layouts are Class I and the rest Class II', () => {
    const classI = IP_KINDS.filter((k) => ipClassOf(k) === 'I');
    expect(classI).toEqual(['invention', 'defence_patent', 'plant_variety', 'crop_variety', 'new_drug', 'tcm_variety', 'ic_layout']);
    expect(ipCountsOf([{ kind: 'invention' }, { kind: 'software' }, { kind: 'design' }, { kind: null }])).toEqual({ classI: 1, classII: 2 });
  });
});

describe('completeness for submission', () => {
  it('when every section of the form version is filled in, then there is no issue', () => {
    expect(completenessIssues(complete, hnte)).toEqual([]);
  });

  it('when fields are missing or inconsistent, then each issue names its data path in Chinese', () => {
    const data = structuredClone(complete) as Record<string, unknown> & typeof complete;
    delete (data.financials[1] as Partial<(typeof complete.financials)[number]>).rdExpenses;
    data.financials[0].rdDomestic = 9e5;
    data.profile.stEmployees = 60;
    data.profile.domain = null as unknown as string;
    data.financials[1].year = 2026;
    const fields = completenessIssues(data, hnte);
    expect(fields).toContainEqual({ field: 'data.financials.1.rdExpenses', message: '请填写研发费用' });
    expect(fields).toContainEqual({ field: 'data.financials.0.rdDomestic', message: '境内研发费用不能大于研发费用总额' });
    expect(fields).toContainEqual({ field: 'data.profile.stEmployees', message: '科技人员数不能多于职工总数' });
    expect(fields).toContainEqual({ field: 'data.profile.domain', message: '请选择技术领域' });
    expect(fields).toContainEqual({ field: 'data.financials.1.year', message: '会计年度须连续且从早到晚排列' });
  });

  it('when a criteria form asks for type-specific fields, then a missing one is named by its label', () => {
    const spec = formSpec.parse({ title: '雏鹰计划企业', sections: ['fields'], fields: [{ field: 'founderEquityRatio', label: '创业人员持股比例' }] });
    expect(completenessIssues({ fields: {} }, spec)).toEqual([{ field: 'data.fields.founderEquityRatio', message: '请填写创业人员持股比例' }]);
    expect(completenessIssues({ fields: { founderEquityRatio: 0.3 } }, spec)).toEqual([]);
  });

  it('when a draft is half filled, then the lenient draft schema accepts it, but still refuses wrong types', () => {
    expect(applicationDraft.safeParse({ profile: { employees: 3 }, financials: [{ year: 2024 }] }).success).toBe(true);
    expect(applicationDraft.safeParse({ profile: { employees: '三' } }).success).toBe(false);
  });

  it('when net assets are derived, then they are total assets minus total liabilities to the fen', () => {
    expect(netAssetsOf({ totalAssets: 100.1, totalLiabilities: 0.2 })).toBe(99.9);
  });
});
