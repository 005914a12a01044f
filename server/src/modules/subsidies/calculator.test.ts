import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BenchmarkUnknown, bucketOf, daysInYear, evaluate, present, type BenchmarkRow, type ProgrammeParams } from './calculator.js';

// the defaults of RULES §7 as the migration stores them
const BENCH: BenchmarkRow[] = [
  ['2014-11-22', '5.60', '6.00', '6.15'],
  ['2015-03-01', '5.35', '5.75', '5.90'],
  ['2015-05-11', '5.10', '5.50', '5.65'],
  ['2015-06-28', '4.85', '5.25', '5.40'],
  ['2015-08-26', '4.60', '5.00', '5.15'],
  ['2015-10-24', '4.35', '4.75', '4.90'],
].map(([effectiveFrom, rate1y, rate1to5y, rate5yPlus]) => ({ effectiveFrom, rate1y, rate1to5y, rate5yPlus, inForceUntil: effectiveFrom === '2015-10-24' ? '2019-08-19' : null }));
const EAGLE: ProgrammeParams = { ratio: '0.5000', capFen: 10_000_000 };
const QINGLAN: ProgrammeParams = { ratio: '0.5000', capFen: 20_000_000 };
const one = (loan: { principal: number; rate: number; startOn: string; endOn: string }, year = 2015, params = EAGLE) => evaluate({ programme: 'eagle', year, loans: [loan] }, BENCH, params);

describe('the interest-subsidy calculator (RULES §7)', () => {
  it("when the contract's example loan is evaluated, then 356 days of 2015 at 5.60% give 55377.78 interest and 27688.89 subsidy", () => {
    const r = present(one({ principal: 1_000_000, rate: 5.6, startOn: '2015-01-10', endOn: '2016-01-10' }));
    expect(r).toEqual({
      programme: 'eagle',
      year: 2015,
      lines: [{ bucket: '1y', benchmarkRate: 5.6, rateUsed: 5.6, days: 356, interestBase: 55377.78, subsidy: 27688.89 }],
      sum: 27688.89,
      cap: 100000,
      amount: 27688.89,
    });
  });

  it('when the end is exactly one year after the start, then the bucket is 1y; a day later 1-5y; five years 1-5y; a day later 5y+', () => {
    expect(bucketOf('2015-01-10', '2016-01-10')).toBe('1y');
    expect(bucketOf('2015-01-10', '2016-01-11')).toBe('1-5y');
    expect(bucketOf('2015-01-10', '2020-01-10')).toBe('1-5y');
    expect(bucketOf('2015-01-10', '2020-01-11')).toBe('5y+');
    expect(bucketOf('2015-01-10', '2015-01-11')).toBe('1y');
  });

  it("when the bucket is longer, then the benchmark of that bucket in force on the start date is used", () => {
    expect(one({ principal: 100_000, rate: 9, startOn: '2015-01-10', endOn: '2017-01-10' }).lines[0]).toMatchObject({ bucket: '1-5y', benchmarkRate: 6, rateUsed: 6 });
    expect(one({ principal: 100_000, rate: 9, startOn: '2015-01-10', endOn: '2021-01-10' }).lines[0]).toMatchObject({ bucket: '5y+', benchmarkRate: 6.15, rateUsed: 6.15 });
  });

  it('when the contract rate is below the benchmark, then the contract rate is used; above, the benchmark', () => {
    expect(one({ principal: 100_000, rate: 4.2, startOn: '2015-01-10', endOn: '2016-01-10' }).lines[0]).toMatchObject({ benchmarkRate: 5.6, rateUsed: 4.2 });
    expect(one({ principal: 100_000, rate: 7.5, startOn: '2015-01-10', endOn: '2016-01-10' }).lines[0]).toMatchObject({ benchmarkRate: 5.6, rateUsed: 5.6 });
  });

  it('when the start is on an effective date, then the new benchmark applies; the day before, the old one', () => {
    expect(one({ principal: 1, rate: 9, startOn: '2015-03-01', endOn: '2015-12-01' }).lines[0].benchmarkRate).toBe(5.35);
    expect(one({ principal: 1, rate: 9, startOn: '2015-02-28', endOn: '2015-12-01' }).lines[0].benchmarkRate).toBe(5.6);
    expect(one({ principal: 1, rate: 9, startOn: '2015-10-24', endOn: '2016-10-24' }).lines[0].benchmarkRate).toBe(4.35);
    expect(one({ principal: 1, rate: 9, startOn: '2019-08-19', endOn: '2020-08-19' }, 2019).lines[0].benchmarkRate).toBe(4.35);
  });

  it('when a loan starts before 2014-11-22 or after 2019-08-19, then the benchmark is unknown (naming the loan)', () => {
    expect(() => one({ principal: 1, rate: 5, startOn: '2014-11-21', endOn: '2015-11-21' })).toThrow(BenchmarkUnknown);
    expect(() => one({ principal: 1, rate: 5, startOn: '2019-08-20', endOn: '2020-08-20' }, 2019)).toThrow(BenchmarkUnknown);
    try {
      evaluate({ programme: 'eagle', year: 2015, loans: [{ principal: 1, rate: 5, startOn: '2015-01-10', endOn: '2016-01-10' }, { principal: 1, rate: 5, startOn: '2014-01-01', endOn: '2015-06-01' }] }, BENCH, EAGLE);
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({ index: 1, startOn: '2014-01-01' });
    }
  });

  it('when interest accrues, then the start day counts and the end day does not (算头不算尾), only days of the subsidy year', () => {
    expect(daysInYear('2015-12-31', '2016-01-01', 2015)).toBe(1);
    expect(daysInYear('2015-12-31', '2016-01-01', 2016)).toBe(0);
    expect(daysInYear('2015-06-01', '2015-06-02', 2015)).toBe(1);
    expect(daysInYear('2015-01-01', '2016-01-01', 2015)).toBe(365);
    expect(daysInYear('2015-10-24', '2017-10-24', 2016)).toBe(366);
    expect(daysInYear('2014-12-01', '2015-03-01', 2015)).toBe(59);
    expect(one({ principal: 1_000_000, rate: 5, startOn: '2014-12-01', endOn: '2014-12-31' }).lines[0]).toMatchObject({ days: 0, interestBaseFen: 0, subsidyFen: 0 });
  });

  it('when a subsidy falls on half a fen, then it is rounded half-up per loan (0.425 → 0.43), and the sum adds the rounded lines', () => {
    // 17 yuan × 5% × 360/360 × 50% = 0.425 yuan
    const loan = { principal: 17, rate: 5, startOn: '2015-01-06', endOn: '2016-01-06' };
    const r = evaluate({ programme: 'eagle', year: 2015, loans: [loan, loan] }, BENCH, EAGLE);
    expect(r.lines.map((l) => [l.days, l.interestBaseFen, l.subsidyFen])).toEqual([
      [360, 85, 43],
      [360, 85, 43],
    ]);
    expect(r.sumFen).toBe(86);
  });

  it('when the sum exceeds the programme cap, then the amount is the cap (eagle 100,000, qinglan 200,000)', () => {
    const loan = { principal: 10_000_000, rate: 5.6, startOn: '2015-01-10', endOn: '2016-01-10' };
    expect(present(one(loan))).toMatchObject({ sum: 276888.89, cap: 100000, amount: 100000 });
    expect(present(evaluate({ programme: 'qinglan', year: 2015, loans: [loan] }, BENCH, QINGLAN))).toMatchObject({ programme: 'qinglan', sum: 276888.89, cap: 200000, amount: 200000 });
  });

  it('when the ratio is a configured default other than 50%, then the subsidy follows it', () => {
    const r = one({ principal: 1_000_000, rate: 5.6, startOn: '2015-01-10', endOn: '2016-01-10' }, 2015, { ratio: '0.3000', capFen: 10_000_000 });
    expect(r.lines[0].subsidyFen).toBe(1_661_333); // 55377.777… × 0.3 = 16613.333…
  });
});

describe('calculator properties', () => {
  const day = fc.integer({ min: 0, max: 365 * 4 }).map((n) => new Date(Date.UTC(2014, 10, 22 + n)).toISOString().slice(0, 10));
  const loan = fc
    .record({ fen: fc.integer({ min: 1, max: 5_000_000_000 }), rateU: fc.integer({ min: 1, max: 150_000 }), start: day, len: fc.integer({ min: 1, max: 3000 }) })
    .map(({ fen, rateU, start, len }) => ({
      principal: fen / 100,
      rate: rateU / 10_000,
      startOn: start,
      endOn: new Date(Date.parse(`${start}T00:00:00Z`) + len * 86_400_000).toISOString().slice(0, 10),
    }));
  const year = fc.integer({ min: 2014, max: 2020 });

  it('when any loans are evaluated, then amount = min(Σ rounded lines, cap) and each line is within half a fen of P × rate × days / 360 × ratio', () => {
    fc.assert(
      fc.property(fc.array(loan, { minLength: 1, maxLength: 5 }), year, (loans, y) => {
        const r = evaluate({ programme: 'eagle', year: y, loans }, BENCH, EAGLE);
        expect(r.sumFen).toBe(r.lines.reduce((s, l) => s + l.subsidyFen, 0));
        expect(r.amountFen).toBe(Math.min(r.sumFen, EAGLE.capFen));
        r.lines.forEach((l, i) => {
          const exact = ((loans[i].principal * 100 * l.rateUsed) / 100) * (l.days / 360) * 0.5;
          expect(Math.abs(l.subsidyFen - exact)).toBeLessThanOrEqual(0.5 + 1e-6 * Math.max(1, exact));
          expect(l.rateUsed).toBeLessThanOrEqual(l.benchmarkRate);
          expect(l.rateUsed).toBeLessThanOrEqual(loans[i].rate);
          expect(l.days).toBeGreaterThanOrEqual(0);
          expect(l.days).toBeLessThanOrEqual(366);
        });
      }),
    );
  });

  it('when a loan is split at any day, then the days of the subsidy year add up (算头不算尾 never counts a day twice)', () => {
    fc.assert(
      fc.property(loan, fc.integer({ min: 1, max: 2999 }), year, (l, cut, y) => {
        const len = (Date.parse(`${l.endOn}T00:00:00Z`) - Date.parse(`${l.startOn}T00:00:00Z`)) / 86_400_000;
        fc.pre(cut < len);
        const mid = new Date(Date.parse(`${l.startOn}T00:00:00Z`) + cut * 86_400_000).toISOString().slice(0, 10);
        expect(daysInYear(l.startOn, mid, y) + daysInYear(mid, l.endOn, y)).toBe(daysInYear(l.startOn, l.endOn, y));
      }),
    );
  });

  it('when the principal grows, then the subsidy never shrinks', () => {
    fc.assert(
      fc.property(loan, fc.integer({ min: 1, max: 1_000_000 }), year, (l, extraFen, y) => {
        const a = evaluate({ programme: 'eagle', year: y, loans: [l] }, BENCH, EAGLE).lines[0].subsidyFen;
        const b = evaluate({ programme: 'eagle', year: y, loans: [{ ...l, principal: (Math.round(l.principal * 100) + extraFen) / 100 }] }, BENCH, EAGLE).lines[0].subsidyFen;
        expect(b).toBeGreaterThanOrEqual(a);
      }),
    );
  });
});
