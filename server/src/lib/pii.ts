import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual, type Cipheriv } from 'node:crypto';
import { HmacSm3 } from './sm3.js';

/** IVs drawn from the CSPRNG this many at a time (one call per 256 values instead of one per value). */
const IV_POOL = 256 * 16;

/**
 * PII at rest: SM4-CBC with a random IV and an HMAC-SM3 tag (encrypt-then-MAC), plus a keyed
 * SM3 hash for exact-match lookup. The key lives outside the database (env or key file).
 * Encryption is CBC done here over one SM4-ECB cipher kept for the key (each block: XOR with the
 * previous one, encrypt), and the tag and lookup hash use HMAC-SM3 of lib/sm3.ts with the keyed
 * states computed once: the same bytes as `createCipheriv('sm4-cbc')` and `createHmac('sm3')`
 * (decryption still uses those), without setting up OpenSSL contexts per value, which cost a bulk
 * import ~0.3 ms per row.
 */
export class PiiCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;
  private readonly mac: HmacSm3;
  private readonly lookup: HmacSm3;
  private ecb: Cipheriv | undefined;
  private ivs = Buffer.alloc(0);
  private ivAt = 0;

  constructor(masterKeyHex: string) {
    const master = Buffer.from(masterKeyHex, 'hex');
    if (master.length !== 16) {
      throw new Error('PII key must be 16 bytes');
    }
    this.encKey = createHmac('sm3', master).update('kechuang/pii/enc').digest().subarray(0, 16);
    this.macKey = createHmac('sm3', master).update('kechuang/pii/mac').digest();
    this.mac = new HmacSm3(this.macKey);
    this.lookup = new HmacSm3(createHmac('sm3', master).update('kechuang/pii/lookup').digest());
  }

  encrypt(plain: string): string {
    if (this.ivAt + 16 > this.ivs.length) {
      this.ivs = randomBytes(IV_POOL);
      this.ivAt = 0;
    }
    const text = Buffer.from(plain, 'utf8');
    const pad = 16 - (text.length % 16);
    // iv, then the ciphertext (PKCS#7-padded plain text), then room for the tag
    const out = Buffer.alloc(16 + text.length + pad + 32, pad);
    this.ivs.copy(out, 0, this.ivAt, (this.ivAt += 16));
    text.copy(out, 16);
    this.ecb ??= createCipheriv('sm4-ecb', this.encKey, null).setAutoPadding(false);
    for (let at = 16; at < 16 + text.length + pad; at += 16) {
      for (let i = 0; i < 16; i++) {
        out[at + i] ^= out[at - 16 + i];
      }
      this.ecb.update(out.subarray(at, at + 16)).copy(out, at);
    }
    this.mac.digest(out.subarray(0, out.length - 32)).copy(out, out.length - 32);
    return `v1.${out.toString('base64url')}`;
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
    return this.lookup.digest(Buffer.from(normalisePii(value), 'utf8')).toString('hex');
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
