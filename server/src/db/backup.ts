import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * Backup and restore of the embedded database: a gzip'd tar of the PGlite data directory.
 * The server must be stopped (PGlite is single-process). Server mode uses pg_dump/pg_restore
 * (docs/OPERATIONS.md).
 */
export async function backupPglite(dataDir: string, outFile: string): Promise<number> {
  const pgDir = join(resolve(dataDir), 'pgdata');
  if (!existsSync(pgDir)) {
    throw new Error(`no embedded database at ${pgDir}`);
  }
  const pg = await PGlite.create(pgDir);
  try {
    const blob = await pg.dumpDataDir('gzip');
    const bytes = Buffer.from(await blob.arrayBuffer());
    writeFileSync(outFile, bytes);
    return bytes.length;
  } finally {
    await pg.close();
  }
}

export async function restorePglite(inFile: string, dataDir: string): Promise<void> {
  const pgDir = join(resolve(dataDir), 'pgdata');
  if (existsSync(pgDir) && readdirSync(pgDir).length > 0) {
    throw new Error(`${pgDir} is not empty: restore into a new DATA_DIR`);
  }
  mkdirSync(pgDir, { recursive: true });
  const pg = await PGlite.create(pgDir, { loadDataDir: new Blob([readFileSync(inFile)]) });
  await pg.query('select 1');
  await pg.close();
}

/** Row counts of every table in the public schema, to compare a restore with its source. */
export async function tableCounts(pg: PGlite): Promise<Record<string, number>> {
  const tables = await pg.query<{ tablename: string }>(`select tablename from pg_tables where schemaname = 'public' order by tablename`);
  const out: Record<string, number> = {};
  for (const { tablename } of tables.rows) {
    const r = await pg.query<{ n: number }>(`select count(*)::int as n from "${tablename}"`);
    out[tablename] = r.rows[0].n;
  }
  return out;
}
