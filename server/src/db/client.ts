import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import postgres from 'postgres';
import * as schema from './schema/index.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Db | Tx;

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Runs raw SQL and returns rows, the same shape for both drivers. */
  rows<T = Record<string, unknown>>(query: SQL, executor?: Executor): Promise<T[]>;
}

/** The rows of a raw query's result, the same shape for both drivers (postgres.js: an array; PGlite: `.rows`). */
export function normaliseRows<T>(result: unknown): T[] {
  if (Array.isArray(result)) {
    return result as T[];
  }
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export interface OpenOptions {
  databaseUrl?: string;
  /** Directory of the PGlite data; undefined means in memory. */
  dataDir?: string;
  poolSize?: number;
  /** Start the embedded database from a dump (PGlite dumpDataDir), e.g. a seeded test template. */
  loadDataDir?: Blob;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const client = postgres(opts.databaseUrl, {
      max: opts.poolSize ?? 10,
      onnotice: () => undefined,
      connection: { application_name: 'kechuang' },
    });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: async () => {
        await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
      },
      close: async () => {
        await client.end({ timeout: 5 });
      },
      rows: async <T,>(query: SQL, executor?: Executor) => normaliseRows<T>(await (executor ?? db).execute(query)),
    };
  }
  let pgDir: string | undefined;
  if (opts.dataDir) {
    pgDir = join(resolve(opts.dataDir), 'pgdata');
    mkdirSync(pgDir, { recursive: true });
  }
  const client = await PGlite.create(pgDir, opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  const pglite = drizzlePglite(client, { schema });
  const db = pglite as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: async () => {
      await migratePglite(pglite, { migrationsFolder: MIGRATIONS_DIR });
    },
    close: async () => {
      await client.close();
    },
    rows: async <T,>(query: SQL, executor?: Executor) => normaliseRows<T>(await (executor ?? db).execute(query)),
  };
}

/** Number of migrations applied versus shipped; /readyz is ready only when they match. */
export async function migrationStatus(database: Database): Promise<{ applied: number; expected: number }> {
  const { readFileSync } = await import('node:fs');
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  const rows = await database.rows<{ n: number | string }>(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return { applied: Number(rows[0]?.n ?? 0), expected: journal.entries.length };
}
