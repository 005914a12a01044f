import { formatYuan } from '../../../lib/format';
import { indicatorsMessages } from '../messages';

/** The units the API names in Chinese (data compared, not shown). */
export const UNIT_YUAN = indicatorsMessages['indicators.unit.yuan'][0];
export const UNIT_RATIO = indicatorsMessages['indicators.unit.ratio'][0];

/** A figure in its unit: yuan as 万元/亿元, ratios as percent, counts with thousands separators. */
export function formatFigure(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) {
    return '—';
  }
  if (unit === UNIT_YUAN) {
    return formatYuan(value);
  }
  if (unit === UNIT_RATIO) {
    return `${(value * 100).toFixed(2)}%`;
  }
  return `${value.toLocaleString('zh-CN')} ${unit}`;
}

/** Year-on-year change as a fraction, or null when there is no base. */
export function growth(now: number | null | undefined, before: number | null | undefined): number | null {
  if (now === null || now === undefined || before === null || before === undefined || before === 0) {
    return null;
  }
  return (now - before) / before;
}

export const percent = (v: number | null) => (v === null ? '—' : `${v >= 0 ? '+' : ''}${(v * 100).toFixed(2)}%`);
