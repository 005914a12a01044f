import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, setBusinessClock } from '../../lib/clock.js';
import { multipartFile } from '../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { balances, checkBook } from '../ledger/index.js';
import { getProjectPlan, PROJECT_BOOK } from './index.js';

type View = { id: number; status: string; issues: { field: string; message: string }[]; requested: number; actions: { action: string }[] };
type Err = { error: { code: string; details: { fields: { field: string; message: string }[] } | null } };

let t: TestApp;
let officer: Session, xihu: Session, binjiang: Session, enterprise: Session, expert: Session;
let restore: () => void;
let own: Session, other: Session;
let programmeId: number, yearId: number, callId: number;
let ownCase: number;
const PDF = Buffer.from('%PDF-1.4\n% 任务书签字盖章页\n%%EOF\n');

const content = (over: Record<string, unknown> = {}) => ({
  title: '基于国产芯片的工业边缘计算网关研发及产业化',
  topicCode: 'A1',
  plan: {
    summary: '研制基于国产处理器芯片的工业边缘计算网关，实现多协议接入与边缘智能分析，在本市制造企业示范应用。',
    objectives: '形成工业边缘计算网关产品一款，完成示范应用。',
    content: '多协议工业总线接入、边缘推理框架移植、国产芯片适配与安全加固、示范产线部署与验证。',
    basis: '企业已有工业网关两代产品。',
    team: [{ name: '王工', title: '高级工程师', role: '负责人' }],
    partners: [{ name: '浙江工业大学', role: '边缘推理算法' }],
  },
  budgetLines: [
    { category: 'equipment', city: 400_000, self: 600_000, note: '' },
    { category: 'materials', city: 300_000, self: 300_000, note: '' },
    { category: 'labour', city: 100_000, self: 250_000, note: '' },
    { category: 'management', city: 0, self: 50_000, note: '' },
  ],
  kpis: [
    { key: 'patents', name: '申请发明专利', unit: '件', target: 3 },
    { key: 'revenue', name: '新增销售收入', unit: '万元', target: 2000 },
  ],
  milestones: [
    { name: '样机完成', due: '2026-12-31' },
    { name: '示范应用', due: '2027-12-31' },
  ],
  startOn: '2026-07-01',
  endOn: '2028-06-30',
  ...over,
});

/** A scored case of another enterprise in the call, written straight to the tables (the panel itself is the kernel's, tested there). */
async function scoredCase(title: string, score: number, requestedFen: number): Promise<number> {
  const db = t.deps.database;
  const [ent] = await db.rows<{ id: number; district_id: number }>(sql`select id, district_id from enterprises order by id desc limit 1 offset ${Math.round(score)}`);
  const [c] = await db.rows<{ id: number }>(
    sql`insert into cases (instrument, type, year, title, call_id, enterprise_id, district_id, status, panel_score) values ('programmes', 'general', 2026, ${title}, ${callId}, ${ent.id}, ${ent.district_id}, 'scored', ${score}) returning id`,
  );
  await db.rows(
    sql`insert into project_applications (id, programme_id, programme_year_id, topic_code, plan, budget_lines, kpis, milestones, start_on, end_on, requested_fen, self_raised_fen)
        values (${c.id}, ${programmeId}, ${yearId}, 'A1', ${JSON.stringify(content().plan)}::jsonb, ${JSON.stringify([{ category: 'equipment', cityFen: requestedFen, selfFen: requestedFen, note: '' }])}::jsonb,
                ${JSON.stringify(content().kpis)}::jsonb, ${JSON.stringify(content().milestones)}::jsonb, '2026-07-01', '2028-06-30', ${requestedFen}, ${requestedFen})`,
  );
  return c.id;
}

beforeAll(async () => {
  t = await createTestApp();
  restore = setBusinessClock(fixedClock('2026-03-02'));
  [officer, xihu, binjiang, enterprise, expert] = await Promise.all(['officer', 'xihu', 'binjiang', 'enterprise', 'expert'].map((u) => loginAs(t.app, u)));
  const me = (await enterprise.request('GET', '/api/auth/me')).json<{ organization: { district: { id: number } } }>();
  const xihuDistrict = (await xihu.request('GET', '/api/auth/me')).json<{ organization: { district: { id: number } } }>().organization.district.id;
  [own, other] = me.organization.district.id === xihuDistrict ? [xihu, binjiang] : [binjiang, xihu];
});
afterAll(async () => {
  restore();
  await t.close();
});

describe('programmes, calls and the public portal', () => {
  it('when the bureau sets up a programme, its budget and a call, then the budget is on the ledger and the call is public', async () => {
    const p = await officer.request('POST', '/api/programmes', { code: 'test_general', name: '测试一般项目', type: 'general', selection: 'district' });
    expect(p.statusCode, p.body).toBe(201);
    programmeId = p.json<{ id: number }>().id;
    expect((await officer.request('POST', '/api/programmes', { code: 'test_general', name: '重复', type: 'general', selection: 'district' })).json<Err>().error.code).toBe('conflict');
    expect((await enterprise.request('POST', '/api/programmes', { code: 'ent_prog', name: '企业计划', type: 'general', selection: 'open' })).statusCode).toBe(403);

    const y = await officer.request('POST', `/api/programmes/${programmeId}/years`, { year: 2026, budget: 3_000_000 });
    expect(y.statusCode, y.body).toBe(201);
    const year = y.json<{ years: { id: number; budget: number; available: number }[] }>().years[0];
    expect(year).toMatchObject({ budget: 3_000_000, available: 3_000_000 });
    yearId = year.id;

    const bad = await officer.request('POST', '/api/programme-calls', { programmeId, year: 2026, title: '2026年度测试一般项目申报指南', eligibility: '本市注册企业', topics: [], ceiling: 2_000_000, totalBudget: 1_000_000, opensOn: '2026-03-01', closesOn: '2026-02-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Err>().error.details!.fields.map((f) => f.field).sort()).toEqual(['closesOn', 'totalBudget']);

    const call = await officer.request('POST', '/api/programme-calls', {
      programmeId,
      year: 2026,
      title: '2026年度测试一般项目申报指南',
      eligibility: '在本市注册的企业，上年度研发投入不低于销售收入的3%',
      topics: [{ code: 'A1', title: '工业互联网', description: '边缘计算与工业软件' }],
      ceiling: 1_000_000,
      totalBudget: 1_500_000,
      opensOn: '2026-03-01',
      closesOn: '2026-04-30',
    });
    expect(call.statusCode, call.body).toBe(201);
    callId = call.json<{ id: number }>().id;
    const pub = await t.app.inject({ method: 'GET', url: '/api/programme-calls?year=2026' });
    expect(pub.statusCode).toBe(200);
    expect(pub.json<{ items: { id: number; state: string; ceiling: number; programme: { name: string } }[] }>().items.find((c) => c.id === callId)).toMatchObject({ state: 'open', ceiling: 1_000_000, programme: { name: '测试一般项目' } });
  });
});

describe('the application', () => {
  it('when the budget breaks the ceiling and the ratio rules, then the draft keeps field messages and submit refuses with them', async () => {
    const created = await enterprise.request('POST', '/api/project-applications', { callId, title: '工业边缘计算网关' });
    expect(created.statusCode, created.body).toBe(201);
    ownCase = created.json<View>().id;
    expect(created.json<View>().status).toBe('draft');

    const lines = [
      { category: 'equipment', city: 1_100_000, self: 300_000, note: '' },
      { category: 'management', city: 100_000, self: 0, note: '' },
    ];
    const saved = await enterprise.request('PUT', `/api/project-applications/${ownCase}`, content({ budgetLines: lines }));
    expect(saved.statusCode, saved.body).toBe(200);
    const messages = saved.json<View>().issues;
    expect(messages.find((i) => i.field === 'budgetLines' && i.message.includes('超过指南单项资助上限'))).toBeTruthy();
    expect(messages.find((i) => i.field === 'budgetLines' && i.message.includes('不得超过单位自筹'))).toBeTruthy();
    expect(messages.find((i) => i.field === 'budgetLines.1.cityFen' && i.message.includes('5%'))).toBeTruthy();
    const refused = await enterprise.request('POST', `/api/project-applications/${ownCase}/submit`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<Err>().error.details!.fields.length).toBe(messages.length);
    expect((await enterprise.request('PUT', `/api/project-applications/${ownCase}`, content({ budgetLines: [{ category: 'equipment', city: -1, self: 0, note: '' }] }))).statusCode).toBe(400);
  });

  it('when a valid plan is submitted, then it goes to its own district, which recommends it; the other district cannot see it', async () => {
    const saved = await enterprise.request('PUT', `/api/project-applications/${ownCase}`, content());
    expect(saved.json<View>()).toMatchObject({ issues: [], requested: 800_000 });
    const submitted = await enterprise.request('POST', `/api/project-applications/${ownCase}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json<View>().status).toBe('submitted');
    expect((await enterprise.request('PUT', `/api/project-applications/${ownCase}`, content())).statusCode).toBe(409);

    expect((await other.request('POST', `/api/project-applications/${ownCase}/review`, { action: 'district_recommend' })).statusCode).toBe(404);
    expect((await other.request('GET', `/api/project-applications/${ownCase}`)).statusCode).toBe(404);
    const noReason = await own.request('POST', `/api/project-applications/${ownCase}/review`, { action: 'district_return' });
    expect(noReason.json<Err>().error.details!.fields[0].field).toBe('comment');
    const rec = await own.request('POST', `/api/project-applications/${ownCase}/review`, { action: 'district_recommend', comment: '同意推荐' });
    expect(rec.statusCode, rec.body).toBe(200);
    expect(rec.json<View>().status).toBe('pending_check');
    expect((await own.request('POST', `/api/project-applications/${ownCase}/review`, { action: 'formal_pass' })).statusCode).toBe(403);
    const checked = await officer.request('POST', `/api/project-applications/${ownCase}/review`, { action: 'formal_pass' });
    expect(checked.json<View>().status).toBe('checked');

    // the kernel draws the programme's panel (3 for a general project, at least one finance expert)
    const draw = await officer.request('POST', `/api/cases/${ownCase}/panel`, {});
    expect(draw.statusCode, draw.body).toBe(201);
    expect(draw.json<{ members: unknown[] }>().members).toHaveLength(3);
    const seat = (await expert.request('GET', '/api/expert/assignments')).json<{ items: { applicationId: number; memberId: number }[] }>().items.find((a) => a.applicationId === ownCase);
    if (seat) {
      // the demo expert is in the random draw only sometimes; its case view opens once it declared no conflict
      const declared = await expert.request('POST', `/api/expert/assignments/${seat.memberId}/declaration`, { noConflict: true });
      expect(declared.statusCode, declared.body).toBeLessThan(300);
      const view = (await expert.request('GET', `/api/expert/assignments/${seat.memberId}`)).json<{ scoring: { mode: string; items: { code: string }[] } }>();
      expect(view.scoring.mode).toBe('items');
      expect(view.scoring.items.map((i) => i.code)).toEqual(['innovation', 'feasibility', 'team', 'budget', 'benefit']);
    }
    // the panel's mean (the kernel writes it when the last member scores)
    await t.deps.database.rows(sql`update cases set status = 'scored', panel_score = 90 where id = ${ownCase}`);
  });
});

describe('ranking, moderation, notice and approval', () => {
  let second: number, third: number;
  it('when cases are ranked against the call budget, then departing from the line needs a reason and the selection never exceeds the budget', async () => {
    second = await scoredCase('城市内涝智能监测预警系统研发', 85, 40_000_000);
    third = await scoredCase('工业边缘计算网关关键技术研究', 80, 50_000_000);
    const ranking = (await officer.request('GET', `/api/programme-calls/${callId}/ranking`)).json<{ items: { id: number; rank: number; cumulative: number; withinBudget: boolean }[] }>();
    expect(ranking.items.map((i) => [i.id, i.rank, i.cumulative, i.withinBudget])).toEqual([
      [ownCase, 1, 800_000, true],
      [second, 2, 1_200_000, true],
      [third, 3, 1_700_000, false],
    ]);
    expect((await xihu.request('GET', `/api/programme-calls/${callId}/ranking`)).statusCode).toBe(403);

    const below = await officer.request('POST', `/api/project-applications/${third}/moderation`, { select: true });
    expect(below.json<Err>().error.details!.fields[0].field).toBe('reason');
    const dropAbove = await officer.request('POST', `/api/project-applications/${ownCase}/moderation`, { select: false });
    expect(dropAbove.json<Err>().error.details!.fields[0].field).toBe('reason');
    expect((await officer.request('POST', `/api/project-applications/${ownCase}/moderation`, { select: true })).json<View>().status).toBe('ranked');
    const cut = await officer.request('POST', `/api/project-applications/${second}/moderation`, { select: true, recommended: 300_000 });
    expect(cut.json<Err>().error.details!.fields[0].field).toBe('reason');
    expect((await officer.request('POST', `/api/project-applications/${second}/moderation`, { select: true, recommended: 300_000, reason: '设备购置预算偏高，核减10万元' })).statusCode).toBe(200);
    const over = await officer.request('POST', `/api/project-applications/${third}/moderation`, { select: true, reason: '技术路线与第1名互补' });
    expect(over.statusCode).toBe(409);
    expect(over.json<Err>().error.code).toBe('budget_exceeded');
    const out = await officer.request('POST', `/api/project-applications/${third}/moderation`, { select: false, reason: '排名在资助线以下' });
    expect(out.json<View>().status).toBe('not_selected');
  });

  it('when the notice ends and the bureau approves, then the approved amount is committed from the programme-year budget', async () => {
    const pub = await officer.request('POST', '/api/notices', { instrument: 'programmes', subject: 'general', year: 2026, title: '2026年度测试一般项目拟立项公示', applicationIds: [ownCase, second] });
    expect(pub.statusCode, pub.body).toBe(201);
    const notice = pub.json<{ endsOn: string; items: { summary: string }[] }>();
    expect(notice.items.map((i) => i.summary)).toContain('测试一般项目；拟资助30万元');
    expect(notice.endsOn < '2026-03-20').toBe(true);
    setBusinessClock(fixedClock('2026-03-20'));
    for (const id of [ownCase, second]) {
      const d = await officer.request('POST', `/api/cases/${id}/decision`, { approve: true });
      expect(d.statusCode, d.body).toBe(200);
      expect(d.json<{ status: string }>().status).toBe('approved');
    }
    const budget = await balances(t.deps.database.db, PROJECT_BOOK, { kinds: ['budget'], scope: yearId });
    expect(budget[0].balanceFen).toBe(300_000_000 - 80_000_000 - 30_000_000);
    const plan = await getProjectPlan(t.deps.database.db, second);
    expect(plan).toMatchObject({ approvedAmountFen: 30_000_000, programme: { trancheSplit: [50, 30, 20] } });
    expect(await getProjectPlan(t.deps.database.db, third)).toBeNull();
  });

  it('when the funded enterprise applies again with a similar title, then the duplicate check lists its funded project and the reason', async () => {
    const dup = await officer.request('GET', `/api/project-applications/${third}/duplicates`);
    expect(dup.statusCode, dup.body).toBe(200);
    const similar = dup.json<{ similar: { id: number; reason: string; similarity: number }[] }>().similar;
    expect(similar[0]).toMatchObject({ id: ownCase });
    expect(similar[0].reason).toContain('边缘计算网关');
    const funded = (await officer.request('GET', `/api/project-applications/${ownCase}/duplicates`)).json<{ funded: { instrument: string }[] }>().funded;
    expect(funded.every((f) => typeof f.instrument === 'string')).toBe(true);
    expect((await enterprise.request('GET', `/api/project-applications/${ownCase}/duplicates`)).statusCode).toBe(403);
  });

  it('when the signed task contract is uploaded, then the project runs and tranche 1 (50 %) is prepared once', async () => {
    const docx = await enterprise.request('GET', `/api/project-applications/${ownCase}/contract.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await enterprise.request('POST', `/api/project-applications/${ownCase}/contract`, ...Object.values(multipartFile(PDF, '任务书.pdf', 'application/pdf')))).statusCode).toBe(403);
    const f = multipartFile(PDF, '任务书.pdf', 'application/pdf');
    const signed = await officer.request('POST', `/api/project-applications/${ownCase}/contract`, f.payload, f.headers);
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json<View>().status).toBe('in_progress');
    const tr = (await enterprise.request('GET', `/api/project-applications/${ownCase}/tranches`)).json<{ items: { n: number; amount: number; status: string | null }[] }>().items;
    expect(tr).toEqual([
      expect.objectContaining({ n: 1, amount: 400_000, status: 'prepared' }),
      expect.objectContaining({ n: 2, amount: 240_000, status: null }),
      expect.objectContaining({ n: 3, amount: 160_000, status: null }),
    ]);
    const again = multipartFile(PDF, '任务书.pdf', 'application/pdf');
    expect((await officer.request('POST', `/api/project-applications/${ownCase}/contract`, again.payload, again.headers)).statusCode).toBe(409);
    const check = await checkBook(t.deps.database.db, PROJECT_BOOK);
    expect(check).toMatchObject({ unbalancedMovements: 0, driftedAccounts: 0, totalFen: 0 });
  });
});

describe('the programme-year budget on the ledger', () => {
  it('when two calls of one programme-year approve more than its budget, then the second approval is refused and nothing of it is written', async () => {
    setBusinessClock(fixedClock('2026-03-02'));
    const p = (await officer.request('POST', '/api/programmes', { code: 'test_major', name: '测试重大项目', type: 'major', selection: 'designed' })).json<{ id: number }>();
    const y = (await officer.request('POST', `/api/programmes/${p.id}/years`, { year: 2026, budget: 1_200_000 })).json<{ years: { id: number }[] }>().years[0];
    const callOf = async (batch: number) =>
      (
        await officer.request('POST', '/api/programme-calls', { programmeId: p.id, year: 2026, batch, title: `2026年度测试重大项目指南第${batch}批`, eligibility: '受邀企业', topics: [], ceiling: 1_000_000, totalBudget: 1_200_000, opensOn: '2026-03-01', closesOn: '2026-04-30' })
      ).json<{ id: number }>().id;
    const ids: number[] = [];
    for (const batch of [1, 2]) {
      const call = await callOf(batch);
      const [ent] = await t.deps.database.rows<{ id: number; district_id: number }>(sql`select id, district_id from enterprises order by id desc limit 1 offset ${200 + batch}`);
      const [c] = await t.deps.database.rows<{ id: number }>(
        sql`insert into cases (instrument, type, year, title, call_id, enterprise_id, district_id, status, panel_score) values ('programmes', 'major', 2026, ${`重大项目${batch}`}, ${call}, ${ent.id}, ${ent.district_id}, 'scored', 90) returning id`,
      );
      await t.deps.database.rows(
        sql`insert into project_applications (id, programme_id, programme_year_id, plan, budget_lines, kpis, milestones, requested_fen, self_raised_fen)
            values (${c.id}, ${p.id}, ${y.id}, ${JSON.stringify(content().plan)}::jsonb, '[]'::jsonb, '[]'::jsonb, '[]'::jsonb, 80000000, 80000000)`,
      );
      expect((await officer.request('POST', `/api/project-applications/${c.id}/moderation`, { select: true })).statusCode).toBe(200);
      ids.push(c.id);
    }
    const pub = await officer.request('POST', '/api/notices', { instrument: 'programmes', subject: 'major', year: 2026, title: '2026年度测试重大项目拟立项公示', applicationIds: ids });
    expect(pub.statusCode, pub.body).toBe(201);
    setBusinessClock(fixedClock('2026-03-20'));
    expect((await officer.request('POST', `/api/cases/${ids[0]}/decision`, { approve: true })).statusCode).toBe(200);
    const refused = await officer.request('POST', `/api/cases/${ids[1]}/decision`, { approve: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Err>().error.code).toBe('budget_exceeded');
    const [left] = await t.deps.database.rows<{ status: string; approved_fen: number | null }>(sql`select c.status, d.approved_fen from cases c join project_applications d on d.id = c.id where c.id = ${ids[1]}`);
    expect(left).toEqual({ status: 'in_notice', approved_fen: null });
    const budget = await balances(t.deps.database.db, PROJECT_BOOK, { kinds: ['budget'], scope: y.id });
    expect(budget[0].balanceFen).toBe(40_000_000);
  });
});
