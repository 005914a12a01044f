// Vitest global setup of the server project: migrates and seeds ONE template database per run;
// every test file then starts from a copy (PGlite: a data-dir dump; PostgreSQL: CREATE DATABASE …
// TEMPLATE), instead of migrating and seeding its own.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.js';
import { seedDemo } from '../db/seed/demo.js';
import { PiiCipher } from '../lib/pii.js';
import { TEST_PASSWORD, TEST_PII_KEY } from './constants.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite mode: path of the seeded data-dir dump. */
    pgliteTemplate: string;
    /** Server mode: name of the seeded template database. */
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  const pii = new PiiCipher(TEST_PII_KEY);
  if (!url) {
    const database = await openDatabase({});
    await database.migrate();
    await seedDemo({ db: database.db, pii, password: TEST_PASSWORD });
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('none');
    await database.close();
    const dir = mkdtempSync(join(tmpdir(), 'kc-template-'));
    const file = join(dir, 'template.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('pgliteTemplate', file);
    project.provide('pgTemplate', '');
    return async () => rmSync(dir, { recursive: true, force: true });
  }
  const name = `kc_tpl_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 2 });
  await database.migrate();
  await seedDemo({ db: database.db, pii, password: TEST_PASSWORD });
  await database.close();
  project.provide('pgliteTemplate', '');
  project.provide('pgTemplate', name);
  return async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}
