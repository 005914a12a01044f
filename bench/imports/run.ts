/**
 * Registry import throughput (issue 14: ≥ 10,000 rows/s on the embedded database, ≥ 50,000 rows/s
 * on the PostgreSQL server): a template-shaped .xlsx of N new enterprises goes through the real
 * import (streamed read, validation, batched writes of enterprise + timeline event + audit row, one
 * transaction), timed per phase, against a bare multi-row INSERT of the same enterprise rows in the
 * same run. The event loop's longest stall during the import is reported too.
 *
 *   npx tsx bench/imports/run.ts [--rows 50000] [--target embedded|postgres|both] [--url postgres://postgres@127.0.0.1:5432/kc_bench_imports]
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { openDatabase, type Database } from '../../server/src/db/client.js';
import { enterprises } from '../../server/src/db/schema/index.js';
import { seedDemo } from '../../server/src/db/seed/demo.js';
import { PiiCipher } from '../../server/src/lib/pii.js';
import { usccCheckChar } from '../../server/src/lib/uscc.js';
import { COLUMNS } from '../../server/src/modules/enterprises/enterprises.excel.js';
import { importEnterprises } from '../../server/src/modules/enterprises/enterprises.import.js';
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
  stalls.disable();
  if (r.imported !== N) {
    throw new Error(`imported ${r.imported} of ${N}`);
  }
  return { fileMB: file.length / 1e6, totalMs: total, readMs: (writeStart || performance.now()) - started, writeMs: writeStart ? performance.now() - writeStart : 0, maxStallMs: stalls.max / 1e6 };
}

/** The floor: the same enterprise rows (encrypted, hashed) as multi-row INSERTs of 1,000, one transaction, nothing else. */
async function baseline(database: Database, offset: number) {
  const districts = await database.rows<{ id: number; name: string }>(sql`select id, name from districts`);
  const ids = new Map(districts.map((d) => [d.name, Number(d.id)]));
  const started = performance.now();
  const rows = Array.from({ length: N }, (_, i) => {
    const { district, size: _s, ...f } = fieldsOf(i, offset);
    return toRow({ ...f, industry: '电子信息', size: 'small', districtId: ids.get(district)! }, pii);
  });
  await database.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) {
      await tx.insert(enterprises).values(rows.slice(i, i + 1000));
    }
  });
  return performance.now() - started;
}

async function run(target: 'embedded' | 'postgres') {
  if (target === 'postgres') {
    await ensureDatabase(url, true);
  }
  const database = await openDatabase(target === 'postgres' ? { databaseUrl: url, poolSize: 4 } : {});
  await database.migrate();
  await seedDemo({ db: database.db, pii, password: BENCH_PASSWORD });
  const imp = await importRun(database, 1_000_000);
  const base = await baseline(database, 2_000_000);
  await database.close();
  const rate = N / (imp.totalMs / 1000);
  const baseRate = N / (base / 1000);
  log(`${target}: ${fmt(N)} rows (${fmt(imp.fileMB, 1)} MB .xlsx) imported in ${fmt(imp.totalMs)} ms = ${fmt(rate)} rows/s ` + `(read+validate ${fmt(imp.readMs)} ms, write ${fmt(imp.writeMs)} ms; longest event-loop stall ${fmt(imp.maxStallMs)} ms)`);
  log(`${target}: bare multi-row INSERT of the same enterprise rows: ${fmt(base)} ms = ${fmt(baseRate)} rows/s; import / bare = ${fmt(rate / baseRate, 2)}`);
  return { target, rows: N, rate, baseRate, ...imp };
}

const targets = args.target === 'both' ? (['embedded', 'postgres'] as const) : [args.target as 'embedded' | 'postgres'];
for (const t of targets) {
  await run(t);
}
