/** Money as the bureau reads it: thousands separators, two decimals, in 元 or 万元. */
import { initialLang, translate, type Lang } from './i18n';

export type MoneyUnit = 'yuan' | 'wan';

const grouped = (v: number) => v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 58163000 → "58,163,000.00 元"; with 'wan' → "5,816.30 万元". */
export function formatMoney(yuan: number | null | undefined, unit: MoneyUnit = 'yuan', lang: Lang = initialLang()): string {
  if (yuan === null || yuan === undefined) {
    return '—';
  }
  return unit === 'wan' ? translate(lang, 'money.wan', { n: grouped(yuan / 1e4) }) : translate(lang, 'money.yuan', { n: grouped(yuan) });
}

/** Groups the integer part of what an input shows: "1234567.8" → "1,234,567.8". */
export function groupDigits(text: string): string {
  const [int, frac] = text.split('.');
  const withCommas = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? withCommas : `${withCommas}.${frac}`;
}

/** Reads back what groupDigits showed (also tolerates full-width commas and spaces). */
export function parseGrouped(text: string | undefined): string {
  return (text ?? '').replace(/[,，\s元]/g, '');
}
