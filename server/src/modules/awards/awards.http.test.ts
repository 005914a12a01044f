import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock, setBusinessClock } from "../../lib/clock.js";
import { addWorkingDays } from "../calendar/index.js";
import {
  createTestApp,
  loginAs,
  type Session,
  type TestApp,
} from "../../test/harness.js";

let t: TestApp;
let officer: Session,
  xihu: Session,
  binjiang: Session,
  enterprise: Session,
  auditor: Session,
  provider: Session;
type Nom = {
  id: number;
  status: string;
  version: number;
  enterpriseId: number;
  districtName: string;
  proposedGrade: string | null;
  grade: string | null;
  certificateNo: string | null;
  title: string;
  gradeName: string | null;
  actions: { action: string }[];
  events: { action: string; comment: string | null }[];
};

beforeAll(async () => {
  t = await createTestApp();
  [officer, xihu, binjiang, enterprise, auditor, provider] = await Promise.all(
    ["officer", "xihu", "binjiang", "enterprise", "auditor", "provider"].map(
      (u) => loginAs(t.app, u),
    ),
  );
});
afterAll(async () => t.close());

const nominations = async (s: Session, q = "") =>
  (await s.request("GET", `/api/awards/nominations${q}`)).json<{
    items: Nom[];
  }>().items;

describe("national and provincial award records and the award.* indicators", () => {
  it("when the demo data is counted, then 2015 has 2 national first, 4 national second and 24 provincial awards, and the indicators say so", async () => {
    const s = (
      await officer.request("GET", "/api/awards/summary?year=2015")
    ).json();
    expect(s).toMatchObject({
      year: 2015,
      nationalFirst: 2,
      nationalSecond: 4,
      provincial: 24,
    });
    const rec = await officer.request(
      "GET",
      "/api/indicators/award.national.first/records?year=2015",
    );
    expect(rec.statusCode, rec.body).toBe(200);
    expect(rec.json<{ total: number }>().total).toBe(2);
    const prov = await officer.request(
      "GET",
      "/api/indicators/award.provincial/records?year=2015",
    );
    expect(prov.json<{ total: number }>().total).toBe(24);
  });

  it("when an officer registers a national award of a registry enterprise, then the year counts it, in its district", async () => {
    const ent = (
      await officer.request("GET", "/api/enterprises?limit=1&district=滨江区")
    ).json<{ items: { id: number; name: string }[] }>().items[0];
    const res = await officer.request("POST", "/api/awards/records", {
      level: "national",
      grade: "second",
      year: 2019,
      projectTitle: "测试项目：高端装备控制系统",
      units: [ent.name],
      enterpriseId: ent.id,
      documentNo: "国发〔2020〕1号",
      awardedOn: "2020-01-10",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      levelName: "国家级",
      gradeName: "二等奖",
      districtName: "滨江区",
    });
    expect(
      (await officer.request("GET", "/api/awards/summary?year=2019")).json(),
    ).toMatchObject({ nationalSecond: 1 });
    expect(
      (await binjiang.request("GET", "/api/awards/summary?year=2019")).json(),
    ).toMatchObject({ nationalSecond: 1 });
    expect(
      (await xihu.request("GET", "/api/awards/summary?year=2019")).json(),
    ).toMatchObject({ nationalSecond: 0 });
    // the same project twice is a conflict on the field; bad input is 400 with fields
    const again = await officer.request("POST", "/api/awards/records", {
      level: "national",
      grade: "second",
      year: 2019,
      projectTitle: "测试项目：高端装备控制系统",
      units: [ent.name],
      documentNo: "国发〔2020〕1号",
      awardedOn: "2020-01-10",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.fields[0].field).toBe("projectTitle");
    const bad = await officer.request("POST", "/api/awards/records", {
      level: "city",
      grade: "fourth",
      year: 1990,
      projectTitle: "",
      units: [],
      documentNo: "x",
      awardedOn: "2020-02-30",
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual([
      "awardedOn",
      "documentNo",
      "grade",
      "level",
      "projectTitle",
      "units",
      "year",
    ]);
    expect(
      (
        await xihu.request("POST", "/api/awards/records", {
          level: "national",
          grade: "second",
          year: 2019,
          projectTitle: "区县不能登记",
          units: ["x单位"],
          documentNo: "国发〔2020〕1号",
          awardedOn: "2020-01-10",
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await enterprise.request("GET", "/api/awards/records")).statusCode,
    ).toBe(403);
  });
});

describe("the city S&T progress award on the case kernel", () => {
  it("when scopes read nominations, then the bureau sees all, a district its own, the enterprise its own, a provider nothing", async () => {
    const all = await nominations(officer, "?year=2016");
    expect(all.length).toBeGreaterThan(8);
    expect(new Set(all.map((n) => n.status))).toEqual(
      new Set([
        "draft",
        "submitted",
        "formal_passed",
        "rejected",
        "scored",
        "returned",
      ]),
    );
    const own = await nominations(xihu, "?year=2016");
    expect(own.every((n) => n.districtName === "西湖区")).toBe(true);
    const mine = await nominations(enterprise);
    expect(mine.map((n) => n.status)).toEqual(["returned"]);
    expect(
      (await provider.request("GET", "/api/awards/nominations")).statusCode,
    ).toBe(403);
    expect(
      (await auditor.request("GET", `/api/awards/nominations/${all[0].id}`))
        .statusCode,
    ).toBe(200);
    const other = all.find((n) => n.districtName !== "西湖区")!;
    expect(
      (await xihu.request("GET", `/api/awards/nominations/${other.id}`))
        .statusCode,
    ).toBe(404);
  });

  it("when the enterprise corrects its returned nomination and resubmits, then the officer passes the formal check, and a return needs a reason", async () => {
    const [n] = await nominations(enterprise);
    const detail = (
      await enterprise.request("GET", `/api/awards/nominations/${n.id}`)
    ).json<
      Nom & {
        title: string;
        field: string;
        achievement: string;
        summary: string;
        completers: unknown[];
        nominatingUnit: string;
      }
    >();
    expect(detail.actions.map((a) => a.action)).toEqual(["submit"]);
    const { title, field, achievement, summary, completers, nominatingUnit } =
      detail;
    const put = await enterprise.request(
      "PUT",
      `/api/awards/nominations/${n.id}`,
      {
        title,
        field,
        achievement,
        summary,
        completers: [...completers].reverse(),
        nominatingUnit,
        version: detail.version,
      },
    );
    expect(put.statusCode, put.body).toBe(200);
    expect(
      (
        await enterprise.request(
          "POST",
          `/api/awards/nominations/${n.id}/actions`,
          { action: "formal_pass" },
        )
      ).statusCode,
    ).toBe(403);
    const sub = await enterprise.request(
      "POST",
      `/api/awards/nominations/${n.id}/actions`,
      { action: "submit" },
    );
    expect(sub.json()).toMatchObject({ status: "submitted" });
    const noReason = await officer.request(
      "POST",
      `/api/awards/nominations/${n.id}/actions`,
      { action: "formal_return" },
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.fields[0].field).toBe("comment");
    const pass = await officer.request(
      "POST",
      `/api/awards/nominations/${n.id}/actions`,
      { action: "formal_pass" },
    );
    expect(pass.json<Nom>()).toMatchObject({ status: "formal_passed" });
    expect(
      pass
        .json<Nom>()
        .events.map((e) => e.action)
        .slice(-3),
    ).toEqual(["formal_return", "submit", "formal_pass"]);
    // a submitted nomination can no longer be edited
    expect(
      (
        await enterprise.request("PUT", `/api/awards/nominations/${n.id}`, {
          title,
          field,
          achievement,
          summary,
          completers,
          nominatingUnit,
          version: pass.json<Nom>().version,
        })
      ).statusCode,
    ).toBe(409);
  });

  it("when the officer draws a panel for a formally passed nomination, then the kernel seats five experts with the award score sheet", async () => {
    const ready = (
      await nominations(officer, "?year=2016&status=formal_passed")
    )[0];
    const draw = await officer.request(
      "POST",
      `/api/cases/${ready.id}/panel`,
      {},
    );
    expect(draw.statusCode, draw.body).toBe(201);
    expect(draw.json<{ members: unknown[] }>().members).toHaveLength(5);
    expect(
      (
        await officer.request("GET", `/api/awards/nominations/${ready.id}`)
      ).json(),
    ).toMatchObject({ status: "expert_review" });
  });

  it("when a scored nomination gets its grade, goes through the notice and is decided, then it is awarded with a certificate number", async () => {
    const scored = (
      await nominations(officer, "?year=2016&status=scored")
    ).find((n) => n.proposedGrade === null)!;
    // not ready for the notice before the grade is set
    const early = await officer.request("POST", "/api/notices", {
      instrument: "awards",
      subject: "progress",
      year: 2016,
      title: "2016年度杭州市科学技术进步奖拟授奖项目公示",
      applicationIds: [scored.id],
    });
    expect(early.statusCode).toBeGreaterThanOrEqual(400);
    expect(
      (
        await officer.request(
          "POST",
          `/api/awards/nominations/${scored.id}/grade`,
          { grade: "fourth" },
        )
      ).statusCode,
    ).toBe(400);
    const graded = await officer.request(
      "POST",
      `/api/awards/nominations/${scored.id}/grade`,
      { grade: "third" },
    );
    expect(graded.json()).toMatchObject({ proposedGrade: "third" });
    const pub = await officer.request("POST", "/api/notices", {
      instrument: "awards",
      subject: "progress",
      year: 2016,
      title: "2016年度杭州市科学技术进步奖拟授奖项目公示",
      applicationIds: [scored.id],
    });
    expect(pub.statusCode, pub.body).toBe(201);
    const notice = pub.json<{ endsOn: string; items: { summary: string }[] }>();
    expect(notice.items[0].summary).toContain("拟授三等奖");
    const decideOn = await addWorkingDays(notice.endsOn, 2, t.deps.database.db);
    expect(decideOn > notice.endsOn).toBe(true);
    const restore = setBusinessClock(fixedClock(decideOn));
    try {
      const decided = await officer.request(
        "POST",
        `/api/cases/${scored.id}/decision`,
        { approve: true },
      );
      expect(decided.statusCode, decided.body).toBe(200);
    } finally {
      restore();
    }
    const n = (
      await officer.request("GET", `/api/awards/nominations/${scored.id}`)
    ).json<Nom>();
    expect(n).toMatchObject({
      status: "awarded",
      grade: "third",
      certificateNo: "杭科进奖2016-3-001",
    });
    expect(
      (await officer.request("GET", "/api/awards/summary?year=2016")).json()
        .cityAwarded,
    ).toEqual({ third: 1 });
  });

  it("when an awarded nomination's certificate is downloaded, then it is a Word file naming the project, grade, number and the city government; before the award there is none", async () => {
    const awarded = (await nominations(officer, "?year=2015&status=awarded"))[0];
    const res = await officer.request("GET", `/api/awards/nominations/${awarded.id}/certificate.docx`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers["content-type"]).toContain("wordprocessingml");
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    for (const part of ["杭州市科学技术进步奖", awarded.title, awarded.gradeName!, awarded.certificateNo!, "杭州市人民政府", "（盖章处）"]) {
      expect(text).toContain(part);
    }
    const pending = (await nominations(officer, "?year=2016&status=submitted"))[0];
    expect((await officer.request("GET", `/api/awards/nominations/${pending.id}/certificate.docx`)).statusCode).toBe(409);
    expect((await provider.request("GET", `/api/awards/nominations/${awarded.id}/certificate.docx`)).statusCode).toBe(403);
  });

  it("when the enterprise nominates with missing fields or outside an open call, then 4xx with field messages", async () => {
    const bad = await enterprise.request("POST", "/api/awards/nominations", {
      title: "x",
      field: "天文",
      achievement: "短",
      summary: "",
      completers: [],
      nominatingUnit: "",
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual([
      "achievement",
      "completers",
      "field",
      "nominatingUnit",
      "summary",
      "title",
    ]);
    expect(
      (
        await officer.request("POST", "/api/awards/nominations", {
          title: "官员不能提名项目",
          field: "电子信息",
          achievement: "主要科技创新内容主要科技创新内容主要科技创新内容",
          summary: "经济社会效益显著显著",
          completers: [
            { name: "张三", unit: "某单位", contribution: "总体设计" },
          ],
          nominatingUnit: "区科技局",
        })
      ).statusCode,
    ).toBe(403);
  });
});
