import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import {
  caseEvents,
  cases,
  calls as callsTable,
  expertLinks,
  experts,
  noticeItems,
  objections,
  panelDraws,
  panelMembers,
  publicNotices,
  recognitionApplications,
  recognitionRecommendations,
  type ApplicationStatus,
  type RecognitionType,
} from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import type { PiiCipher } from '../../lib/pii.js';
import { createRandom, type Random } from '../../lib/random.js';
import { recordAuditMany } from '../audit/index.js';
import { addDays, addWorkingDays } from '../calendar/index.js';
import { businessToday } from '../../lib/clock.js';
import { appendTimeline, type TimelineEntry } from '../timeline/index.js';
import type { ScoreItemDef as ScoreItem } from '../cases/index.js';
import { meanScore } from '../experts/index.js';
import { applicationOf } from './applications.repo.js';
import { assessHnteApplication as assessApplication, hnteItems, panelAssessment } from './panel.js';
import { assessData } from './applications.assess.js';
import { sealData } from './applications.service.js';
import { loadForm } from './forms.service.js';
import { ACTION_NAMES, STEP_WORKING_DAYS, TRANSITIONS, TYPE_NAMES, UPPER_BODY, isUpperType, type WorkflowAction } from './recognitions.status.js';
import { applicationDataFor, draftDataFor, domainOf, type Applicant } from './recognitions.seed.data.js';
import { DEMO_EXPERT_NAME, expertSeeds } from './recognitions.seed.experts.js';
import type { PlannedRecognition } from './recognitions.seed.history.js';
import { validUntilFor } from './register.js';

const eqId = (id: number) => eq(recognitionApplications.id, id);
const eqCase = (id: number) => eq(cases.id, id);

/**
 * The 2016 calls still open at the demo's business date (2016-09-12, docs/decisions/0004):
 * hnte, tech_sme, eagle and rd_center_municipal accept applications until the end of October,
 * so the enterprise user can apply.
 */
export const DEMO_CALL_CLOSES = '2016-10-31';

export interface People {
  enterpriseUser: { id: number; label: string };
  officer: { id: number; label: string };
  expertUserId: number;
  districtOfficers: Map<number, { id: number; label: string }>;
  districtNames: Map<number, string>;
}

interface Applicants {
  all: Applicant[];
  demo: Applicant;
  xihuId: number;
  binjiangId: number;
}

interface AppSpec {
  type: RecognitionType;
  enterprise: Applicant;
  status: ApplicationStatus;
  /** the path's extra: a return comment, the rejecting step, a weak form */
  comment?: string;
  rejectAt?: 'district' | 'scored';
  weak?: boolean;
  /** days before today the last step was taken (in-flight) */
  ageDays: number;
  /** completed in 2016: the dates of the path start on this day */
  historic?: string;
  /** in a notice whose period has ended: the officer's decisions to take */
  ended?: boolean;
}

const PATHS: Record<ApplicationStatus, WorkflowAction[]> = {
  draft: [],
  submitted: ['submit'],
  returned: ['submit', 'district_return'],
  district_passed: ['submit', 'district_pass'],
  city_passed: ['submit', 'district_pass', 'city_pass'],
  expert_review: ['submit', 'district_pass', 'city_pass', 'draw_panel'],
  scored: ['submit', 'district_pass', 'city_pass', 'draw_panel', 'panel_scored'],
  in_notice: ['submit', 'district_pass', 'city_pass', 'draw_panel', 'panel_scored', 'publish_notice'],
  recommended: ['submit', 'district_pass', 'city_pass', 'draw_panel', 'panel_scored', 'publish_notice', 'recommend'],
  approved: ['submit', 'district_pass', 'city_pass', 'draw_panel', 'panel_scored', 'publish_notice', 'approve'],
  rejected: ['submit', 'district_reject'],
};

const RETURN_COMMENTS = ['近三年研发费用专项审计报告缺少2014年度数据，请补充后重新提交', '知识产权证书扫描件不清晰，且第3项软件著作权权利人与申报企业名称不一致，请核实', '科技人员名单与社保缴纳名单不一致，请补充说明'];

/** The provincial body's document number of a seeded result (浙科发高〔2016〕, numbered by the application's place). */
const upperDocNo = (n: number) => `浙科发高〔2016〕${101 + n}号`;

const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/** Scores within each item's band (the experts module's hnteItems): a strong case near the top, a weak one at the bottom. */
function panelScores(rnd: Random, items: ScoreItem[], strong: boolean) {
  const scores: Record<string, number> = {};
  for (const it of items) {
    const span = it.max - it.min;
    scores[it.code] = strong ? it.max - Math.floor(rnd.next() * Math.min(3, span + 1) * (span > 0 ? 1 : 0)) : it.min;
  }
  return { scores, total: Object.values(scores).reduce((x, y) => x + y, 0) };
}

/**
 * The 2015 and 2016 calls, the expert pool with its declared links, and the 2016 applications in
 * every workflow state with their events, panels, notices and an objection. Returns the
 * recognitions the approved applications were granted (the caller numbers and inserts them with
 * the register).
 */
export async function seedWorkflow(opts: {
  tx: Tx;
  ctx: RequestContext;
  pii: PiiCipher;
  rnd: Random;
  people: People;
  applicants: Applicants;
  history: Omit<PlannedRecognition, 'certificateNo'>[];
  validity: (type: RecognitionType, year: number) => number | null;
}): Promise<{ granted: Omit<PlannedRecognition, 'certificateNo'>[]; applications: number }> {
  const { tx, ctx, rnd, people, applicants } = opts;
  const today = businessToday();

  // ── calls ──
  const callRows: (typeof callsTable.$inferInsert & { type: RecognitionType })[] = [];
  const call = (type: RecognitionType, year: number, batch: number, opensOn: string, closesOn: string, note?: string) =>
    callRows.push({
      instrument: 'recognitions',
      type,
      year,
      batch,
      title: `${year}年度${TYPE_NAMES[type]}认定申报通知${batch > 1 || type === 'hnte' ? `（第${['一', '二', '三'][batch - 1]}批）` : ''}`,
      opensOn,
      closesOn,
      formVersion: 1,
      description: note ?? `请符合条件的企业在规定时间内通过平台在线填报，经所在区、县（市）科技局审核后报市科委。`,
      createdBy: people.officer.id,
    });
  call('hnte', 2015, 1, '2015-03-02', '2015-05-29');
  call('hnte', 2015, 2, '2015-06-15', '2015-08-14');
  call('tase', 2015, 1, '2015-05-04', '2015-07-31');
  call('municipal_hte', 2015, 1, '2015-03-16', '2015-09-30');
  call('tech_sme', 2015, 1, '2015-02-02', '2015-10-30', '科技型中小企业常年受理、分批认定。');
  call('eagle', 2015, 1, '2015-04-01', '2015-06-30');
  call('qinglan', 2015, 1, '2015-04-01', '2015-06-30');
  call('rd_center_provincial', 2015, 1, '2015-06-01', '2015-08-31');
  call('rd_center_municipal', 2015, 1, '2015-05-04', '2015-08-31');
  call('agri_social_rd_center', 2015, 1, '2015-05-04', '2015-08-31');
  call('agri_enterprise', 2015, 1, '2015-04-01', '2015-07-31');
  const open = '企业可在线申报，受理至2016年10月31日。经所在区、县（市）科技局审核后报市科委。';
  call('hnte', 2016, 1, '2016-03-01', DEMO_CALL_CLOSES, open);
  call('tech_sme', 2016, 1, '2016-03-01', DEMO_CALL_CLOSES, open);
  call('eagle', 2016, 1, '2016-03-01', DEMO_CALL_CLOSES, open);
  call('rd_center_municipal', 2016, 1, '2016-03-01', DEMO_CALL_CLOSES, open);
  call('municipal_hte', 2016, 1, '2016-04-01', '2016-06-30');
  call('qinglan', 2016, 1, '2016-04-15', '2016-06-15');
  call('rd_center_provincial', 2016, 1, '2016-05-03', '2016-07-29');
  const calls = (await tx.insert(callsTable).values(callRows).returning()) as (typeof callsTable.$inferSelect & { type: RecognitionType })[];
  const callOf = (type: RecognitionType) => calls.find((c) => c.type === type && c.year === 2016)!;

  // ── who may apply: not holding the type (hnte: no certificate ending after 2016-03-01) ──
  const holds = new Map<string, string>();
  for (const r of opts.history) {
    const end = r.revokedOn ?? (r.validUntil ? addDays(r.validUntil, 1) : '9999-12-31');
    const key = `${r.type}|${r.enterpriseId}`;
    if ((holds.get(key) ?? '') < end) {
      holds.set(key, end);
    }
  }
  const used = new Set<number>([applicants.demo.id]);
  // the recommended (recommend, then record) application draws from its own stream: the others' data stay as they were
  const own = createRandom(2016_0620);
  const pick = (type: RecognitionType, districtId: number | null, extra?: (a: Applicant) => boolean, r: Random = rnd): Applicant => {
    const pool = applicants.all.filter(
      (a) =>
        !used.has(a.id) &&
        (districtId === null || a.districtId === districtId) &&
        (holds.get(`${type}|${a.id}`) ?? '') <= '2016-03-01' &&
        a.registeredOn < '2015-03-01' &&
        (type !== 'eagle' || (a.registeredOn >= '2012-01-01' && !holds.has(`eagle|${a.id}`))) &&
        (type !== 'hnte' || holds.has(`tech_sme|${a.id}`)) &&
        (!extra || extra(a)),
    );
    const a = pool[Math.floor(r.next() * pool.length)];
    if (!a) {
      throw new Error(`recognitions seed: no applicant for ${type}`);
    }
    used.add(a.id);
    return a;
  };
  const X = applicants.xihuId;
  const B = applicants.binjiangId;
  const elsewhere = () => {
    const ids = [...people.districtNames.keys()].filter((d) => d !== X && d !== B);
    return ids[Math.floor(rnd.next() * ids.length)];
  };
  const techDomain = (a: Applicant) => domainOf(a.industry) === '电子信息' || domainOf(a.industry) === '先进制造与自动化';

  const specs: AppSpec[] = [
    // drafts
    { type: 'hnte', enterprise: pick('hnte', X), status: 'draft', ageDays: 2 },
    { type: 'hnte', enterprise: pick('hnte', B), status: 'draft', ageDays: 5 },
    { type: 'eagle', enterprise: pick('eagle', elsewhere()), status: 'draft', ageDays: 1 },
    // submitted: the district officers' queues
    ...[0, 1, 2].map((i) => ({ type: 'hnte' as const, enterprise: pick('hnte', X), status: 'submitted' as const, ageDays: 1 + i * 2 })),
    { type: 'tech_sme', enterprise: pick('tech_sme', X), status: 'submitted', ageDays: 3 },
    { type: 'eagle', enterprise: pick('eagle', X), status: 'submitted', ageDays: 4 },
    ...[0, 1, 2].map((i) => ({ type: 'hnte' as const, enterprise: pick('hnte', B), status: 'submitted' as const, ageDays: 2 + i * 2 })),
    { type: 'tech_sme', enterprise: pick('tech_sme', B), status: 'submitted', ageDays: 1 },
    { type: 'hnte', enterprise: pick('hnte', elsewhere()), status: 'submitted', ageDays: 6 },
    // returned for correction (the demo enterprise has one to resubmit)
    { type: 'rd_center_municipal', enterprise: applicants.demo, status: 'returned', ageDays: 3, comment: '研发仪器设备原值清单未加盖企业公章，且研发人员名单缺少学历信息，请补充后重新提交' },
    { type: 'hnte', enterprise: pick('hnte', X), status: 'returned', ageDays: 4, comment: RETURN_COMMENTS[0] },
    { type: 'hnte', enterprise: pick('hnte', B), status: 'returned', ageDays: 2, comment: RETURN_COMMENTS[1] },
    // district passed: the city officer's queue
    { type: 'hnte', enterprise: pick('hnte', X), status: 'district_passed', ageDays: 3 },
    { type: 'hnte', enterprise: pick('hnte', B), status: 'district_passed', ageDays: 2 },
    { type: 'tech_sme', enterprise: pick('tech_sme', elsewhere()), status: 'district_passed', ageDays: 4 },
    { type: 'eagle', enterprise: pick('eagle', B), status: 'district_passed', ageDays: 1 },
    { type: 'hnte', enterprise: pick('hnte', elsewhere()), status: 'district_passed', ageDays: 5 },
    // city passed: ready for a panel draw
    { type: 'hnte', enterprise: pick('hnte', X, techDomain), status: 'city_passed', ageDays: 2 },
    { type: 'hnte', enterprise: pick('hnte', B, techDomain), status: 'city_passed', ageDays: 3 },
    { type: 'hnte', enterprise: pick('hnte', elsewhere()), status: 'city_passed', ageDays: 1 },
    // expert review: the demo expert is on both panels
    { type: 'hnte', enterprise: pick('hnte', B, techDomain), status: 'expert_review', ageDays: 2 },
    { type: 'hnte', enterprise: pick('hnte', X, techDomain), status: 'expert_review', ageDays: 4 },
    // scored
    { type: 'hnte', enterprise: pick('hnte', B, techDomain), status: 'scored', ageDays: 1 },
    { type: 'hnte', enterprise: pick('hnte', elsewhere()), status: 'scored', ageDays: 2 },
    // in the open notice
    ...[X, B, B, elsewhere(), elsewhere()].map((d) => ({ type: 'hnte' as const, enterprise: pick('hnte', d), status: 'in_notice' as const, ageDays: 0 })),
    // in a notice whose period has ended: waiting for the city officer's decision
    ...[X, B, elsewhere()].map((d) => ({ type: 'hnte' as const, enterprise: pick('hnte', d, techDomain), status: 'in_notice' as const, ageDays: 0, ended: true })),
    // decided in 2016
    { type: 'hnte', enterprise: pick('hnte', X), status: 'approved', ageDays: 0, historic: '2016-04-11' },
    { type: 'hnte', enterprise: pick('hnte', B), status: 'approved', ageDays: 0, historic: '2016-04-18' },
    { type: 'hnte', enterprise: pick('hnte', elsewhere()), status: 'rejected', ageDays: 0, historic: '2016-04-25', rejectAt: 'district', comment: '企业注册成立时间不满一年，不符合《高新技术企业认定管理办法》第十一条第一款' },
    { type: 'hnte', enterprise: pick('hnte', B), status: 'rejected', ageDays: 0, historic: '2016-04-12', rejectAt: 'scored', weak: true, comment: '专家评审企业创新能力评价得分未超过70分，且上年度高新技术产品（服务）收入占比低于60%，不予通过' },
    // recommended to the provincial body after the June notice, its result not yet recorded
    { type: 'hnte', enterprise: pick('hnte', X, techDomain, own), status: 'recommended', ageDays: 0, historic: '2016-04-14' },
  ];

  // ── experts and their declared links ──
  const expertRows = await tx
    .insert(experts)
    .values(expertSeeds(rnd).map(({ demo, ...e }) => ({ ...e, userId: demo ? people.expertUserId : null })))
    .returning();
  const demoExpert = expertRows.find((e) => e.name === DEMO_EXPERT_NAME)!;

  // ── applications ──
  const spec1 = new Map<RecognitionType, Awaited<ReturnType<typeof loadForm>>['spec']>();
  const formOf = async (type: RecognitionType) => {
    if (!spec1.has(type)) {
      spec1.set(type, (await loadForm(tx, type, 1)).spec);
    }
    return spec1.get(type)!;
  };
  interface Built {
    spec: AppSpec;
    id: number;
    events: { action: WorkflowAction; day: string; comment: string | null; dueOn: string | null }[];
  }
  const built: Built[] = [];
  const noticeToday = { publishedOn: today, endsOn: await addWorkingDays(today, 10, tx) };
  const closedNotice = { publishedOn: '2016-06-13', endsOn: await addWorkingDays('2016-06-13', 10, tx) };
  // published a month ago: its 10 working days are over, its items await the decision
  // published on a working day (the first one from a month ago), ended ten working days later
  const endedOn = await addWorkingDays(addDays(today, -30), 1, tx);
  const endedNotice = { publishedOn: endedOn, endsOn: await addWorkingDays(endedOn, 10, tx) };
  const noticeOf = (s: AppSpec) => (s.historic ? closedNotice : s.ended ? endedNotice : noticeToday);
  for (const s of specs) {
    let path = PATHS[s.status];
    if (s.status === 'approved' && isUpperType(s.type)) {
      // decided above the city: the live path recommends after the notice and records the upper body's result
      path = [...PATHS.recommended, 'record_recognised'];
    } else if (s.status === 'rejected' && s.rejectAt === 'scored') {
      path = ['submit', 'district_pass', 'city_pass', 'draw_panel', 'panel_scored', 'city_reject'];
    } else if (s.status === 'returned' && s.enterprise.districtId === B) {
      path = ['submit', 'district_pass', 'city_return'];
    }
    // the days of the steps: in-flight ones end `ageDays` before today, 2016 ones start on `historic`
    const days: string[] = [];
    if (s.historic) {
      let d = s.historic;
      for (const a of path) {
        days.push(a === 'publish_notice' ? closedNotice.publishedOn : d);
        d = a === 'publish_notice' ? addDays(closedNotice.endsOn, 3) : addDays(days[days.length - 1], a === 'submit' ? 9 : 7);
      }
    } else {
      let d = addDays(today, -s.ageDays);
      for (let i = path.length - 1; i >= 0; i--) {
        days[i] = path[i] === 'publish_notice' ? noticeOf(s).publishedOn : d;
        d = addDays(days[i], -(path[i] === 'submit' ? 6 : 5));
      }
    }
    const events: Built['events'] = [];
    for (let i = 0; i < path.length; i++) {
      const a = path[i];
      const to = TRANSITIONS[a].to;
      const stepDays = STEP_WORKING_DAYS[to];
      const dueOn = a === 'publish_notice' ? noticeOf(s).endsOn : stepDays ? await addWorkingDays(days[i], stepDays, tx) : null;
      const comment = TRANSITIONS[a].needsComment
        ? (s.comment ?? RETURN_COMMENTS[2])
        : a === 'district_pass'
          ? '材料齐全，符合申报条件，同意推荐'
          : a === 'record_recognised'
            ? `${UPPER_BODY[s.type]}认定（${upperDocNo(built.length)}，${days[i]}）`
            : null;
      events.push({ action: a, day: days[i], comment, dueOn });
    }
    const created = addDays(days[0] ?? addDays(today, -s.ageDays), -3);
    const r = s.status === 'recommended' ? own : rnd;
    const data = s.status === 'draft' ? draftDataFor(r, s.type, s.enterprise) : applicationDataFor(r, s.type, s.enterprise, { weak: s.weak });
    const submitDay = events.find((e) => e.action === 'submit')?.day ?? null;
    const assessment = submitDay ? await assessData(tx, s.type, await formOf(s.type), data, submitDay) : null;
    const last = events[events.length - 1];
    const decided = s.status === 'approved' || s.status === 'rejected' || s.status === 'recommended';
    const [row] = await tx
      .insert(cases)
      .values({
        instrument: 'recognitions',
        type: s.type,
        year: 2016,
        title: `2016年度${TYPE_NAMES[s.type]}申报`,
        callId: callOf(s.type).id,
        enterpriseId: s.enterprise.id,
        districtId: s.enterprise.districtId,
        status: s.status,
        submittedAt: submitDay ? at(submitDay) : null,
        dueOn: last?.dueOn ?? null,
        decidedAt: decided ? at(last.day, 16) : null,
        version: 1 + events.length,
        createdBy: s.enterprise.id === applicants.demo.id ? people.enterpriseUser.id : null,
        createdAt: at(created, 9),
        updatedAt: at(last?.day ?? created, 15),
      })
      .returning({ id: cases.id });
    await tx.insert(recognitionApplications).values({ id: row.id, formVersion: 1, data: sealData(data, opts.pii), assessment, applicationDate: submitDay });
    built.push({ spec: s, id: row.id, events });
  }

  // ── the events, as moveApplication writes them ──
  const label = (b: Built, a: WorkflowAction): { id: number | null; label: string } => {
    const role = TRANSITIONS[a].roles[0];
    if (a === 'panel_scored') {
      return { id: null, label: '评审专家组' };
    }
    if (role === 'enterprise_user') {
      return b.spec.enterprise.id === applicants.demo.id ? people.enterpriseUser : { id: null, label: `${b.spec.enterprise.contactName ?? '企业联系人'}（${b.spec.enterprise.name}）` };
    }
    if (role === 'district_officer') {
      const name = people.districtNames.get(b.spec.enterprise.districtId)!;
      return people.districtOfficers.get(b.spec.enterprise.districtId) ?? { id: null, label: `${name}科技局审核人（${name}科技局）` };
    }
    return people.officer;
  };
  const eventRows: (typeof caseEvents.$inferInsert)[] = [];
  const timeline: TimelineEntry[] = [];
  for (const b of built) {
    let from: ApplicationStatus = 'draft';
    b.events.forEach((e, i) => {
      const who = label(b, e.action);
      const to = TRANSITIONS[e.action].to;
      eventRows.push({ caseId: b.id, action: e.action, fromStatus: from, toStatus: to, comment: e.comment, actorId: who.id, actorLabel: who.label, dueOn: e.dueOn, occurredAt: at(e.day, 10 + (i % 6)) });
      timeline.push({ enterpriseId: b.spec.enterprise.id, module: 'recognitions', kind: e.action, title: `${TYPE_NAMES[b.spec.type]}申报：${ACTION_NAMES[e.action]}`, refType: 'recognition_application', refId: b.id, occurredAt: at(e.day, 10 + (i % 6)) });
      from = to;
    });
  }
  await tx.insert(caseEvents).values(eventRows);

  // ── expert links: some touch this year's applicants (the draw must exclude them) ──
  const byStatus = (s: ApplicationStatus) => built.filter((b) => b.spec.status === s);
  const tech = expertRows.filter((e) => e.category === 'technical' && e.id !== demoExpert.id);
  const linkRows: (typeof expertLinks.$inferInsert)[] = [];
  const link = (expertId: number, kind: 'employer' | 'shareholding' | 'former_employer' | 'relative', a: Applicant, endedOn: string | null = null, note: string | null = null) =>
    linkRows.push({ expertId, kind, enterpriseId: a.id, companyName: a.name, uscc: null, endedOn, note });
  link(tech[0].id, 'employer', byStatus('city_passed')[0].spec.enterprise, null, '兼任企业技术顾问');
  link(tech[1].id, 'former_employer', byStatus('city_passed')[1].spec.enterprise, '2014-06-30', '2011—2014年任该企业研发总监');
  link(tech[2].id, 'shareholding', byStatus('expert_review')[0].spec.enterprise, null, '持股3%');
  link(tech[3].id, 'relative', byStatus('in_notice')[1].spec.enterprise, null, '配偶任该企业副总经理');
  link(tech[4].id, 'former_employer', applicants.all[40], '2010-12-31', '2008—2010年任职');
  for (let i = 5; i < 11; i++) {
    link(tech[i].id, rnd.pick(['employer', 'shareholding', 'relative'] as const), applicants.all[100 + i * 37]);
  }
  const finance = expertRows.filter((e) => e.category === 'finance');
  link(finance[0].id, 'employer', applicants.all[500], null, '担任独立董事');
  await tx.insert(expertLinks).values(linkRows);
  const linked = new Map<number, Set<number>>();
  for (const l of linkRows) {
    linked.set(l.enterpriseId!, (linked.get(l.enterpriseId!) ?? new Set()).add(l.expertId));
  }

  // ── panels: 3 technical (field match), 1 finance, 1 management; the demo expert on the review panels ──
  const management = expertRows.filter((e) => e.category === 'management' && e.active);
  const withPanel = built.filter((b) => b.events.some((e) => e.action === 'draw_panel'));
  for (const b of withPanel) {
    const r = b.spec.status === 'recommended' ? own : rnd;
    const domain = domainOf(b.spec.enterprise.industry);
    const drawDay = b.events.find((e) => e.action === 'draw_panel')!.day;
    const conflicted = linked.get(b.spec.enterprise.id) ?? new Set<number>();
    const excluded = expertRows.filter((e) => conflicted.has(e.id)).map((e) => ({ expertId: e.id, name: e.name, reason: '与申报企业存在利益关联（已申报关联关系）' }));
    const eligibleTech = tech.filter((e) => e.active && !conflicted.has(e.id) && e.fields.includes(domain));
    const techPool = eligibleTech.length >= 3 ? eligibleTech : tech.filter((e) => e.active && !conflicted.has(e.id));
    const demoOn = b.spec.status === 'expert_review' || b === byStatus('scored')[0];
    const chosenTech = [...(demoOn ? [demoExpert] : [])];
    while (chosenTech.length < 3) {
      const e = techPool[Math.floor(r.next() * techPool.length)];
      if (!chosenTech.includes(e)) {
        chosenTech.push(e);
      }
    }
    const panel = [...chosenTech, finance.filter((e) => !conflicted.has(e.id))[Math.floor(r.next() * (finance.length - 1))], management[Math.floor(r.next() * management.length)]];
    const seedText = String(Math.floor(r.next() * 2 ** 31));
    const [draw] = await tx
      .insert(panelDraws)
      .values({
        caseId: b.id,
        kind: 'draw',
        reason: '首次抽取',
        seed: seedText,
        rules: { size: 5, minTechnicalRatio: 0.6, minFinance: 1, loadCap: 8 },
        selected: panel.map((e) => ({ expertId: e.id, name: e.name, category: e.category, fieldMatch: e.fields.includes(domain) })),
        excluded,
        drawnBy: people.officer.id,
        drawnAt: at(drawDay, 11),
      })
      .returning({ id: panelDraws.id });
    const scoredAll = b.events.some((e) => e.action === 'panel_scored');
    const strong = !b.spec.weak;
    const [caseRow] = await tx.select().from(cases).where(eqCase(b.id));
    const [detail] = await tx.select().from(recognitionApplications).where(eqId(b.id));
    const appRow = applicationOf(caseRow, detail);
    const items = hnteItems(await assessApplication(tx, appRow));
    const totals: number[] = [];
    const members = panel.map((e, i) => {
      let status: 'assigned' | 'accepted' | 'scored' = 'scored';
      if (!scoredAll) {
        // the first review panel: the demo expert still has to declare; the second: declared, to score
        const first = b === byStatus('expert_review')[0];
        status = e.id === demoExpert.id ? (first ? 'assigned' : 'accepted') : i % 2 === 0 ? 'scored' : 'accepted';
      }
      const sc = status === 'scored' ? panelScores(r, items, strong) : null;
      if (sc) {
        totals.push(sc.total);
      }
      const declaredAt = status === 'assigned' ? null : at(addDays(drawDay, 1), 9);
      return {
        caseId: b.id,
        drawId: draw.id,
        expertId: e.id,
        status,
        declaredAt,
        scores: sc?.scores ?? null,
        total: sc ? sc.total.toFixed(2) : null,
        comment: sc ? (strong ? '核心技术先进，知识产权与主营产品关联度高，研发组织管理规范。' : '知识产权数量偏少，成果转化能力一般，高新技术产品收入占比不足。') : null,
        scoredAt: sc ? at(addDays(drawDay, 3), 15) : null,
      };
    });
    await tx.insert(panelMembers).values(members);
    if (scoredAll) {
      const mean = meanScore(totals);
      await tx.update(cases).set({ panelScore: mean.toFixed(2) }).where(eqCase(b.id));
      await tx
        .update(recognitionApplications)
        .set({ assessment: await panelAssessment(tx, appRow, mean) })
        .where(eqId(b.id));
    }
  }

  // ── notices: 2016 batch 1 (closed, decided) and batch 2 (published today, open) with an objection ──
  const notices = await tx
    .insert(publicNotices)
    .values([
      {
        module: 'recognitions',
        title: '2016年度第一批拟认定高新技术企业名单公示',
        body: '根据《高新技术企业认定管理办法》（国科发火〔2016〕32号），现将拟认定的高新技术企业名单予以公示。公示期为10个工作日。对公示名单有异议的，请在公示期内以实名方式提出。',
        subject: 'hnte',
        year: 2016,
        publishedOn: closedNotice.publishedOn,
        workingDays: 10,
        endsOn: closedNotice.endsOn,
        publishedBy: people.officer.id,
        createdAt: at(closedNotice.publishedOn, 9),
      },
      {
        module: 'recognitions',
        title: '2016年度第二批拟认定高新技术企业名单公示',
        body: '根据《高新技术企业认定管理办法》（国科发火〔2016〕32号），现将拟认定的高新技术企业名单予以公示。公示期为10个工作日，自公示之日起计算。对公示名单有异议的，请在公示期内以实名方式提出，并提供必要的证明材料。',
        subject: 'hnte',
        year: 2016,
        publishedOn: noticeToday.publishedOn,
        workingDays: 10,
        endsOn: noticeToday.endsOn,
        publishedBy: people.officer.id,
      },
      {
        module: 'recognitions',
        title: '2016年度第一批（增补）拟认定高新技术企业名单公示',
        body: '根据《高新技术企业认定管理办法》（国科发火〔2016〕32号），现将增补拟认定的高新技术企业名单予以公示。公示期为10个工作日。对公示名单有异议的，请在公示期内以实名方式提出。',
        subject: 'hnte',
        year: 2016,
        publishedOn: endedNotice.publishedOn,
        workingDays: 10,
        endsOn: endedNotice.endsOn,
        publishedBy: people.officer.id,
        createdAt: at(endedNotice.publishedOn, 9),
      },
    ])
    .returning();
  const [closed, current, ended] = notices;
  const inNotice = [
    ...byStatus('approved').map((b) => ({ b, n: closed })),
    ...byStatus('recommended').map((b) => ({ b, n: closed })),
    ...byStatus('in_notice').map((b) => ({ b, n: b.spec.ended ? ended : current })),
  ];
  const items = await tx
    .insert(noticeItems)
    .values(
      inNotice.map(({ b, n }) => ({
        noticeId: n.id,
        caseId: b.id,
        name: b.spec.enterprise.name,
        districtName: people.districtNames.get(b.spec.enterprise.districtId)!,
        summary: `${TYPE_NAMES[b.spec.type]}；技术领域：${domainOf(b.spec.enterprise.industry)}`,
      })),
    )
    .returning();
  for (const { b, n } of inNotice) {
    await tx.update(cases).set({ noticeId: n.id }).where(eqCase(b.id));
  }
  const objected = items.find((i) => i.noticeId === current.id && i.caseId === byStatus('in_notice').filter((b) => !b.spec.ended)[1].id)!;
  await tx.insert(objections).values({
    noticeId: current.id,
    itemId: objected.id,
    name: '赵立群',
    phoneEnc: opts.pii.encrypt('13857112345'),
    phoneHash: opts.pii.lookupHash('13857112345'),
    reason: '该企业申报材料中列为核心技术的发明专利系申报前三个月受让取得，且与其主营产品无直接关联，质疑其“核心自主知识产权”条件；另据了解该企业2015年研发人员多为兼职。',
    evidence: '专利转让登记公告截图及企业招聘信息',
    status: 'open',
    filedAt: at(today, 11),
  });

  await appendTimeline(tx, timeline);
  await recordAuditMany(tx, ctx, [
    ...calls.map((c) => ({ action: 'recognition_call.create', objectType: 'recognition_call', objectId: c.id, after: { type: c.type, year: c.year, batch: c.batch, opensOn: c.opensOn, closesOn: c.closesOn } })),
    ...expertRows.map((e) => ({ action: 'expert.create', objectType: 'expert', objectId: e.id, after: { name: e.name, category: e.category, userId: e.userId } })),
    ...built.map((b) => ({ action: 'recognition_application.seed', objectType: 'recognition_application', objectId: b.id, after: { type: b.spec.type, status: b.spec.status, events: b.events.length } })),
    ...notices.map((n) => ({ action: 'public_notice.publish', objectType: 'public_notice', objectId: n.id, after: { title: n.title, publishedOn: n.publishedOn, endsOn: n.endsOn } })),
  ]);

  // every recommendation, as the live path records it: the pending ones, and the approved upper-body
  // cases with the result's document number and date (the recognition is linked once the register has it)
  const dayOf = (b: Built, a: WorkflowAction) => b.events.find((e) => e.action === a)!.day;
  await tx.insert(recognitionRecommendations).values([
    ...byStatus('recommended').map((b) => ({ caseId: b.id, recommendedOn: dayOf(b, 'recommend') })),
    ...byStatus('approved')
      .filter((b) => isUpperType(b.spec.type))
      .map((b) => ({
        caseId: b.id,
        recommendedOn: dayOf(b, 'recommend'),
        result: 'recognised' as const,
        resultDocNo: upperDocNo(built.indexOf(b)),
        resultOn: dayOf(b, 'record_recognised'),
        recordedBy: people.officer.id,
        recordedAt: at(dayOf(b, 'record_recognised'), 16),
      })),
  ]);

  const granted = byStatus('approved').map((b) => {
    const issuedOn = b.events[b.events.length - 1].day;
    return {
      type: b.spec.type,
      enterpriseId: b.spec.enterprise.id,
      districtId: b.spec.enterprise.districtId,
      applicationId: b.id,
      issuedOn,
      validUntil: validUntilFor(issuedOn, opts.validity(b.spec.type, 2016)),
      revokedOn: null,
      revokeReason: null,
      revokedBy: null,
    };
  });
  return { granted, applications: built.length };
}
