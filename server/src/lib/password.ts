import { randomBytes, scrypt as scryptCb, timingSafeEqual, hash } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;
const PARAMS = { N: 16384, r: 8, p: 1 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split('$');
  if (scheme !== 'scrypt' || !saltB64 || !keyB64) {
    return false;
  }
  const expected = Buffer.from(keyB64, 'base64url');
  const key = await scrypt(password, Buffer.from(saltB64, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(key, expected);
}

/**
 * Words that, dressed with capitals, digits and symbols at the ends (Password1, P@ssw0rd!, Admin123),
 * are the first guesses of every password list. Compared after undoing common letter swaps.
 */
const COMMON_WORDS = new Set([
  'password', 'passwd', 'pass', 'admin', 'administrator', 'root', 'user', 'guest', 'test', 'demo', 'welcome',
  'letmein', 'login', 'qwerty', 'qwertyuiop', 'asdfgh', 'asdfghjkl', 'zxcvbn', 'abc', 'abcd', 'abcdef', 'abcdefg',
  'iloveyou', 'love', 'monkey', 'dragon', 'master', 'sunshine', 'football', 'baseball', 'princess', 'shadow',
  'superman', 'changeme', 'default', 'secret', 'system', 'server', 'manager', 'hello', 'china', 'beijing',
  'hangzhou', 'woaini', 'aini', 'zhang', 'wang',
]);
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '!': 'i' };

/** The core of a password: ends stripped of digits and symbols, lower case, common swaps undone. */
function passwordCore(password: string): string {
  const trimmed = password.replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, '').toLowerCase();
  return [...trimmed].map((c) => LEET[c] ?? c).join('');
}

/**
 * 等保2.0 level 3: at least 8 characters from at least 3 of 4 classes; not a common word dressed
 * up (Password1) and not containing the username. Returns a Chinese message or null.
 */
export function passwordProblem(password: string, context: { username?: string } = {}): string | null {
  if (password.length < 8) {
    return '密码至少8位';
  }
  if (password.length > 128) {
    return '密码最长128位';
  }
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) {
    return '密码须包含大写字母、小写字母、数字、特殊字符中的至少三类';
  }
  const username = context.username?.trim().toLowerCase();
  if (username && username.length >= 3 && password.toLowerCase().includes(username)) {
    return '密码不能包含用户名';
  }
  const core = passwordCore(password);
  if (core.length === 0 || COMMON_WORDS.has(core) || /^(.)\1*$/.test(core)) {
    return '密码过于常见（如 Password1、Admin@123），请换一个不易猜到的密码';
  }
  return null;
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Hex SHA-256 of the UTF-8 text (one-shot: every request hashes its session cookie, and a Hash object per call cost more than the digest). */
export function sha256(value: string): string {
  return hash('sha256', value, 'hex');
}
