import type { ApplicationStatus, RecognitionType } from '../../db/schema/index.js';
import { notFound } from '../../http/errors.js';
import { registerInstrument, type CaseRow, type StatusDef, type TransitionDef } from '../cases/index.js';
import { applicationOf, findDetail, findEnterprise, INSTRUMENT, updateDetail, type ApplicationRow } from './applications.repo.js';
import { expertData, hasExpertReview, judgedOn, panelAssessment, panelRulesFor, recognitionScoreSheet } from './panel.js';
import { ACTION_NAMES, isUpperType, NEXT_STEP, STATUS_NAMES, STEP_WORKING_DAYS, TRANSITIONS, TYPE_NAMES, type WorkflowAction } from './recognitions.status.js';
import { recommendOnDecision } from './recommend.service.js';
import { issueRecognition, validityYearsOf } from './register.js';

/**
 * Working days of a notice when the officer does not say (RULES.md §4: 10 for hnte and tech
 * SMEs; the bureau's default for the other types). A configurable default, not a rule.
 */
export const NOTICE_WORKING_DAYS: Partial<Record<RecognitionType, number>> & { default: number } = { hnte: 10, tech_sme: 10, default: 7 };

async function applicationOfCase(db: Parameters<typeof findDetail>[0], c: CaseRow): Promise<ApplicationRow> {
  const d = await findDetail(db, c.id);
  if (!d) {
    throw notFound('申报');
  }
  return applicationOf(c, d);
}

/** Whether this application goes through expert review (judged on its application date): one answer for the draw and the notice. */
async function needsPanel(db: Parameters<typeof findDetail>[0], c: CaseRow): Promise<boolean> {
  return hasExpertReview(db, c.type as RecognitionType, judgedOn(await applicationOfCase(db, c)));
}

const statuses = Object.fromEntries(
  (Object.keys(STATUS_NAMES) as ApplicationStatus[]).map((s): [string, StatusDef] => [s, { name: STATUS_NAMES[s], next: NEXT_STEP[s], stepDays: STEP_WORKING_DAYS[s] }]),
);

const transitions = Object.fromEntries(
  (Object.keys(TRANSITIONS) as WorkflowAction[]).map((a): [string, TransitionDef] => {
    const t = TRANSITIONS[a];
    // the panel's mean is recorded by the system when the last expert scores, signed by the panel
    const system = a === 'panel_scored' ? { bySystem: true, systemLabel: '评审专家组' } : {};
    return [a, { name: ACTION_NAMES[a], from: t.from, to: t.to, roles: t.roles, needsComment: t.needsComment, ...system }];
  }),
);

/** Recognitions (认定), the first instrument on the case kernel. */
export const recognitionsInstrument = registerInstrument({
  code: INSTRUMENT,
  name: '资质认定',
  objectType: 'recognition_application',
  types: TYPE_NAMES,
  statuses,
  initialStatus: 'draft',
  transitions,
  href: (c, audience) => (audience === 'expert' ? `/expert/assignments?application=${c.id}` : audience === 'applicant' ? `/recognitions/apply/${c.id}` : `/recognitions/review?application=${c.id}`),
  panel: {
    readyStatus: 'city_passed',
    reviewStatus: 'expert_review',
    drawAction: 'draw_panel',
    scoredAction: 'panel_scored',
    rules: (type) => panelRulesFor(type as RecognitionType),
    required: needsPanel,
    preferFields: async (db, c) => {
      const app = await applicationOfCase(db, c);
      const domain = (app.data as { profile?: { domain?: unknown } } | null)?.profile?.domain;
      const ent = await findEnterprise(db, app.enterpriseId);
      return [typeof domain === 'string' ? domain : null, ent?.industry ?? null].filter((f): f is string => !!f);
    },
    scoreSheet: async (db, c) => recognitionScoreSheet(db, await applicationOfCase(db, c)),
    expertView: async (db, c) => {
      const app = await applicationOfCase(db, c);
      return { data: expertData(app.data), applicationDate: app.applicationDate };
    },
    onScored: async (tx, c, mean) => {
      if (c.type === 'hnte') {
        const app = await applicationOfCase(tx, c);
        await updateDetail(tx, c.id, { assessment: await panelAssessment(tx, app, mean) });
      }
    },
  },
  notice: {
    publishAction: 'publish_notice',
    approveAction: 'approve',
    declineAction: 'decline',
    workingDays: (type) => NOTICE_WORKING_DAYS[type as RecognitionType] ?? NOTICE_WORKING_DAYS.default,
    ready: async (db, c) => c.status === ((await needsPanel(db, c)) ? 'scored' : 'city_passed'),
    readyLabel: async (db, c) => ((await needsPanel(db, c)) ? '专家评审完成' : '市级审核通过'),
    // the public reads the type and the technical domain; expert scores are the bureau's, not published
    summary: async (db, c) => {
      const app = await applicationOfCase(db, c);
      const domain = (app.data as { profile?: { domain?: unknown } } | null)?.profile?.domain;
      const name = TYPE_NAMES[app.type];
      return typeof domain === 'string' && domain ? `${name}；技术领域：${domain}` : name;
    },
    typeHasPanel: (db, type, on) => hasExpertReview(db, type as RecognitionType, on),
  },
  onDecision: async (tx, ctx, c, { today }) => {
    const type = c.type as RecognitionType;
    if (isUpperType(type)) {
      return recommendOnDecision(tx, c, today);
    }
    const recognition = await issueRecognition(tx, ctx, {
      type,
      enterpriseId: c.enterpriseId!,
      districtId: c.districtId!,
      applicationId: c.id,
      issuedOn: today,
      validityYears: await validityYearsOf(tx, type, today),
    });
    return {
      reference: recognition.certificateNo,
      detail: { recognition: { id: recognition.id, certificateNo: recognition.certificateNo, issuedOn: recognition.issuedOn, validUntil: recognition.validUntil } },
    };
  },
});
