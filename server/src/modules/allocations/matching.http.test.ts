import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestApp,
  loginAs,
  type Session,
  type TestApp,
} from "../../test/harness.js";
import { checkBook } from "../ledger/index.js";
import { MATCHING_BOOK, matchingFen } from "./matching.service.js";

let t: TestApp;
let officer: Session,
  treasurer: Session,
  xihu: Session,
  enterprise: Session,
  provider: Session;
type Project = {
  id: number;
  matching: number;
  paid: number;
  remaining: number;
  policy: { documentNo: string; ratio: string };
  orderIds: number[];
};

beforeAll(async () => {
  t = await createTestApp();
  [officer, treasurer, xihu, enterprise, provider] = await Promise.all(
    ["officer", "treasurer", "xihu", "enterprise", "provider"].map((u) =>
      loginAs(t.app, u),
    ),
  );
});
afterAll(async () => t.close());

describe("matching funds (配套资金)", () => {
  it("when the matching amount is computed, then it is ⌊external × ratio⌋ in fen, capped", () => {
    expect(matchingFen(333_333_33, "0.3", 1_000_000_00)).toBe(9_999_999);
    expect(matchingFen(10_000_000_00, "0.5", 2_000_000_00)).toBe(2_000_000_00);
    expect(matchingFen(1, "0.5", 100)).toBe(0);
  });

  it("when a project is registered, then the policy version in force on its approval date decides the promise, booked on the ledger", async () => {
    const ent = (await enterprise.request("GET", "/api/auth/me")).json<{
      organization: { enterpriseId: number };
    }>().organization.enterpriseId;
    const old = await officer.request("POST", "/api/matching/projects", {
      level: "national",
      sourceProgramme: "国家重点研发计划",
      title: "测试项目：2015年上半年立项",
      approvalDocNo: "国科发计〔2015〕T1号",
      enterpriseId: ent,
      external: 1_000_000,
      approvedOn: "2015-03-01",
    });
    expect(old.statusCode, old.body).toBe(201);
    expect(old.json<Project>()).toMatchObject({
      matching: 300_000,
      remaining: 300_000,
      paid: 0,
      policy: { ratio: "0.3" },
    });
    const capped = await officer.request("POST", "/api/matching/projects", {
      level: "national",
      sourceProgramme: "国家重点研发计划",
      title: "测试项目：2015年下半年立项",
      approvalDocNo: "国科发计〔2015〕T2号",
      enterpriseId: ent,
      external: 5_000_000,
      approvedOn: "2015-08-01",
    });
    expect(capped.json<Project>()).toMatchObject({
      matching: 2_000_000,
      policy: { ratio: "0.5" },
    });
    const before = await officer.request("POST", "/api/matching/projects", {
      level: "provincial",
      sourceProgramme: "省重点研发计划",
      title: "测试项目：政策之前",
      approvalDocNo: "浙科发〔2013〕T3号",
      enterpriseId: ent,
      external: 100,
      approvedOn: "2013-05-01",
    });
    expect(before.statusCode).toBe(400);
    expect(before.json().error.details.fields[0].field).toBe("approvedOn");
    const dup = await officer.request("POST", "/api/matching/projects", {
      level: "national",
      sourceProgramme: "国家重点研发计划",
      title: "重复登记的项目",
      approvalDocNo: "国科发计〔2015〕T1号",
      enterpriseId: ent,
      external: 10,
      approvedOn: "2015-03-01",
    });
    expect(dup.statusCode).toBe(409);
    // the enterprise and its district see it; a provider does not
    expect(
      (await enterprise.request("GET", "/api/matching/projects"))
        .json<{ items: Project[] }>()
        .items.map((p) => p.id),
    ).toContain(old.json<Project>().id);
    expect(
      (await xihu.request("GET", "/api/matching/projects"))
        .json<{ items: Project[] }>()
        .items.map((p) => p.id),
    ).toContain(old.json<Project>().id);
    expect(
      (await provider.request("GET", "/api/matching/projects")).statusCode,
    ).toBe(403);
  });

  it("when a payment is prepared and the finance reviewer approves it, then paid moves from the promise; more than remains is refused", async () => {
    const p = (await enterprise.request("GET", "/api/matching/projects"))
      .json<{ items: (Project & { title: string })[] }>()
      .items.find((x) => x.title === "测试项目：2015年上半年立项")!;
    const over = await officer.request(
      "POST",
      `/api/matching/projects/${p.id}/payments`,
      { amount: 300_000.01 },
    );
    expect(over.statusCode).toBe(409);
    expect(over.json().error.details.fields[0].field).toBe("amount");
    const prepared = await officer.request(
      "POST",
      `/api/matching/projects/${p.id}/payments`,
      { amount: 120_000 },
    );
    expect(prepared.statusCode, prepared.body).toBe(200);
    const orderId = prepared.json<Project>().orderIds[0];
    // the preparer may not approve; the finance reviewer does
    const order = (
      await treasurer.request("GET", `/api/payments/${orderId}`)
    ).json<{ version: number }>();
    expect(
      (
        await officer.request("POST", `/api/payments/${orderId}/approve`, {
          version: order.version,
        })
      ).statusCode,
    ).toBe(403);
    const ok = await treasurer.request(
      "POST",
      `/api/payments/${orderId}/approve`,
      { version: order.version },
    );
    expect(ok.statusCode, ok.body).toBe(200);
    const after = (
      await officer.request("GET", "/api/matching/projects?year=2015")
    )
      .json<{ items: Project[] }>()
      .items.find((x) => x.id === p.id)!;
    expect(after).toMatchObject({ paid: 120_000, remaining: 180_000 });
    expect(await checkBook(t.deps.database.db, MATCHING_BOOK)).toMatchObject({
      unbalancedMovements: 0,
      driftedAccounts: 0,
      wrongSideAccounts: 0,
      totalFen: 0,
    });
  });

  it("when a policy version is added with a bad ratio or twice on one date, then 4xx on the field", async () => {
    expect(
      (
        await officer.request("POST", "/api/matching/policies", {
          level: "national",
          ratio: "1.5",
          cap: 100,
          effectiveFrom: "2017-01-01",
          documentNo: "杭财教〔2016〕1号",
        })
      ).json().error.details.fields[0].field,
    ).toBe("ratio");
    expect(
      (
        await officer.request("POST", "/api/matching/policies", {
          level: "national",
          ratio: "0.4",
          cap: 100,
          effectiveFrom: "2017-01-01",
          documentNo: "杭财教〔2016〕1号",
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await officer.request("POST", "/api/matching/policies", {
          level: "national",
          ratio: "0.4",
          cap: 100,
          effectiveFrom: "2017-01-01",
          documentNo: "杭财教〔2016〕1号",
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await xihu.request("POST", "/api/matching/policies", {
          level: "national",
          ratio: "0.4",
          cap: 100,
          effectiveFrom: "2018-01-01",
          documentNo: "杭财教〔2016〕1号",
        })
      ).statusCode,
    ).toBe(403);
  });
});
