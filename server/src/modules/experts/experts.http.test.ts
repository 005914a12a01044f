import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApplicationStatus, type RecognitionType } from '../../db/schema/index.js';
import { insertCall, insertRecognitionCase } from '../../test/factories.js';
import { enterpriseInput } from '../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let officer: Session;
let admin: Session;
let auditor: Session;
let xihu: Session;
let enterprise: Session;

/** expert id → the session of its own login */
const sessionOf = new Map<number, Session>();
const pool: Record<string, number> = {};
let callId = 0;
let expertOrgId: number | undefined;

const ok = async (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
  const res = await s.request(method, url, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
};

/** hnte data: Class I IP → band A (7–8), conversions 3/yr → C (13–18), net assets +22.5% → C (5–6), sales +31.7% → B (7–8). */
const HNTE_DATA = {
  profile: {
    contactName: '张三',
    contactPhone: '0571-88886666',
    employees: 120,
    stEmployees: 30,
    domain: '电子信息',
    registeredOn: '2012-03-15',
    registeredInChina: true,
    majorIncident: false,
    restrictedIndustry: false,
    seriousDishonesty: false,
  },
  financials: [
    { year: 2013, salesRevenue: 30_000_000, totalAssets: 20_000_000, totalLiabilities: 10_000_000, rdExpenses: 1_800_000, rdDomestic: 1_800_000, totalCostExpenses: 25_000_000 },
    { year: 2014, salesRevenue: 40_000_000, totalAssets: 22_000_000, totalLiabilities: 10_000_000, rdExpenses: 2_400_000, rdDomestic: 2_400_000, totalCostExpenses: 33_000_000 },
    { year: 2015, salesRevenue: 52_000_000, totalAssets: 25_000_000, totalLiabilities: 10_000_000, rdExpenses: 3_000_000, rdDomestic: 3_000_000, totalCostExpenses: 42_000_000 },
  ],
  lastYear: { totalRevenue: 52_000_000, highTechRevenue: 40_000_000 },
  ipList: [
    { title: '一种低功耗芯片', kind: 'invention', number: 'ZL201410000001', grantedOn: '2015-03-01' },
    { title: '控制软件', kind: 'software', number: '2015SR000001', grantedOn: '2015-04-01' },
  ],
  products: [],
  conversions: [2, 4, 3],
  direct: {},
  fields: {},
};

async function newEnterprise(): Promise<{ id: number; name: string; uscc: string; districtId: number }> {
  const e = await ok(officer, 'POST', '/api/enterprises', enterpriseInput());
  return { id: e.id, name: e.name, uscc: e.uscc, districtId: e.districtId };
}

/** An application written directly (the applications API is another module's): status and type as given. */
async function newApplication(status: ApplicationStatus, type: RecognitionType = 'hnte', ent?: Awaited<ReturnType<typeof newEnterprise>>) {
  const e = ent ?? (await newEnterprise());
  const row = await insertRecognitionCase(t.deps.database.db, { callId, type, year: 2016, enterpriseId: e.id, districtId: e.districtId, status, data: HNTE_DATA, applicationDate: '2016-06-01', submittedAt: new Date('2016-06-01T02:00:00Z') });
  return { app: row, enterprise: e };
}

async function newExpert(key: string, category: 'technical' | 'finance' | 'management', fields: string[]) {
  const username = `exp.${key}.${Date.now() % 100000}`;
  expertOrgId ??= (await ok(await loginAs(t.app, 'expert'), 'GET', '/api/auth/me')).organization.id as number;
  const orgId = expertOrgId;
  const user = await ok(admin, 'POST', '/api/users', { username, displayName: `专家${key}`, organizationId: orgId, roles: ['expert'], password: 'Expert#Pass2026' });
  const expert = await ok(officer, 'POST', '/api/experts', { name: `专家${key}`, organization: '浙江大学', title: '教授', category, fields, userId: user.id });
  pool[key] = expert.id;
  sessionOf.set(expert.id, await loginAs(t.app, username, 'Expert#Pass2026'));
  return expert;
}

const panelOf = async (appId: number) => ok(officer, 'GET', `/api/recognition-applications/${appId}/panel`);
interface Member {
  id: number;
  expertId: number;
  category: string;
  status: string;
}
const live = (panel: { members: Member[] }): Member[] => panel.members.filter((m) => m.status !== 'replaced');

beforeAll(async () => {
  t = await createTestApp();
  [officer, admin, auditor, xihu, enterprise] = await Promise.all(['officer', 'admin', 'auditor', 'xihu', 'enterprise'].map((u) => loginAs(t.app, u)));
  // this file's pool is exactly the experts it creates
  await t.deps.database.db.execute(sql`update experts set active = false`);
  for (const [key, category, fields] of [
    ['T1', 'technical', ['电子信息']],
    ['T2', 'technical', ['电子信息']],
    ['T3', 'technical', ['新材料']],
    ['T4', 'technical', ['电子信息']],
    ['T5', 'technical', ['生物与新医药']],
    ['F1', 'finance', ['财务审计']],
    ['M1', 'management', ['科技管理']],
  ] as const) {
    await newExpert(key, category, [...fields]);
  }
  callId = await insertCall(t.deps.database.db, { type: 'hnte', year: 2016, batch: 77, opensOn: '2016-05-01', closesOn: '2016-07-31' });
});
afterAll(async () => {
  await t?.close();
});

describe('expert pool', () => {
  it('when the officer edits an expert with a stale version, then 409; with the current one, then it is saved and audited', async () => {
    const e = await ok(officer, 'GET', `/api/experts/${pool.M1}`);
    expect((await officer.request('PATCH', `/api/experts/${pool.M1}`, { version: e.version + 5, title: '研究员' })).statusCode).toBe(409);
    const saved = await ok(officer, 'PATCH', `/api/experts/${pool.M1}`, { version: e.version, title: '研究员' });
    expect(saved).toMatchObject({ title: '研究员', version: e.version + 1 });
    const [{ n }] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'expert.update' and object_id = ${String(pool.M1)}`);
    expect(n).toBe(1);
  });

  it('when the auditor lists the pool, then it reads it; when it or a district officer creates an expert, then 403', async () => {
    const page = await ok(auditor, 'GET', '/api/experts?category=finance&active=true');
    expect(page.items.map((i: { id: number }) => i.id)).toContain(pool.F1);
    expect(page.items.every((i: { category: string }) => i.category === 'finance')).toBe(true);
    const body = { name: '王五', organization: '浙江大学', title: '教授', category: 'technical', fields: ['电子信息'] };
    expect((await auditor.request('POST', '/api/experts', body)).statusCode).toBe(403);
    expect((await xihu.request('POST', '/api/experts', body)).statusCode).toBe(403);
  });

  it('when an expert is linked to a login without the expert role, then 400 on userId', async () => {
    const res = await officer.request('POST', '/api/experts', { name: '王五', organization: '浙江大学', title: '教授', category: 'technical', fields: ['电子信息'], userId: officer.userId });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('userId');
  });

  it('when an expert declares its own link, then it is in its list and in the officer view', async () => {
    const me = sessionOf.get(pool.T5)!;
    const link = await ok(me, 'POST', '/api/expert/me/links', { kind: 'shareholding', companyName: '杭州某某投资有限公司', note: '持股2%' });
    expect((await ok(me, 'GET', '/api/expert/me/links')).items.map((l: { id: number }) => l.id)).toContain(link.id);
    expect((await ok(officer, 'GET', `/api/experts/${pool.T5}`)).links.map((l: { id: number }) => l.id)).toContain(link.id);
    expect((await officer.request('GET', '/api/expert/me/links')).statusCode).toBe(403);
  });
});

describe('panel draw', () => {
  it('when the application is not city_passed, or its type has no expert review, or the caller is not the city officer, then the draw is refused', async () => {
    const submitted = await newApplication('submitted');
    const res = await officer.request('POST', `/api/recognition-applications/${submitted.app.id}/panel`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('invalid_state');

    const techSme = await newApplication('city_passed', 'tech_sme');
    expect((await officer.request('POST', `/api/recognition-applications/${techSme.app.id}/panel`, {})).json().error.code).toBe('invalid_state');

    const ready = await newApplication('city_passed');
    for (const s of [xihu, auditor, enterprise, admin]) {
      expect((await s.request('POST', `/api/recognition-applications/${ready.app.id}/panel`, {})).statusCode).toBe(403);
    }
    expect((await panelOf(ready.app.id)).members).toEqual([]);
  });

  it('when an expert is linked to the applicant, then the draw excludes it with the reason, meets the composition rules, logs the seed and moves the application to expert review', async () => {
    const { app, enterprise: ent } = await newApplication('city_passed');
    await ok(officer, 'POST', `/api/experts/${pool.T4}/links`, { kind: 'former_employer', enterpriseId: ent.id, endedOn: '2025-01-01' });
    const panel = await ok(officer, 'POST', `/api/recognition-applications/${app.id}/panel`, { reason: '首次抽取' });
    expect(panel.applicationStatus).toBe('expert_review');
    expect(panel.members).toHaveLength(5);
    const seated = panel.members.map((m: { expertId: number }) => m.expertId);
    expect(seated).not.toContain(pool.T4);
    expect(panel.members.filter((m: { category: string }) => m.category === 'technical').length).toBeGreaterThanOrEqual(3);
    expect(panel.members.filter((m: { category: string }) => m.category === 'finance').length).toBeGreaterThanOrEqual(1);
    expect(panel.draws).toHaveLength(1);
    expect(panel.draws[0]).toMatchObject({ kind: 'draw', reason: '首次抽取', rules: { size: 5, minTechnicalRatio: 0.6, minFinance: 1, loadCap: 8 } });
    expect(panel.draws[0].seed).toMatch(/^\d+$/);
    expect(panel.draws[0].excluded).toContainEqual(expect.objectContaining({ expertId: pool.T4, reason: expect.stringMatching(/^conflict: 原任职单位/) }));
    const [{ status }] = await t.deps.database.rows<{ status: string }>(sql`select status from cases where id = ${app.id}`);
    expect(status).toBe('expert_review');
    // a second draw on the same application is refused (it is no longer city_passed)
    expect((await officer.request('POST', `/api/recognition-applications/${app.id}/panel`, {})).statusCode).toBe(409);
  });

  it('when a member declares a conflict, then the officer sees it and a redraw with the reason replaces it and logs it; without a reason, 400; with the pool exhausted, 409 panel_unsatisfiable', async () => {
    const { app, enterprise: ent } = await newApplication('city_passed');
    // linked by credit code only (the name differs): T4 is out, six experts are eligible
    await ok(officer, 'POST', `/api/experts/${pool.T4}/links`, { kind: 'relative', companyName: '（曾用名）杭州某科技有限公司', uscc: ent.uscc });
    const panel = await ok(officer, 'POST', `/api/recognition-applications/${app.id}/panel`, {});
    expect(panel.members.map((m: { expertId: number }) => m.expertId)).not.toContain(pool.T4);
    const techs = panel.members.filter((m: { category: string }) => m.category === 'technical');
    const declarer = techs[0];
    const s = sessionOf.get(declarer.expertId)!;
    await ok(s, 'POST', `/api/expert/assignments/${declarer.id}/declaration`, { noConflict: false, note: '本人配偶在该企业任职' });
    const seen = await panelOf(app.id);
    expect(seen.members.find((m: { id: number }) => m.id === declarer.id)).toMatchObject({ status: 'conflict', conflictNote: '本人配偶在该企业任职' });

    expect((await officer.request('POST', `/api/recognition-applications/${app.id}/panel/redraw`, { expertId: declarer.expertId })).statusCode).toBe(400);
    const after = await ok(officer, 'POST', `/api/recognition-applications/${app.id}/panel/redraw`, { expertId: declarer.expertId, reason: '专家声明存在利益冲突：本人配偶在该企业任职' });
    expect(live(after)).toHaveLength(5);
    expect(after.members.find((m: { id: number }) => m.id === declarer.id).status).toBe('replaced');
    expect(live(after).map((m: { expertId: number }) => m.expertId)).not.toContain(declarer.expertId);
    const redraw = after.draws.at(-1);
    expect(redraw).toMatchObject({ kind: 'redraw', reason: '专家声明存在利益冲突：本人配偶在该企业任职', replacedExpertId: declarer.expertId });
    expect(redraw.selected).toHaveLength(1);
    expect(live(after).filter((m: { category: string }) => m.category === 'technical').length).toBeGreaterThanOrEqual(3);

    // the whole pool (6 eligible) has now sat on this panel: a further replacement cannot be drawn
    const another = live(after).find((m: { category: string; status: string }) => m.category === 'technical' && m.status === 'assigned');
    const res = await officer.request('POST', `/api/recognition-applications/${app.id}/panel/redraw`, { expertId: another!.expertId, reason: '专家出差无法参加' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('panel_unsatisfiable');
    expect(live(await panelOf(app.id))).toHaveLength(5);
  });
});

describe('expert workspace and scoring', () => {
  const scoresFor = (i: number) => ({
    ipAdvancement: 6,
    ipCoreRole: 6,
    ipQuantity: 8,
    ipAcquisition: 4,
    ipStandards: 1,
    conversion: 18,
    rdOrganisation: i < 4 ? 15 + i : 15.5,
    netAssetGrowth: 6,
    salesGrowth: 8,
  });

  it('when experts declare, see their own cases only, score within the bands and the last one scores, then the panel mean is set, hnte is re-assessed and the application is scored', async () => {
    const { app } = await newApplication('city_passed');
    const panel = await ok(officer, 'POST', `/api/recognition-applications/${app.id}/panel`, {});
    const members = panel.members as { id: number; expertId: number }[];
    const [first, second] = members;
    const s1 = sessionOf.get(first.expertId)!;
    const s2 = sessionOf.get(second.expertId)!;

    // only its own assignments
    const mine = await ok(s1, 'GET', '/api/expert/assignments');
    expect(mine.items.map((i: { memberId: number }) => i.memberId)).toContain(first.id);
    expect(mine.items.map((i: { memberId: number }) => i.memberId)).not.toContain(second.id);
    expect((await s1.request('GET', `/api/expert/assignments/${second.id}`)).statusCode).toBe(404);
    expect((await s1.request('POST', `/api/expert/assignments/${second.id}/declaration`, { noConflict: true })).statusCode).toBe(404);

    // before the declaration: no case, no score
    const early = await s1.request('GET', `/api/expert/assignments/${first.id}`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('conflict_not_declared');
    expect((await s1.request('POST', `/api/expert/assignments/${first.id}/score`, { scores: scoresFor(0) })).json().error.code).toBe('conflict_not_declared');

    await ok(s1, 'POST', `/api/expert/assignments/${first.id}/declaration`, { noConflict: true });
    const caseView = await ok(s1, 'GET', `/api/expert/assignments/${first.id}`);
    const item = (code: string) => caseView.scoring.items.find((i: { code: string }) => i.code === code);
    expect(caseView.scoring.mode).toBe('hnte');
    expect(item('ipQuantity')).toMatchObject({ band: 'A', min: 7, max: 8 });
    expect(item('conversion')).toMatchObject({ band: 'C', min: 13, max: 18 });
    expect(item('netAssetGrowth')).toMatchObject({ band: 'C', min: 5, max: 6 });
    expect(item('salesGrowth')).toMatchObject({ band: 'B', min: 7, max: 8 });
    expect(caseView.enterprise.name).toBeTruthy();

    // out of band → refused, naming the item, band and range; nothing saved
    const bad = await s1.request('POST', `/api/expert/assignments/${first.id}/score`, { scores: { ...scoresFor(0), ipQuantity: 5 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('score_out_of_band');
    expect(bad.json().error.message).toContain('知识产权数量');
    expect(bad.json().error.message).toContain('A档允许范围（7–8分）');
    expect(bad.json().error.details.fields[0].field).toBe('scores.ipQuantity');
    const tooHigh = await s1.request('POST', `/api/expert/assignments/${first.id}/score`, { scores: { ...scoresFor(0), rdOrganisation: 21 } });
    expect(tooHigh.json().error.code).toBe('score_out_of_band');
    const twoDecimals = await s1.request('POST', `/api/expert/assignments/${first.id}/score`, { scores: { ...scoresFor(0), rdOrganisation: 15.25 } });
    expect(twoDecimals.statusCode).toBe(400);
    expect((await panelOf(app.id)).members.find((m: { id: number }) => m.id === first.id).status).toBe('accepted');

    // everyone declares and scores; the application moves only with the last score
    for (const [i, m] of members.entries()) {
      const s = sessionOf.get(m.expertId)!;
      if (i > 0) {
        await ok(s, 'POST', `/api/expert/assignments/${m.id}/declaration`, { noConflict: true });
      }
      const scored = await ok(s, 'POST', `/api/expert/assignments/${m.id}/score`, { scores: scoresFor(i), comment: '知识产权质量较好' });
      expect(scored.status).toBe('scored');
      const [{ status }] = await t.deps.database.rows<{ status: string }>(sql`select status from cases where id = ${app.id}`);
      expect(status).toBe(i < members.length - 1 ? 'expert_review' : 'scored');
    }
    expect((await s2.request('POST', `/api/expert/assignments/${second.id}/score`, { scores: scoresFor(1) })).statusCode).toBe(409);

    // totals 72, 73, 74, 75, 72.5 → mean 73.30
    const done = await panelOf(app.id);
    expect(done.panelScore).toBe(73.3);
    const [row] = await t.deps.database.rows<{ panel_score: string; assessment: { eligible: boolean; detail: { conditions: { code: string; passed: boolean; value: unknown }[] } } }>(
      sql`select c.panel_score, a.assessment from cases c join recognition_applications a on a.id = c.id where c.id = ${app.id}`,
    );
    expect(row.panel_score).toBe('73.30');
    expect(row.assessment.detail.conditions.find((c) => c.code === 'innovation_score')).toMatchObject({ passed: true, value: 73.3 });
    const [{ n }] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from case_events where case_id = ${app.id} and action = 'panel_scored'`);
    expect(n).toBe(1);
    // the applicant's timeline names the panel, not the expert who scored last
    const [signed] = await t.deps.database.rows<{ actor_label: string; actor_id: number | null }>(sql`select actor_label, actor_id from case_events where case_id = ${app.id} and action = 'panel_scored'`);
    expect(signed).toEqual({ actor_label: '评审专家组', actor_id: null });
    const history = await ok(s1, 'GET', '/api/expert/assignments');
    expect(history.items.find((i: { memberId: number }) => i.memberId === first.id)).toMatchObject({ status: 'scored', live: false, total: 72 });
  });

  it('when the last two experts score at the same time, then both are recorded and the application moves to scored exactly once', async () => {
    const { app } = await newApplication('city_passed');
    const members = (await ok(officer, 'POST', `/api/recognition-applications/${app.id}/panel`, {})).members as Member[];
    for (const m of members) {
      await ok(sessionOf.get(m.expertId)!, 'POST', `/api/expert/assignments/${m.id}/declaration`, { noConflict: true });
    }
    for (const [i, m] of members.slice(0, 3).entries()) {
      await ok(sessionOf.get(m.expertId)!, 'POST', `/api/expert/assignments/${m.id}/score`, { scores: scoresFor(i) });
    }
    const last = await Promise.all(members.slice(3).map((m, i) => sessionOf.get(m.expertId)!.request('POST', `/api/expert/assignments/${m.id}/score`, { scores: scoresFor(3 + i) })));
    expect(last.map((r) => r.statusCode)).toEqual([200, 200]);
    const [{ n }] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from case_events where case_id = ${app.id} and action = 'panel_scored'`);
    expect(n).toBe(1);
    expect((await panelOf(app.id)).panelScore).toBe(73.3);
  });

  it('when an application of a criteria type with an expert level is scored, then each expert gives one total 0–100 with a comment', async () => {
    const { app } = await newApplication('city_passed', 'rd_center_municipal');
    const noExperts = await newApplication('city_passed', 'tase');
    expect((await officer.request('POST', `/api/recognition-applications/${noExperts.app.id}/panel`, {})).json().error.code).toBe('invalid_state');
    const drawn = await officer.request('POST', `/api/recognition-applications/${app.id}/panel`, {});
    expect(drawn.statusCode).toBe(201);
    const m = drawn.json().members[0];
    const s = sessionOf.get(m.expertId)!;
    await ok(s, 'POST', `/api/expert/assignments/${m.id}/declaration`, { noConflict: true });
    expect((await s.request('POST', `/api/expert/assignments/${m.id}/score`, { total: 101, comment: '好' })).json().error.code).toBe('score_out_of_band');
    expect((await s.request('POST', `/api/expert/assignments/${m.id}/score`, { total: 80 })).statusCode).toBe(400);
    expect((await ok(s, 'POST', `/api/expert/assignments/${m.id}/score`, { total: 80.5, comment: '研发条件较好' })).myScore.total).toBe(80.5);
  });
});
