import type { Executor } from '../../db/client.js';
import { casesRepo, registerInstrument, type CaseRow } from '../cases/index.js';
import { acceptanceSheet, evidenceCode } from './acceptance-review.js';
import { effectivePlan } from './plan.js';
import * as repo from './projects.repo.js';

/** The three instruments of an approved project's life after its task contract. */
export const MIDTERM = 'project_midterm';
export const ACCEPTANCE = 'project_acceptance';
export const CHANGE = 'project_change';

export const midtermInstrument = registerInstrument({
  code: MIDTERM,
  name: '项目中期检查',
  objectType: 'project_midterm',
  types: { midterm: '中期检查' },
  statuses: {
    due: { name: '待提交中期报告', next: '项目单位提交中期报告' },
    submitted: { name: '中期报告待审查', next: '市科委审查中期报告', stepDays: 10 },
    returned: { name: '退回补充', next: '项目单位补充后重新提交', stepDays: 10 },
    passed: { name: '中期检查通过', next: null },
    failed: { name: '中期检查不通过', next: null },
  },
  initialStatus: 'due',
  transitions: {
    submit: { name: '提交中期报告', from: ['due', 'returned'], to: 'submitted', roles: ['enterprise_user'] },
    return: { name: '退回补充', from: ['submitted'], to: 'returned', roles: ['city_officer'], needsComment: true },
    pass: { name: '中期检查通过', from: ['submitted'], to: 'passed', roles: ['city_officer'] },
    fail: { name: '中期检查不通过', from: ['submitted'], to: 'failed', roles: ['city_officer'], needsComment: true },
  },
  href: (c, audience) => (audience === 'applicant' ? `/projects/mine?midterm=${c.id}` : `/projects?midterm=${c.id}`),
});

async function acceptanceView(db: Executor, c: CaseRow) {
  const a = await repo.findAcceptance(db, c.id);
  const plan = a ? await effectivePlan(db, a.projectCaseId) : null;
  if (!a || !plan) {
    return { data: {}, applicationDate: null };
  }
  const actual = new Map(a.kpiActuals.map((k) => [k.key, k]));
  const files = await casesRepo.listAttachments(db, c.id);
  const filesOf = (key: string) => files.filter((f) => f.code === evidenceCode(key)).map((f) => f.fileName);
  return {
    data: {
      project: plan.title,
      programme: plan.programme.name,
      period: `${plan.startOn ?? ''} 至 ${plan.endOn ?? ''}`,
      approvedYuan: plan.approvedAmountFen / 100,
      spentYuan: a.spentFen === null ? null : a.spentFen / 100,
      summary: a.summary,
      // the committed KPIs are the checklist: target, actual, evidence
      checklist: plan.kpis.map((k) => ({ name: k.name, unit: k.unit, target: k.target, actual: actual.get(k.key)?.actual ?? null, evidence: actual.get(k.key)?.evidence ?? null, evidenceFiles: filesOf(k.key) })),
    },
    applicationDate: a.submittedAt ? a.submittedAt.toISOString().slice(0, 10) : null,
  };
}

export const acceptanceInstrument = registerInstrument({
  code: ACCEPTANCE,
  name: '项目验收',
  objectType: 'project_acceptance',
  types: { acceptance: '项目验收' },
  statuses: {
    preparing: { name: '待提交验收材料', next: '项目单位填报考核指标完成情况并提交', stepDays: 20 },
    submitted: { name: '待抽取验收专家', next: '市科委抽取验收专家', stepDays: 5 },
    expert_review: { name: '专家验收评审中', next: '验收专家评审打分', stepDays: 10 },
    scored: { name: '待作出验收结论', next: '市科委作出验收结论', stepDays: 5 },
    passed: { name: '验收通过', next: null },
    passed_conditions: { name: '通过验收（附条件）', next: null },
    failed: { name: '验收不通过', next: null },
  },
  initialStatus: 'preparing',
  transitions: {
    submit: { name: '提交验收材料', from: ['preparing'], to: 'submitted', roles: ['enterprise_user'] },
    draw_panel: { name: '抽取验收专家', from: ['submitted'], to: 'expert_review', roles: ['city_officer'] },
    panel_scored: { name: '专家验收评审完成', from: ['expert_review'], to: 'scored', roles: [], bySystem: true, systemLabel: '验收专家组' },
    conclude_pass: { name: '验收通过', from: ['scored'], to: 'passed', roles: ['city_officer'] },
    conclude_conditions: { name: '通过验收（附条件）', from: ['scored'], to: 'passed_conditions', roles: ['city_officer'], needsComment: true },
    conclude_fail: { name: '验收不通过', from: ['scored'], to: 'failed', roles: ['city_officer'], needsComment: true },
  },
  href: (c, audience) => (audience === 'expert' ? `/expert/assignments?application=${c.id}` : audience === 'applicant' ? `/projects/mine?acceptance=${c.id}` : `/projects?acceptance=${c.id}`),
  panel: {
    readyStatus: 'submitted',
    reviewStatus: 'expert_review',
    drawAction: 'draw_panel',
    scoredAction: 'panel_scored',
    rules: () => ({ size: 3, minTechnicalRatio: 0.6, minFinance: 1, loadCap: 12 }),
    required: async () => true,
    preferFields: async (db, c) => {
      const a = await repo.findAcceptance(db, c.id);
      return a ? repo.industryOfProject(db, a.projectCaseId) : [];
    },
    // one item per committed KPI, then the money and the files (acceptance-review.ts)
    scoreSheet: async (db, c) => {
      const a = await repo.findAcceptance(db, c.id);
      return acceptanceSheet((a && (await effectivePlan(db, a.projectCaseId))) || { kpis: [] });
    },
    expertView: acceptanceView,
  },
});

export const changeInstrument = registerInstrument({
  code: CHANGE,
  name: '项目变更',
  objectType: 'project_change',
  types: { extension: '项目延期', budget_shift: '预算调整', kpi_change: '考核指标调整' },
  statuses: {
    submitted: { name: '变更待审批', next: '市科委审批变更申请', stepDays: 10 },
    approved: { name: '变更已批准', next: null },
    rejected: { name: '变更未批准', next: null },
  },
  initialStatus: 'submitted',
  transitions: {
    approve: { name: '批准变更', from: ['submitted'], to: 'approved', roles: ['city_officer'] },
    reject: { name: '不予批准', from: ['submitted'], to: 'rejected', roles: ['city_officer'], needsComment: true },
  },
  href: (c, audience) => (audience === 'applicant' ? `/projects/mine?change=${c.id}` : `/projects?change=${c.id}`),
});
