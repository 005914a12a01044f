import { describe, expect, it } from 'vitest';
import { TECH_SME_2022 } from './rules.data.js';
import { techSmeInput, type TechSmeInput } from './rules.schema.js';
import { evaluateTechSme } from './techsme.engine.js';

const sut = (input: TechSmeInput) => evaluateTechSme(input, TECH_SME_2022);

function base(over: Partial<Record<keyof TechSmeInput, unknown>> = {}): TechSmeInput {
  return techSmeInput.parse({
    registeredInChina: true,
    employees: 80,
    stEmployees: 20,
    salesRevenue: 30_000_000,
    totalAssets: 50_000_000,
    rdExpenses: 1_500_000,
    totalCostExpenses: 25_000_000,
    ip: { classI: 0, classII: 2 },
    restrictedIndustry: false,
    majorIncident: false,
    seriousDishonesty: false,
    direct: { validHnte: false, nationalAwardTop3: false, provincialRdInstitution: false, ledStandard: false },
    ...over,
  });
}
const cond = (r: ReturnType<typeof sut>, code: string) => r.conditions.find((c) => c.code === code)!;

describe('tech SME engine', () => {
  it('when the contract example is evaluated, then the scores are 16 + 40 + 12 = 68 and it is eligible', () => {
    const r = sut(base());
    expect(r.score).toEqual({ stStaff: 16, rdByRevenue: 40, rdByCost: 0, rd: 40, ip: 12, total: 68 });
    expect(r.eligible).toBe(true);
    expect(r.directQualified).toBe(false);
    expect(r.conditions.map((c) => c.code)).toEqual(['registered_in_china', 'size_limits', 'not_restricted', 'no_incident', 'score']);
  });

  it.each([
    [30, 20],
    [29, 16],
    [25, 16],
    [24, 12],
    [20, 12],
    [19, 8],
    [15, 8],
    [14, 4],
    [10, 4],
    [9, 0],
    [0, 0],
  ])('when %i of 100 staff are S&T staff, then the staff score is %i', (stEmployees, score) => {
    expect(sut(base({ employees: 100, stEmployees })).score.stStaff).toBe(score);
  });

  it.each([
    [600_000, 50],
    [599_999.99, 40],
    [500_000, 40],
    [499_999.99, 30],
    [400_000, 30],
    [300_000, 20],
    [200_000, 10],
    [199_999.99, 0],
  ])('when R&D is %d of 10,000,000 sales, then the revenue-based R&D score is %i', (rdExpenses, score) => {
    const r = sut(base({ salesRevenue: 10_000_000, rdExpenses, totalCostExpenses: 100_000_000 }));
    expect(r.score.rdByRevenue).toBe(score);
  });

  it.each([
    [300_000, 50],
    [299_999.99, 40],
    [250_000, 40],
    [200_000, 30],
    [150_000, 20],
    [100_000, 10],
    [99_999.99, 0],
  ])('when R&D is %d of 1,000,000 costs and expenses, then the cost-based R&D score is %i', (rdExpenses, score) => {
    const r = sut(base({ salesRevenue: 100_000_000, rdExpenses, totalCostExpenses: 1_000_000 }));
    expect(r.score.rdByCost).toBe(score);
    expect(r.score.rd).toBe(Math.max(score, r.score.rdByRevenue));
  });

  it('when sales and costs are zero, then both R&D scores are 0 and the ratios are null', () => {
    const r = sut(base({ salesRevenue: 0, totalCostExpenses: 0, rdExpenses: 0 }));
    expect(r.score.rd).toBe(0);
    expect(r.ratios).toMatchObject({ rdByRevenue: null, rdByCost: null });
  });

  it.each([
    [1, 0, 30],
    [0, 5, 24],
    [0, 4, 24],
    [0, 3, 18],
    [0, 2, 12],
    [0, 1, 6],
    [0, 0, 0],
  ])('when %i Class I and %i Class II, then the IP score is %i', (classI, classII, score) => {
    expect(sut(base({ ip: { classI, classII } })).score.ip).toBe(score);
  });

  it.each([
    [{ employees: 500, stEmployees: 100 }, true],
    [{ employees: 501, stEmployees: 100 }, false],
    [{ salesRevenue: 200_000_000 }, true],
    [{ salesRevenue: 200_000_000.01 }, false],
    [{ totalAssets: 200_000_000 }, true],
    [{ totalAssets: 200_000_000.01 }, false],
  ])('when %j, then size_limits passes: %s', (over, passed) => {
    expect(cond(sut(base(over)), 'size_limits').passed).toBe(passed);
  });

  it('when the total is exactly 60 with a staff score, then the score condition passes', () => {
    const r = sut(base({ employees: 100, stEmployees: 25, salesRevenue: 10_000_000, rdExpenses: 300_000, totalCostExpenses: 100_000_000, ip: { classI: 0, classII: 4 } }));
    expect(r.score).toMatchObject({ stStaff: 16, rd: 20, ip: 24, total: 60 });
    expect(cond(r, 'score').passed).toBe(true);
    expect(r.eligible).toBe(true);
  });

  it('when the total is 58, then the score condition fails', () => {
    const r = sut(base({ employees: 100, stEmployees: 25, salesRevenue: 10_000_000, rdExpenses: 400_000, totalCostExpenses: 100_000_000, ip: { classI: 0, classII: 2 } }));
    expect(r.score.total).toBe(58);
    expect(cond(r, 'score').passed).toBe(false);
  });

  it('when the total is 56 (below 60), then the score condition fails', () => {
    const r = sut(base({ employees: 100, stEmployees: 10, salesRevenue: 10_000_000, rdExpenses: 500_000, ip: { classI: 0, classII: 2 } }));
    expect(r.score.total).toBe(56);
    expect(cond(r, 'score').passed).toBe(false);
    expect(r.eligible).toBe(false);
  });

  it('when the total reaches 60 but the S&T staff score is 0, then the score condition fails', () => {
    const r = sut(base({ employees: 100, stEmployees: 5, salesRevenue: 10_000_000, rdExpenses: 600_000, ip: { classI: 1, classII: 0 } }));
    expect(r.score).toMatchObject({ stStaff: 0, total: 80 });
    expect(cond(r, 'score').passed).toBe(false);
    expect(r.eligible).toBe(false);
  });

  it.each(['validHnte', 'nationalAwardTop3', 'provincialRdInstitution', 'ledStandard'])(
    'when the enterprise scores 0 but has %s, then it qualifies directly and the score is waived',
    (ground) => {
      const r = sut(base({ stEmployees: 0, rdExpenses: 0, ip: { classI: 0, classII: 0 }, direct: { [ground]: true } }));
      expect(r.score.total).toBe(0);
      expect(r.directQualified).toBe(true);
      expect(r.eligible).toBe(true);
      expect(cond(r, 'score')).toMatchObject({ status: 'waived', passed: true });
      expect(r.directGrounds).toHaveLength(1);
    },
  );

  it.each([
    [{ registeredInChina: false }, 'registered_in_china'],
    [{ restrictedIndustry: true }, 'not_restricted'],
    [{ majorIncident: true }, 'no_incident'],
    [{ seriousDishonesty: true }, 'no_incident'],
    [{ employees: 600, stEmployees: 200 }, 'size_limits'],
  ])('when %j, then %s fails and direct qualification does not apply', (over, code) => {
    const r = sut(base({ ...over, direct: { validHnte: true } }));
    expect(cond(r, code).passed).toBe(false);
    expect(r.directQualified).toBe(false);
    expect(r.eligible).toBe(false);
  });
});
