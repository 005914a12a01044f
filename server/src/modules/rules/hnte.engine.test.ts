import { describe, expect, it } from 'vitest';
import { parseDecimal, rational, sub, toNumber } from './exact.js';
import { addYears, evaluateHnte, growthRate, scoreOutsideBand } from './hnte.engine.js';
import { HNTE_2016 } from './rules.data.js';
import { hnteInput, type HnteInput } from './rules.schema.js';

const sut = (input: HnteInput) => evaluateHnte(input, HNTE_2016);

/** A passing application, except for the pending innovation score. */
function base(over: Partial<HnteInput> = {}): HnteInput {
  return hnteInput.parse({
    applicationDate: '2016-06-01',
    registeredOn: '2012-03-15',
    domain: '电子信息',
    employees: 120,
    stEmployees: 30,
    years: [
      { year: 2013, salesRevenue: 30_000_000, netAssets: 10_000_000, rdExpenses: 1_800_000, rdDomestic: 1_800_000 },
      { year: 2014, salesRevenue: 40_000_000, netAssets: 12_000_000, rdExpenses: 2_000_000, rdDomestic: 2_000_000 },
      { year: 2015, salesRevenue: 52_000_000, netAssets: 14_000_000, rdExpenses: 2_200_000, rdDomestic: 2_200_000 },
    ],
    lastYear: { totalRevenue: 52_000_000, highTechRevenue: 40_000_000 },
    ip: { classI: 1, classII: 3 },
    conversions: [2, 4, 3],
    majorIncident: false,
    innovationScore: null,
    ...over,
  });
}

const cond = (r: ReturnType<typeof sut>, code: string) => r.conditions.find((c) => c.code === code)!;
const twoYears = (sales: [number, number], net: [number, number] = [100, 100]) =>
  [2014, 2015].map((year, i) => ({ year, salesRevenue: sales[i], netAssets: net[i], rdExpenses: 0, rdDomestic: 0 }));

describe('hnte engine', () => {
  it('when every condition holds but experts have not scored, then innovation_score is pending and not eligible', () => {
    const r = sut(base());
    expect(r.pending).toEqual(['innovation_score']);
    expect(r.eligible).toBe(false);
    expect(r.conditions.filter((c) => c.code !== 'innovation_score').every((c) => c.passed)).toBe(true);
    expect(r.conditions.map((c) => c.code)).toEqual([
      'registered_1y',
      'core_ip',
      'domain',
      'st_staff_ratio',
      'rd_ratio',
      'rd_domestic_ratio',
      'hightech_revenue_ratio',
      'no_major_incident',
      'innovation_score',
    ]);
  });

  it.each([
    [70, false],
    [70.01, true],
    [71, true],
    [100, true],
    [0, false],
  ])('when the innovation score is %s, then it passes: %s (strictly above 70)', (score, passed) => {
    const r = sut(base({ innovationScore: score }));
    expect(cond(r, 'innovation_score').passed).toBe(passed);
    expect(r.eligible).toBe(passed);
    expect(r.pending).toEqual([]);
  });

  it.each([
    ['2015-06-01', '2016-06-01', true],
    ['2015-06-01', '2016-05-31', false],
    ['2015-06-02', '2016-06-01', false],
    ['2016-02-29', '2017-02-28', true],
    ['2016-02-29', '2017-02-27', false],
    ['2015-02-28', '2016-02-28', true],
  ])('when registered %s and applying %s, then registered_1y passes: %s', (registeredOn, applicationDate, passed) => {
    const r = sut(base({ registeredOn, applicationDate }));
    expect(cond(r, 'registered_1y')).toMatchObject({ passed, value: applicationDate, threshold: addYears(registeredOn, 1) });
  });

  it.each([
    [0, 0, false],
    [0, 1, true],
    [1, 0, true],
  ])('when the enterprise owns %i Class I and %i Class II rights, then core_ip passes: %s', (classI, classII, passed) => {
    expect(cond(sut(base({ ip: { classI, classII } })), 'core_ip').passed).toBe(passed);
  });

  it.each([
    [100, 10, true],
    [100, 9, false],
    [120, 12, true],
    [120, 11, false],
    [1, 0, false],
  ])('when %i staff of whom %i S&T, then st_staff_ratio (≥ 10%%) passes: %s', (employees, stEmployees, passed) => {
    const c = cond(sut(base({ employees, stEmployees })), 'st_staff_ratio');
    expect(c.passed).toBe(passed);
    expect(c.threshold).toBe(0.1);
  });

  it.each([
    // latest sales, R&D such that Σ R&D / Σ sales sits at or just under the tier threshold
    [50_000_000, 0.05, true],
    [50_000_000.01, 0.04, true],
    [200_000_000, 0.04, true],
    [200_000_000.01, 0.03, true],
  ])('when the latest sales revenue is %d, then the R&D threshold is %d', (sales, threshold) => {
    const rd = Math.round(sales * threshold * 100) / 100;
    const years = [{ year: 2015, salesRevenue: sales, netAssets: 1, rdExpenses: rd, rdDomestic: rd }];
    const c = cond(sut(base({ years })), 'rd_ratio');
    expect(c.threshold).toBe(threshold);
  });

  it.each([
    [6_000_000, true],
    [5_999_999.99, false],
  ])('when Σ R&D is %d over Σ sales 120,000,000 (latest ≤ 50M), then rd_ratio (≥ 5%%) passes: %s', (rd, passed) => {
    const years = [30_000_000, 40_000_000, 50_000_000].map((salesRevenue, i) => ({
      year: 2013 + i,
      salesRevenue,
      netAssets: 1,
      rdExpenses: i === 2 ? rd - 4_000_000 : 2_000_000,
      rdDomestic: 0,
    }));
    const c = cond(sut(base({ years })), 'rd_ratio');
    expect(c.passed).toBe(passed);
    expect(c.threshold).toBe(0.05);
  });

  it('when the latest year is just above 50M, then the 4% threshold applies to the three-year sums', () => {
    const years = [{ year: 2015, salesRevenue: 100_000_000, netAssets: 1, rdExpenses: 4_000_000, rdDomestic: 4_000_000 }];
    expect(cond(sut(base({ years })), 'rd_ratio')).toMatchObject({ passed: true, value: 0.04, threshold: 0.04 });
    years[0].rdExpenses = 3_999_999.99;
    years[0].rdDomestic = 3_999_999.99;
    expect(cond(sut(base({ years })), 'rd_ratio').passed).toBe(false);
  });

  it('when sales are zero, then rd_ratio fails with no value', () => {
    const years = [{ year: 2015, salesRevenue: 0, netAssets: 1, rdExpenses: 0, rdDomestic: 0 }];
    const r = sut(base({ years }));
    expect(cond(r, 'rd_ratio')).toMatchObject({ passed: false, value: null });
    expect(cond(r, 'rd_domestic_ratio')).toMatchObject({ passed: false, value: null });
  });

  it.each([
    [600_000, true],
    [599_999.99, false],
  ])('when %d of 1,000,000 R&D is domestic, then rd_domestic_ratio (≥ 60%%) passes: %s', (rdDomestic, passed) => {
    const years = [{ year: 2015, salesRevenue: 10_000_000, netAssets: 1, rdExpenses: 1_000_000, rdDomestic }];
    expect(cond(sut(base({ years })), 'rd_domestic_ratio').passed).toBe(passed);
  });

  it.each([
    [31_200_000, true],
    [31_199_999.99, false],
    [0, false],
  ])('when high-tech revenue is %d of 52,000,000, then hightech_revenue_ratio (≥ 60%%) passes: %s', (highTechRevenue, passed) => {
    expect(cond(sut(base({ lastYear: { totalRevenue: 52_000_000, highTechRevenue } })), 'hightech_revenue_ratio').passed).toBe(passed);
  });

  it('when there was a major incident, then no_major_incident fails and the enterprise is not eligible', () => {
    const r = sut(base({ majorIncident: true, innovationScore: 80 }));
    expect(cond(r, 'no_major_incident').passed).toBe(false);
    expect(r.eligible).toBe(false);
  });

  it.each([
    [135, 'A'],
    [134.99, 'B'],
    [125, 'B'],
    [124.99, 'C'],
    [115, 'C'],
    [114.99, 'D'],
    [105, 'D'],
    [104.99, 'E'],
    [100.01, 'E'],
    [100, 'F'],
    [90, 'F'],
  ])('when two years of sales go from 100 to %d, then the sales growth band is %s', (y2, band) => {
    const r = sut(base({ years: twoYears([100, y2]) }));
    expect(r.growth.salesBand).toBe(band);
    expect(r.growth.salesGrowth).toBeCloseTo(y2 / 100 - 1, 9);
  });

  it.each([
    [[100, 110, 132], 0.15, 'C'],
    [[100, 110, 131.99], null, 'D'],
    [[100, 125, 168.75], 0.3, 'B'],
    [[0, 100, 115], 0.15, 'C'],
    [[-50, 100, 140], 0.4, 'A'],
    [[100, 0, 50], null, 'F'],
    [[100, -10, 50], null, 'F'],
    [[100, 90, 81], -0.1, 'F'],
  ])('when net assets over three years are %j, then the growth rate is %s and the band %s', (net, rate, band) => {
    const years = net.map((netAssets, i) => ({ year: 2013 + i, salesRevenue: 1, netAssets, rdExpenses: 0, rdDomestic: 0 }));
    const r = sut(base({ years }));
    expect(r.growth.netAssetBand).toBe(band);
    if (rate !== null) {
      expect(r.growth.netAssetGrowth).toBe(rate);
    }
  });

  it('when exactly 15% growth is computed, then it is exact (float arithmetic would fall below)', () => {
    const floatRate = 0.5 * (110 / 100 + 132 / 110) - 1;
    expect(floatRate < 0.15).toBe(true); // the float trap this engine avoids
    const exact = growthRate([10_000n, 11_000n, 13_200n]);
    expect(exact && sub(exact, parseDecimal('0.15')).n).toBe(0n);
  });

  it('when only one fiscal year is given, then there is no rate and both growth bands are F', () => {
    const r = sut(base({ years: [{ year: 2015, salesRevenue: 1_000_000, netAssets: 1_000, rdExpenses: 100_000, rdDomestic: 100_000 }] }));
    expect(r.growth).toEqual({ netAssetGrowth: null, netAssetBand: 'F', salesGrowth: null, salesBand: 'F' });
    expect(r.scoreRanges.salesGrowth).toEqual({ band: 'F', min: 0, max: 0 });
  });

  it('when two years are given and the first is zero, then there is no rate (band F)', () => {
    expect(sut(base({ years: twoYears([0, 100]) })).growth).toMatchObject({ salesGrowth: null, salesBand: 'F' });
  });

  it.each([
    [1, 0, 'A', [7, 8]],
    [0, 5, 'B', [5, 6]],
    [0, 4, 'C', [3, 4]],
    [0, 3, 'C', [3, 4]],
    [0, 2, 'D', [1, 2]],
    [0, 1, 'D', [1, 2]],
    [0, 0, 'E', [0, 0]],
  ])('when %i Class I and %i Class II, then the IP quantity band is %s', (classI, classII, band, [min, max]) => {
    const r = sut(base({ ip: { classI, classII } }));
    expect(r.ipQuantityBand).toBe(band);
    expect(r.scoreRanges.ipQuantity).toEqual({ band, min, max });
  });

  it.each([
    [[5, 5, 5], 'A'],
    [[5, 5, 4], 'B'],
    [[4, 4, 4], 'B'],
    [[4, 4, 3], 'C'],
    [[3, 3, 3], 'C'],
    [[2, 4, 3], 'C'],
    [[3, 3, 2], 'D'],
    [[2, 2, 2], 'D'],
    [[2, 2, 1], 'E'],
    [[1, 1, 1], 'E'],
    [[1, 1, 0], 'F'],
    [[], 'F'],
    [[5], 'A'],
    [[3, 2], 'D'],
  ])('when conversions per year are %j, then the conversion band is %s', (conversions, band) => {
    expect(sut(base({ conversions })).conversionBand).toBe(band);
  });

  it('when an expert scores outside the computed band, then the score is refused with the range', () => {
    expect(scoreOutsideBand({ band: 'C', min: 5, max: 6 }, 7, '成长性')).toContain('5–6');
    expect(scoreOutsideBand({ band: 'C', min: 5, max: 6 }, 5, '成长性')).toBeNull();
  });

  it('when rates are returned, then they are exact to 10 decimals', () => {
    expect(toNumber(rational(2, 3))).toBe(0.6666666667);
    expect(toNumber(rational(-2, 3))).toBe(-0.6666666667);
  });
});
