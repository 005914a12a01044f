import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * PII at rest: SM4-CBC with a random IV and an HMAC-SM3 tag (encrypt-then-MAC), plus a keyed
 * SM3 hash for exact-match lookup. The key lives outside the database (env or key file).
 */
export class PiiCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;
  private readonly lookupKey: Buffer;

  constructor(masterKeyHex: string) {
    const master = Buffer.from(masterKeyHex, 'hex');
    if (master.length !== 16) {
      throw new Error('PII key must be 16 bytes');
    }
    this.encKey = createHmac('sm3', master).update('kechuang/pii/enc').digest().subarray(0, 16);
    this.macKey = createHmac('sm3', master).update('kechuang/pii/mac').digest();
    this.lookupKey = createHmac('sm3', master).update('kechuang/pii/lookup').digest();
  }

  encrypt(plain: string): string {
    const iv = randomBytes(16);
    const cipher = createCipheriv('sm4-cbc', this.encKey, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = createHmac('sm3', this.macKey).update(iv).update(ct).digest();
    return `v1.${Buffer.concat([iv, ct, tag]).toString('base64url')}`;
  }

  decrypt(stored: string): string {
    if (!stored.startsWith('v1.')) {
      throw new Error('unknown PII format');
    }
    const raw = Buffer.from(stored.slice(3), 'base64url');
    const iv = raw.subarray(0, 16);
    const tag = raw.subarray(raw.length - 32);
    const ct = raw.subarray(16, raw.length - 32);
    const expected = createHmac('sm3', this.macKey).update(iv).update(ct).digest();
    if (!timingSafeEqual(tag, expected)) {
      throw new Error('PII tag mismatch');
    }
    const decipher = createDecipheriv('sm4-cbc', this.encKey, iv);
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
  }

  /** Keyed hash of a normalised value, for "find by phone / ID number" without decrypting. */
  lookupHash(value: string): string {
    return createHmac('sm3', this.lookupKey).update(normalisePii(value)).digest('hex');
  }
}

export function normalisePii(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

/** 138****5678 */
export function maskPhone(phone: string): string {
  const p = normalisePii(phone);
  if (p.length < 7) {
    return '*'.repeat(p.length);
  }
  return `${p.slice(0, 3)}${'*'.repeat(p.length - 7)}${p.slice(-4)}`;
}

/** 330106********123X */
export function maskIdNumber(id: string): string {
  const p = normalisePii(id);
  if (p.length < 10) {
    return '*'.repeat(p.length);
  }
  return `${p.slice(0, 6)}${'*'.repeat(p.length - 10)}${p.slice(-4)}`;
}

/** Resident ID (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character. */
export function isValidIdNumber(id: string): boolean {
  const p = normalisePii(id);
  if (!/^\d{17}[\dX]$/.test(p)) {
    return false;
  }
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((acc, wi, i) => acc + wi * Number(p[i]), 0);
  return '10X98765432'[sum % 11] === p[17];
}

export function isValidPhone(phone: string): boolean {
  const p = normalisePii(phone);
  return /^1[3-9]\d{9}$/.test(p) || /^0\d{2,3}\d{7,8}$/.test(p);
}
