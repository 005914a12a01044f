import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createTestApp, loginAs, TEST_PASSWORD, type Session, type TestApp } from '../test/harness.js';

let t: TestApp;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t.app, 'officer');
}, 120_000);
afterAll(async () => t?.close());

type Fields = { error: { code: string; message: string; details: { fields: { field: string; message: string }[] } } };

describe('strict input', () => {
  it('when a body carries a key its schema does not know, then 400 naming the key (not silently dropped)', async () => {
    const res = await officer.request('POST', '/api/auth/tokens', { name: '对接', admin: true });
    expect(res.statusCode).toBe(400);
    const e = res.json<Fields>().error;
    expect(e.code).toBe('validation_failed');
    expect(e.details.fields.map((f) => f.message).join()).toMatch(/未知字段.*admin/);
  });

  it('when a nested object carries an unknown key, then 400 too', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/rules/tech-sme/evaluate',
      payload: {
        registeredInChina: true, employees: 80, stEmployees: 20, salesRevenue: 30000000, totalAssets: 50000000,
        rdExpenses: 1500000, totalCostExpenses: 25000000, ip: { classI: 0, classII: 2, classIII: 9 },
        restrictedIndustry: false, majorIncident: false, seriousDishonesty: false,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toMatch(/classIII/);
  });

  it.each(['0x10', '1e3', '0b11', 'Infinity', '+7', ' 7'])('when an id in the path is written %j, then 400', async (id) => {
    const res = await officer.request('GET', `/api/enterprises/${encodeURIComponent(id)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json<Fields>().error.details.fields[0].message).toMatch(/十进制/);
  });

  it('when a number in the query is written in hex, then 400; in decimal, then it is taken', async () => {
    expect((await officer.request('GET', '/api/enterprises?limit=0x10')).statusCode).toBe(400);
    expect((await officer.request('GET', '/api/enterprises?limit=10')).statusCode).toBe(200);
  });

  it.each([
    ['a zero-width space', '研发\u200b对接'],
    ['a right-to-left override', '对接\u202egpj.exe'],
    ['a byte-order mark', '\ufeff对接'],
  ])('when a name holds %s, then 400 on that field', async (_what, name) => {
    const res = await officer.request('POST', '/api/auth/tokens', { name });
    expect(res.statusCode).toBe(400);
    const f = res.json<Fields>().error.details.fields[0];
    expect(f).toMatchObject({ field: 'name' });
    expect(f.message).toMatch(/不可见字符/);
  });
});

describe('requests Node refuses', () => {
  it('when the URL holds raw UTF-8, then 400 with our JSON envelope', async () => {
    const app = await buildApp(t.deps);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const port = (app.server.address() as net.AddressInfo).port;
      const raw = await new Promise<string>((resolve, reject) => {
        const s = net.connect(port, '127.0.0.1');
        let out = '';
        s.on('data', (d) => (out += d.toString('utf8')));
        s.on('close', () => resolve(out));
        s.on('error', reject);
        s.write(Buffer.from('GET /api/企业 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'utf8'));
      });
      expect(raw).toMatch(/^HTTP\/1\.1 400/);
      const payload = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as Fields;
      expect(payload.error.code).toBe('validation_failed');
      expect(payload.error.message).toMatch(/URL 编码/);
    } finally {
      await app.close();
    }
  });
});

describe('rate limits shared by processes', () => {
  it.runIf(!!process.env.TEST_DATABASE_URL)('when two app processes share the PostgreSQL server, then one login limit counts the requests of both', async () => {
    const deps = { ...t.deps, settings: { ...t.deps.settings, loginRatePerMinute: 3 } };
    const [a, b] = [await buildApp(deps), await buildApp(deps)];
    try {
      const login = (app: typeof a) =>
        app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'officer', password: TEST_PASSWORD }, remoteAddress: '10.9.8.7' });
      const codes = [await login(a), await login(b), await login(a), await login(b)].map((r) => r.statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
