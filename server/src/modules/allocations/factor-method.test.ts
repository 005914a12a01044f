import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocate,
  FactorMethodError,
  parseDecimal,
  shareString,
  type FactorMethodInput,
} from "./factor-method.js";

const codes = [
  "330102",
  "330103",
  "330104",
  "330105",
  "330106",
  "330108",
  "330109",
  "330110",
  "330111",
  "330122",
  "330127",
  "330182",
  "330185",
];
const fail = (input: FactorMethodInput): FactorMethodError => {
  try {
    allocate(input);
  } catch (e) {
    if (e instanceof FactorMethodError) {
      return e;
    }
    throw e;
  }
  throw new Error("expected a FactorMethodError");
};

describe("factor-method allocation (RULES §6)", () => {
  it("when one factor splits 100 fen 1:1:1, then the remainder fen goes to the lowest district code among equal fractions", () => {
    const r = allocate({
      totalFen: 100,
      factors: [{ code: "a", name: "A", weight: "1" }],
      districts: ["330106", "330102", "330108"].map((code) => ({
        code,
        values: { a: 1 },
      })),
    });
    // 33.33… each: base 33, R = 1, ties → 330102
    expect(r.map((x) => [x.code, x.amountFen])).toEqual([
      ["330106", 33],
      ["330102", 34],
      ["330108", 33],
    ]);
    expect(r.map((x) => x.share)).toEqual(["0.333333", "0.333333", "0.333333"]);
  });

  it("when fractions differ, then the remaining fen go to the largest fractional parts first", () => {
    // shares 0.5, 0.3, 0.2 of 7 fen: exact 3.5, 2.1, 1.4 → base 3, 2, 1, R = 1 → the 0.5 fraction
    const r = allocate({
      totalFen: 7,
      factors: [{ code: "a", name: "A", weight: 1 }],
      districts: [
        { code: "330102", values: { a: 5 } },
        { code: "330103", values: { a: 3 } },
        { code: "330104", values: { a: 2 } },
      ],
    });
    expect(r.map((x) => x.amountFen)).toEqual([4, 2, 1]);
  });

  it("when two weighted factors apply, then each share is Σ weight × value / Σ value, exactly", () => {
    const r = allocate({
      totalFen: 1_234_567_890,
      factors: [
        { code: "rd", name: "研发投入", weight: "0.4" },
        { code: "hnte", name: "新增高企", weight: "0.6" },
      ],
      districts: [
        { code: "330106", values: { rd: 123.4, hnte: 10 } },
        { code: "330108", values: { rd: 246.8, hnte: 30 } },
      ],
    });
    // 330106: 0.4 × 1/3 + 0.6 × 1/4 = 0.283333…; 330108: 0.716666…
    expect(r[0].shareNum * 60n).toBe(17n * r[0].shareDen);
    expect(r.map((x) => x.share)).toEqual(["0.283333", "0.716667"]);
    // exact: 1234567890 × 17/60 = 349794235.5 ; 1234567890 × 43/60 = 884773654.5 → tie on .5, 330106 first
    expect(r.map((x) => x.amountFen)).toEqual([349_794_236, 884_773_654]);
  });

  it("when a share is exactly half a millionth, then the share string rounds half-up", () => {
    expect(shareString(1n, 2_000_000n)).toBe("0.000001");
    expect(shareString(1n, 2_000_001n)).toBe("0.000000");
    expect(shareString(1n, 1n)).toBe("1.000000");
  });

  it("when the weights do not sum to exactly 1, then it is a field error on factors", () => {
    const e = fail({
      totalFen: 100,
      factors: [
        { code: "a", name: "A", weight: "0.3333" },
        { code: "b", name: "B", weight: "0.6666" },
      ],
      districts: [{ code: "330102", values: { a: 1, b: 1 } }],
    });
    expect(e.code).toBe("validation_failed");
    expect(e.fields).toEqual([
      { field: "factors", message: expect.stringContaining("0.9999") },
    ]);
  });

  it("when a weight has more than 4 decimals or is negative, then that weight is the field in error", () => {
    const e = fail({
      totalFen: 100,
      factors: [
        { code: "a", name: "A", weight: "0.12345" },
        { code: "b", name: "B", weight: "-0.1" },
      ],
      districts: [{ code: "330102", values: { a: 1, b: 1 } }],
    });
    expect(e.fields.map((f) => f.field)).toEqual([
      "factors.0.weight",
      "factors.1.weight",
    ]);
  });

  it("when a value is negative, a factor value is missing or unknown, or a district repeats, then each is named by its field", () => {
    const e = fail({
      totalFen: 100,
      factors: [{ code: "a", name: "A", weight: "1" }],
      districts: [
        { code: "330102", values: { a: -1 } },
        { code: "330103", values: {} },
        { code: "330102", values: { a: 1, z: 2 } },
      ],
    });
    expect(e.code).toBe("validation_failed");
    expect(e.fields.map((f) => f.field).sort()).toEqual([
      "districts.0.values.a",
      "districts.1.values.a",
      "districts.2.code",
      "districts.2.values.z",
    ]);
  });

  it("when a factor code repeats, then the second is the field in error", () => {
    const e = fail({
      totalFen: 100,
      factors: [
        { code: "a", name: "A", weight: "0.5" },
        { code: "a", name: "A2", weight: "0.5" },
      ],
      districts: [{ code: "330102", values: { a: 1 } }],
    });
    expect(e.fields.map((f) => f.field)).toEqual(["factors.1.code"]);
  });

  it("when every district has zero for a factor, then it is factor_all_zero naming that factor", () => {
    const e = fail({
      totalFen: 100,
      factors: [
        { code: "a", name: "A", weight: "0.5" },
        { code: "b", name: "绩效", weight: "0.5" },
      ],
      districts: [
        { code: "330102", values: { a: 1, b: 0 } },
        { code: "330103", values: { a: 2, b: 0 } },
      ],
    });
    expect(e.code).toBe("factor_all_zero");
    expect(e.fields).toEqual([
      { field: "factors.1", message: expect.stringContaining("绩效") },
    ]);
  });

  it("when a weight of zero is given for a factor with values, then that factor moves nothing", () => {
    const r = allocate({
      totalFen: 1000,
      factors: [
        { code: "a", name: "A", weight: "1.0000" },
        { code: "b", name: "B", weight: "0" },
      ],
      districts: [
        { code: "330102", values: { a: 1, b: 9 } },
        { code: "330103", values: { a: 1, b: 0 } },
      ],
    });
    expect(r.map((x) => x.amountFen)).toEqual([500, 500]);
  });

  it("when decimals are parsed, then numbers and strings are exact (no binary float noise)", () => {
    expect(parseDecimal(0.1)).toEqual({ int: 1n, scale: 1 });
    expect(parseDecimal("1e3")).toEqual({ int: 1000n, scale: 0 });
    expect(parseDecimal(1.5e-7)).toEqual({ int: 15n, scale: 8 });
    expect(parseDecimal("abc")).toBeNull();
    expect(parseDecimal(Number.NaN)).toBeNull();
  });
});

// ── properties over random inputs ────────────────────────────────────────────────────────────
const weightsSummingToOne = fc
  .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 0, maxLength: 4 })
  .map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), 10_000];
    return points.slice(1).map((p, i) => p - points[i]);
  });
const scenario = fc
  .record({
    totalFen: fc.integer({ min: 1, max: 10_000_000_000_00 }),
    weights: weightsSummingToOne,
    n: fc.integer({ min: 1, max: 13 }),
    seedValues: fc.array(
      fc.array(
        fc.oneof(
          fc.integer({ min: 0, max: 1_000_000 }),
          fc
            .double({ min: 0, max: 1e6, noNaN: true })
            .map((x) => Math.round(x * 100) / 100),
        ),
        { minLength: 13, maxLength: 13 },
      ),
      { minLength: 5, maxLength: 5 },
    ),
  })
  .map(({ totalFen, weights, n, seedValues }): FactorMethodInput => {
    const factors = weights.map((w, j) => ({
      code: `f${j}`,
      name: `因素${j}`,
      weight: (w / 10_000).toFixed(4),
    }));
    const districts = codes
      .slice(0, n)
      .map((code, i) => ({
        code,
        values: Object.fromEntries(
          factors.map((f, j) => [f.code, seedValues[j][i] + (i === 0 ? 1 : 0)]),
        ),
      }));
    return { totalFen, factors, districts };
  });

describe("factor-method properties", () => {
  it("when any valid input is allocated, then the amounts sum to the total to the fen, none negative", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const r = allocate(input);
        expect(r.reduce((a, x) => a + x.amountFen, 0)).toBe(input.totalFen);
        expect(r.every((x) => x.amountFen >= 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("when any valid input is allocated, then each amount is floor(exact) or floor(exact)+1 and the +1 go to the largest fractions (ties by code)", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const r = allocate(input);
        const total = BigInt(input.totalFen);
        const parts = r.map((x) => ({
          code: x.code,
          base: (total * x.shareNum) / x.shareDen,
          frac: { n: (total * x.shareNum) % x.shareDen, d: x.shareDen },
          amount: BigInt(x.amountFen),
        }));
        for (const p of parts) {
          expect(p.amount === p.base || p.amount === p.base + 1n).toBe(true);
        }
        const cmp = (a: (typeof parts)[number], b: (typeof parts)[number]) => {
          const x = a.frac.n * b.frac.d;
          const y = b.frac.n * a.frac.d;
          return x === y ? (a.code < b.code ? -1 : 1) : x > y ? -1 : 1;
        };
        const sorted = [...parts].sort(cmp);
        const got = sorted.map((p) => p.amount - p.base);
        // all the +1 first, then none: a district with a smaller fraction never beats a larger one
        expect(got.join("")).toMatch(/^1*0*$/);
      }),
      { numRuns: 300 },
    );
  });

  it("when the shares are added, then they sum to exactly 1 and each share string is within half a millionth", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const r = allocate(input);
        const den = r.reduce((l, x) => l * x.shareDen, 1n);
        expect(
          r.reduce((a, x) => a + (x.shareNum * den) / x.shareDen, 0n),
        ).toBe(den);
        for (const x of r) {
          const millionths = BigInt(x.share.replace(".", ""));
          const diff = millionths * x.shareDen - x.shareNum * 1_000_000n;
          expect(2n * (diff < 0n ? -diff : diff) <= x.shareDen).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("when the districts are listed in another order, then every district gets the same amount", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const a = new Map(allocate(input).map((x) => [x.code, x.amountFen]));
        const b = new Map(
          allocate({ ...input, districts: [...input.districts].reverse() }).map(
            (x) => [x.code, x.amountFen],
          ),
        );
        expect(b).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });
});
