import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PiiCipher } from './pii.js';
import { HmacSm3, sm3 } from './sm3.js';

const MASTER = '00112233445566778899aabbccddeeff';

describe('SM3 and the PII cipher without per-value OpenSSL contexts', () => {
  it('when data of every length up to three blocks is hashed, then SM3 and HMAC-SM3 equal node:crypto', () => {
    expect(sm3(Buffer.from('abc')).toString('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    for (let len = 0; len <= 200; len++) {
      const data = randomBytes(len);
      const key = randomBytes(len % 80);
      expect(sm3(data).equals(createHash('sm3').update(data).digest())).toBe(true);
      expect(new HmacSm3(key).digest(data).equals(createHmac('sm3', key).update(data).digest())).toBe(true);
    }
  });

  it('when a value is encrypted, then it is SM4-CBC of OpenSSL under the same IV, its tag HMAC-SM3, and it decrypts', () => {
    const pii = new PiiCipher(MASTER);
    const master = Buffer.from(MASTER, 'hex');
    const encKey = createHmac('sm3', master).update('kechuang/pii/enc').digest().subarray(0, 16);
    const macKey = createHmac('sm3', master).update('kechuang/pii/mac').digest();
    const values = ['', '1', '13912345678', '330106199001011234', '0571-88888888', '张三的电话号码是一三九', 'x'.repeat(16), 'y'.repeat(47)];
    const ivs = new Set<string>();
    for (let round = 0; round < 300; round++) {
      for (const plain of values) {
        const stored = pii.encrypt(plain);
        const raw = Buffer.from(stored.slice(3), 'base64url');
        const iv = raw.subarray(0, 16);
        const cipher = createCipheriv('sm4-cbc', encKey, iv);
        const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
        expect(raw.subarray(16, raw.length - 32).equals(ct)).toBe(true);
        expect(raw.subarray(raw.length - 32).equals(createHmac('sm3', macKey).update(iv).update(ct).digest())).toBe(true);
        expect(pii.decrypt(stored)).toBe(plain);
        ivs.add(iv.toString('hex'));
      }
    }
    // every value its own IV, across refills of the IV pool
    expect(ivs.size).toBe(300 * values.length);
  });

  it('when a lookup hash is taken, then it is the HMAC-SM3 of the normalised value under the lookup key', () => {
    const lookupKey = createHmac('sm3', Buffer.from(MASTER, 'hex')).update('kechuang/pii/lookup').digest();
    expect(new PiiCipher(MASTER).lookupHash('139-1234 5678')).toBe(createHmac('sm3', lookupKey).update('13912345678').digest('hex'));
  });
});
