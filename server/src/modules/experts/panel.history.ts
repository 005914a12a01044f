import type { Tx } from '../../db/client.js';
import { cases } from '../../db/schema/index.js';
import { eq } from 'drizzle-orm';
import { AppError } from '../../http/errors.js';
import { instrumentOf, panelReviewStatuses, type CaseRow } from '../cases/index.js';
import * as repo from './experts.repo.js';
import { conflictsOf, drawPanel } from './panel.draw.js';
import { checkScores, meanScore } from './scoring.js';

export interface PastPanel {
  /** the draw's seed (recorded, so the draw can be re-run) */
  seed: number;
  drawnBy: number;
  drawnAt: Date;
  scoredAt: Date;
  /** the n-th member's score sheet (item code → score) and comment */
  sheet: (member: number, items: { code: string; max: number }[]) => { scores: Record<string, number>; comment: string };
}

/**
 * A panel drawn and scored in the past, for demo history and imports: the kernel's draw (pool,
 * loads, conflicts, the instrument's rules and preferred fields, a recorded seed), logged; every
 * member scored on the instrument's sheet (checked like a live score); the case's panel score is
 * the members' mean. The case's status is the caller's (no move). Returns the mean.
 */
export async function recordPastPanel(tx: Tx, c: CaseRow, past: PastPanel): Promise<number> {
  const panel = instrumentOf(c.instrument).panel;
  if (!panel) {
    throw new AppError('invalid_state', '该业务不设专家评审环节');
  }
  const rules = panel.rules(c.type);
  const experts = await repo.allExperts(tx);
  const loads = await repo.loads(tx, panelReviewStatuses());
  const ent = c.enterpriseId === null ? null : await repo.findEnterprise(tx, c.enterpriseId);
  const conflicts = ent ? conflictsOf(ent, await repo.linksMatching(tx, ent), experts, past.drawnAt.toISOString().slice(0, 10)) : new Map<number, string>();
  const pool = experts.map((e) => ({ id: e.id, category: e.category, fields: e.fields, active: e.active, load: loads.get(e.id) ?? 0 }));
  const result = drawPanel({ pool, conflicts, rules, seed: past.seed, preferFields: await panel.preferFields(tx, c) });
  if (!result.ok) {
    throw new AppError('panel_unsatisfiable', `无法组成评审专家组：${result.message}`, { rule: result.rule });
  }
  const names = new Map(experts.map((e) => [e.id, e.name]));
  const draw = await repo.insertDraw(tx, {
    caseId: c.id,
    kind: 'draw',
    reason: '随机抽取评审专家',
    seed: String(past.seed),
    rules,
    selected: result.selected.map((s) => ({ expertId: s.id, name: names.get(s.id) ?? '', category: s.category, fieldMatch: s.fieldMatch })),
    excluded: result.excluded.map((x) => ({ expertId: x.id, name: names.get(x.id) ?? '', reason: x.reason })),
    drawnBy: past.drawnBy,
    drawnAt: past.drawnAt,
  });
  const sheet = await panel.scoreSheet(tx, c);
  const scored = result.selected.map((_, i) => {
    const s = past.sheet(i, sheet.items);
    return { ...checkScores(sheet, { scores: s.scores, comment: s.comment }), comment: s.comment };
  });
  await repo.insertMembers(
    tx,
    result.selected.map((s, i) => ({ caseId: c.id, drawId: draw.id, expertId: s.id, status: 'scored' as const, declaredAt: past.drawnAt, scores: scored[i].scores, total: scored[i].total.toFixed(2), comment: scored[i].comment, scoredAt: past.scoredAt })),
  );
  const mean = meanScore(scored.map((s) => s.total));
  await tx.update(cases).set({ panelScore: mean.toFixed(2) }).where(eq(cases.id, c.id));
  return mean;
}
