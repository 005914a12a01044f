import { formatYuan } from '../../../lib/format';

/** A figure in its unit: yuan as 万元/亿元, ratios as percent, counts with thousands separators. */
export function formatFigure(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) {
    return '—';
  }
  if (unit === '元') {
    return formatYuan(value);
  }
  if (unit === '比率') {
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
