import type { Executor } from '../../db/client.js';
import { casesRepo } from '../cases/index.js';
import { APPROVED_STATUSES, type ProjectStatus } from './instrument.js';
import * as repo from './programmes.repo.js';

export interface ProjectPlan {
  caseId: number;
  title: string;
  enterpriseId: number;
  enterpriseName: string;
  districtId: number;
  programme: { id: number; code: string; name: string; trancheSplit: number[] };
  approvedAmountFen: number;
  budgetLines: { category: string; cityFen: number; selfFen: number; note: string }[];
  kpis: { key: string; name: string; unit: string; target: number }[];
  milestones: { name: string; due: string }[];
  startOn: string | null;
  endOn: string | null;
  contractNo: string | null;
  status: string;
}

/** The approved plan of a project (what the task contract and the `projects` module build on); null unless it is an approved project. */
export async function getProjectPlan(executor: Executor, caseId: number): Promise<ProjectPlan | null> {
  const c = await casesRepo.findCase(executor, caseId);
  if (!c || c.instrument !== repo.INSTRUMENT || !APPROVED_STATUSES.includes(c.status as ProjectStatus) || c.enterpriseId === null) {
    return null;
  }
  const d = await repo.findDetail(executor, caseId);
  if (!d || d.approvedFen === null) {
    return null;
  }
  const programme = (await repo.findProgramme(executor, d.programmeId))!;
  const ent = (await repo.enterpriseOf(executor, c.enterpriseId))!;
  return {
    caseId: c.id,
    title: c.title,
    enterpriseId: ent.id,
    enterpriseName: ent.name,
    districtId: c.districtId ?? ent.districtId,
    programme: { id: programme.id, code: programme.code, name: programme.name, trancheSplit: programme.trancheSplit },
    approvedAmountFen: d.approvedFen,
    budgetLines: d.budgetLines,
    kpis: d.kpis,
    milestones: d.milestones,
    startOn: d.startOn,
    endOn: d.endOn,
    contractNo: d.contractNo,
    status: c.status,
  };
}

/** Tranche n's amount (1-based): its percent of the approved amount; the last tranche takes the rounding rest. */
export function trancheAmounts(approvedFen: number, split: number[]): number[] {
  const out = split.map((p) => Math.floor((approvedFen * p) / 100));
  out[out.length - 1] = approvedFen - out.slice(0, -1).reduce((s, x) => s + x, 0);
  return out;
}

/** When each tranche is paid, for the contract and the pages. */
export function trancheLabel(n: number, count: number): string {
  if (n === 1) {
    return '任务书签订后';
  }
  if (n === count) {
    return '项目验收通过后';
  }
  return n === 2 ? '中期检查通过后' : `第${n}阶段考核通过后`;
}
