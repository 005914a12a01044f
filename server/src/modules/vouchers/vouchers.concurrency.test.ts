import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { openDatabase, type Database } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import { seedDemo } from '../../db/seed/demo.js';
import type { Deps } from '../../deps.js';
import { PiiCipher } from '../../lib/pii.js';
import { loginAs, TEST_PASSWORD, TEST_PII_KEY, type Session } from '../../test/harness.js';
import { checkLedger } from './ledger.repo.js';

/**
 * QUALITY.md "no over-spend" and "idempotency": two app instances (two buildApp on two database
 * connections) share one PostgreSQL database. PGlite is one in-process connection, so there is no
 * concurrency to test there: this file runs in the PostgreSQL pass (TEST_DATABASE_URL) only.
 */
const url = process.env.TEST_DATABASE_URL;
const CLIENTS = 64;
const PER_CLIENT = 2;
const BALANCE = 6_400;
const AMOUNT = (2 * BALANCE) / (CLIENTS * PER_CLIENT); // 2× oversubscribed

describe.skipIf(!url)('vouchers under concurrency on PostgreSQL (skipped on PGlite: single connection, nothing concurrent to test)', () => {
  const name = `kc_test_${randomBytes(6).toString('hex')}`;
  const databases: Database[] = [];
  const apps: FastifyInstance[] = [];
  let officer: Session;
  let holder: [Session, Session];
  let policyId: number, holderId: number, providerId: number, serviceId: number;

  beforeAll(async () => {
    const admin = postgres(url!, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const u = new URL(url!);
    u.pathname = `/${name}`;
    const pii = new PiiCipher(TEST_PII_KEY);
    for (let i = 0; i < 2; i++) {
      const database = await openDatabase({
        databaseUrl: u.toString(),
        poolSize: 20,
      });
      if (i === 0) {
        await database.migrate();
        await seedDemo({ db: database.db, pii, password: TEST_PASSWORD });
      }
      const deps: Deps = {
        database,
        pii,
        settings: {
          sessionIdleMs: 30 * 60_000,
          sessionAbsoluteMs: 12 * 3_600_000,
          cookieSecure: false,
          trustProxy: false,
          webDist: null,
          logLevel: 'silent',
        },
      };
      const app = await buildApp(deps);
      await app.ready();
      databases.push(database);
      apps.push(app);
    }
    officer = await loginAs(apps[0], 'officer');
    const enterpriseUser = await loginAs(apps[0], 'enterprise');
    // The same session used through either instance: the session lives in the shared database.
    holder = [
      enterpriseUser,
      {
        ...enterpriseUser,
        request: (m, path, payload, headers = {}) =>
          apps[1].inject({
            method: m,
            url: path,
            headers: {
              cookie: enterpriseUser.cookie,
              'x-csrf-token': enterpriseUser.csrf,
              ...headers,
            },
            ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
          }),
      },
    ];
    const db = databases[0].db;
    const [entOrg] = await db.select().from(organizations).where(eq(organizations.kind, 'enterprise'));
    const [provOrg] = await db.select().from(organizations).where(eq(organizations.kind, 'provider'));
    policyId = (
      await officer.request('POST', '/api/vouchers/policies', {
        year: 2099,
        name: '并发测试政策',
        budget: 1_000_000,
        validUntil: '2099-12-31',
      })
    ).json<{ id: number }>().id;
    const h = await officer.request('POST', '/api/vouchers/holders', {
      kind: 'enterprise',
      enterpriseId: entOrg.enterpriseId,
    });
    holderId =
      h.statusCode === 201
        ? h.json<{ id: number }>().id
        : (await officer.request('GET', '/api/vouchers/holders?limit=1&q=' + encodeURIComponent('西溪'))).json<{ items: { id: number }[] }>().items[0].id;
    const existing = await officer.request('GET', '/api/vouchers/providers?limit=500');
    const mine = existing.json<{ items: { id: number; organizationId: number | null }[] }>().items.find((p) => p.organizationId === provOrg.id);
    providerId = mine
      ? mine.id
      : (
          await officer.request('POST', '/api/vouchers/providers', {
            name: '并发测试服务机构',
            districtId: provOrg.districtId,
            categories: ['testing'],
            organizationId: provOrg.id,
          })
        ).json<{ id: number }>().id;
    // a holder books from the provider's catalogue
    serviceId = (await officer.request('POST', `/api/vouchers/providers/${providerId}/services`, { category: 'testing', name: '并发测试检测服务', price: 1_000 })).json<{ id: number }>().id;
    expect(
      (
        await officer.request('POST', '/api/vouchers/issuances', {
          policyId,
          holderId,
          amount: BALANCE,
        })
      ).statusCode,
    ).toBe(201);
  });

  afterAll(async () => {
    for (const app of apps) {
      await app.close();
    }
    for (const d of databases) {
      await d.close();
    }
    const admin = postgres(url!, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  const body = (amount = AMOUNT) => ({
    holderId,
    policyId,
    providerId,
    serviceCategory: 'testing',
    serviceId,
    serviceStart: '2099-01-04',
    serviceEnd: '2099-01-08',
    contractAmount: amount * 2,
    amount,
  });
  const balance = async () =>
    (await officer.request('GET', `/api/vouchers/holders/${holderId}/balance?policyId=${policyId}`)).json<{ available: number; frozen: number; issued: number }>();

  it(`when ${CLIENTS} clients on two app instances oversubscribe one holder 2×, then exactly the balance is frozen, nothing is negative and the ledger balances`, async () => {
    const before = await balance();
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let i = 0; i < PER_CLIENT; i++) {
          const r = await holder[(c + i) % 2].request('POST', '/api/vouchers/bookings', body(), { 'idempotency-key': `c${c}-${i}` });
          statuses.push(r.statusCode);
          if (r.statusCode === 409) {
            expect(r.json().error.code).toBe('insufficient_balance');
          }
        }
      }),
    );
    const after = await balance();
    expect(statuses.filter((s) => s === 201)).toHaveLength(BALANCE / AMOUNT);
    expect(statuses.filter((s) => s === 409)).toHaveLength(CLIENTS * PER_CLIENT - BALANCE / AMOUNT);
    expect(after.frozen - before.frozen).toBe(BALANCE);
    const [rows] = await databases[0].rows<{ n: number }>(sql`select count(*)::int as n from voucher_bookings where holder_id = ${holderId} and policy_id = ${policyId}`);
    expect(rows.n).toBe(BALANCE / AMOUNT);
    expect(after.available).toBe(0);
    expect(await checkLedger(databases[1])).toEqual({
      unbalancedMovements: 0,
      driftedAccounts: 0,
      negativeAccounts: 0,
      holderMismatches: 0,
      overBudgetPolicies: 0,
      totalFen: 0,
    });
  });

  it('when 20 identical requests with one Idempotency-Key arrive in parallel on both instances, then there is one effect and 20 identical answers', async () => {
    // Make room: cancel one booking so there is balance for exactly this test.
    const list = (await officer.request('GET', `/api/vouchers/bookings?holderId=${holderId}&status=booked&limit=1`)).json<{ items: { id: number; amount: number }[] }>();
    expect((await officer.request('POST', `/api/vouchers/bookings/${list.items[0].id}/cancel`)).statusCode).toBe(200);
    const count = async () => Number((await databases[0].rows<{ n: number }>(sql`select count(*)::int as n from voucher_bookings where holder_id = ${holderId}`))[0].n);
    const n0 = await count();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        holder[i % 2].request('POST', '/api/vouchers/bookings', body(10), {
          'idempotency-key': 'same-key-20x',
        }),
      ),
    );
    expect(await count()).toBe(n0 + 1);
    expect(new Set(answers.map((a) => a.statusCode))).toEqual(new Set([201]));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    const other = await holder[1].request('POST', '/api/vouchers/bookings', body(20), { 'idempotency-key': 'same-key-20x' });
    expect(other.statusCode).toBe(422);
    expect(await checkLedger(databases[0])).toMatchObject({
      unbalancedMovements: 0,
      driftedAccounts: 0,
      negativeAccounts: 0,
      holderMismatches: 0,
    });
  });
});
