/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-symbol
 * alphabet (no I, O, S, V, Z); the last is a check character over the first 17.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]);
    if (v < 0) {
      throw new Error(`invalid USCC character at ${i + 1}`);
    }
    sum += v * WEIGHTS[i];
  }
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c];
}

export type UsccProblem = 'length' | 'charset' | 'check_digit';

/** Returns null when valid, else what is wrong. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) {
    return 'length';
  }
  for (const ch of code) {
    if (!USCC_ALPHABET.includes(ch)) {
      return 'charset';
    }
  }
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : 'check_digit';
}

export const USCC_MESSAGES: Record<UsccProblem, string> = {
  length: '统一社会信用代码应为18位',
  charset: '统一社会信用代码只能包含数字和大写字母（不含I、O、S、V、Z）',
  check_digit: '统一社会信用代码校验位错误，请核对',
};

/** The 6-digit administrative division code embedded in positions 3–8. */
export function usccRegion(code: string): string {
  return code.slice(2, 8);
}

/** Organisation code (GB 11714): 8 characters and a check character. */
export function orgCodeCheckChar(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * USCC_ALPHABET.indexOf(body8[i]), 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Builds a valid code for an enterprise (registration authority 9, type 1) in a region. */
export function makeUscc(regionCode: string, serial: number): string {
  const body8 = String(serial).padStart(8, '0').slice(-8);
  const first17 = `91${regionCode}${body8}${orgCodeCheckChar(body8)}`;
  return first17 + usccCheckChar(first17);
}
