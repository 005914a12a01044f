import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestApp,
  loginAs,
  type Session,
  type TestApp,
} from "../../test/harness.js";
import { balances, checkBook } from "../ledger/index.js";
import { ALLOCATION_BOOK } from "./allocations.service.js";

let t: TestApp;
let officer: Session,
  checker: Session,
  xihu: Session,
  enterprise: Session,
  auditor: Session;
const YEAR = 2019;
const CODES = [
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

const body = (over: Record<string, unknown> = {}) => ({
  name: `${YEAR}年度市科技资金因素法切块`,
  year: YEAR,
  kind: "city_funds",
  total: 12345678.9,
  factors: [
    { code: "rd", name: "研发投入", weight: "0.4" },
    { code: "hnte", name: "新增高新技术企业", weight: "0.35" },
    { code: "perf", name: "上年绩效评价", weight: "0.25" },
  ],
  districts: CODES.map((code, i) => ({
    code,
    values: { rd: 100 + i * 37.5, hnte: (i * 7) % 11, perf: 80 + (i % 5) },
  })),
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  [officer, xihu, enterprise, auditor] = await Promise.all(
    ["officer", "xihu", "enterprise", "auditor"].map((u) => loginAs(t.app, u)),
  );
  const admin = await loginAs(t.app, "admin");
  const bureau = (await officer.request("GET", "/api/auth/me")).json<{
    organization: { id: number };
  }>().organization.id;
  const created = await admin.request("POST", "/api/users", {
    username: "alloc.checker",
    displayName: "复核人",
    organizationId: bureau,
    roles: ["city_officer"],
    password: "Checker#Test2026x",
  });
  expect(created.statusCode, created.body).toBe(201);
  checker = await loginAs(t.app, "alloc.checker", "Checker#Test2026x");
});
afterAll(async () => t.close());

describe("POST /api/allocations/factor-method/preview (RULES §6 contract)", () => {
  it("when the contract example is previewed, then totalFen, names, 6-place shares and amounts summing to the total come back", async () => {
    const res = await officer.request(
      "POST",
      "/api/allocations/factor-method/preview",
      {
        total: body().total,
        factors: body().factors,
        districts: body().districts,
      },
    );
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<{
      totalFen: number;
      allocations: {
        code: string;
        name: string;
        share: string;
        amountFen: number;
        amount: number;
      }[];
    }>();
    expect(r.totalFen).toBe(1_234_567_890);
    expect(r.allocations).toHaveLength(13);
    expect(r.allocations.find((a) => a.code === "330106")).toMatchObject({
      name: "西湖区",
    });
    expect(r.allocations.reduce((a, x) => a + x.amountFen, 0)).toBe(
      1_234_567_890,
    );
    for (const a of r.allocations) {
      expect(a.share).toMatch(/^\d\.\d{6}$/);
      expect(a.amount).toBe(a.amountFen / 100);
    }
  });

  it("when a factor is zero everywhere, then 400 factor_all_zero names the factor", async () => {
    const districts = body().districts.map((d) => ({
      ...d,
      values: { ...d.values, hnte: 0 },
    }));
    const res = await officer.request(
      "POST",
      "/api/allocations/factor-method/preview",
      { total: 100, factors: body().factors, districts },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: "factor_all_zero",
      details: { fields: [{ field: "factors.1" }] },
    });
  });

  it("when weights miss 1, a value is negative, a district is unknown or repeated, then 400 with each field", async () => {
    const res = await officer.request(
      "POST",
      "/api/allocations/factor-method/preview",
      {
        total: 100,
        factors: [
          { code: "rd", name: "研发投入", weight: "0.5" },
          { code: "hnte", name: "高企", weight: 0.4 },
        ],
        districts: [
          { code: "330106", values: { rd: -1, hnte: 1 } },
          { code: "339999", values: { rd: 1, hnte: 1 } },
          { code: "330106", values: { rd: 1, hnte: 1 } },
        ],
      },
    );
    expect(res.statusCode).toBe(400);
    const fields = res.json<{
      error: {
        code: string;
        details: { fields: { field: string; message: string }[] };
      };
    }>().error;
    expect(fields.code).toBe("validation_failed");
    expect(fields.details.fields.map((f) => f.field).sort()).toEqual([
      "districts.0.values.rd",
      "districts.1.code",
      "districts.2.code",
      "factors",
    ]);
  });

  it("when the total has three decimals or the body has an unknown key, then 400 on that field", async () => {
    const res = await officer.request(
      "POST",
      "/api/allocations/factor-method/preview",
      { total: 1.234, factors: body().factors, districts: body().districts },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe("total");
    expect(
      (
        await officer.request(
          "POST",
          "/api/allocations/factor-method/preview",
          {
            ...body(),
            name: undefined,
            year: undefined,
            kind: undefined,
            extra: 1,
          },
        )
      ).statusCode,
    ).toBe(400);
  });

  it("when a district officer or an enterprise previews, then 403", async () => {
    const payload = {
      total: 100,
      factors: body().factors,
      districts: body().districts,
    };
    expect(
      (
        await xihu.request(
          "POST",
          "/api/allocations/factor-method/preview",
          payload,
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await enterprise.request(
          "POST",
          "/api/allocations/factor-method/preview",
          payload,
        )
      ).statusCode,
    ).toBe(403);
  });
});

describe("allocation plans: draft → approved (maker-checker) → booked; corrections reverse", () => {
  let planId: number;
  let version: number;

  it("when an officer saves a draft, then it holds the computed lines and nothing is booked", async () => {
    const res = await officer.request("POST", "/api/allocations/plans", body());
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json<{
      id: number;
      status: string;
      version: number;
      districts: { amountFen: number; values: Record<string, string> }[];
      booking: unknown;
      canApprove: boolean;
    }>();
    planId = p.id;
    version = p.version;
    expect(p).toMatchObject({
      status: "draft",
      booking: null,
      canApprove: false,
    });
    expect(p.districts.reduce((a, d) => a + d.amountFen, 0)).toBe(
      1_234_567_890,
    );
    expect(p.districts[1].values.rd).toBe("137.5");
    expect(
      await balances(t.deps.database.db, ALLOCATION_BOOK, { scope: YEAR }),
    ).toEqual([]);
    // a district does not see drafts
    expect(
      (await xihu.request("GET", `/api/allocations/plans/${planId}`))
        .statusCode,
    ).toBe(404);
  });

  it("when the preparer approves his own plan, then 403 and nothing is booked", async () => {
    const res = await officer.request(
      "POST",
      `/api/allocations/plans/${planId}/approve`,
      { version },
    );
    expect(res.statusCode).toBe(403);
    expect(
      (await officer.request("GET", `/api/allocations/plans/${planId}`)).json(),
    ).toMatchObject({ status: "draft" });
  });

  it("when another officer approves with a stale version, then 409 version_conflict", async () => {
    const res = await checker.request(
      "POST",
      `/api/allocations/plans/${planId}/approve`,
      { version: version + 5 },
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("version_conflict");
  });

  it("when two approvals race, then one books the plan and the other is refused; the districts hold their amounts", async () => {
    const [a, b] = await Promise.all([
      checker.request("POST", `/api/allocations/plans/${planId}/approve`, {
        version,
      }),
      checker.request("POST", `/api/allocations/plans/${planId}/approve`, {
        version,
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const p = (a.statusCode === 200 ? a : b).json<{
      status: string;
      approvedBy: { name: string };
      booking: { movementId: number };
      districts: { code: string; amountFen: number }[];
    }>();
    expect(p).toMatchObject({
      status: "approved",
      approvedBy: { name: "复核人" },
    });
    const db = t.deps.database.db;
    const bal = await balances(db, ALLOCATION_BOOK, {
      scope: YEAR,
      kinds: ["district_budget"],
    });
    expect(bal.reduce((s, x) => s + x.balanceFen, 0)).toBe(1_234_567_890);
    const [{ n }] = await t.deps.database.rows<{ n: number }>(
      sql`select count(*)::int as n from ledger_movements where idempotency_key = ${`allocation-plan-${planId}`}`,
    );
    expect(n).toBe(1);
    const res = await officer.request(
      "GET",
      `/api/allocations/balances?year=${YEAR}`,
    );
    const byCode = new Map(
      res
        .json<{ items: { code: string; balanceFen: number }[] }>()
        .items.map((i) => [i.code, i.balanceFen]),
    );
    for (const d of p.districts) {
      expect(byCode.get(d.code)).toBe(d.amountFen);
    }
    expect(await checkBook(db, ALLOCATION_BOOK)).toMatchObject({
      unbalancedMovements: 0,
      driftedAccounts: 0,
      wrongSideAccounts: 0,
      totalFen: 0,
    });
  });

  it("when an approved plan is edited, then 409 and it is unchanged", async () => {
    const res = await officer.request(
      "PUT",
      `/api/allocations/plans/${planId}`,
      { ...body({ total: 1 }), version: version + 1 },
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("invalid_state");
  });

  it("when a district officer reads, then only approved plans with only its own line", async () => {
    const list = (
      await xihu.request("GET", `/api/allocations/plans?year=${YEAR}`)
    ).json<{
      items: { id: number; ownAllocation: { code: string } | null }[];
    }>().items;
    expect(list.map((p) => p.id)).toEqual([planId]);
    expect(list[0].ownAllocation?.code).toBe("330106");
    const detail = (
      await xihu.request("GET", `/api/allocations/plans/${planId}`)
    ).json<{ districts: { code: string }[] }>();
    expect(detail.districts.map((d) => d.code)).toEqual(["330106"]);
    const bal = (
      await xihu.request("GET", `/api/allocations/balances?year=${YEAR}`)
    ).json<{ items: { code: string }[] }>();
    expect(bal.items.map((i) => i.code)).toEqual(["330106"]);
    expect(
      (await auditor.request("GET", `/api/allocations/plans/${planId}`)).json()
        .districts,
    ).toHaveLength(13);
    expect(
      (await enterprise.request("GET", "/api/allocations/plans")).statusCode,
    ).toBe(403);
  });

  it("when a correction is approved, then the old plan is reversed and superseded and the districts hold the new amounts only", async () => {
    const created = await officer.request(
      "POST",
      "/api/allocations/plans",
      body({
        name: "更正方案",
        total: 1000,
        correctsPlanId: planId,
        districts: CODES.slice(0, 2).map((code) => ({
          code,
          values: { rd: 1, hnte: 1, perf: 1 },
        })),
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json<{ id: number; version: number }>();
    // a second correction of the same plan cannot both land
    const twin = (
      await officer.request(
        "POST",
        "/api/allocations/plans",
        body({ name: "另一更正", total: 10, correctsPlanId: planId }),
      )
    ).json<{ id: number; version: number }>();
    const ok = await checker.request(
      "POST",
      `/api/allocations/plans/${c.id}/approve`,
      { version: c.version },
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(
      (
        await checker.request(
          "POST",
          `/api/allocations/plans/${twin.id}/approve`,
          { version: twin.version },
        )
      ).statusCode,
    ).toBe(409);
    expect(
      (await officer.request("GET", `/api/allocations/plans/${planId}`)).json(),
    ).toMatchObject({
      status: "superseded",
      supersededBy: c.id,
      booking: { reversalMovementId: expect.any(Number) },
    });
    const bal = (
      await officer.request("GET", `/api/allocations/balances?year=${YEAR}`)
    ).json<{
      totalFen: number;
      items: { code: string; balanceFen: number }[];
    }>();
    expect(bal.totalFen).toBe(100_000);
    expect(
      bal.items
        .filter((i) => i.balanceFen > 0)
        .map((i) => [i.code, i.balanceFen]),
    ).toEqual([
      ["330102", 50_000],
      ["330103", 50_000],
    ]);
    expect(await checkBook(t.deps.database.db, ALLOCATION_BOOK)).toMatchObject({
      unbalancedMovements: 0,
      driftedAccounts: 0,
      wrongSideAccounts: 0,
      totalFen: 0,
    });
  });

  it("when a correction names a draft or another year, then 400 on correctsPlanId", async () => {
    const draft = (
      await officer.request(
        "POST",
        "/api/allocations/plans",
        body({ name: "草稿" }),
      )
    ).json<{ id: number }>();
    const res = await officer.request(
      "POST",
      "/api/allocations/plans",
      body({ correctsPlanId: draft.id }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe("correctsPlanId");
  });
});
