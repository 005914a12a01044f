import type { Db } from '../../db/client.js';
import { hasRole, type Actor } from '../../http/context.js';
import type { ScoreItemDef, ScoreSheet } from '../cases/index.js';
import { getPanel } from '../experts/index.js';
import type { EffectivePlan } from './plan.js';

/** Evidence of a KPI's actual value is a case attachment of the acceptance case, coded by the KPI's key. */
export const evidenceCode = (kpiKey: string) => `kpi:${kpiKey}`;
export const kpiOfCode = (code: string) => (code.startsWith('kpi:') ? code.slice(4) : null);

/** The points the KPIs share on the acceptance sheet; the rest scores the money and the files. */
const KPI_POINTS = 70;
const OTHER_ITEMS: ScoreItemDef[] = [
  { code: 'budget', label: '经费使用与财务管理（支出合规、与预算相符）', group: '经费与资料', band: null, min: 0, max: 20 },
  { code: 'documents', label: '验收资料完整性与规范性（佐证材料齐全可信）', group: '经费与资料', band: null, min: 0, max: 10 },
];
export const RESULT_NAMES = { pass: '通过', pass_conditions: '结题（有条件）', fail: '不通过' } as const;
export type AcceptanceResultCode = keyof typeof RESULT_NAMES;

/**
 * The acceptance score sheet: one item per KPI of the plan in force (the committed KPIs are the
 * checklist), sharing 70 points in whole points (the first items take the remainder), then
 * 经费使用 20 and 验收资料 10. Item codes are kpi_1… in the plan's KPI order.
 */
export function acceptanceSheet(plan: Pick<EffectivePlan, 'kpis'>): ScoreSheet {
  const n = plan.kpis.length;
  const base = n ? Math.floor(KPI_POINTS / n) : 0;
  const rest = n ? KPI_POINTS - base * n : 0;
  const kpiItems = plan.kpis.map((k, i) => ({
    code: `kpi_${i + 1}`,
    label: `${k.name}（目标 ${k.target} ${k.unit}）完成情况`,
    group: '考核指标完成情况',
    band: null,
    min: 0,
    max: base + (i < rest ? 1 : 0),
  }));
  const items = [...kpiItems, ...OTHER_ITEMS];
  return { mode: 'items', items, maxTotal: items.reduce((s, i) => s + i.max, 0), assessment: null };
}

export interface ItemMean {
  code: string;
  label: string;
  max: number;
  mean: number;
}
export interface Proposal {
  result: AcceptanceResultCode;
  resultName: string;
  reasons: string[];
  items: ItemMean[];
}

/**
 * The panel's proposed result, from the mean of each item over the members who scored:
 * total < 60 → 不通过; total < 80, or any KPI item below 60 % of its points → 结题（有条件）;
 * otherwise 通过. Null before anyone scored.
 */
export function proposeResult(sheet: ScoreSheet, scored: Record<string, number>[], panelMean: number | null): Proposal | null {
  if (!scored.length) {
    return null;
  }
  const items = sheet.items.map((i) => ({ code: i.code, label: i.label, max: i.max, mean: Math.round((scored.reduce((s, m) => s + (m[i.code] ?? 0), 0) / scored.length) * 100) / 100 }));
  const total = panelMean ?? Math.round(items.reduce((s, i) => s + i.mean, 0) * 100) / 100;
  const weak = items.filter((i) => i.code.startsWith('kpi_') && i.mean < i.max * 0.6);
  const reasons: string[] = [`专家组平均分 ${total.toFixed(2)}`];
  let result: AcceptanceResultCode = 'pass';
  if (total < 60) {
    result = 'fail';
    reasons.push('平均分低于60分');
  } else if (total < 80 || weak.length) {
    result = 'pass_conditions';
    if (total < 80) {
      reasons.push('平均分低于80分');
    }
    reasons.push(...weak.map((i) => `“${i.label}”平均 ${i.mean} 分，低于该项分值（${i.max}分）的60%`));
  }
  return { result, resultName: RESULT_NAMES[result], reasons, items };
}

/** The proposal of an acceptance case for a reader of panels (the bureau); null for others or before scoring. */
export async function proposalFor(db: Db, actor: Actor, caseId: number, plan: Pick<EffectivePlan, 'kpis'>): Promise<Proposal | null> {
  if (!hasRole(actor, 'city_officer', 'city_admin', 'auditor')) {
    return null;
  }
  const panel = await getPanel({ db, actor, caseId });
  const scored = panel.members.flatMap((m) => (m.scores ? [m.scores] : []));
  return proposeResult(acceptanceSheet(plan), scored, panel.panelScore);
}
