/**
 * Deterministic bench data: migrations, the demo seed (accounts, districts, orgs), then bulk rows
 * by COPY. Same --seed, same rows (PII ciphertexts differ: random IVs; the plaintexts do not).
 *
 *   npm run bench:generate -- --tier S --url postgres://postgres@127.0.0.1:5432/kc_bench_s --reset
 *   npm run bench:generate -- --tier M --url postgres://postgres@127.0.0.1:5432/kc_bench --reset
 *   npm run bench:generate -- --tier S --pglite ./data-bench-s          (embedded, tier S)
 */
import { performance } from 'node:perf_hooks';
import { getTableName } from 'drizzle-orm';
import postgres from 'postgres';
import type { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../server/src/db/client.js';
import { isEmpty, seedDemo } from '../server/src/db/seed/demo.js';
import { PiiCipher } from '../server/src/lib/pii.js';
import { createRandom } from '../server/src/lib/random.js';
import { BULK_TABLES } from './tables/index.js';
import type { GenContext } from './tables/types.js';
import { genTiming, pgliteSink, postgresSink, type CopySink } from './lib/copy.js';
import { BENCH_DEFAULT_URL, BENCH_PASSWORD, BENCH_PII_KEY, ensureDatabase, fmt, parseArgs, TIERS, type Tier } from './lib/common.js';

interface Raw {
  exec(sql: string): Promise<void>;
  query<T>(sql: string): Promise<T[]>;
  sink: CopySink;
  close(): Promise<void>;
}

const args = parseArgs({
  tier: 'S',
  url: '',
  pglite: '',
  reset: false,
  enterprises: '',
  seed: '20260101',
  'defer-indexes': true,
});

const log = (msg: string) => console.log(`[generate] ${msg}`);
const secs = (t0: number) => (performance.now() - t0) / 1000;

async function main(): Promise<void> {
  const tier = args.tier.toUpperCase() as Tier;
  if (!(tier in TIERS)) {
    throw new Error(`--tier must be one of ${Object.keys(TIERS).join(', ')}`);
  }
  const url = args.pglite ? '' : args.url || process.env.BENCH_DATABASE_URL || BENCH_DEFAULT_URL;
  if (args.pglite && tier !== 'S') {
    log(`warning: tier ${tier} in PGlite is outside QUALITY.md (PGlite is for tier S)`);
  }
  const started = performance.now();
  if (url) {
    await ensureDatabase(url, args.reset);
  } else if (args.reset) {
    const { rmSync } = await import('node:fs');
    rmSync(args.pglite, { recursive: true, force: true });
  }
  const target = url ? url.replace(/\/\/[^@/]*@/, '//') : `PGlite ${args.pglite}`;
  log(`tier ${tier} → ${target}`);

  const database = await openDatabase(url ? { databaseUrl: url, poolSize: 2 } : { dataDir: args.pglite });
  let t0 = performance.now();
  await database.migrate();
  log(`migrations ${secs(t0).toFixed(1)} s`);
  const pii = new PiiCipher(BENCH_PII_KEY);
  if (await isEmpty(database.db)) {
    t0 = performance.now();
    const r = await seedDemo({ db: database.db, pii, password: BENCH_PASSWORD });
    log(`demo seed: ${r.enterprises} enterprises, ${r.users} accounts (password from BENCH_PASSWORD) in ${secs(t0).toFixed(1)} s`);
  }

  let raw: Raw;
  if (url) {
    const sql = postgres(url, { max: 1, onnotice: () => undefined });
    raw = {
      exec: async (q) => void (await sql.unsafe(q)),
      query: async <T,>(q: string) => (await sql.unsafe(q)) as unknown as T[],
      sink: postgresSink(sql),
      close: () => sql.end(),
    };
    await raw.exec(`set synchronous_commit = off; set maintenance_work_mem = '512MB'`);
  } else {
    const pg = (database.db as unknown as { $client: PGlite }).$client;
    raw = {
      exec: async (q) => void (await pg.exec(q)),
      query: async <T,>(q: string) => (await pg.query<T>(q)).rows,
      sink: pgliteSink(pg),
      close: async () => undefined,
    };
  }

  const districtRows = await raw.query<{ id: number; code: string }>('select id, code from districts');
  const ctx: GenContext = {
    tier,
    rnd: createRandom(Number(args.seed)),
    pii,
    districtIds: new Map(districtRows.map((d) => [d.code, Number(d.id)])),
    ranges: {},
  };
  const summary: string[] = [];
  for (const bulk of BULK_TABLES) {
    const table = getTableName(bulk.table);
    const [{ n: existing }] = await raw.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    const n = bulk.count(tier, Number(existing), args.enterprises && bulk.name === 'enterprises' ? Number(args.enterprises) : undefined);
    if (Number(existing) > 1000 && n > 0 && !args.reset) {
      throw new Error(`${table} already holds ${existing} rows; pass --reset to rebuild the bench database`);
    }
    if (n === 0) {
      log(`${bulk.name}: already at ${existing} rows, nothing to add`);
      continue;
    }
    // Secondary indexes are cheaper to build once than to maintain row by row.
    const deferred = args['defer-indexes']
      ? await raw.query<{ name: string; def: string }>(
          `select i.relname as name, pg_get_indexdef(i.oid) as def
             from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
            where t.relname = '${table}' and t.relnamespace = 'public'::regnamespace
              and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`,
        )
      : [];
    for (const ix of deferred) {
      await raw.exec(`drop index "${ix.name}"`);
    }
    const [{ m: before }] = await raw.query<{ m: number }>(`select coalesce(max(id), 0)::bigint as m from ${table}`);
    log(`${bulk.name}: generating ${fmt(n)} rows (${existing} present)…`);
    t0 = performance.now();
    genTiming.ms = 0;
    let done = 0;
    let nextReport = 100_000;
    await raw.sink.copy(bulk.table, bulk.rows(ctx, n) as Iterable<Record<string, unknown>>, (k) => {
      done += k;
      if (done >= nextReport) {
        log(`  ${fmt(done)} rows, ${fmt(done / secs(t0))} rows/s`);
        nextReport += 100_000;
      }
    });
    const copySecs = secs(t0);
    const [{ m: after }] = await raw.query<{ m: number }>(`select coalesce(max(id), 0)::bigint as m from ${table}`);
    const range: [number, number] = [Number(before) + 1, Number(after)];
    ctx.ranges[bulk.name] = range;
    log(`${bulk.name}: COPY ${fmt(done)} rows in ${copySecs.toFixed(1)} s = ${fmt(done / copySecs)} rows/s end to end`);
    log(`  JS spent ${(genTiming.ms / 1000).toFixed(1)} s of that producing rows (generation, SM4/SM3 PII encryption, COPY encoding) ` +
        `= ${fmt(done / (genTiming.ms / 1000))} rows/s; the rest is waiting on the database`);
    summary.push(`${bulk.name} COPY: ${fmt(done)} rows, ${fmt(done / copySecs)} rows/s`);
    t0 = performance.now();
    for (const ix of deferred) {
      await raw.exec(ix.def);
    }
    if (deferred.length) {
      log(`${bulk.name}: rebuilt ${deferred.length} secondary indexes in ${secs(t0).toFixed(1)} s`);
    }
    for (const step of bulk.after?.(ctx, range) ?? []) {
      t0 = performance.now();
      await raw.exec(step.sql);
      log(`${bulk.name}: ${step.label} in ${secs(t0).toFixed(1)} s`);
    }
  }
  t0 = performance.now();
  await raw.exec('vacuum analyze');
  log(`vacuum analyze ${secs(t0).toFixed(1)} s`);
  const counts = await raw.query<{ t: string; n: number }>(
    `select 'enterprises' as t, count(*)::int as n from enterprises union all select 'timeline_events', count(*)::int from timeline_events`,
  );
  const size = url ? (await raw.query<{ s: string }>('select pg_size_pretty(pg_database_size(current_database())) as s'))[0].s : '';
  await raw.close();
  await database.close();
  log(`done in ${secs(started).toFixed(1)} s: ${counts.map((c) => `${c.t} ${fmt(Number(c.n))}`).join(', ')}${size ? `, database ${size}` : ''}`);
  for (const s of summary) {
    log(s);
  }
}

main().catch((err: unknown) => {
  console.error('[generate] failed:', err instanceof Error ? err.stack : err);
  process.exit(1);
});
