import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { carrierApplications, carriers, cases } from '../../db/schema/index.js';
import { registerInstrument, type InstrumentDef, type PanelConfig } from '../cases/index.js';
import { TOTAL_ITEM } from '../experts/index.js';
import { evaluateCriteria } from './criteria.js';
import type { ApplicationForm } from './carriers.schema.js';
import { KIND_NAMES } from './carriers.rules.js';
import { issueMunicipalRecognition } from './recognition.service.js';

/** The municipal makerspace and incubator recognitions: one workflow, two instruments. */
const RECOGNITION_STATUSES = {
  draft: { name: '草稿', next: '运营机构提交申请' },
  returned: { name: '退回修改', next: '运营机构修改后重新提交' },
  submitted: { name: '待区县审核', next: '区县科技局审核推荐', stepDays: 10 },
  district_passed: { name: '待市科委审核', next: '市科委审核（现场核查）', stepDays: 15 },
  expert_review: { name: '专家评审中', next: '评审专家评审打分', stepDays: 10 },
  scored: { name: '专家评审完成', next: '市科委审定', stepDays: 5 },
  city_passed: { name: '待公示', next: '市科委发布公示', stepDays: 5 },
  in_notice: { name: '公示中', next: '公示期满后认定' },
  recognised: { name: '已认定', next: null },
  rejected: { name: '未通过', next: null },
} as const;

const COMMON_TRANSITIONS: InstrumentDef['transitions'] = {
  submit: { name: '提交申请', from: ['draft', 'returned'], to: 'submitted', roles: ['carrier_operator'] },
  district_pass: { name: '区县审核推荐', from: ['submitted'], to: 'district_passed', roles: ['district_officer'] },
  district_return: { name: '区县退回修改', from: ['submitted'], to: 'returned', roles: ['district_officer'], needsComment: true },
  publish: { name: '进入公示', from: ['city_passed'], to: 'in_notice', roles: ['city_officer'] },
  recognise: { name: '予以认定', from: ['in_notice'], to: 'recognised', roles: ['city_officer'] },
  decline: { name: '不予认定', from: ['in_notice'], to: 'rejected', roles: ['city_officer'], needsComment: true },
};

/** The city's review: a makerspace is checked on site by the bureau; an incubator also goes through an expert panel first. */
function cityTransitions(kind: 'makerspace' | 'incubator'): InstrumentDef['transitions'] {
  if (kind === 'makerspace') {
    return {
      city_pass: { name: '市科委审核通过', from: ['district_passed'], to: 'city_passed', roles: ['city_officer'] },
      city_return: { name: '市科委退回修改', from: ['district_passed'], to: 'returned', roles: ['city_officer'], needsComment: true },
      city_reject: { name: '市科委审核不通过', from: ['district_passed'], to: 'rejected', roles: ['city_officer'], needsComment: true },
    };
  }
  return {
    draw_panel: { name: '抽取评审专家', from: ['district_passed'], to: 'expert_review', roles: ['city_officer'] },
    panel_scored: { name: '专家评审完成', from: ['expert_review'], to: 'scored', roles: [], bySystem: true, systemLabel: '评审专家组' },
    city_pass: { name: '市科委审定通过', from: ['scored'], to: 'city_passed', roles: ['city_officer'] },
    city_return: { name: '市科委退回修改', from: ['district_passed', 'scored'], to: 'returned', roles: ['city_officer'], needsComment: true },
    city_reject: { name: '市科委审核不通过', from: ['district_passed', 'scored'], to: 'rejected', roles: ['city_officer'], needsComment: true },
  };
}

/** The actions an applicant or a reviewer takes on the application page (publish and decide go through the notice). */
export const RECOGNITION_ACTIONS = ['submit', 'district_pass', 'district_return', 'city_pass', 'city_return', 'city_reject'] as const;

async function carrierOfCase(db: Executor, caseId: number) {
  const [row] = await db
    .select({ name: carriers.name, areaM2: carriers.areaM2, kind: carriers.kind, services: carriers.services, form: carrierApplications.form, submittedAt: cases.submittedAt })
    .from(carrierApplications)
    .innerJoin(carriers, eq(carriers.id, carrierApplications.carrierId))
    .innerJoin(cases, eq(cases.id, carrierApplications.id))
    .where(eq(carrierApplications.id, caseId));
  return row;
}

/**
 * The incubator's expert review (市级孵化器认定专家评审): five experts drawn from the experts
 * kernel's pool (three technical, one finance), each scoring the application 0–100; the mean is
 * the case's panel score and the case waits for the city's decision.
 */
const INCUBATOR_PANEL: PanelConfig = {
  readyStatus: 'district_passed',
  reviewStatus: 'expert_review',
  drawAction: 'draw_panel',
  scoredAction: 'panel_scored',
  rules: () => ({ size: 5, minTechnicalRatio: 0.6, minFinance: 1, loadCap: 8 }),
  required: async () => true,
  preferFields: async () => [],
  scoreSheet: async () => ({ mode: 'total', items: [TOTAL_ITEM], maxTotal: 100, assessment: null }),
  expertView: async (db, c) => {
    const carrier = await carrierOfCase(db, c.id);
    if (!carrier) {
      return { data: {}, applicationDate: null };
    }
    const form = carrier.form as ApplicationForm;
    return {
      data: {
        carrier: carrier.name,
        kind: KIND_NAMES[carrier.kind as 'incubator'],
        criteria: evaluateCriteria('incubator', form).map((x) => ({ label: x.label, required: x.required, actual: x.actual, met: x.met })),
        services: form.services,
        operatingSince: form.operatingSince,
        plan: form.plan,
      },
      applicationDate: carrier.submittedAt ? carrier.submittedAt.toISOString().slice(0, 10) : null,
    };
  },
};

function recognitionInstrument(kind: 'makerspace' | 'incubator'): InstrumentDef {
  return {
    code: kind,
    name: `市级${KIND_NAMES[kind]}认定`,
    objectType: `${kind}_case`,
    types: { municipal: `市级${KIND_NAMES[kind]}` },
    statuses: RECOGNITION_STATUSES,
    initialStatus: 'draft',
    transitions: { ...COMMON_TRANSITIONS, ...cityTransitions(kind) },
    panel: kind === 'incubator' ? INCUBATOR_PANEL : undefined,
    notice: {
      publishAction: 'publish',
      approveAction: 'recognise',
      declineAction: 'decline',
      workingDays: () => 5,
      ready: async (_db, c) => c.status === 'city_passed',
      readyLabel: async () => RECOGNITION_STATUSES.city_passed.name,
      summary: async (db, c) => {
        const carrier = await carrierOfCase(db, c.id);
        return carrier ? `${carrier.name}（拟认定为市级${KIND_NAMES[kind]}，场地面积${carrier.areaM2}平方米）` : `市级${KIND_NAMES[kind]}`;
      },
      typeHasPanel: async () => kind === 'incubator',
    },
    onDecision: async (tx, ctx, c, { today }) => issueMunicipalRecognition(tx, ctx, c, today),
    href: (c, audience) => (audience === 'expert' ? `/expert/assignments?application=${c.id}` : `/carriers/applications/${c.id}`),
  };
}

export const STATS_STATUSES = {
  draft: { name: '填报中', next: '运营机构提交' },
  returned: { name: '退回修改', next: '运营机构修改后重新提交' },
  submitted: { name: '待区县审核', next: '区县科技局审核', stepDays: 10 },
  district_passed: { name: '待市科委审核', next: '市科委审核', stepDays: 10 },
  accepted: { name: '已审核', next: null },
} as const;

/** The annual statistics (火炬统计): submitted by the operator, reviewed by the district, then the city. */
export const STATS_ACTIONS = ['submit', 'district_pass', 'district_return', 'city_accept', 'city_return'] as const;

registerInstrument(recognitionInstrument('makerspace'));
registerInstrument(recognitionInstrument('incubator'));
registerInstrument({
  code: 'carrier_stats',
  name: '孵化载体年度统计',
  objectType: 'carrier_stats_case',
  types: { annual: '年度统计报表' },
  statuses: STATS_STATUSES,
  initialStatus: 'draft',
  transitions: {
    submit: { name: '提交统计报表', from: ['draft', 'returned'], to: 'submitted', roles: ['carrier_operator'] },
    district_pass: { name: '区县审核通过', from: ['submitted'], to: 'district_passed', roles: ['district_officer'] },
    district_return: { name: '区县退回修改', from: ['submitted'], to: 'returned', roles: ['district_officer'], needsComment: true },
    city_accept: { name: '市科委审核通过', from: ['district_passed'], to: 'accepted', roles: ['city_officer'] },
    city_return: { name: '市科委退回修改', from: ['district_passed'], to: 'returned', roles: ['city_officer'], needsComment: true },
  },
  href: (c) => `/carriers/stats/${c.id}`,
});
