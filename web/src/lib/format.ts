import dayjs from 'dayjs';
import { initialLang, translate, type Lang } from './i18n';

/** 1234567.8 → "123.46万元"; 7742000000 → "77.42亿元" (English: "¥1.23M"). */
export function formatYuan(yuan: number | null | undefined, lang: Lang = initialLang()): string {
  if (yuan === null || yuan === undefined) {
    return '—';
  }
  const abs = Math.abs(yuan);
  if (lang === 'en') {
    if (abs >= 1e9) {
      return `¥${(yuan / 1e9).toFixed(2)}B`;
    }
    if (abs >= 1e6) {
      return `¥${(yuan / 1e6).toFixed(2)}M`;
    }
    return `¥${yuan.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  }
  if (abs >= 1e8) {
    return translate(lang, 'money.yi', { n: (yuan / 1e8).toFixed(2) });
  }
  if (abs >= 1e4) {
    return translate(lang, 'money.wanShort', { n: (yuan / 1e4).toFixed(2) });
  }
  return translate(lang, 'money.yuanShort', { n: yuan.toFixed(2) });
}

export function formatDateTime(v: string | Date | null | undefined): string {
  return v ? dayjs(v).format('YYYY-MM-DD HH:mm:ss') : '—';
}

export function formatDate(v: string | Date | null | undefined): string {
  return v ? dayjs(v).format('YYYY-MM-DD') : '—';
}

/** Shows '—' for empty values in descriptions and tables. */
export function orDash(v: string | number | null | undefined): string | number {
  return v === null || v === undefined || v === '' ? '—' : v;
}
