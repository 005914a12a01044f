/**
 * Exact rational arithmetic on bigint, so that a ratio at a rule's boundary (15.00% growth,
 * 5.00% R&D intensity) lands on the side the rule says and never on a float's rounding error.
 * Money enters as integer fen; thresholds enter as decimal strings ("0.05").
 */
export interface Rational {
  /** Numerator; the sign lives here. */
  n: bigint;
  /** Denominator, always > 0. */
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x;
}

export function rational(n: bigint | number, d: bigint | number = 1n): Rational {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) {
    throw new RangeError('division by zero');
  }
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  const g = gcd(nn, dd) || 1n;
  return { n: nn / g, d: dd / g };
}

/** "0.05" → 1/20; "-1.5" → -3/2; "12" → 12. Only plain decimals, no exponents. */
export function parseDecimal(text: string): Rational {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) {
    throw new RangeError(`not a decimal: ${text}`);
  }
  const frac = m[3] ?? '';
  const n = BigInt(m[2] + frac) * (m[1] === '-' ? -1n : 1n);
  return rational(n, 10n ** BigInt(frac.length));
}

export const add = (a: Rational, b: Rational): Rational => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => rational(a.n * b.d, a.d * b.n);

/** -1, 0 or 1 as a is below, equal to or above b. */
export function cmp(a: Rational, b: Rational): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}
export const gte = (a: Rational, b: Rational): boolean => cmp(a, b) >= 0;
export const gt = (a: Rational, b: Rational): boolean => cmp(a, b) > 0;
export const lte = (a: Rational, b: Rational): boolean => cmp(a, b) <= 0;

/** The value rounded half away from zero to `digits` decimals, as a JS number for the API. */
export function toNumber(r: Rational, digits = 10): number {
  const scale = 10n ** BigInt(digits);
  const scaled = r.n * scale;
  const q = scaled / r.d;
  const rem = scaled % r.d;
  const twice = (rem < 0n ? -rem : rem) * 2n;
  const rounded = twice >= r.d ? q + (scaled < 0n ? -1n : 1n) : q;
  return Number(rounded) / Number(scale);
}

/** Yuan (at most two decimals, checked by the schema) to integer fen. */
export function fen(yuan: number): bigint {
  const f = Math.round(yuan * 100);
  if (!Number.isSafeInteger(f)) {
    throw new RangeError('amount out of range');
  }
  return BigInt(f);
}
