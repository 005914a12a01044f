/**
 * Registry import throughput (issue 14: ≥ 10,000 rows/s on the embedded database, ≥ 50,000 rows/s
 * on the PostgreSQL server): a template-shaped .xlsx of N new enterprises goes through the real
 * import (streamed read, validation, batched writes of enterprise + timeline event + audit row, one
 * transaction), timed per phase, against bare writes of the same enterprise rows (already encrypted)
 * in the same run: the ORM's multi-row INSERT, one `INSERT … SELECT FROM unnest(…)` per batch, and
 * COPY (FROM STDIN on PostgreSQL, FROM '/dev/blob' on PGlite). The streamed read of the file alone
 * and the event loop's longest stall during the import are reported too.
 *
 *   npx tsx bench/imports/run.ts [--rows 50000] [--target embedded|postgres|both] [--url postgres://postgres@127.0.0.1:5432/kc_bench_imports]
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import type { PGlite } from '@electric-sql/pglite';
import { getTableColumns, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type postgres from 'postgres';
import { bulkInsert } from '../../server/src/db/bulk.js';
import { openDatabase, type Database } from '../../server/src/db/client.js';
import { enterprises } from '../../server/src/db/schema/index.js';
import { seedDemo } from '../../server/src/db/seed/demo.js';
import { PiiCipher } from '../../server/src/lib/pii.js';
import { usccCheckChar } from '../../server/src/lib/uscc.js';
import { COLUMNS } from '../../server/src/modules/enterprises/enterprises.excel.js';
import { importEnterprises, WRITE_BATCH } from '../../server/src/modules/enterprises/enterprises.import.js';
import type { NewEnterpriseRow } from '../../server/src/modules/enterprises/enterprises.repo.js';
import { readXlsxRows } from '../../server/src/lib/xlsx.stream.js';
import { toRow } from '../../server/src/modules/enterprises/enterprises.service.js';
import { actorFor, ctxOf } from '../../server/src/modules/vouchers/vouchers.fixtures.js';
import { BENCH_PASSWORD, BENCH_PII_KEY, ensureDatabase, fmt, parseArgs } from '../lib/common.js';

const args = parseArgs({ rows: '50000', target: 'both', url: '' });
const N = Number(args.rows);
const url = args.url || process.env.BENCH_IMPORTS_URL || 'postgres://postgres@127.0.0.1:5432/kc_bench_imports';
const log = (m: string) => console.log(`[imports] ${m}`);
const pii = new PiiCipher(BENCH_PII_KEY);

/** A valid credit code per serial, in a range the demo data does not use. */
function uscc(serial: number, region = '330106'): string {
  const body = `91${region}M${String(serial).padStart(8, '0')}`;
  return body + usccCheckChar(body);
}

interface Fields {
  uscc: string;
  name: string;
  district: string;
  registeredOn: string;
  industry: string;
  size: string;
  registeredCapital: number;
  employees: number;
  legalRepName: string;
  legalRepPhone: string;
  contactName: string;
}
const fieldsOf = (i: number, offset: number): Fields => ({
  uscc: uscc(offset + i),
  name: `杭州压测导入${offset + i}号科技有限公司`,
  district: i % 2 ? '西湖区' : '滨江区',
  registeredOn: `2015-${String((i % 12) + 1).padStart(2, '0')}-01`,
  industry: '电子信息',
  size: '小型',
  registeredCapital: 1_000_000 + i,
  employees: 10 + (i % 90),
  legalRepName: '张三',
  legalRepPhone: `139${String(i).padStart(8, '0')}`,
  contactName: '李四',
});

/** The import template's columns and N rows, written by the streaming writer. */
async function workbook(offset: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const ws = wb.addWorksheet('企业名单');
  ws.addRow(COLUMNS.map((c) => c.title)).commit();
  for (let i = 0; i < N; i++) {
    const f = fieldsOf(i, offset) as unknown as Record<string, string | number>;
    ws.addRow(COLUMNS.map((c) => (c.field === 'registeredOn' ? new Date(`${f.registeredOn}T00:00:00Z`) : (f[c.field] ?? null)))).commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

async function importRun(database: Database, offset: number) {
  const ctx = ctxOf(await actorFor(database.db, 'officer'));
  const file = await workbook(offset);
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  let writeStart = 0;
  stalls.enable();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const r = await importEnterprises({
    database,
    ctx,
    pii,
    buffer: file,
    filename: 'bench.xlsx',
    control: {
      progress: (p) => {
        if (p >= 55 && !writeStart) {
          writeStart = performance.now();
        }
      },
    },
  });
  const total = performance.now() - started;
  const used = process.cpuUsage(cpu);
  stalls.disable();
  if (r.imported !== N) {
    throw new Error(`imported ${r.imported} of ${N}`);
  }
  return { fileMB: file.length / 1e6, totalMs: total, readMs: (writeStart || performance.now()) - started, writeMs: writeStart ? performance.now() - writeStart : 0, maxStallMs: stalls.max / 1e6, cpuMs: (used.user + used.system) / 1000 };
}

/** The enterprise rows of the file, as the import writes them (encrypted, hashed): built before any baseline's clock starts. */
async function preparedRows(database: Database, offset: number): Promise<NewEnterpriseRow[]> {
  const districts = await database.rows<{ id: number; name: string }>(sql`select id, name from districts`);
  const ids = new Map(districts.map((d) => [d.name, Number(d.id)]));
  return Array.from({ length: N }, (_, i) => {
    const { district, size: _s, ...f } = fieldsOf(i, offset);
    return toRow({ ...f, industry: '电子信息', size: 'small', districtId: ids.get(district)! }, pii);
  });
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** The ORM's multi-row INSERT of 1,000 rows per statement (what the import did before), one transaction. */
const ormInsert = (database: Database, rows: NewEnterpriseRow[]) =>
  timed(() =>
    database.db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += 1000) {
        await tx.insert(enterprises).values(rows.slice(i, i + 1000));
      }
    }),
  );

/** One `INSERT … SELECT FROM unnest(…)` per WRITE_BATCH rows (one parameter per column), one transaction. */
const unnestInsert = (database: Database, rows: NewEnterpriseRow[]) =>
  timed(() =>
    database.db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += WRITE_BATCH) {
        await bulkInsert(tx, enterprises, rows.slice(i, i + WRITE_BATCH));
      }
    }),
  );

/** The same rows as CSV for COPY: the enterprise columns the import sets, in the table's order. */
function csvOf(rows: NewEnterpriseRow[]): { columns: string; csv: string } {
  const all = getTableColumns(enterprises) as Record<string, { name: string }>;
  const keys = Object.keys(all).filter((k) => rows.some((r) => (r as Record<string, unknown>)[k] !== undefined));
  const quote = (v: unknown) => (v === null || v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`);
  const csv = rows.map((r) => keys.map((k) => quote((r as Record<string, unknown>)[k])).join(',')).join('\n');
  return { columns: keys.map((k) => all[k].name).join(', '), csv: `${csv}\n` };
}

/** COPY … FROM STDIN (PostgreSQL, postgres.js) or FROM '/dev/blob' (PGlite) of the same rows: the fastest way in. */
async function copyInsert(database: Database, rows: NewEnterpriseRow[]): Promise<number> {
  const { columns, csv } = csvOf(rows);
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.kind === 'pglite') {
    const lite = client as PGlite;
    return timed(() => lite.transaction((tx) => tx.query(`copy enterprises (${columns}) from '/dev/blob' with (format csv)`, [], { blob: new Blob([csv]) })));
  }
  const pg = client as postgres.Sql;
  return timed(() =>
    pg.begin(async (tx) => {
      const stream = await tx.unsafe(`copy enterprises (${columns}) from stdin with (format csv)`).writable();
      await new Promise<void>((resolve, reject) => {
        stream.on('error', reject);
        stream.on('finish', resolve);
        stream.end(csv);
      });
    }),
  );
}

/** The streamed read of the file alone (no validation): what reading the .xlsx costs. */
const readOnly = (file: Buffer) =>
  timed(async () => {
    for await (const _row of readXlsxRows(file)) {
      // read and drop
    }
  });

async function run(target: 'embedded' | 'postgres') {
  if (target === 'postgres') {
    await ensureDatabase(url, true);
  }
  const database = await openDatabase(target === 'postgres' ? { databaseUrl: url, poolSize: 4 } : {});
  await database.migrate();
  await seedDemo({ db: database.db, pii, password: BENCH_PASSWORD });
  const imp = await importRun(database, 1_000_000);
  const read = await readOnly(await workbook(1_000_000));
  const rate = (ms: number) => N / (ms / 1000);
  const baselines: [string, number][] = [
    ['ORM multi-row INSERT (1,000 rows per statement)', await ormInsert(database, await preparedRows(database, 2_000_000))],
    [`unnest INSERT (${fmt(WRITE_BATCH)} rows per statement)`, await unnestInsert(database, await preparedRows(database, 3_000_000))],
    [target === 'postgres' ? 'COPY FROM STDIN' : "COPY FROM '/dev/blob'", await copyInsert(database, await preparedRows(database, 4_000_000))],
  ];
  await database.close();
  log(`${target}: ${fmt(N)} rows (${fmt(imp.fileMB, 1)} MB .xlsx) imported in ${fmt(imp.totalMs)} ms = ${fmt(rate(imp.totalMs))} rows/s ` + `(read+validate ${fmt(imp.readMs)} ms, write ${fmt(imp.writeMs)} ms; longest event-loop stall ${fmt(imp.maxStallMs)} ms; ` + `CPU of this process ${fmt(imp.cpuMs)} ms${target === 'embedded' ? ', the embedded database included' : ''})`);
  log(`${target}: streamed read of the file alone: ${fmt(read)} ms = ${fmt(rate(read))} rows/s`);
  for (const [name, ms] of baselines) {
    log(`${target}: bare ${name} of the same enterprise rows (already encrypted): ${fmt(ms)} ms = ${fmt(rate(ms))} rows/s; import / bare = ${fmt(rate(imp.totalMs) / rate(ms), 2)}`);
  }
  return { target, rows: N, ...imp };
}

const targets = args.target === 'both' ? (['embedded', 'postgres'] as const) : [args.target as 'embedded' | 'postgres'];
for (const t of targets) {
  await run(t);
}
