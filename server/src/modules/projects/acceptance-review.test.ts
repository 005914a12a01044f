import { describe, expect, it } from 'vitest';
import { acceptanceSheet, proposeResult } from './acceptance-review.js';

const kpi = (key: string, name: string) => ({ key, name, unit: '件', target: 3 });

describe('the acceptance score sheet', () => {
  it('when a plan has three KPIs, then they share 70 whole points (the first takes the rest) and the sheet sums to 100', () => {
    const sheet = acceptanceSheet({ kpis: [kpi('patents', '发明专利'), kpi('standards', '标准'), kpi('products', '新产品')] });
    expect(sheet.items.map((i) => [i.code, i.max])).toEqual([
      ['kpi_1', 24],
      ['kpi_2', 23],
      ['kpi_3', 23],
      ['budget', 20],
      ['documents', 10],
    ]);
    expect(sheet.maxTotal).toBe(100);
    expect(sheet.items[0].label).toBe('发明专利（目标 3 件）完成情况');
  });
});

describe('the panel proposal', () => {
  const sheet = acceptanceSheet({ kpis: [kpi('patents', '发明专利'), kpi('revenue', '销售收入')] });
  const member = (k1: number, k2: number, budget: number, documents: number) => ({ kpi_1: k1, kpi_2: k2, budget, documents });

  it('when every item is strong and the mean is at least 80, then it proposes 通过', () => {
    expect(proposeResult(sheet, [member(30, 30, 16, 8), member(31, 29, 17, 8)], 85)).toMatchObject({ result: 'pass', resultName: '通过' });
  });
  it('when the mean is 80 or more but one KPI item is below 60 % of its points, then it proposes 结题（有条件） naming that KPI', () => {
    const p = proposeResult(sheet, [member(35, 20, 20, 10)], 85)!;
    expect(p.result).toBe('pass_conditions');
    expect(p.reasons.join('')).toContain('销售收入');
  });
  it('when the mean is 79.99, then it proposes 结题（有条件）; below 60, 不通过', () => {
    expect(proposeResult(sheet, [member(30, 30, 12, 7.99)], 79.99)!.result).toBe('pass_conditions');
    expect(proposeResult(sheet, [member(21, 21, 10, 7.5)], 59.5)!.result).toBe('fail');
  });
  it('when nobody has scored, then there is no proposal', () => {
    expect(proposeResult(sheet, [], null)).toBeNull();
  });
});
