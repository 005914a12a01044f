import dayjs from 'dayjs';

/** 1234567.8 → "123.46万元"; 7742000000 → "77.42亿元" (English: "¥1.23M"). */
export function formatYuan(yuan: number | null | undefined, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
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
    return `${(yuan / 1e8).toFixed(2)}亿元`;
  }
  if (abs >= 1e4) {
    return `${(yuan / 1e4).toFixed(2)}万元`;
  }
  return `${yuan.toFixed(2)}元`;
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
