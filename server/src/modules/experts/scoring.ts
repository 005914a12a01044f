import { AppError } from '../../http/errors.js';
import type { ScoreSheet } from '../cases/index.js';
import type { ScoreInput } from './experts.schema.js';

/** Tenths, so sums and means of one-decimal scores stay exact. */
const tenths = (v: number) => Math.round(v * 10);

/** The one item of a total-only sheet. */
export const TOTAL_ITEM = { code: 'total', label: '总分', group: '综合评分', band: null, min: 0, max: 100 };

/**
 * Checks an expert's scores against the instrument's score sheet; returns the stored scores and
 * the total. An itemised sheet needs every item within its range (the instrument's own check for
 * banded items); a total sheet needs a total 0–maxTotal and a comment. Out of range → 400
 * score_out_of_band naming the item and the allowed range.
 */
export function checkScores(sheet: ScoreSheet, input: ScoreInput): { scores: Record<string, number> | null; total: number } {
  if (sheet.mode !== 'total') {
    if (!input.scores) {
      throw new AppError('validation_failed', '请逐项填写评分', { fields: [{ field: 'scores', message: '请逐项填写评分' }] });
    }
    const scores = input.scores;
    const fields: { field: string; message: string }[] = [];
    const missing = sheet.items.filter((i) => typeof scores[i.code] !== 'number');
    if (missing.length) {
      throw new AppError('validation_failed', `请填写${missing.map((i) => `“${i.label}”`).join('、')}的评分`, {
        fields: missing.map((i) => ({ field: `scores.${i.code}`, message: `请填写“${i.label}”的评分` })),
      });
    }
    for (const item of sheet.items) {
      const v = scores[item.code];
      const problem = sheet.check?.(item, v) ?? (v < item.min || v > item.max ? `“${item.label}”评分${v}超出允许范围（${item.min}–${item.max}分）` : null);
      if (problem) {
        fields.push({ field: `scores.${item.code}`, message: problem });
      }
    }
    if (fields.length) {
      throw new AppError('score_out_of_band', fields.map((f) => f.message).join('；'), { fields });
    }
    const total = sheet.items.reduce((s, i) => s + tenths(scores[i.code]), 0) / 10;
    return { scores: Object.fromEntries(sheet.items.map((i) => [i.code, scores[i.code]])), total };
  }
  if (input.total === undefined) {
    throw new AppError('validation_failed', '请填写总分', { fields: [{ field: 'total', message: `请填写总分（0–${sheet.maxTotal}分）` }] });
  }
  if (!input.comment) {
    throw new AppError('validation_failed', '请填写评审意见', { fields: [{ field: 'comment', message: '请填写评审意见' }] });
  }
  if (input.total < 0 || input.total > sheet.maxTotal) {
    const message = `总分${input.total}超出允许范围（0–${sheet.maxTotal}分）`;
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
