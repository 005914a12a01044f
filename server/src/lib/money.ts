/** Money is integer fen (分) in the database; the API speaks yuan with at most two decimals. */
export function yuanToFen(yuan: number): number {
  const fen = Math.round(yuan * 100);
  if (!Number.isSafeInteger(fen)) {
    throw new RangeError('amount out of range');
  }
  return fen;
}

export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** True when the number has at most two decimals (0.1 + 0.2 style noise tolerated). */
export function hasAtMostTwoDecimals(yuan: number): boolean {
  return Math.abs(yuan * 100 - Math.round(yuan * 100)) < 1e-6;
}

/** 1234567.8 → "123.46万元"; 7742000000 → "77.42亿元". */
export function formatYuan(yuan: number): string {
  const abs = Math.abs(yuan);
  if (abs >= 1e8) {
    return `${(yuan / 1e8).toFixed(2)}亿元`;
  }
  if (abs >= 1e4) {
    return `${(yuan / 1e4).toFixed(2)}万元`;
  }
  return `${yuan.toFixed(2)}元`;
}
