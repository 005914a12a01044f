import { eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { calls, caseEvents, cases, districts, enterprises, noticeItems, organizations, programmeCalls, programmeInvitations, programmes, projectApplications, publicNotices, users, type BudgetLine } from '../../db/schema/index.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { businessToday } from '../../lib/clock.js';
import { createRandom, type Random } from '../../lib/random.js';
import { recordAuditMany } from '../audit/index.js';
import { casesRepo } from '../cases/index.js';
import { recordPastPanel } from '../experts/index.js';
import { postMovements } from '../ledger/index.js';
import { approvePayment, confirmPayment, sendPayment } from '../payments/index.js';
import { PROJECT_BOOK } from './book.js';
import { TRANSITIONS, type ProjectAction, type ProjectStatus, type ProjectType } from './instrument.js';
import { trancheAmounts } from './plan.js';
import { appropriateYear, DEFAULT_SCORE_ITEMS } from './programmes.service.js';
import { SEED_CALLS, SEED_PROGRAMMES, TITLE_PARTS, type SeedCall } from './programmes.seed.data.js';
import { prepareTranche } from './tranche.js';

type SeedStatus = ProjectStatus | 'in_progress_paid';

/** The workflow path to a status (general projects go through their district first). */
function pathTo(status: ProjectStatus, type: ProjectType): ProjectAction[] {
  const submit: ProjectAction[] = type === 'general' ? ['submit', 'district_recommend'] : ['submit_direct'];
  const review: ProjectAction[] = [...submit, 'formal_pass', 'draw_panel', 'panel_scored'];
  const paths: Record<ProjectStatus, ProjectAction[]> = {
    draft: [],
    submitted: ['submit'],
    returned: type === 'general' ? ['submit', 'district_return'] : ['submit_direct', 'formal_return'],
    pending_check: submit,
    checked: [...submit, 'formal_pass'],
    expert_review: [...submit, 'formal_pass', 'draw_panel'],
    scored: review,
    ranked: [...review, 'select'],
    not_selected: [...review, 'not_select'],
    in_notice: [...review, 'select', 'publish_notice'],
    approved: [...review, 'select', 'publish_notice', 'approve'],
    in_progress: [...review, 'select', 'publish_notice', 'approve', 'sign_contract'],
    accepting: [],
    completed: [],
    failed: [],
    terminated: [],
    rejected: [...submit, 'formal_reject'],
  };
  return paths[status];
}

const COMMENTS: Partial<Record<ProjectAction, string>> = {
  district_recommend: '材料齐全，同意推荐',
  district_return: '请补充项目合作协议和上年度审计报告',
  formal_return: '预算说明不完整，请补充设备购置明细',
  formal_reject: '申报单位不符合指南规定的申报条件（上年度研发投入占比不足3%）',
  not_select: '评审得分在资助线以下，本年度不予立项',
  decline: '公示期内异议经核查成立',
};

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const at = (d: string, hour = 10) => new Date(`${d}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const round = (fen: number, unit: number) => Math.round(fen / unit) * unit;

function budgetOf(rnd: Random, cityFen: number): BudgetLine[] {
  const self = round(cityFen * (1.2 + rnd.next() * 1.3), 100_000);
  const total = cityFen + self;
  const mgmt = round(total * 0.03, 10_000);
  const shares: [string, number, number][] = [
    ['equipment', 0.35, 0.3],
    ['materials', 0.25, 0.2],
    ['testing', 0.1, 0.08],
    ['labour', 0.15, 0.2],
    ['travel', 0.05, 0.04],
    ['expert', 0.1, 0.03],
  ];
  const lines: BudgetLine[] = shares.map(([category, c, s]) => ({ category, cityFen: round(cityFen * c, 100), selfFen: round(self * s, 100), note: '' }));
  lines.push({ category: 'management', cityFen: 0, selfFen: mgmt, note: '' });
  // the rounding rest goes to equipment, so the lines sum to the amounts exactly
  lines[0].cityFen += cityFen - lines.reduce((x, l) => x + l.cityFen, 0);
  lines[0].selfFen += self - lines.reduce((x, l) => x + l.selfFen, 0);
  return lines;
}

const KPI_SETS = [
  [
    { key: 'patents', name: '申请发明专利', unit: '件', target: 3 },
    { key: 'revenue', name: '新增销售收入', unit: '万元', target: 3000 },
    { key: 'new_products', name: '新产品', unit: '个', target: 2 },
  ],
  [
    { key: 'patents_granted', name: '授权发明专利', unit: '件', target: 2 },
    { key: 'standards', name: '制定标准', unit: '项', target: 1 },
    { key: 'jobs', name: '新增就业', unit: '人', target: 20 },
  ],
];

interface Spec {
  call: SeedCall;
  status: ProjectStatus;
  paid: boolean;
  enterprise: { id: number; name: string; districtId: number };
  title: string;
  requestedFen: number;
  score: number | null;
  /** in a notice whose period has ended: the officer's decision to take */
  ended: boolean;
}

/**
 * The programmes' demo data: three programmes with 2015 and 2016 budgets on the project book, their
 * calls, and applications in every state — 2015 reproduces the 35 approved major projects (with
 * the not selected and the rejected ones), 2016 holds cases from draft to contracted with tranche 1
 * prepared or paid through the payments kernel. Deterministic, batched.
 */
export async function seedProgrammes({ tx, ctx }: { tx: Tx; ctx: RequestContext }): Promise<{ cases: number }> {
  const rnd = createRandom(2015_0720);
  const people = await tx.select({ id: users.id, username: users.username, displayName: users.displayName, roles: users.roles, organizationId: users.organizationId }).from(users).where(inArray(users.username, ['officer', 'treasurer', 'enterprise']));
  const officer = people.find((p) => p.username === 'officer')!;
  const treasurer = people.find((p) => p.username === 'treasurer');
  const [demoOrg] = await tx.select({ enterpriseId: organizations.enterpriseId }).from(organizations).where(eq(organizations.id, people.find((p) => p.username === 'enterprise')!.organizationId));
  const demoEnterpriseId = demoOrg.enterpriseId!;

  // programmes and their yearly budgets (appropriated on the book)
  const progRows = await tx
    .insert(programmes)
    .values(SEED_PROGRAMMES.map((p) => ({ code: p.code, name: p.name, type: p.type, selection: p.selection, description: p.description, trancheSplit: [50, 30, 20], scoreItems: DEFAULT_SCORE_ITEMS, createdAt: at('2015-01-05') })))
    .returning();
  const progByCode = new Map(progRows.map((p) => [p.code, p]));
  const yearIds = new Map<string, number>();
  for (const p of SEED_PROGRAMMES) {
    for (const [year, budget] of Object.entries(p.budgets)) {
      const py = await appropriateYear(tx, ctx, progByCode.get(p.code)!.id, Number(year), budget * 100);
      yearIds.set(`${p.code}:${year}`, py.id);
    }
  }

  // calls (kernel rows) and their details
  const callRows = await tx
    .insert(calls)
    .values(SEED_CALLS.map((c) => ({ instrument: 'programmes', type: progByCode.get(c.programme)!.type, year: c.year, batch: c.batch, title: c.title, opensOn: c.opensOn, closesOn: c.closesOn, formVersion: 1, description: `${c.title}。请申报单位按指南方向和申报条件组织申报，通过本平台在线填报。`, createdBy: officer.id, createdAt: at(addDays(c.opensOn, -7)) })))
    .returning({ id: calls.id });
  const callIds = new Map(SEED_CALLS.map((c, i) => [c.key, callRows[i].id]));
  await tx.insert(programmeCalls).values(
    SEED_CALLS.map((c) => {
      const p = SEED_PROGRAMMES.find((x) => x.code === c.programme)!;
      return {
        id: callIds.get(c.key)!,
        programmeId: progByCode.get(c.programme)!.id,
        programmeYearId: yearIds.get(`${c.programme}:${c.year}`)!,
        topics: c.topics,
        eligibility: p.type === 'major' ? '在本市注册、具有独立法人资格的企业，上年度销售收入1亿元以上，研发投入占比不低于3%，经市科委邀请牵头申报。' : '在本市注册、具有独立法人资格的企业或事业单位，财务管理制度健全，上年度研发投入占比不低于3%；同一单位限报1项。',
        ceilingFen: p.ceiling * 100,
        totalBudgetFen: c.totalBudget * 100,
        invitedOnly: p.selection === 'designed',
      };
    }),
  );

  // the applicants: distinct enterprises per call, the demo enterprise in 2015 and the first 2016 general call
  const pool = await tx.select({ id: enterprises.id, name: enterprises.name, districtId: enterprises.districtId }).from(enterprises).orderBy(enterprises.id).limit(3000);
  const others = pool.filter((e) => e.id !== demoEnterpriseId);
  const demo = pool.find((e) => e.id === demoEnterpriseId)!;
  const specs: Spec[] = [];
  let cursor = 0;
  const usedTitles = new Set<string>();
  for (const call of SEED_CALLS) {
    const p = progByCode.get(call.programme)!;
    const type = p.type as ProjectType;
    const ceiling = SEED_PROGRAMMES.find((x) => x.code === call.programme)!.ceiling * 100;
    const entries = Object.entries(call.statuses) as [SeedStatus, number][];
    for (const [seedStatus, n] of entries) {
      for (let i = 0; i < n; i++) {
        const isDemo = (call.key === 'general2015' && seedStatus === 'in_progress_paid' && i === 0) || (call.key === 'general2016a' && seedStatus === 'approved' && i === 0);
        const enterprise = isDemo ? demo : others[(cursor = (cursor + 1 + rnd.int(0, 6)) % others.length)];
        let title = '';
        do {
          const parts = TITLE_PARTS[type];
          title = `${rnd.pick(parts.tech)}${rnd.pick(parts.object)}${rnd.pick(parts.suffix)}`;
        } while (usedTitles.has(`${call.key}:${title}`));
        usedTitles.add(`${call.key}:${title}`);
        const status: ProjectStatus = seedStatus === 'in_progress_paid' ? 'in_progress' : seedStatus;
        specs.push({ call, status, paid: seedStatus === 'in_progress_paid', enterprise, title, requestedFen: round(ceiling * (0.4 + rnd.next() * 0.6), 1_000_000), score: null, ended: seedStatus === 'in_notice' && i === 0 });
      }
    }
  }
  // panel scores: the selected above the not selected, so each call's ranking tells the story
  for (const s of specs) {
    const path = pathTo(s.status, s.call.programme === 'major_innovation' ? 'major' : s.call.programme === 'general_research' ? 'general' : 'agri_social');
    if (path.includes('panel_scored')) {
      s.score = path.includes('not_select') ? 60 + rnd.int(0, 150) / 10 : s.status === 'scored' ? 70 + rnd.int(0, 180) / 10 : 80 + rnd.int(0, 160) / 10;
    }
  }

  // notices of the calls: the closed one before the decisions, and an open one
  const noticeRows: { key: string; open: boolean; values: typeof publicNotices.$inferInsert }[] = [];
  for (const c of SEED_CALLS) {
    const p = progByCode.get(c.programme)!;
    if (c.noticeOn) {
      noticeRows.push({ key: c.key, open: false, values: { module: 'programmes', title: `${c.year}年度${p.name}拟立项项目公示${c.batch > 1 ? `（第${c.batch}批）` : ''}`, body: '现将拟立项项目予以公示，公示期为7个工作日。对公示项目有异议的，请在公示期内以实名方式提出。', subject: p.type, year: c.year, publishedOn: c.noticeOn, workingDays: 7, endsOn: addDays(c.noticeOn, 8), publishedBy: officer.id, createdAt: at(c.noticeOn, 9) } });
    }
    if (c.openNoticeOn) {
      noticeRows.push({ key: `${c.key}:open`, open: true, values: { module: 'programmes', title: `${c.year}年度${p.name}拟立项项目公示（第二批）`, body: '现将第二批拟立项项目予以公示，公示期为7个工作日。对公示项目有异议的，请在公示期内以实名方式提出。', subject: p.type, year: c.year, publishedOn: c.openNoticeOn, workingDays: 7, endsOn: addDays(c.openNoticeOn, 9), publishedBy: officer.id, createdAt: at(c.openNoticeOn, 9) } });
    }
  }
  const insertedNotices = await tx.insert(publicNotices).values(noticeRows.map((n) => n.values)).returning({ id: publicNotices.id });
  const noticeId = new Map(noticeRows.map((n, i) => [n.key, insertedNotices[i].id]));

  // cases, details and events
  const typeOf = (s: Spec) => progByCode.get(s.call.programme)!.type as ProjectType;
  const caseRows = await tx
    .insert(cases)
    .values(
      specs.map((s) => {
        const submittedOn = addDays(s.call.closesOn, -rnd.int(1, 25));
        const decided = ['approved', 'in_progress', 'not_selected', 'rejected'].includes(s.status);
        const inNotice = s.status === 'in_notice';
        return {
          instrument: 'programmes',
          type: typeOf(s),
          year: s.call.year,
          title: s.title,
          callId: callIds.get(s.call.key)!,
          enterpriseId: s.enterprise.id,
          districtId: s.enterprise.districtId,
          status: s.status,
          dueOn: s.status === 'approved' ? addDays(s.call.decidedOn!, 28) : ['pending_check', 'checked', 'scored', 'ranked', 'submitted', 'returned'].includes(s.status) ? '2016-09-23' : inNotice ? (s.ended ? addDays(s.call.noticeOn!, 8) : addDays(s.call.openNoticeOn!, 9)) : null,
          noticeId: inNotice ? noticeId.get(s.ended ? s.call.key : `${s.call.key}:open`)! : ['approved', 'in_progress'].includes(s.status) ? noticeId.get(s.call.key)! : null,
          panelScore: s.score === null ? null : s.score.toFixed(2),
          submittedAt: s.status === 'draft' ? null : at(submittedOn),
          decidedAt: decided && s.call.decidedOn ? at(s.call.decidedOn, 15) : null,
          createdAt: at(addDays(submittedOn, -10)),
          updatedAt: at(s.call.decidedOn ?? s.call.closesOn),
        };
      }),
    )
    .returning({ id: cases.id });
  const ids = caseRows.map((r) => r.id);
  await tx.insert(projectApplications).values(
    specs.map((s, i) => {
      const lines = budgetOf(rnd, s.requestedFen);
      const year = s.call.year;
      const approved = ['approved', 'in_progress'].includes(s.status);
      const recommended = ['ranked', 'in_notice', 'approved', 'in_progress'].includes(s.status);
      const p = progByCode.get(s.call.programme)!;
      return {
        id: ids[i],
        programmeId: p.id,
        programmeYearId: yearIds.get(`${s.call.programme}:${year}`)!,
        topicCode: rnd.pick(s.call.topics).code,
        plan: {
          summary: `本项目针对${s.title.slice(0, 12)}领域的关键问题，开展技术攻关与工程化验证，形成具有自主知识产权的产品并实现示范应用。`,
          objectives: '突破核心关键技术，形成新产品并实现产业化应用，申请发明专利，培养研发团队。',
          content: '关键技术研究、样机研制与测试验证、工艺优化与中试、示范应用与推广。',
          basis: '承担单位建有市级研发中心，已有相关技术积累和前期产品。',
          team: [
            { name: '项目负责人', title: '高级工程师', role: '负责人' },
            { name: '技术骨干', title: '工程师', role: '技术研发' },
          ],
          partners: i % 3 === 0 ? [{ name: rnd.pick(['浙江大学', '浙江工业大学', '杭州电子科技大学', '中国计量大学']), role: '联合研发' }] : [],
        },
        budgetLines: lines,
        kpis: KPI_SETS[i % 2],
        milestones: [
          { name: '完成关键技术研究与样机', due: `${year + 1}-06-30` },
          { name: '完成示范应用与验收准备', due: `${year + 2}-06-30` },
        ],
        startOn: `${year}-07-01`,
        endOn: `${year + 2}-06-30`,
        requestedFen: s.requestedFen,
        selfRaisedFen: lines.reduce((x, l) => x + l.selfFen, 0),
        recommendedFen: recommended ? s.requestedFen : null,
        districtOpinion: typeOf(s) === 'general' && s.status !== 'submitted' && s.status !== 'draft' ? COMMENTS.district_recommend! : null,
        moderationReason: s.status === 'not_selected' ? COMMENTS.not_select! : null,
        approvedFen: approved ? s.requestedFen : null,
        approvedOn: approved ? s.call.decidedOn! : null,
        contractNo: approved ? `HZKJ-${year}-${p.code.toUpperCase()}-${String(ids[i]).padStart(5, '0')}` : null,
        contractSignedOn: s.status === 'in_progress' ? addDays(s.call.decidedOn!, rnd.int(10, 25)) : null,
      };
    }),
  );
  await tx.insert(programmeInvitations).values(
    specs.flatMap((s) => (typeOf(s) === 'major' ? [{ callId: callIds.get(s.call.key)!, enterpriseId: s.enterprise.id, invitedBy: officer.id, createdAt: at(s.call.opensOn) }] : [])).filter((v, i, a) => a.findIndex((x) => x.callId === v.callId && x.enterpriseId === v.enterpriseId) === i),
  );
  const events: (typeof caseEvents.$inferInsert)[] = [];
  const officerLabel = '王科长（杭州市科学技术委员会）';
  specs.forEach((s, i) => {
    const path = pathTo(s.status, typeOf(s));
    let d = addDays(s.call.closesOn, -rnd.int(20, 40));
    events.push({ caseId: ids[i], action: 'create', fromStatus: null, toStatus: 'draft', comment: null, actorId: null, actorLabel: `${s.enterprise.name}`, occurredAt: at(d) });
    let from: string = 'draft';
    for (const a of path) {
      const t = TRANSITIONS[a];
      d = a === 'publish_notice' ? (s.status === 'in_notice' && !s.ended ? s.call.openNoticeOn! : s.call.noticeOn!) : a === 'approve' ? s.call.decidedOn! : a === 'sign_contract' ? addDays(s.call.decidedOn!, 15) : addDays(d, rnd.int(3, 9));
      const label = a.startsWith('submit') ? s.enterprise.name : a.startsWith('district') ? '区县科技局' : a === 'panel_scored' ? '评审专家组' : officerLabel;
      events.push({ caseId: ids[i], action: a, fromStatus: from, toStatus: t.to, comment: COMMENTS[a] ?? null, actorId: label === officerLabel ? officer.id : null, actorLabel: label, occurredAt: at(d, 11) });
      from = t.to;
    }
  });
  for (let i = 0; i < events.length; i += 2000) {
    await tx.insert(caseEvents).values(events.slice(i, i + 2000));
  }
  await seedPanels(tx, rnd, officer.id, specs.flatMap((sp, i) => (sp.call.year === 2016 && sp.score !== null ? [{ id: ids[i], target: sp.score, drawOn: drawDay(events, ids[i]) }] : [])));
  const districtNames = new Map((await tx.select({ id: districts.id, name: districts.name }).from(districts)).map((d) => [d.id, d.name]));
  const items = specs.flatMap((s, i) =>
    s.status === 'in_notice' || s.status === 'approved' || s.status === 'in_progress'
      ? [{ noticeId: s.status === 'in_notice' && !s.ended ? noticeId.get(`${s.call.key}:open`)! : noticeId.get(s.call.key)!, caseId: ids[i], name: s.enterprise.name, districtName: districtNames.get(s.enterprise.districtId) ?? '', summary: `${progByCode.get(s.call.programme)!.name}；拟资助${s.requestedFen / 1_000_000}万元` }]
      : [],
  );
  await tx.insert(noticeItems).values(items);

  // money: commitments of the approved, tranche 1 of the 2015 projects (paid before the payment desk)
  const approvedIdx = specs.map((s, i) => ({ s, i })).filter(({ s }) => s.status === 'approved' || s.status === 'in_progress');
  await postMovements(
    tx,
    PROJECT_BOOK,
    approvedIdx.map(({ s, i }) => ({
      kind: 'commit',
      valueDate: s.call.decidedOn!,
      idempotencyKey: `commit:${ids[i]}`,
      memo: `立项：${s.title}`,
      entries: [
        { account: { kind: 'budget', scope: yearIds.get(`${s.call.programme}:${s.call.year}`)! }, amountFen: -s.requestedFen },
        { account: { kind: 'committed', scope: ids[i] }, amountFen: s.requestedFen },
      ],
    })),
  );
  const history = approvedIdx.filter(({ s }) => s.call.year === 2015);
  await postMovements(
    tx,
    PROJECT_BOOK,
    history.map(({ s, i }) => ({
      kind: 'pay',
      valueDate: addDays(s.call.decidedOn!, 30),
      idempotencyKey: `tranche-history:${ids[i]}:1`,
      memo: `${s.title}：第1笔拨款（任务书签订后 50%，平台上线前拨付）`,
      entries: [
        { account: { kind: 'committed', scope: ids[i] }, amountFen: -trancheAmounts(s.requestedFen, [50, 30, 20])[0] },
        { account: { kind: 'paid', scope: ids[i], owner: { type: 'enterprise', id: s.enterprise.id } }, amountFen: trancheAmounts(s.requestedFen, [50, 30, 20])[0] },
      ],
    })),
  );
  // 2016 contracted projects: tranche 1 through the payments kernel — prepared, or approved, sent and confirmed by the treasurer
  const officerCtx: RequestContext = { ...ctx, actor: actorOf(officer, '杭州市科学技术委员会'), system: undefined };
  const contracted = approvedIdx.filter(({ s }) => s.call.year === 2016 && s.status === 'in_progress');
  for (const { s, i } of contracted) {
    const order = await prepareTranche(tx, officerCtx, ids[i], 1);
    if (s.paid && treasurer) {
      const fin: RequestContext = { ...ctx, actor: actorOf(treasurer, '杭州市科学技术委员会'), system: undefined };
      const db = tx as unknown as Db;
      await approvePayment({ db, ctx: fin, id: order.id });
      await sendPayment({ db, ctx: fin, id: order.id });
      await confirmPayment({ db, ctx: fin, id: order.id, bankReference: `ICBC${String(order.id).padStart(10, '0')}`, paidOn: businessToday() });
    }
  }
  await recordAuditMany(tx, ctx, [
    ...progRows.map((p) => ({ action: 'programme.create', objectType: 'programme', objectId: p.id, after: { code: p.code, name: p.name } })),
    ...SEED_CALLS.map((c) => ({ action: 'programme_call.create', objectType: 'call', objectId: callIds.get(c.key)!, after: { title: c.title } })),
  ]);
  return { cases: specs.length };
}

const EXPERT_COMMENTS = ['技术路线清晰，创新性较强，预期指标可考核。', '研究基础较好，团队结构合理，预算编制基本合理。', '产业化前景较好，建议加强知识产权布局。', '实施方案可行，建议细化进度安排和风险应对。', '经费预算中设备购置比例偏高，建议优化。'];

/** The day of a case's draw_panel event (the seeded history). */
function drawDay(events: (typeof caseEvents.$inferInsert)[], caseId: number): Date {
  return events.find((e) => e.caseId === caseId && e.action === 'draw_panel')!.occurredAt!;
}

/**
 * Real panels of the 2016 projects that went through expert review: the experts kernel's draw
 * (its pool, conflicts, the programme's rules, a recorded seed) and every member's scores on the
 * programme's sheet around the case's intended score; the case's panel score is their mean, as
 * the ranking page reads it.
 */
async function seedPanels(tx: Tx, rnd: Random, officerId: number, reviewed: { id: number; target: number; drawOn: Date }[]) {
  for (const r of reviewed) {
    const c = (await casesRepo.findCase(tx, r.id))!;
    await recordPastPanel(tx, c, {
      seed: rnd.int(1, 2 ** 31 - 2),
      drawnBy: officerId,
      drawnAt: r.drawOn,
      scoredAt: new Date(r.drawOn.getTime() + 5 * 86_400_000),
      sheet: (member, items) => ({
        scores: Object.fromEntries(items.map((i) => [i.code, Math.max(0, Math.min(i.max, Math.round(((r.target / 100) * i.max + (rnd.next() - 0.5) * 3) * 2) / 2))])),
        comment: EXPERT_COMMENTS[(r.id + member) % EXPERT_COMMENTS.length],
      }),
    });
  }
}

function actorOf(u: { id: number; username: string; displayName: string; roles: Actor['roles']; organizationId: number }, organizationName: string): Actor {
  return { userId: u.id, username: u.username, displayName: u.displayName, roles: u.roles, organizationId: u.organizationId, organizationName, organizationKind: 'bureau', districtId: null, districtCode: null, districtName: null, enterpriseId: null, via: 'session', credentialId: 'seed', csrfToken: null };
}

