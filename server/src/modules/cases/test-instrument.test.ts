import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, RequestContext } from '../../http/context.js';
import { businessToday, fixedClock, setBusinessClock } from '../../lib/clock.js';
import { insertCall, readCase } from '../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { addWorkingDays } from '../calendar/index.js';
import { TOTAL_ITEM } from '../experts/index.js';
import { balances, defineBook, postMovement } from '../ledger/index.js';
import { lockCase, moveCase, openCase, registerInstrument, type DecisionOutcome } from './index.js';

// ── the whole instrument, as data (what a new instrument writes; no kernel file changes) ──────
const FIELD = '案件内核测试领域';
const granted: { caseId: number; today: string }[] = [];
/** Its money: a grant budget (never negative) paid out to enterprises, as a ledger book. */
const GRANTS = defineBook({
  code: 'test_grants',
  name: '测试资助资金',
  accountKinds: { appropriation: { mayGoNegative: true, mayGoPositive: false }, budget: {}, granted: { owner: 'enterprise' } },
});
const GRANT_FEN = 50_000_000;
registerInstrument({
  code: 'test_grants',
  name: '测试资助',
  objectType: 'test_grant_case',
  types: { seed: '种子资助' },
  statuses: {
    draft: { name: '草稿', next: '企业提交' },
    submitted: { name: '待区县审核', next: '区县科技局审核', stepDays: 5 },
    district_passed: { name: '待抽取专家', next: '市科委抽取评审专家', stepDays: 3 },
    expert_review: { name: '专家评审中', next: '评审专家打分', stepDays: 5 },
    scored: { name: '评审完成', next: '市科委发布公示', stepDays: 5 },
    in_notice: { name: '公示中', next: '公示期满后决定' },
    granted: { name: '已资助', next: null },
    rejected: { name: '未通过', next: null },
  },
  initialStatus: 'draft',
  transitions: {
    submit: { name: '提交申请', from: ['draft'], to: 'submitted', roles: ['enterprise_user'] },
    district_pass: { name: '区县审核通过', from: ['submitted'], to: 'district_passed', roles: ['district_officer'] },
    district_reject: { name: '区县审核不通过', from: ['submitted'], to: 'rejected', roles: ['district_officer'], needsComment: true },
    draw_panel: { name: '抽取评审专家', from: ['district_passed'], to: 'expert_review', roles: ['city_officer'] },
    panel_scored: { name: '专家评审完成', from: ['expert_review'], to: 'scored', roles: [], bySystem: true, systemLabel: '评审专家组' },
    publish: { name: '进入公示', from: ['scored'], to: 'in_notice', roles: ['city_officer'] },
    grant: { name: '予以资助', from: ['in_notice'], to: 'granted', roles: ['city_officer'] },
    decline: { name: '不予资助', from: ['in_notice'], to: 'rejected', roles: ['city_officer'], needsComment: true },
  },
  href: (c, audience) => (audience === 'expert' ? `/expert/assignments?application=${c.id}` : `/test-grants/${c.id}`),
  panel: {
    readyStatus: 'district_passed',
    reviewStatus: 'expert_review',
    drawAction: 'draw_panel',
    scoredAction: 'panel_scored',
    rules: () => ({ size: 2, minTechnicalRatio: 0.5, minFinance: 1, loadCap: 8 }),
    required: async () => true,
    preferFields: async () => [FIELD],
    scoreSheet: async () => ({ mode: 'total', items: [TOTAL_ITEM], maxTotal: 100, assessment: null }),
    expertView: async () => ({ data: { plan: '研制一种低功耗传感芯片' }, applicationDate: null }),
  },
  notice: {
    publishAction: 'publish',
    approveAction: 'grant',
    declineAction: 'decline',
    workingDays: () => 5,
    ready: async (_db, c) => c.status === 'scored',
    readyLabel: async () => '评审完成',
    summary: async () => '种子资助',
    typeHasPanel: async () => true,
  },
  onDecision: async (tx, _ctx, c, { today }): Promise<DecisionOutcome> => {
    granted.push({ caseId: c.id, today });
    const posted = await postMovement(tx, {
      book: GRANTS,
      kind: 'grant',
      valueDate: today,
      idempotencyKey: `grant-${c.id}`,
      entries: [
        { account: { kind: 'budget' }, amountFen: -GRANT_FEN },
        { account: { kind: 'granted', owner: { type: 'enterprise', id: c.enterpriseId! } }, amountFen: GRANT_FEN },
      ],
    });
    return { reference: `ZZ${c.id}`, detail: { grantFen: GRANT_FEN, movementId: posted.id } };
  },
});
// ─────────────────────────────────────────────────────────────────────────────────────────────

let t: TestApp;
let officer: Session, xihu: Session, binjiang: Session, enterprise: Session;
const experts: Session[] = [];
let restore: () => void;
let ent: { id: number; districtId: number; orgId: number };

const actorOf = async (s: Session): Promise<Actor> => {
  type Me = { user: { id: number; username: string; displayName: string }; roles: Actor['roles']; organization: { id: number; name: string; kind: string; enterpriseId: number | null; district: { id: number } | null } };
  const me = (await s.request('GET', '/api/auth/me')).json<Me>();
  const o = me.organization;
  return { userId: me.user.id, username: me.user.username, displayName: me.user.displayName, roles: me.roles, organizationId: o.id, organizationName: o.name, organizationKind: o.kind, districtId: o.district?.id ?? null, districtCode: null, districtName: null, enterpriseId: o.enterpriseId, via: 'session', credentialId: 'test', csrfToken: null };
};
const ctxOf = async (s: Session): Promise<RequestContext> => ({ actor: await actorOf(s), requestId: 'test', ip: '127.0.0.1' });
const inbox = async (s: Session, q = '') => (await s.request('GET', `/api/cases?instrument=test_grants${q}`)).json<{ items: { id: number; statusName: string; dueState: string | null; href: string }[] }>().items;

beforeAll(async () => {
  restore = setBusinessClock(fixedClock('2016-04-11'));
  t = await createTestApp();
  [officer, xihu, binjiang, enterprise] = await Promise.all(['officer', 'xihu', 'binjiang', 'enterprise'].map((u) => loginAs(t.app, u)));
  const admin = await loginAs(t.app, 'admin');
  const expertOrg = (await (await loginAs(t.app, 'expert')).request('GET', '/api/auth/me')).json<{ organization: { id: number } }>().organization.id;
  for (const [i, category] of (['technical', 'finance'] as const).entries()) {
    const username = `case.kernel.expert${i}`;
    const user = (await admin.request('POST', '/api/users', { username, displayName: `内核测试专家${i}`, organizationId: expertOrg, roles: ['expert'], password: 'Kernel#Test2026x' })).json<{ id: number }>();
    expect((await officer.request('POST', '/api/experts', { name: `内核测试专家${i}`, organization: '浙江工业大学', title: '研究员', category, fields: [FIELD], userId: user.id })).statusCode).toBe(201);
    experts.push(await loginAs(t.app, username, 'Kernel#Test2026x'));
  }
  const me = (await ctxOf(enterprise)).actor!;
  const [row] = await t.deps.database.rows<{ districtId: number }>(sql`select district_id as "districtId" from enterprises where id = ${me.enterpriseId}`);
  ent = { id: me.enterpriseId!, districtId: row.districtId, orgId: me.organizationId };
});
afterAll(async () => {
  restore();
  await t.close();
});

describe('an instrument defined as data', () => {
  it('when a test instrument registers, then its cases go through call, review, panel, notice, decision, deadlines and the inbox with no kernel change', async () => {
    const db = t.deps.database.db;
    const callId = await insertCall(db, { instrument: 'test_grants', type: 'seed', year: 2016, formVersion: null });
    // contexts first: on the embedded database a request inside a transaction would wait for it
    const [asEnterprise, asXihu, asBinjiang] = [await ctxOf(enterprise), await ctxOf(xihu), await ctxOf(binjiang)];
    const c = await db.transaction(async (tx) => openCase(tx, asEnterprise, { instrument: 'test_grants', type: 'seed', year: 2016, title: '2016年度种子资助申请', callId, enterpriseId: ent.id, districtId: ent.districtId }));
    expect(c.status).toBe('draft');

    // the enterprise submits; the step deadline comes from the working-day calendar
    await db.transaction(async (tx) => moveCase(tx, asEnterprise, await lockCase(tx, asEnterprise, c.id), { action: 'submit' }));
    expect((await readCase(db, c.id)).dueOn).toBe(await addWorkingDays(businessToday(), 5, db));

    // the other district is refused (existence not revealed), a refusal needs a reason, the own district passes
    const xihuIsOwn = asXihu.actor!.districtId === ent.districtId;
    const [own, other, asOwn, asOther] = xihuIsOwn ? [xihu, binjiang, asXihu, asBinjiang] : [binjiang, xihu, asBinjiang, asXihu];
    await expect(db.transaction(async (tx) => lockCase(tx, asOther, c.id))).rejects.toMatchObject({ code: 'not_found' });
    await expect(db.transaction(async (tx) => moveCase(tx, asOwn, await lockCase(tx, asOwn, c.id), { action: 'district_reject' }))).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(db.transaction(async (tx) => moveCase(tx, asEnterprise, await lockCase(tx, asEnterprise, c.id), { action: 'district_pass' }))).rejects.toMatchObject({ code: 'forbidden' });
    await db.transaction(async (tx) => moveCase(tx, asOwn, await lockCase(tx, asOwn, c.id), { action: 'district_pass' }));

    // the inbox: waiting for the city officer, seen by the own district, not by the other
    expect((await inbox(officer, '&mine=true')).map((i) => i.id)).toContain(c.id);
    expect((await inbox(own)).map((i) => i.id)).toContain(c.id);
    expect((await inbox(other)).map((i) => i.id)).not.toContain(c.id);
    expect((await inbox(own, '&mine=true')).map((i) => i.id)).not.toContain(c.id);

    // the panel: drawn by the kernel's experts module with the instrument's rules and field
    const draw = await officer.request('POST', `/api/cases/${c.id}/panel`, {});
    expect(draw.statusCode, draw.body).toBe(201);
    expect(draw.json<{ members: unknown[] }>().members).toHaveLength(2);
    for (const s of experts) {
      expect((await inbox(s)).map((i) => i.href)).toContain(`/expert/assignments?application=${c.id}`);
      const seat = (await s.request('GET', '/api/expert/assignments')).json<{ items: { memberId: number; applicationId: number; typeName: string }[] }>().items.find((a) => a.applicationId === c.id)!;
      expect(seat.typeName).toBe('种子资助');
      expect((await s.request('POST', `/api/expert/assignments/${seat.memberId}/declaration`, { noConflict: true })).statusCode).toBe(200);
      const scored = await s.request('POST', `/api/expert/assignments/${seat.memberId}/score`, { total: experts.indexOf(s) ? 80 : 90, comment: '方案可行' });
      expect(scored.statusCode, scored.body).toBe(200);
    }
    expect(await readCase(db, c.id)).toMatchObject({ status: 'scored', panelScore: '85.00' });

    // the notice, by the notices module on the instrument's configuration
    const pub = await officer.request('POST', '/api/notices', { instrument: 'test_grants', subject: 'seed', year: 2016, title: '2016年度种子资助拟资助项目公示', applicationIds: [c.id] });
    expect(pub.statusCode, pub.body).toBe(201);
    const notice = pub.json<{ endsOn: string; instrument: string; subjectName: string; items: { summary: string }[] }>();
    expect(notice).toMatchObject({ instrument: 'test_grants', subjectName: '种子资助', items: [{ summary: '种子资助' }] });
    expect((await readCase(db, c.id)).dueOn).toBe(notice.endsOn);
    expect((await officer.request('POST', `/api/cases/${c.id}/decision`, { approve: true })).json().error.code).toBe('notice_open');

    // the book's budget: a grant larger than it would be refused by the ledger
    await db.transaction(async (tx) =>
      postMovement(tx, { book: GRANTS, kind: 'fund', valueDate: '2016-01-04', entries: [{ account: { kind: 'appropriation' }, amountFen: -80_000_000 }, { account: { kind: 'budget' }, amountFen: 80_000_000 }] }),
    );

    // after the period: the decision calls the instrument's hook, in the same transaction
    setBusinessClock(fixedClock(await addWorkingDays(notice.endsOn, 2, db)));
    const decided = await officer.request('POST', `/api/cases/${c.id}/decision`, { approve: true });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'granted', outcome: { grantFen: GRANT_FEN } });
    const [budget] = await balances(db, GRANTS, { kinds: ['budget'] });
    expect(budget.balanceFen).toBe(30_000_000);
    expect(granted).toEqual([{ caseId: c.id, today: businessToday() }]);
    expect((await officer.request('POST', `/api/recognition-applications/${c.id}/decision`, { approve: true })).statusCode).toBe(404);

    // one event per step, one audit row per move, the enterprise's timeline entries
    const events = await t.deps.database.rows<{ action: string; actor_label: string }>(sql`select action, actor_label from case_events where case_id = ${c.id} order by id`);
    expect(events.map((e) => e.action)).toEqual(['create', 'submit', 'district_pass', 'draw_panel', 'panel_scored', 'publish', 'grant']);
    expect(events.find((e) => e.action === 'panel_scored')?.actor_label).toBe('评审专家组');
    const [{ audits, timeline }] = await t.deps.database.rows<{ audits: number; timeline: number }>(
      sql`select (select count(*)::int from audit_log where object_type = 'test_grant_case' and object_id = ${String(c.id)}) as audits,
                 (select count(*)::int from timeline_events where module = 'test_grants' and ref_id = ${String(c.id)}) as timeline`,
    );
    expect(audits).toBe(7); // six moves and the draw
    expect(timeline).toBe(6);
  });
});
