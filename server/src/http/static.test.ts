import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE, registerWebApp } from './static.js';

let dir: string;
let app: FastifyInstance;
const script = Buffer.from(`console.log(${JSON.stringify('科创'.repeat(2000))});`);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kc-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="/assets/index-AbC123.js"></script>');
  writeFileSync(join(dir, 'assets', 'index-AbC123.js'), script);
  writeFileSync(join(dir, 'assets', 'index-AbC123.js.br'), brotliCompressSync(script));
  writeFileSync(join(dir, 'assets', 'index-AbC123.js.gz'), gzipSync(script));
  app = Fastify();
  await registerWebApp(app, dir);
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) => app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('the built SPA', () => {
  it('when the browser accepts brotli, then a hashed script is sent as the brotli copy, cached as immutable', async () => {
    const res = await get('/assets/index-AbC123.js', 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(script.length / 10);
    expect(res.rawPayload.equals(brotliCompressSync(script))).toBe(true);
  });

  it('when it accepts only gzip, then the gzip copy; when nothing, then the file itself', async () => {
    const gz = await get('/assets/index-AbC123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await get('/assets/index-AbC123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(script)).toBe(true);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('when a client-side route is opened, then the shell, revalidated on every visit', async () => {
    const res = await get('/vouchers/holders', 'br');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('index-AbC123.js');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('when a missing asset or API path is asked for, then 404, not the shell', async () => {
    expect((await get('/assets/index-Old999.js', 'br')).statusCode).toBe(404);
    expect((await get('/api/nothing-here')).statusCode).toBe(404);
  });
});
