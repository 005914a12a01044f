/**
 * The factor-method allocation (因素法, RULES §6), pure and exact: every ratio is a rational of
 * BigInts, so no float ever decides a fen.
 *
 *   share_d  = Σ_f weight_f × value_{d,f} / Σ_{d'} value_{d',f}
 *   exact_d  = total_fen × share_d
 *   base_d   = floor(exact_d); the R = total_fen − Σ base_d remaining fen go one each to the R
 *              districts with the largest fractional parts, ties by district code ascending.
 */
import type { FieldIssue } from "../../http/errors.js";

/** An exact decimal: value = int / 10^scale. */
export interface Dec {
  int: bigint;
  scale: number;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** Parses a JSON number or a decimal string exactly (a number by its shortest round-trip form); null when it is not one. */
export function parseDecimal(v: number | string): Dec | null {
  const text =
    typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : v.trim();
  const m = DECIMAL.exec(text);
  if (!m) {
    return null;
  }
  const frac = m[3] ?? "";
  let int = BigInt(`${m[2]}${frac}`);
  let scale = frac.length - Number(m[4] ?? 0);
  if (scale < 0) {
    int *= 10n ** BigInt(-scale);
    scale = 0;
  }
  if (scale > 40) {
    return null;
  }
  return { int: m[1] === "-" ? -int : int, scale };
}

/** The number of decimals a decimal really has (trailing zeros do not count). */
export function decimalPlaces(d: Dec): number {
  let { int, scale } = d;
  while (scale > 0 && int % 10n === 0n) {
    int /= 10n;
    scale -= 1;
  }
  return scale;
}

const rescale = (d: Dec, scale: number): bigint =>
  d.int * 10n ** BigInt(scale - d.scale);

/** The canonical string of a decimal (no exponent, no trailing zeros). */
export function formatDecimal(d: Dec): string {
  const places = decimalPlaces(d);
  const int = d.int / 10n ** BigInt(d.scale - places);
  const neg = int < 0n;
  const digits = (neg ? -int : int).toString().padStart(places + 1, "0");
  const body = places
    ? `${digits.slice(0, -places)}.${digits.slice(-places)}`
    : digits;
  return neg ? `-${body}` : body;
}

export interface FactorInput {
  code: string;
  name: string;
  weight: number | string;
}
export interface DistrictInput {
  code: string;
  values: Record<string, number | string>;
}
export interface FactorMethodInput {
  totalFen: number;
  factors: FactorInput[];
  districts: DistrictInput[];
}
export interface DistrictAllocation {
  code: string;
  /** Σ_f weight_f × value_{d,f} / Σ value_f as numerator / denominator */
  shareNum: bigint;
  shareDen: bigint;
  /** 6 places, rounded half-up */
  share: string;
  amountFen: number;
}

/** Why an input cannot be allocated: field problems (400 validation_failed) or a factor whose values are all zero (400 factor_all_zero). */
export class FactorMethodError extends Error {
  constructor(
    readonly code: "validation_failed" | "factor_all_zero",
    readonly fields: FieldIssue[],
  ) {
    super(fields.map((f) => `${f.field}: ${f.message}`).join("; "));
  }
}

const gcd = (a: bigint, b: bigint): bigint => {
  while (b) {
    [a, b] = [b, a % b];
  }
  return a < 0n ? -a : a;
};

/** The share as a decimal string with 6 places, rounded half-up (shares are never negative). */
export function shareString(num: bigint, den: bigint): string {
  const scaled = (2n * num * 1_000_000n + den) / (2n * den);
  const digits = scaled.toString().padStart(7, "0");
  return `${digits.slice(0, -6)}.${digits.slice(-6)}`;
}

/** Checks the input against every rule of RULES §6 and answers the exact allocation, Σ amountFen = totalFen. */
export function allocate(input: FactorMethodInput): DistrictAllocation[] {
  const issues: FieldIssue[] = [];
  if (!Number.isSafeInteger(input.totalFen) || input.totalFen <= 0) {
    issues.push({ field: "total", message: "总额须大于 0，最多两位小数" });
  }
  if (input.factors.length === 0) {
    issues.push({ field: "factors", message: "至少需要一个因素" });
  }
  if (input.districts.length === 0) {
    issues.push({ field: "districts", message: "至少需要一个区县" });
  }
  const weights: bigint[] = [];
  const seenFactor = new Set<string>();
  input.factors.forEach((f, i) => {
    if (seenFactor.has(f.code)) {
      issues.push({
        field: `factors.${i}.code`,
        message: `因素代码 ${f.code} 重复`,
      });
    }
    seenFactor.add(f.code);
    const w = parseDecimal(f.weight);
    if (!w) {
      issues.push({
        field: `factors.${i}.weight`,
        message: "权重须为小数，如 0.4",
      });
    } else if (decimalPlaces(w) > 4) {
      issues.push({
        field: `factors.${i}.weight`,
        message: "权重最多四位小数",
      });
    } else if (w.int < 0n) {
      issues.push({ field: `factors.${i}.weight`, message: "权重不能为负数" });
    } else {
      weights[i] =
        rescale(w, Math.max(w.scale, 4)) /
        10n ** BigInt(Math.max(w.scale, 4) - 4);
    }
  });
  if (
    weights.filter((w) => w !== undefined).length === input.factors.length &&
    input.factors.length > 0
  ) {
    const sum = weights.reduce((a, b) => a + b, 0n);
    if (sum !== 10_000n) {
      issues.push({
        field: "factors",
        message: `各因素权重之和须恰好等于 1（现为 ${formatDecimal({ int: sum, scale: 4 })}）`,
      });
    }
  }
  const seenDistrict = new Set<string>();
  const values: Dec[][] = input.districts.map((d, i) => {
    if (seenDistrict.has(d.code)) {
      issues.push({
        field: `districts.${i}.code`,
        message: `区县 ${d.code} 重复`,
      });
    }
    seenDistrict.add(d.code);
    for (const key of Object.keys(d.values)) {
      if (!seenFactor.has(key)) {
        issues.push({
          field: `districts.${i}.values.${key}`,
          message: `未定义的因素 ${key}`,
        });
      }
    }
    return input.factors.map((f) => {
      const raw = Object.hasOwn(d.values, f.code)
        ? d.values[f.code]
        : undefined;
      const field = `districts.${i}.values.${f.code}`;
      if (raw === undefined) {
        issues.push({ field, message: `缺少因素“${f.name}”的值` });
        return { int: 0n, scale: 0 };
      }
      const v = parseDecimal(raw);
      if (!v) {
        issues.push({ field, message: "因素值须为数字" });
        return { int: 0n, scale: 0 };
      }
      if (v.int < 0n) {
        issues.push({ field, message: "因素值不能为负数" });
      }
      return v;
    });
  });
  if (issues.length) {
    throw new FactorMethodError("validation_failed", issues);
  }

  // per factor: the values at one scale, and their sum S_f (the ratio is scale-free)
  const scaled: bigint[][] = input.districts.map(() => []);
  const sums: bigint[] = input.factors.map((f, j) => {
    const scale = Math.max(...values.map((row) => row[j].scale));
    let sum = 0n;
    values.forEach((row, i) => {
      scaled[i][j] = rescale(row[j], scale);
      sum += scaled[i][j];
    });
    return sum;
  });
  const zero = sums.flatMap((s, j) =>
    s === 0n
      ? [
          {
            field: `factors.${j}`,
            message: `因素“${input.factors[j].name}”在所有区县的值均为 0，无法按其分配`,
          },
        ]
      : [],
  );
  if (zero.length) {
    throw new FactorMethodError("factor_all_zero", zero);
  }

  // share_d = N_d / (10^4 × L), L the least common multiple of the sums
  const lcm = sums.reduce((l, s) => (l / gcd(l, s)) * s, 1n);
  const den = 10_000n * lcm;
  const total = BigInt(input.totalFen);
  const rows = input.districts.map((d, i) => {
    const num = input.factors.reduce(
      (acc, _f, j) => acc + weights[j] * scaled[i][j] * (lcm / sums[j]),
      0n,
    );
    const exact = total * num;
    return { code: d.code, num, base: exact / den, rem: exact % den };
  });
  let remaining = total - rows.reduce((a, r) => a + r.base, 0n);
  const order = [...rows].sort((a, b) =>
    a.rem === b.rem
      ? a.code < b.code
        ? -1
        : a.code > b.code
          ? 1
          : 0
      : a.rem > b.rem
        ? -1
        : 1,
  );
  const extra = new Set<string>();
  for (const r of order) {
    if (remaining <= 0n) {
      break;
    }
    extra.add(r.code);
    remaining -= 1n;
  }
  return rows.map((r) => {
    const g = gcd(r.num, den) || 1n;
    return {
      code: r.code,
      shareNum: r.num / g,
      shareDen: den / g,
      share: shareString(r.num, den),
      amountFen: Number(r.base + (extra.has(r.code) ? 1n : 0n)),
    };
  });
}
