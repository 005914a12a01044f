import type { Executor } from '../../db/client.js';
import { getProjectPlan, type ProjectPlan } from '../programmes/index.js';
import * as repo from './projects.repo.js';

/**
 * The plan in force: the approved plan of the project (programmes' getProjectPlan) with the
 * approved change cases applied in the order they were approved — an extension moves the end
 * date, a budget shift replaces the budget lines, a KPI change replaces the KPIs. The approved
 * amount never changes (a budget shift moves money between categories only).
 */
export async function effectivePlan(db: Executor, caseId: number): Promise<(ProjectPlan & { changes: number }) | null> {
  const plan = await getProjectPlan(db, caseId);
  if (!plan) {
    return null;
  }
  return applyChanges(plan, await repo.appliedChanges(db, caseId));
}

/** The plan with approved changes applied in order (the changes of one project, oldest first). */
export function applyChanges(plan: ProjectPlan, applied: repo.ChangeRow[]): ProjectPlan & { changes: number } {
  let p = { ...plan, changes: applied.length };
  for (const ch of applied) {
    if (ch.requested.endOn) {
      p = { ...p, endOn: ch.requested.endOn };
    }
    if (ch.requested.budgetLines) {
      p = { ...p, budgetLines: ch.requested.budgetLines };
    }
    if (ch.requested.kpis) {
      p = { ...p, kpis: ch.requested.kpis };
    }
  }
  return p;
}

export type EffectivePlan = NonNullable<Awaited<ReturnType<typeof effectivePlan>>>;
