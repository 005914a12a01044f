import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import postgres from 'postgres';
import { buildApp } from '../app.js';
import { openDatabase, type Database } from '../db/client.js';
import type { Deps } from '../deps.js';
import { PiiCipher } from '../lib/pii.js';
import { pinBusinessClock } from '../modules/system/business-clock.js';

import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { TEST_PASSWORD, TEST_PII_KEY } from './constants.js';

export { TEST_PASSWORD, TEST_PII_KEY };

/**
 * A fresh database per test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (created here, dropped on close). With
 * `seeded`, it is a copy of the run's seeded template (server/src/test/template.ts). The
 * business clock is pinned as main.ts pins it (the demo data's business date when seeded, else
 * the machine's clock); a test moves it with setBusinessClock (lib/clock.ts).
 */
export async function openTestDatabase(opts: { seeded?: boolean } = {}): Promise<Database> {
  const db = await openFreshDatabase(opts);
  // the business clock of the data, as main.ts pins it: the seeded copy runs at the demo's business date
  await pinBusinessClock(db.db);
  return db;
}

async function openFreshDatabase(opts: { seeded?: boolean }): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    if (opts.seeded) {
      const dump = readFileSync(inject('pgliteTemplate'));
      return openDatabase({ loadDataDir: new Blob([dump]) });
    }
    const db = await openDatabase({});
    await db.migrate();
    return db;
  }
  const name = `kc_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  await admin.unsafe(opts.seeded ? `create database ${name} template ${inject('pgTemplate')}` : `create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: u.toString(), poolSize: 8 });
  if (!opts.seeded) {
    await db.migrate();
  }
  const close = db.close.bind(db);
  db.close = async () => {
    await close();
    const a = postgres(url, { max: 1, onnotice: () => undefined });
    await a.unsafe(`drop database if exists ${name} with (force)`);
    await a.end();
  };
  return db;
}

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Partial<Deps['settings']> = {}): Promise<TestApp> {
  const database = await openTestDatabase({ seeded: true });
  const pii = new PiiCipher(TEST_PII_KEY);
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
      loginRatePerMinute: 100_000,
      ...overrides,
    },
  };
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    deps,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  userId: number;
  request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** Logs a demo account in and returns a client that sends its cookie and CSRF token. */
export async function loginAs(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) {
    throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  }
  const cookie = res.cookies.find((c) => c.name === 'kc_session');
  if (!cookie) {
    throw new Error('no session cookie');
  }
  const body = res.json<{ csrfToken: string; user: { id: number } }>();
  const session: Session = {
    cookie: `kc_session=${cookie.value}`,
    csrf: body.csrfToken,
    userId: body.user.id,
    request: (method, url, payload, headers = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...headers },
        ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
      }),
  };
  return session;
}
