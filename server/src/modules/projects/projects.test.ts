import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, RequestContext } from '../../http/context.js';
import { fixedClock, setBusinessClock } from '../../lib/clock.js';
import { multipartFile } from '../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { lockCase, moveCase } from '../cases/index.js';
import { balances, checkBook, postMovement } from '../ledger/index.js';
import { PROJECT_BOOK, prepareTranche } from '../programmes/index.js';
import { effectivePlan } from './index.js';

type FollowUp = { id: number; status: string; projectId: number; trancheOrderId: number | null; clawbackOrderId: number | null; result: string | null; dueOn: string | null; change: { applied: boolean } | null };
type Project = { id: number; status: string; paid: number; committed: number; endOn: string; followUps: FollowUp[]; payments: { id: number; direction: string; amount: number; status: string; purpose: string }[] };
type Err = { error: { code: string; message: string; details: { fields: { field: string; message: string }[] } | null } };

let t: TestApp;
let officer: Session, treasurer: Session, enterprise: Session, xihu: Session, binjiang: Session, provider: Session;
let restore: () => void;
let ent: { id: number; districtId: number };
let programmeId: number, yearId: number;

const KPIS = [
  { key: 'patents', name: '申请发明专利', unit: '件', target: 4 },
  { key: 'revenue', name: '新增销售收入', unit: '万元', target: 1000 },
];

const actorOf = async (s: Session): Promise<Actor> => {
  type Me = { user: { id: number; username: string; displayName: string }; roles: Actor['roles']; organization: { id: number; name: string; kind: string; enterpriseId: number | null; district: { id: number } | null } };
  const me = (await s.request('GET', '/api/auth/me')).json<Me>();
  const o = me.organization;
  return { userId: me.user.id, username: me.user.username, displayName: me.user.displayName, roles: me.roles, organizationId: o.id, organizationName: o.name, organizationKind: o.kind, districtId: o.district?.id ?? null, districtCode: null, districtName: null, enterpriseId: o.enterpriseId, via: 'session', credentialId: 'test', csrfToken: null };
};
const ctxOf = async (s: Session): Promise<RequestContext> => ({ actor: await actorOf(s), requestId: 'test', ip: '127.0.0.1' });

/** An in-progress project of the demo enterprise: approved amount committed from the programme-year budget, tranche 1 paid. */
async function runningProject(title: string, approvedFen: number): Promise<number> {
  const db = t.deps.database;
  const [c] = await db.rows<{ id: number }>(
    sql`insert into cases (instrument, type, year, title, enterprise_id, district_id, status) values ('programmes', 'general', 2016, ${title}, ${ent.id}, ${ent.districtId}, 'in_progress') returning id`,
  );
  await db.rows(
    sql`insert into project_applications (id, programme_id, programme_year_id, topic_code, plan, budget_lines, kpis, milestones, start_on, end_on, requested_fen, self_raised_fen, approved_fen, contract_no)
        values (${c.id}, ${programmeId}, ${yearId}, 'A1', ${JSON.stringify({ summary: '研制', objectives: '目标', content: '内容', basis: '基础', team: [], partners: [] })}::jsonb,
                ${JSON.stringify([{ category: 'equipment', cityFen: approvedFen, selfFen: approvedFen, note: '' }])}::jsonb, ${JSON.stringify(KPIS)}::jsonb, '[]'::jsonb,
                '2016-01-01', '2017-12-31', ${approvedFen}, ${approvedFen}, ${approvedFen}, ${`HZKJ-TEST-${c.id}`})`,
  );
  await postMovement(db.db, {
    book: PROJECT_BOOK,
    kind: 'commit',
    valueDate: '2016-01-01',
    idempotencyKey: `commit:${c.id}`,
    entries: [
      { account: { kind: 'budget', scope: yearId }, amountFen: -approvedFen },
      { account: { kind: 'committed', scope: c.id }, amountFen: approvedFen },
    ],
  });
  const ctx = await ctxOf(officer);
  const order = await db.db.transaction((tx) => prepareTranche(tx, ctx, c.id, 1));
  await pay(order.id);
  return c.id;
}

async function pay(orderId: number) {
  for (const [step, body] of [
    ['approve', {}],
    ['send', {}],
    ['confirm', { bankReference: `ICBC${orderId}0001`, paidOn: '2016-09-12' }],
  ] as const) {
    const r = await treasurer.request('POST', `/api/payments/${orderId}/${step}`, body);
    expect(r.statusCode, r.body).toBe(200);
  }
}

const project = async (id: number, as: Session = officer) => (await as.request('GET', `/api/projects/${id}`)).json<Project>();
const report = (patents: number, revenue: number, spent: number, evidence = true) => ({
  kpis: [
    { key: 'patents', actual: patents, ...(evidence ? { evidence: '受理通知书 2016xxxx' } : {}) },
    { key: 'revenue', actual: revenue, ...(evidence ? { evidence: '销售合同及发票汇总' } : {}) },
  ],
  spent,
});

const PDF = Buffer.from('%PDF-1.4\n% 佐证材料\n%%EOF\n');
/** Uploads one evidence file per KPI of the test plan (the acceptance report needs them). */
async function attachEvidence(acceptanceId: number) {
  for (const k of KPIS) {
    const f = multipartFile(PDF, `${k.name}佐证.pdf`, 'application/pdf');
    const r = await enterprise.request('POST', `/api/projects/acceptances/${acceptanceId}/evidence?kpi=${k.key}`, f.payload, f.headers);
    expect(r.statusCode, r.body).toBe(201);
  }
}

/** The panel is the kernel's (tested there): here the acceptance case is drawn and scored by the system steps. */
async function scored(acceptanceId: number) {
  const ctx = await ctxOf(officer);
  await t.deps.database.db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, acceptanceId);
    const drawn = await moveCase(tx, ctx, c, { action: 'draw_panel' });
    await moveCase(tx, ctx, drawn, { action: 'panel_scored', bySystem: true, set: { panelScore: '82.00' } });
  });
}

beforeAll(async () => {
  restore = setBusinessClock(fixedClock('2016-09-12'));
  t = await createTestApp();
  [officer, treasurer, enterprise, xihu, binjiang, provider] = await Promise.all(['officer', 'treasurer', 'enterprise', 'xihu', 'binjiang', 'provider'].map((u) => loginAs(t.app, u)));
  const me = await actorOf(enterprise);
  const [row] = await t.deps.database.rows<{ district_id: number }>(sql`select district_id from enterprises where id = ${me.enterpriseId}`);
  ent = { id: me.enterpriseId!, districtId: row.district_id };
  const p = await officer.request('POST', '/api/programmes', { code: 'test_followup', name: '测试跟踪项目', type: 'general', selection: 'open' });
  expect(p.statusCode, p.body).toBe(201);
  programmeId = p.json<{ id: number }>().id;
  const y = await officer.request('POST', `/api/programmes/${programmeId}/years`, { year: 2016, budget: 5_000_000 });
  expect(y.statusCode, y.body).toBe(201);
  yearId = y.json<{ years: { id: number; year: number }[] }>().years.find((x) => x.year === 2016)!.id;
});
afterAll(async () => {
  restore();
  await t.close();
});

describe('projects after the task contract', () => {
  let passing: number;
  let failing: number;

  it('when the officer opens the mid-term checks, then every running project gets one, due at mid-period or 20 working days ahead, in the inbox', async () => {
    passing = await runningProject('面向工业互联网的边缘智能网关研发', 1_000_000_00);
    failing = await runningProject('新型固态电池电解质材料研发', 600_000_00);
    expect((await enterprise.request('POST', '/api/projects/midterms/open', {})).statusCode).toBe(403);
    const opened = await officer.request('POST', '/api/projects/midterms/open', {});
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json<{ opened: number }>().opened).toBeGreaterThanOrEqual(2);
    expect((await officer.request('POST', '/api/projects/midterms/open', {})).json<{ opened: number }>().opened).toBe(0);
    const mid = (await project(passing)).followUps.find((f) => f.id && f.status === 'due')!;
    expect(mid.dueOn! >= '2016-10-10').toBe(true); // mid-period (2016-12-31) is later than 20 working days from 2016-09-12
    expect(mid.dueOn).toBe('2016-12-31');
    const inbox = (await enterprise.request('GET', '/api/cases?instrument=project_midterm&mine=true')).json<{ items: { id: number; href: string }[] }>().items;
    expect(inbox.map((i) => i.id)).toContain(mid.id);
    expect(inbox.find((i) => i.id === mid.id)!.href).toBe(`/projects/mine?midterm=${mid.id}`);
  });

  it('when the enterprise reports the mid-term and the officer passes it, then tranche 2 (30 %) is prepared for the treasurer', async () => {
    const mid = (await project(passing, enterprise)).followUps.find((f) => f.status === 'due')!;
    const missing = await enterprise.request('PUT', `/api/projects/midterms/${mid.id}/report`, { progress: '样机已完成，正在开展示范应用验证。', kpis: [{ key: 'patents', actual: 2 }], spent: 400_000 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<Err>().error.details!.fields[0].field).toBe('kpis');
    const unknown = await enterprise.request('PUT', `/api/projects/midterms/${mid.id}/report`, { progress: '样机已完成，正在开展示范应用验证。', kpis: [{ key: 'nope', actual: 2 }], spent: 1 });
    expect(unknown.json<Err>().error.details!.fields[0].field).toBe('kpis.0.key');
    expect((await binjiang.request('PUT', `/api/projects/midterms/${mid.id}/report`, { progress: '样机已完成，正在开展示范应用验证。', ...report(2, 300, 400_000, false) })).statusCode).toBe(404);
    const ok = await enterprise.request('PUT', `/api/projects/midterms/${mid.id}/report`, { progress: '样机已完成，正在开展示范应用验证。', ...report(2, 300, 400_000, false) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<FollowUp>().status).toBe('submitted');
    expect((await enterprise.request('POST', `/api/projects/midterms/${mid.id}/conclusion`, { result: 'pass' })).statusCode).toBe(403);
    expect((await officer.request('POST', `/api/projects/midterms/${mid.id}/conclusion`, { result: 'fail' })).statusCode).toBe(400); // a failure needs a reason
    const passed = await officer.request('POST', `/api/projects/midterms/${mid.id}/conclusion`, { result: 'pass' });
    expect(passed.statusCode, passed.body).toBe(200);
    const orderId = passed.json<FollowUp>().trancheOrderId!;
    const p = await project(passing);
    expect(p.payments.find((o) => o.id === orderId)).toMatchObject({ amount: 300_000, status: 'prepared' });
    await pay(orderId);
    expect((await project(passing)).paid).toBe(800_000);
  });

  it('when the enterprise asks for an extension, then it is one open change at a time and approval changes the plan in force', async () => {
    const bad = await enterprise.request('POST', `/api/projects/${passing}/changes`, { kind: 'extension', reason: '关键设备到货延迟，需延长研发周期。', endOn: '2017-06-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Err>().error.details!.fields[0].field).toBe('endOn');
    const asked = await enterprise.request('POST', `/api/projects/${passing}/changes`, { kind: 'extension', reason: '关键设备到货延迟，需延长研发周期。', endOn: '2018-06-30' });
    expect(asked.statusCode, asked.body).toBe(201);
    const again = await enterprise.request('POST', `/api/projects/${passing}/changes`, { kind: 'kpi_change', reason: '市场变化，调整销售收入指标。', kpis: KPIS });
    expect(again.statusCode).toBe(409);
    const id = asked.json<FollowUp>().id;
    expect((await officer.request('POST', `/api/projects/changes/${id}/decision`, { approve: false })).statusCode).toBe(400);
    const approved = await officer.request('POST', `/api/projects/changes/${id}/decision`, { approve: true, comment: '同意延期' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<FollowUp>().change!.applied).toBe(true);
    expect((await project(passing)).endOn).toBe('2018-06-30');
    expect((await effectivePlan(t.deps.database.db, passing))!.changes).toBe(1);
    const shift = await enterprise.request('POST', `/api/projects/${passing}/changes`, { kind: 'budget_shift', reason: '设备费结余调整为材料费。', budgetLines: [{ category: 'equipment', city: 500_000, self: 0 }] });
    expect(shift.statusCode).toBe(400);
    expect(shift.json<Err>().error.details!.fields[0].field).toBe('budgetLines');
  });

  it('when the acceptance passes after the panel, then the project completes (signed by the panel) and the last tranche (20 %) is prepared', async () => {
    const started = await officer.request('POST', `/api/projects/${passing}/acceptance`, {});
    expect(started.statusCode, started.body).toBe(200);
    const acc = started.json<FollowUp>();
    expect((await project(passing)).status).toBe('accepting');
    const noEvidence = await enterprise.request('PUT', `/api/projects/acceptances/${acc.id}/report`, { summary: '项目按任务书完成研发与示范应用。', ...report(4, 1200, 950_000, false) });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json<Err>().error.details!.fields.map((f) => f.field)).toEqual(['kpis.0.evidence', 'kpis.1.evidence']);
    const wrongKpi = multipartFile(PDF, '佐证.pdf', 'application/pdf');
    expect((await enterprise.request('POST', `/api/projects/acceptances/${acc.id}/evidence?kpi=standards`, wrongKpi.payload, wrongKpi.headers)).json<Err>().error.details!.fields[0].field).toBe('kpi');
    const notPdf = multipartFile(Buffer.from('MZ'), '佐证.pdf', 'application/pdf');
    expect((await enterprise.request('POST', `/api/projects/acceptances/${acc.id}/evidence?kpi=patents`, notPdf.payload, notPdf.headers)).json<Err>().error.details!.fields[0].field).toBe('file');
    const byOfficer = multipartFile(PDF, '佐证.pdf', 'application/pdf');
    expect((await officer.request('POST', `/api/projects/acceptances/${acc.id}/evidence?kpi=patents`, byOfficer.payload, byOfficer.headers)).statusCode).toBe(403);
    await attachEvidence(acc.id);
    const files = (await enterprise.request('GET', `/api/projects/follow-ups/${acc.id}`)).json<{ evidence: { id: number; kpi: string; fileName: string }[] }>().evidence;
    expect(files.map((f) => f.kpi).sort()).toEqual(['patents', 'revenue']);
    const download = await xihu.request('GET', `/api/projects/acceptances/${acc.id}/evidence/${files[0].id}`);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect((await binjiang.request('GET', `/api/projects/acceptances/${acc.id}/evidence/${files[0].id}`)).statusCode).toBe(404);
    expect((await enterprise.request('DELETE', `/api/projects/acceptances/${acc.id}/evidence/${files[0].id}`)).statusCode).toBe(200);
    expect((await enterprise.request('PUT', `/api/projects/acceptances/${acc.id}/report`, { summary: '项目按任务书完成研发与示范应用。', ...report(4, 1200, 950_000) })).statusCode).toBe(400);
    const again = multipartFile(PDF, `${files[0].kpi}佐证.pdf`, 'application/pdf');
    expect((await enterprise.request('POST', `/api/projects/acceptances/${acc.id}/evidence?kpi=${files[0].kpi}`, again.payload, again.headers)).statusCode).toBe(201);
    const sub = await enterprise.request('PUT', `/api/projects/acceptances/${acc.id}/report`, { summary: '项目按任务书完成研发与示范应用。', ...report(4, 1200, 950_000) });
    expect(sub.statusCode, sub.body).toBe(200);
    expect((await officer.request('POST', `/api/projects/acceptances/${acc.id}/conclusion`, { result: 'pass' })).statusCode).toBe(409); // not scored yet
    const late = multipartFile(PDF, '补充.pdf', 'application/pdf');
    expect((await enterprise.request('POST', `/api/projects/acceptances/${acc.id}/evidence?kpi=patents`, late.payload, late.headers)).statusCode).toBe(409);
    await scored(acc.id);
    const done = await officer.request('POST', `/api/projects/acceptances/${acc.id}/conclusion`, { result: 'pass', comment: '各项指标均已完成' });
    expect(done.statusCode, done.body).toBe(200);
    const p = await project(passing);
    expect(p.status).toBe('completed');
    expect(p.payments.find((o) => o.id === done.json<FollowUp>().trancheOrderId)).toMatchObject({ amount: 200_000, status: 'prepared' });
    const [event] = await t.deps.database.rows<{ actor_label: string }>(sql`select actor_label from case_events where case_id = ${passing} and action = 'accept'`);
    expect(event.actor_label).toBe('验收专家组');
  });

  it('when the acceptance fails, then unapproved tranches are cancelled, the committed rest returns to the budget and the unspent paid money is clawed back', async () => {
    const [before] = await balances(t.deps.database.db, PROJECT_BOOK, { scope: yearId, kinds: ['budget'] });
    const acc = (await officer.request('POST', `/api/projects/${failing}/acceptance`, {})).json<FollowUp>();
    await attachEvidence(acc.id);
    await enterprise.request('PUT', `/api/projects/acceptances/${acc.id}/report`, { summary: '项目关键技术未能突破，指标未完成。', ...report(1, 100, 180_000) });
    await scored(acc.id);
    const failed = await officer.request('POST', `/api/projects/acceptances/${acc.id}/conclusion`, { result: 'fail', comment: '核心指标未完成' });
    expect(failed.statusCode, failed.body).toBe(200);
    const p = await project(failing);
    expect(p.status).toBe('failed');
    expect(p.committed).toBe(0);
    // 600,000 approved, 300,000 paid (tranche 1), 180,000 spent → 120,000 clawed back, 300,000 released
    const claw = p.payments.find((o) => o.id === failed.json<FollowUp>().clawbackOrderId)!;
    expect(claw).toMatchObject({ direction: 'in', amount: 120_000, status: 'prepared' });
    const [after] = await balances(t.deps.database.db, PROJECT_BOOK, { scope: yearId, kinds: ['budget'] });
    expect(after.balanceFen - before.balanceFen).toBe(300_000_00);
    await pay(claw.id);
    const [back] = await balances(t.deps.database.db, PROJECT_BOOK, { scope: yearId, kinds: ['budget'] });
    expect(back.balanceFen - before.balanceFen).toBe(420_000_00);
    expect((await project(failing)).paid).toBe(180_000);
    expect(await checkBook(t.deps.database.db, PROJECT_BOOK)).toMatchObject({ unbalancedMovements: 0, driftedAccounts: 0, wrongSideAccounts: 0, totalFen: 0 });
  });

  it('when the programme is evaluated, then each score follows the documented formula and the Excel export carries it', async () => {
    const res = await officer.request('GET', `/api/projects/performance?year=2016&programmeId=${programmeId}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<{ programmes: { id: number; score: number; reported: number }[]; projects: { id: number; score: number; kpiAttainment: number; spendRate: number; grade: string }[] }>();
    // passing: KPIs 4/4 and 1200/1000 → A = 1; spent 950,000 / 1,000,000 → E = 0.95; 100 × (0.7 + 0.285) = 98.5
    expect(r.projects.find((p) => p.id === passing)).toMatchObject({ kpiAttainment: 100, spendRate: 95, score: 98.5, grade: '优秀' });
    // failing: A = (1/4 + 100/1000) / 2 = 0.175; E = 180,000 / 600,000 = 0.3 → 100 × (0.1225 + 0.09) = 21.3 (one decimal)
    expect(r.projects.find((p) => p.id === failing)).toMatchObject({ kpiAttainment: 17.5, spendRate: 30, score: 21.3, grade: '不合格' });
    // weighted by approved amount: (98.5 × 1,000,000 + 21.3 × 600,000) / 1,600,000 = 69.55 → 69.6
    expect(r.programmes.find((p) => p.id === programmeId)).toMatchObject({ reported: 2, score: 69.6 });
    const xlsx = await officer.request('GET', `/api/projects/performance.xlsx?year=2016&programmeId=${programmeId}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await provider.request('GET', '/api/projects/performance')).statusCode).toBe(403);
  });

  it('when other parties look, then a district sees its own district only and another enterprise nothing', async () => {
    const own = ent.districtId === (await actorOf(xihu)).districtId ? xihu : binjiang;
    const other = own === xihu ? binjiang : xihu;
    expect((await own.request('GET', `/api/projects/${passing}`)).statusCode).toBe(200);
    expect((await other.request('GET', `/api/projects/${passing}`)).statusCode).toBe(404);
    const list = (await other.request('GET', '/api/projects')).json<{ items: { id: number }[] }>();
    expect(list.items.map((i) => i.id)).not.toContain(passing);
    expect((await provider.request('GET', '/api/projects')).statusCode).toBe(403);
    expect((await enterprise.request('GET', '/api/projects?status=paid')).statusCode).toBe(400);
  });
});

describe('the acceptance panel scores per KPI', () => {
  it('when the drawn panel scores the KPI items, then the sheet follows the plan, the proposal is computed and another conclusion needs a reason', async () => {
    const id = await runningProject('智能仓储机器人调度系统研发', 400_000_00);
    const acc = (await officer.request('POST', `/api/projects/${id}/acceptance`, {})).json<FollowUp>();
    await attachEvidence(acc.id);
    expect((await enterprise.request('PUT', `/api/projects/acceptances/${acc.id}/report`, { summary: '完成调度系统研发并在两家物流企业应用。', ...report(4, 700, 380_000) })).statusCode).toBe(200);
    const draw = await officer.request('POST', `/api/cases/${acc.id}/panel`, {});
    expect(draw.statusCode, draw.body).toBe(201);
    const members = draw.json<{ members: { id: number }[] }>().members;
    // the experts' scoring is the kernel's (tested there): their sheets are written as the kernel stores them
    const sheets = [
      { kpi_1: 33, kpi_2: 18, budget: 18, documents: 9 },
      { kpi_1: 34, kpi_2: 20, budget: 17, documents: 9 },
      { kpi_1: 32, kpi_2: 19, budget: 19, documents: 8 },
    ];
    for (const [i, m] of members.entries()) {
      const total = Object.values(sheets[i]).reduce((a, b) => a + b, 0);
      await t.deps.database.rows(sql`update panel_members set status = 'scored', scores = ${JSON.stringify(sheets[i])}::jsonb, total = ${total}, scored_at = now() where id = ${m.id}`);
    }
    const ctx = await ctxOf(officer);
    await t.deps.database.db.transaction(async (tx) => moveCase(tx, ctx, await lockCase(tx, ctx, acc.id), { action: 'panel_scored', bySystem: true, set: { panelScore: '78.67' } }));

    type Review = { proposal: { result: string; resultName: string; reasons: string[]; items: { code: string; max: number; mean: number }[] } | null };
    const view = (await officer.request('GET', `/api/projects/follow-ups/${acc.id}`)).json<Review>();
    expect(view.proposal!.items.map((i) => [i.code, i.max, i.mean])).toEqual([
      ['kpi_1', 35, 33],
      ['kpi_2', 35, 19],
      ['budget', 20, 18],
      ['documents', 10, 8.67],
    ]);
    expect(view.proposal).toMatchObject({ result: 'pass_conditions', resultName: '结题（有条件）' });
    expect(view.proposal!.reasons.join('；')).toContain('新增销售收入');
    expect((await enterprise.request('GET', `/api/projects/follow-ups/${acc.id}`)).json<Review>().proposal).toBeNull();

    const bare = await officer.request('POST', `/api/projects/acceptances/${acc.id}/conclusion`, { result: 'pass' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json<Err>().error.details!.fields[0]).toMatchObject({ field: 'comment' });
    expect(bare.json<Err>().error.message).toContain('结题（有条件）');
    const done = await officer.request('POST', `/api/projects/acceptances/${acc.id}/conclusion`, { result: 'pass_conditions', comment: '销售收入指标于2017年6月前补充证明材料' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<FollowUp>().result).toBe('pass_conditions');
  });
});
