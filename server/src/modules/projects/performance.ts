import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { balanceTotals } from '../ledger/index.js';
import { getProjectPlan, PROJECT_BOOK } from '../programmes/index.js';
import { applyChanges } from './plan.js';
import * as repo from './projects.repo.js';
import { FOLLOWED_STATUSES, projectScope, projectStatusName } from './projects.service.js';

/**
 * 绩效评价 of a programme, reproducible from the records (docs/projects.md):
 *   KPI attainment A = mean over the plan's KPIs of min(actual / target, 1), actuals from the
 *     acceptance report when submitted, else the mid-term report, else 0;
 *   budget execution E = min(spent / approved, 1), spent as reported in that report;
 *   project score = 100 × (0.7 × A + 0.3 × E), one decimal;
 *   programme score = the projects' scores weighted by approved amount, over the projects that
 *     have reported (the others are listed as not reported);
 *   grade: ≥ 90 优秀, ≥ 80 良好, ≥ 60 合格, else 不合格.
 */
export const KPI_WEIGHT = 0.7;
export const SPEND_WEIGHT = 0.3;

export function gradeOf(score: number | null): string {
  if (score === null) {
    return '未报告';
  }
  return score >= 90 ? '优秀' : score >= 80 ? '良好' : score >= 60 ? '合格' : '不合格';
}

/** One decimal, half up (the epsilon absorbs binary noise: 21.25 stays 21.25, not 21.2499…). */
const round1 = (x: number) => Math.round(x * 10 + 1e-9) / 10;

export interface ProjectScore {
  id: number;
  title: string;
  enterpriseName: string;
  programmeId: number;
  programmeName: string;
  year: number;
  status: string;
  statusName: string;
  approved: number;
  paid: number;
  spent: number | null;
  source: '验收' | '中期' | null;
  kpiAttainment: number | null;
  spendRate: number | null;
  score: number | null;
  grade: string;
  kpis: { name: string; unit: string; target: number; actual: number | null }[];
}

export async function evaluate({ db, actor, query }: { db: Db; actor: Actor; query: { year?: number; programmeId?: number } }) {
  const scope = projectScope(actor);
  const cases = await repo.listProjectCases(db, { ...scope, statuses: FOLLOWED_STATUSES, year: query.year, limit: 2000 });
  const ids = cases.map((c) => c.id);
  // one query each for the reports, the approved changes and the paid balances of all the projects
  const reports = await repo.reportsOf(db, ids);
  const changes = await repo.appliedChangesOf(db, ids);
  const paidByScope = new Map((await balanceTotals(db, PROJECT_BOOK, { kinds: ['paid'] }, ['scope'])).map((b) => [Number(b.scope), b.balanceFen]));
  const projects: ProjectScore[] = [];
  for (const c of cases) {
    const approved = await getProjectPlan(db, c.id);
    const plan = approved ? applyChanges(approved, changes.filter((x) => x.projectCaseId === c.id)) : null;
    if (!plan || (query.programmeId !== undefined && plan.programme.id !== query.programmeId)) {
      continue;
    }
    const acc = reports.acceptances.find((a) => a.projectCaseId === c.id && a.submittedAt !== null);
    const mid = reports.midterms.find((m) => m.projectCaseId === c.id && m.submittedAt !== null);
    const report = acc ? { kpis: acc.kpiActuals, spentFen: acc.spentFen, source: '验收' as const } : mid ? { kpis: mid.kpiProgress, spentFen: mid.spentFen, source: '中期' as const } : null;
    const actual = new Map((report?.kpis ?? []).map((k) => [k.key, k.actual]));
    const ratios = plan.kpis.map((k) => (k.target > 0 ? Math.min((actual.get(k.key) ?? 0) / k.target, 1) : 1));
    const attainment = report && ratios.length ? ratios.reduce((s, r) => s + r, 0) / ratios.length : null;
    const spendRate = report && plan.approvedAmountFen > 0 ? Math.min((report.spentFen ?? 0) / plan.approvedAmountFen, 1) : null;
    const score = attainment !== null && spendRate !== null ? round1(100 * (KPI_WEIGHT * attainment + SPEND_WEIGHT * spendRate)) : null;
    const paid = paidByScope.get(c.id) ?? 0;
    projects.push({
      id: c.id,
      title: c.title,
      enterpriseName: c.enterpriseName ?? '',
      programmeId: plan.programme.id,
      programmeName: plan.programme.name,
      year: c.year,
      status: c.status,
      statusName: projectStatusName(c.status),
      approved: plan.approvedAmountFen / 100,
      paid: paid / 100,
      spent: report?.spentFen === null || report?.spentFen === undefined ? null : report.spentFen / 100,
      source: report?.source ?? null,
      kpiAttainment: attainment === null ? null : round1(attainment * 100),
      spendRate: spendRate === null ? null : round1(spendRate * 100),
      score,
      grade: gradeOf(score),
      kpis: plan.kpis.map((k) => ({ name: k.name, unit: k.unit, target: k.target, actual: actual.get(k.key) ?? null })),
    });
  }
  const byProgramme = new Map<number, ProjectScore[]>();
  for (const p of projects) {
    byProgramme.set(p.programmeId, [...(byProgramme.get(p.programmeId) ?? []), p]);
  }
  const programmes = [...byProgramme.entries()].map(([id, ps]) => {
    const scored = ps.filter((p) => p.score !== null);
    const weight = scored.reduce((s, p) => s + p.approved, 0);
    const score = weight > 0 ? round1(scored.reduce((s, p) => s + p.score! * p.approved, 0) / weight) : null;
    return {
      id,
      name: ps[0].programmeName,
      projects: ps.length,
      reported: scored.length,
      approved: ps.reduce((s, p) => s + p.approved, 0),
      paid: ps.reduce((s, p) => s + p.paid, 0),
      spent: scored.reduce((s, p) => s + (p.spent ?? 0), 0),
      score,
      grade: gradeOf(score),
    };
  });
  return { year: query.year ?? null, formula: '项目得分 = 100 ×（0.7 × 考核指标完成度 + 0.3 × 经费执行率）；计划得分 = 各项目得分按立项金额加权平均', programmes, projects };
}
