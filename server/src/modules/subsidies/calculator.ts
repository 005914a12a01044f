import { addYears } from '../rules/index.js';

/**
 * The 雏鹰/青蓝 loan interest-subsidy calculator (RULES §7), exact: money in integer fen, rates in
 * ten-thousandths of a percent, every product in BigInt, one half-up rounding per loan.
 */

export type Programme = 'eagle' | 'qinglan';
export type Bucket = '1y' | '1-5y' | '5y+';

export interface BenchmarkRow {
  effectiveFrom: string;
  /** percent as decimal text ("5.6000") */
  rate1y: string;
  rate1to5y: string;
  rate5yPlus: string;
  inForceUntil: string | null;
}

export interface ProgrammeParams {
  /** fraction as decimal text ("0.5000") */
  ratio: string;
  capFen: number;
}

export interface LoanInput {
  /** yuan, at most two decimals */
  principal: number;
  /** contract annual rate, percent */
  rate: number;
  startOn: string;
  endOn: string;
}

export interface SubsidyLine {
  bucket: Bucket;
  benchmarkRate: number;
  rateUsed: number;
  days: number;
  interestBaseFen: number;
  subsidyFen: number;
}

export interface SubsidyResult {
  programme: Programme;
  year: number;
  lines: SubsidyLine[];
  sumFen: number;
  capFen: number;
  amountFen: number;
}

/** A loan whose start date has no benchmark in force (index of the loan). */
export class BenchmarkUnknown extends Error {
  constructor(readonly index: number, readonly startOn: string) {
    super(`benchmark unknown on ${startOn}`);
  }
}

const RATE_SCALE = 10_000n; // rate units: 1/10000 of a percent
const RATIO_SCALE = 10_000n;

/** "5.6" / 5.6 → 56000n (ten-thousandths); at most four decimals. */
export function toUnits(value: string | number, scale = RATE_SCALE): bigint {
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) {
    throw new RangeError(`not a decimal: ${text}`);
  }
  const digits = scale.toString().length - 1;
  const frac = (m[2] ?? '').padEnd(digits, '0');
  if (frac.length > digits && /[1-9]/.test(frac.slice(digits))) {
    throw new RangeError(`too many decimals: ${text}`);
  }
  return BigInt(m[1]) * scale + BigInt(frac.slice(0, digits) || '0');
}

function numberText(n: number): string {
  // shortest round-trip text, never exponent notation for the values validated by the API
  const s = String(n);
  if (/e/i.test(s)) {
    return n.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
  }
  return s;
}

/** The number of days from a to b (ISO dates), b − a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Half-up division of non-negative BigInts. */
function divHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

export function bucketOf(startOn: string, endOn: string): Bucket {
  if (endOn <= addYears(startOn, 1)) {
    return '1y';
  }
  if (endOn <= addYears(startOn, 5)) {
    return '1-5y';
  }
  return '5y+';
}

/** The benchmark row in force on a date: the latest effective on or before it, within its in-force end. */
export function benchmarkOn(rows: readonly BenchmarkRow[], on: string): BenchmarkRow | null {
  const sorted = [...rows].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  let found: BenchmarkRow | null = null;
  for (const r of sorted) {
    if (r.effectiveFrom <= on) {
      found = r;
    }
  }
  if (!found || (found.inForceUntil !== null && on > found.inForceUntil)) {
    return null;
  }
  return found;
}

/** Days of [startOn, endOn) that fall in the year (the start day counts, the end day does not). */
export function daysInYear(startOn: string, endOn: string, year: number): number {
  const from = startOn > `${year}-01-01` ? startOn : `${year}-01-01`;
  const to = endOn < `${year + 1}-01-01` ? endOn : `${year + 1}-01-01`;
  return Math.max(0, daysBetween(from, to));
}

const unitsToNumber = (u: bigint, scale = RATE_SCALE) => Number(u) / Number(scale);

export function evaluate(input: { programme: Programme; year: number; loans: readonly LoanInput[] }, benchmarks: readonly BenchmarkRow[], params: ProgrammeParams): SubsidyResult {
  const ratioU = toUnits(params.ratio, RATIO_SCALE);
  const lines = input.loans.map((loan, index): SubsidyLine => {
    const row = benchmarkOn(benchmarks, loan.startOn);
    if (!row) {
      throw new BenchmarkUnknown(index, loan.startOn);
    }
    const bucket = bucketOf(loan.startOn, loan.endOn);
    const benchU = toUnits(bucket === '1y' ? row.rate1y : bucket === '1-5y' ? row.rate1to5y : row.rate5yPlus);
    const contractU = toUnits(loan.rate);
    const usedU = contractU < benchU ? contractU : benchU;
    const days = daysInYear(loan.startOn, loan.endOn, input.year);
    const principalFen = BigInt(Math.round(loan.principal * 100));
    // interest base (fen) = P × rate% × days / 360; subsidy = base × ratio, each rounded half-up
    const baseNum = principalFen * usedU * BigInt(days);
    const baseDen = 100n * RATE_SCALE * 360n;
    return {
      bucket,
      benchmarkRate: unitsToNumber(benchU),
      rateUsed: unitsToNumber(usedU),
      days,
      interestBaseFen: Number(divHalfUp(baseNum, baseDen)),
      subsidyFen: Number(divHalfUp(baseNum * ratioU, baseDen * RATIO_SCALE)),
    };
  });
  const sumFen = lines.reduce((s, l) => s + l.subsidyFen, 0);
  return { programme: input.programme, year: input.year, lines, sumFen, capFen: params.capFen, amountFen: Math.min(sumFen, params.capFen) };
}

const yuan = (fen: number) => fen / 100;

/** The API's answer (money in yuan, 2 decimals). */
export function present(r: SubsidyResult) {
  return {
    programme: r.programme,
    year: r.year,
    lines: r.lines.map((l) => ({ bucket: l.bucket, benchmarkRate: l.benchmarkRate, rateUsed: l.rateUsed, days: l.days, interestBase: yuan(l.interestBaseFen), subsidy: yuan(l.subsidyFen) })),
    sum: yuan(r.sumFen),
    cap: yuan(r.capFen),
    amount: yuan(r.amountFen),
  };
}
