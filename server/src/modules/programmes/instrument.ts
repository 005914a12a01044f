import type { Executor } from '../../db/client.js';
import { AppError, notFound } from '../../http/errors.js';
import { registerInstrument, type CaseRow, type ScoreItemDef } from '../cases/index.js';
import { LedgerShortfall, postMovement } from '../ledger/index.js';
import { PROJECT_BOOK } from './book.js';
import { BUDGET_CATEGORIES, sumCity, sumSelf, type BudgetCategory } from './form.js';
import { findDetail, findProgramme, enterpriseOf, INSTRUMENT, updateDetail, type ApplicationDetail, type ProgrammeRow } from './programmes.repo.js';

export const PROJECT_TYPES = { major: '重大科技创新项目', general: '一般项目', agri_social: '农业与社会发展科研项目' } as const;
export type ProjectType = keyof typeof PROJECT_TYPES;

/** Statuses after the decision are shared with the `projects` module (mid-term, acceptance…). */
export const STATUSES = {
  draft: { name: '草稿', next: '申报单位填写并提交' },
  submitted: { name: '待区县推荐', next: '区县科技局审核推荐', stepDays: 10 },
  returned: { name: '退回修改', next: '申报单位修改后重新提交', stepDays: 10 },
  pending_check: { name: '待形式审查', next: '市科委形式审查', stepDays: 5 },
  checked: { name: '待专家评审', next: '市科委抽取评审专家', stepDays: 5 },
  expert_review: { name: '专家评审中', next: '评审专家打分', stepDays: 10 },
  scored: { name: '待排序审定', next: '市科委按评审得分排序、审定拟立项', stepDays: 10 },
  ranked: { name: '拟立项', next: '市科委发布拟立项公示', stepDays: 5 },
  not_selected: { name: '未获立项', next: null },
  in_notice: { name: '公示中', next: '公示期满后作出立项决定' },
  approved: { name: '已立项，待签任务书', next: '签订任务书', stepDays: 20 },
  in_progress: { name: '执行中', next: '项目实施、中期检查' },
  accepting: { name: '验收中', next: '项目验收' },
  completed: { name: '已结题', next: null },
  failed: { name: '验收不通过', next: null },
  terminated: { name: '已终止', next: null },
  rejected: { name: '未通过', next: null },
} as const;
export type ProjectStatus = keyof typeof STATUSES;

/** Statuses of an approved project (its money is committed). */
export const APPROVED_STATUSES: ProjectStatus[] = ['approved', 'in_progress', 'accepting', 'completed', 'failed', 'terminated'];

export const TRANSITIONS = {
  submit: { name: '提交申报（报区县推荐）', from: ['draft', 'returned'], to: 'submitted', roles: ['enterprise_user'] },
  submit_direct: { name: '提交申报', from: ['draft', 'returned'], to: 'pending_check', roles: ['enterprise_user'] },
  district_recommend: { name: '区县推荐', from: ['submitted'], to: 'pending_check', roles: ['district_officer'] },
  district_return: { name: '区县退回修改', from: ['submitted'], to: 'returned', roles: ['district_officer'], needsComment: true },
  formal_pass: { name: '形式审查通过', from: ['pending_check'], to: 'checked', roles: ['city_officer'] },
  formal_return: { name: '形式审查退回修改', from: ['pending_check'], to: 'returned', roles: ['city_officer'], needsComment: true },
  formal_reject: { name: '形式审查不通过', from: ['pending_check'], to: 'rejected', roles: ['city_officer'], needsComment: true },
  draw_panel: { name: '抽取评审专家', from: ['checked'], to: 'expert_review', roles: ['city_officer'] },
  panel_scored: { name: '专家评审完成', from: ['expert_review'], to: 'scored', roles: [], bySystem: true, systemLabel: '评审专家组' },
  select: { name: '审定拟立项', from: ['scored'], to: 'ranked', roles: ['city_officer'] },
  not_select: { name: '审定不予立项', from: ['scored'], to: 'not_selected', roles: ['city_officer'], needsComment: true },
  publish_notice: { name: '发布拟立项公示', from: ['ranked'], to: 'in_notice', roles: ['city_officer'] },
  approve: { name: '立项', from: ['in_notice'], to: 'approved', roles: ['city_officer'] },
  decline: { name: '不予立项', from: ['in_notice'], to: 'rejected', roles: ['city_officer'], needsComment: true },
  sign_contract: { name: '签订任务书', from: ['approved'], to: 'in_progress', roles: ['city_officer'] },
  start_acceptance: { name: '启动验收', from: ['in_progress'], to: 'accepting', roles: ['city_officer'] },
  accept: { name: '验收通过', from: ['accepting'], to: 'completed', roles: [], bySystem: true, systemLabel: '验收专家组' },
  fail: { name: '验收不通过', from: ['accepting'], to: 'failed', roles: [], bySystem: true, systemLabel: '验收专家组' },
  terminate: { name: '终止项目', from: ['approved', 'in_progress', 'accepting'], to: 'terminated', roles: ['city_officer'], needsComment: true },
} as const;
export type ProjectAction = keyof typeof TRANSITIONS;

async function detailOf(db: Executor, c: CaseRow): Promise<{ detail: ApplicationDetail; programme: ProgrammeRow }> {
  const detail = await findDetail(db, c.id);
  const programme = detail ? await findProgramme(db, detail.programmeId) : undefined;
  if (!detail || !programme) {
    throw notFound('项目申报');
  }
  return { detail, programme };
}

/** The programme's score sheet, as the kernel's itemised sheet. */
export function scoreItemsOf(programme: ProgrammeRow): ScoreItemDef[] {
  return programme.scoreItems.map((i) => ({ code: i.code, label: i.label, group: '评审要点', band: null, min: 0, max: i.max }));
}

const wan = (fen: number) => `${(fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万元`;

/** The task contract's number: year, programme code and the case id (stable, unique). */
export const contractNoOf = (year: number, programmeCode: string, caseId: number) => `HZKJ-${year}-${programmeCode.toUpperCase()}-${String(caseId).padStart(5, '0')}`;

export const programmesInstrument = registerInstrument({
  code: INSTRUMENT,
  name: '科技计划项目',
  objectType: 'project_case',
  types: PROJECT_TYPES,
  statuses: STATUSES,
  initialStatus: 'draft',
  transitions: TRANSITIONS as never,
  href: (c, audience) => (audience === 'expert' ? `/expert/assignments?application=${c.id}` : `/programmes/projects/${c.id}`),
  panel: {
    readyStatus: 'checked',
    reviewStatus: 'expert_review',
    drawAction: 'draw_panel',
    scoredAction: 'panel_scored',
    rules: (type) => (type === 'major' ? { size: 5, minTechnicalRatio: 0.6, minFinance: 1, loadCap: 12 } : { size: 3, minTechnicalRatio: 0.6, minFinance: 1, loadCap: 12 }),
    required: async () => true,
    preferFields: async (db, c) => {
      const ent = c.enterpriseId ? await enterpriseOf(db, c.enterpriseId) : undefined;
      return ent?.industry ? [ent.industry] : [];
    },
    scoreSheet: async (db, c) => {
      const { programme } = await detailOf(db, c);
      const items = scoreItemsOf(programme);
      return { mode: 'items', items, maxTotal: items.reduce((s, i) => s + i.max, 0), assessment: null };
    },
    // experts read the plan, the budget and the KPIs; team members by title and role only
    expertView: async (db, c) => {
      const { detail, programme } = await detailOf(db, c);
      return {
        data: {
          programme: programme.name,
          title: c.title,
          summary: detail.plan.summary,
          objectives: detail.plan.objectives,
          content: detail.plan.content,
          basis: detail.plan.basis,
          team: detail.plan.team.map((m) => ({ title: m.title, role: m.role })),
          partners: detail.plan.partners,
          period: `${detail.startOn ?? ''} 至 ${detail.endOn ?? ''}`,
          budget: detail.budgetLines.map((l) => ({ category: BUDGET_CATEGORIES[l.category as BudgetCategory] ?? l.category, city: l.cityFen / 100, self: l.selfFen / 100 })),
          requestedYuan: sumCity(detail.budgetLines) / 100,
          selfRaisedYuan: sumSelf(detail.budgetLines) / 100,
          kpis: detail.kpis,
          milestones: detail.milestones,
        },
        applicationDate: c.submittedAt ? c.submittedAt.toISOString().slice(0, 10) : null,
      };
    },
  },
  notice: {
    publishAction: 'publish_notice',
    approveAction: 'approve',
    declineAction: 'decline',
    workingDays: () => 7,
    ready: async (_db, c) => c.status === 'ranked',
    readyLabel: async () => '拟立项',
    summary: async (db, c) => {
      const { detail, programme } = await detailOf(db, c);
      return `${programme.name}；拟资助${wan(detail.recommendedFen ?? detail.requestedFen)}`;
    },
    typeHasPanel: async () => true,
  },
  // 立项: commit the approved amount from the programme-year budget to the project (the database refuses over-commitment)
  onDecision: async (tx, _ctx, c, { today }) => {
    const { detail, programme } = await detailOf(tx, c);
    const amount = detail.recommendedFen ?? detail.requestedFen;
    try {
      await postMovement(tx, {
        book: PROJECT_BOOK,
        kind: 'commit',
        valueDate: today,
        idempotencyKey: `commit:${c.id}`,
        memo: `立项：${c.title}`,
        entries: [
          { account: { kind: 'budget', scope: detail.programmeYearId }, amountFen: -amount },
          { account: { kind: 'committed', scope: c.id }, amountFen: amount },
        ],
      });
    } catch (err) {
      if (err instanceof LedgerShortfall) {
        throw new AppError('budget_exceeded', `${programme.name}${c.year}年度预算余额不足，不能立项（拟资助${wan(amount)}）`);
      }
      throw err;
    }
    const contractNo = contractNoOf(c.year, programme.code, c.id);
    await updateDetail(tx, c.id, { approvedFen: amount, approvedOn: today, contractNo });
    return { reference: contractNo, detail: { approvedAmount: amount / 100, contractNo } };
  },
});
