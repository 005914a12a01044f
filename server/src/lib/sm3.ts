/**
 * SM3 (GB/T 32905-2016) and HMAC-SM3 in JavaScript, for the many short values of a bulk import:
 * OpenSSL's `createHmac('sm3', …)` costs tens of microseconds per call in setting up its context,
 * while a short value is one or two compressions here. The keyed state (the key's inner and outer
 * blocks) is compressed once per key. Checked against node:crypto in sm3.test.ts.
 */

const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];
const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));
const T = Array.from({ length: 64 }, (_, j) => rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j % 32));
const W = new Int32Array(68);

/** One compression of the 64-byte block at `at` into the state `v`. */
function compress(v: Int32Array, block: Uint8Array, at: number): void {
  for (let j = 0; j < 16; j++) {
    const p = at + j * 4;
    W[j] = (block[p] << 24) | (block[p + 1] << 16) | (block[p + 2] << 8) | block[p + 3];
  }
  for (let j = 16; j < 68; j++) {
    const x = W[j - 16] ^ W[j - 9] ^ rotl(W[j - 3], 15);
    W[j] = x ^ rotl(x, 15) ^ rotl(x, 23) ^ rotl(W[j - 13], 7) ^ W[j - 6];
  }
  let a = v[0], b = v[1], c = v[2], d = v[3], e = v[4], f = v[5], g = v[6], h = v[7];
  for (let j = 0; j < 64; j++) {
    const a12 = rotl(a, 12);
    const ss1 = rotl((a12 + e + T[j]) | 0, 7);
    const ss2 = ss1 ^ a12;
    const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
    const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
    const tt1 = (ff + d + ss2 + (W[j] ^ W[j + 4])) | 0;
    const tt2 = (gg + h + ss1 + W[j]) | 0;
    d = c;
    c = rotl(b, 9);
    b = a;
    a = tt1;
    h = g;
    g = rotl(f, 19);
    f = e;
    e = tt2 ^ rotl(tt2, 9) ^ rotl(tt2, 17);
  }
  v[0] ^= a; v[1] ^= b; v[2] ^= c; v[3] ^= d; v[4] ^= e; v[5] ^= f; v[6] ^= g; v[7] ^= h;
}

/** The digest of `data`, continuing from `state` after `before` bytes already compressed (a keyed prefix). */
function finish(state: Int32Array, before: number, data: Uint8Array): Buffer {
  const v = Int32Array.from(state);
  const whole = data.length - (data.length % 64);
  for (let at = 0; at < whole; at += 64) {
    compress(v, data, at);
  }
  const rest = data.length - whole;
  const tail = new Uint8Array(rest < 56 ? 64 : 128);
  tail.set(data.subarray(whole));
  tail[rest] = 0x80;
  const bits = (before + data.length) * 8;
  const view = new DataView(tail.buffer);
  view.setUint32(tail.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(tail.length - 4, bits >>> 0);
  for (let at = 0; at < tail.length; at += 64) {
    compress(v, tail, at);
  }
  const out = Buffer.allocUnsafe(32);
  for (let i = 0; i < 8; i++) {
    out.writeInt32BE(v[i], i * 4);
  }
  return out;
}

export const sm3 = (data: Uint8Array): Buffer => finish(Int32Array.from(IV), 0, data);

/** HMAC-SM3 under one key (RFC 2104 with SM3's 64-byte block). */
export class HmacSm3 {
  private readonly inner = Int32Array.from(IV);
  private readonly outer = Int32Array.from(IV);

  constructor(key: Uint8Array) {
    const k = new Uint8Array(64);
    k.set(key.length > 64 ? sm3(key) : key);
    compress(this.inner, k.map((x) => x ^ 0x36), 0);
    compress(this.outer, k.map((x) => x ^ 0x5c), 0);
  }

  digest(data: Uint8Array): Buffer {
    return finish(this.outer, 64, finish(this.inner, 64, data));
  }
}
