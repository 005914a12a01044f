import type { Executor } from '../../db/client.js';
import type { recognitionApplications } from '../../db/schema/index.js';
import { AppError } from '../../http/errors.js';
import { assessHnte, scoreOutsideBand, type HnteResult } from '../rules/index.js';
import { chinaToday } from '../rules/rules.service.js';
import { hnteInput, type HnteInput } from '../rules/rules.schema.js';
import { hnteRawInput } from '../recognitions/applications.assess.js';
import type { HnteScores, ScoreInput, ScoreItem } from './experts.schema.js';

type ApplicationRow = typeof recognitionApplications.$inferSelect;

/** The China date of a timestamp. */
const chinaDate = (d: Date) => chinaToday(d);

/**
 * The rule engine's input built from the application's own data (recognition_applications.data:
 * profile, financials with total assets and liabilities, lastYear, ipList, conversions), judged on
 * its application date. Throws invalid_state when the stored data cannot be judged.
 */
export function hnteInputOf(app: ApplicationRow, innovationScore: number | null = null): HnteInput {
  const raw = hnteRawInput(app.data, app.applicationDate ?? (app.submittedAt ? chinaDate(app.submittedAt) : chinaToday()), innovationScore);
  const parsed = hnteInput.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('invalid_state', `申报数据不完整，无法计算评分档位：${first.path.join('.')} ${first.message}`);
  }
  return parsed.data;
}

/** The engine's assessment of the application (rule set in force on its application date). */
export async function assessApplication(db: Executor, app: ApplicationRow, innovationScore: number | null = null): Promise<HnteResult> {
  return assessHnte({ db, input: hnteInputOf(app, innovationScore) });
}

/**
 * The application's assessment after the panel: the hnte engine re-run with the panel's mean as
 * the innovation score, in the recognitions module's assessment shape (type, complete, issues,
 * eligible, pending, conditions, detail = the engine's answer, assessedOn).
 */
export async function panelAssessment(db: Executor, app: ApplicationRow, mean: number): Promise<Record<string, unknown>> {
  const input = hnteInputOf(app, mean);
  const r = await assessHnte({ db, input });
  const before = app.assessment && typeof app.assessment === 'object' && !Array.isArray(app.assessment) ? (app.assessment as Record<string, unknown>) : {};
  return {
    type: 'hnte',
    complete: true,
    issues: [],
    ...before,
    eligible: r.eligible,
    pending: r.pending,
    conditions: r.conditions,
    detail: r,
    assessedOn: input.applicationDate,
    innovationScore: mean,
  };
}

const FIXED = (code: keyof HnteScores, label: string, group: string, max: number): ScoreItem => ({ code, label, group, band: null, min: 0, max });

/** The hnte innovation-capability items (RULES.md §1), each with the range the expert may score in. */
export function hnteItems(result: HnteResult): ScoreItem[] {
  const r = result.scoreRanges;
  const banded = (code: keyof HnteScores, label: string, group: string, range: { band: string; min: number; max: number }): ScoreItem => ({
    code,
    label,
    group,
    band: range.band,
    min: range.min,
    max: range.max,
  });
  return [
    FIXED('ipAdvancement', '技术的先进程度', '知识产权（≤30分）', 8),
    FIXED('ipCoreRole', '对主要产品（服务）在技术上发挥核心支持作用', '知识产权（≤30分）', 8),
    banded('ipQuantity', '知识产权数量', '知识产权（≤30分）', r.ipQuantity),
    FIXED('ipAcquisition', '知识产权获得方式', '知识产权（≤30分）', 6),
    FIXED('ipStandards', '参与编制国家、行业标准（加分项）', '知识产权（≤30分）', 2),
    banded('conversion', '科技成果转化能力', '科技成果转化能力（≤30分）', r.conversion),
    FIXED('rdOrganisation', '研究开发组织管理水平', '研究开发组织管理水平（≤20分）', 20),
    banded('netAssetGrowth', '净资产增长率', '企业成长性（≤20分）', r.netAssetGrowth),
    banded('salesGrowth', '销售收入增长率', '企业成长性（≤20分）', r.salesGrowth),
  ];
}

export const TOTAL_ITEM: ScoreItem = { code: 'total', label: '总分', group: '综合评分', band: null, min: 0, max: 100 };

/** Tenths, so sums and means of one-decimal scores stay exact. */
const tenths = (v: number) => Math.round(v * 10);

/**
 * Checks an expert's scores against the items' ranges; returns the stored scores and the total.
 * Out of range → 400 score_out_of_band naming the item, the band and the allowed range.
 */
export function checkScores(mode: 'hnte' | 'total', items: ScoreItem[], input: ScoreInput): { scores: Record<string, number> | null; total: number } {
  if (mode === 'hnte') {
    if (!input.scores) {
      throw new AppError('validation_failed', '请逐项填写创新能力评分', { fields: [{ field: 'scores', message: '请逐项填写创新能力评分' }] });
    }
    const scores = input.scores as Record<string, number>;
    const fields: { field: string; message: string }[] = [];
    for (const item of items) {
      const v = scores[item.code];
      const problem = item.band
        ? scoreOutsideBand({ band: item.band, min: item.min, max: item.max }, v, `“${item.label}”`)
        : v < item.min || v > item.max
          ? `“${item.label}”评分${v}超出允许范围（${item.min}–${item.max}分）`
          : null;
      if (problem) {
        fields.push({ field: `scores.${item.code}`, message: problem });
      }
    }
    if (fields.length) {
      throw new AppError('score_out_of_band', fields.map((f) => f.message).join('；'), { fields });
    }
    const total = items.reduce((s, i) => s + tenths(scores[i.code]), 0) / 10;
    return { scores: Object.fromEntries(items.map((i) => [i.code, scores[i.code]])), total };
  }
  if (input.total === undefined) {
    throw new AppError('validation_failed', '请填写总分', { fields: [{ field: 'total', message: '请填写总分（0–100分）' }] });
  }
  if (!input.comment) {
    throw new AppError('validation_failed', '请填写评审意见', { fields: [{ field: 'comment', message: '请填写评审意见' }] });
  }
  if (input.total < 0 || input.total > 100) {
    const message = `总分${input.total}超出允许范围（0–100分）`;
    throw new AppError('score_out_of_band', message, { fields: [{ field: 'total', message }] });
  }
  return { scores: null, total: input.total };
}

/** The panel's score: the mean of the members' totals, rounded half up to 2 decimals. */
export function meanScore(totals: number[]): number {
  const sum = totals.reduce((s, t) => s + tenths(t), 0);
  // sum is in tenths: mean × 100 = sum × 10 / n
  return Math.round((sum * 10) / totals.length) / 100;
}
