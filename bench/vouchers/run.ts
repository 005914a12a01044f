/**
 * Voucher redemption benchmark (issue 15: one hot holder ≥ 0.5× what pgbench reaches with a
 * single-statement conditional update of one hot row, spread over 1,000 holders ≥ 1,000/s, p99 ≤
 * 100 ms, zero over-spend): POST /api/vouchers/bookings through the real app (child process,
 * bench/servers/app.ts) with a fresh Idempotency-Key per request, against two baselines in the same
 * run with the same concurrency — bare SQL (the same conditional updates, available −x WHERE
 * balance ≥ x and frozen +x, in one transaction on a pool of the same size) and pgbench (one
 * conditional update per transaction, see pgbench.ts). While the app runs, the database's wait
 * events are sampled. After the runs the ledger is checked (no negative balance, balanced entries).
 *
 *   npx tsx bench/vouchers/run.ts [--url postgres://…/kc_bench_vouchers] [--duration 10] [--connections 32] [--profile]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase } from '../../server/src/db/client.js';
import { districts } from '../../server/src/db/schema/index.js';
import { seedDemo } from '../../server/src/db/seed/demo.js';
import { PiiCipher } from '../../server/src/lib/pii.js';
import { checkLedger } from '../../server/src/modules/vouchers/index.js';
import { insertHolders } from '../../server/src/modules/vouchers/vouchers.repo.js';
import { createPolicy, issueVouchers } from '../../server/src/modules/vouchers/vouchers.service.js';
import { actorFor, ctxOf } from '../../server/src/modules/vouchers/vouchers.fixtures.js';
import { summariseProfile, type CpuProfile } from '../lib/profile.js';
import { BENCH_PASSWORD, BENCH_PII_KEY, dbName, ensureDatabase, fmt, median, parseArgs } from '../lib/common.js';
import { cpuSeconds } from '../lib/cpu.js';
import { sampleWaits } from '../lib/waits.js';
import { preparePgbench, runPgbench } from './pgbench.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = parseArgs({ url: '', duration: '10', connections: '32', pool: '10', rounds: '2', holders: '1000', out: join(HERE, '..', 'results'), write: true, profile: false });
const url = args.url || process.env.BENCH_VOUCHERS_URL || 'postgres://postgres@127.0.0.1:5432/kc_bench_vouchers';
const log = (m: string) => console.log(`[vouchers] ${m}`);
const PROF_DIR = join(args.out, `prof-vouchers-${Date.now()}`);
const AMOUNT = 1; // yuan per booking: the hot holder's balance never runs out during a run

interface Row {
  scenario: string;
  target: string;
  round: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU per booking of the app process and of its PostgreSQL backends, µs (app rows only). */
  nodeUs?: number;
  pgUs?: number;
}

async function setup() {
  await ensureDatabase(url, true);
  const database = await openDatabase({ databaseUrl: url, poolSize: 10 });
  await database.migrate();
  const pii = new PiiCipher(BENCH_PII_KEY);
  await seedDemo({ db: database.db, pii, password: BENCH_PASSWORD });
  const db = database.db;
  const officer = ctxOf(await actorFor(db, 'officer'));
  const policy = await createPolicy({
    db,
    ctx: officer,
    input: { year: 2099, name: '压测政策', budget: 9_000_000_000, enterpriseCap: 5_000_000, teamCap: 5_000_000, coverageRatio: 0.5, validUntil: '2099-12-31', categories: ['testing'] },
  });
  const [d] = await db.select().from(districts).where(eq(districts.code, '330108'));
  const teams = await insertHolders(
    db,
    Array.from({ length: Number(args.holders) }, (_, i) => ({ kind: 'team' as const, name: `压测团队${i + 1}`, districtId: d.id, leaderName: '压测' })),
  );
  const holderIds = teams.map((h) => h.id);
  for (let i = 0; i < holderIds.length; i += 500) {
    await issueVouchers({ db, ctx: officer, policyId: policy.id, items: holderIds.slice(i, i + 500).map((holderId) => ({ holderId, amount: 5_000_000 })) });
  }
  const [provider] = await database.rows<{ id: number }>(
    (await import('drizzle-orm')).sql`select id from voucher_providers where status = 'approved' and 'testing' = any(categories) order by id limit 1`,
  );
  return { database, policyId: policy.id, holderIds, providerId: provider.id };
}

function startApp(): Promise<{ proc: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const proc = fork(join(HERE, '..', 'servers', 'app.ts'), [], {
      env: { ...process.env, BENCH_URL: url, BENCH_POOL: args.pool, BENCH_PORT: '0' },
      execArgv: [...process.execArgv, ...(args.profile ? ['--cpu-prof', `--cpu-prof-dir=${PROF_DIR}`] : [])],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    proc.once('message', (m: { ready: number }) => resolve({ proc, base: `http://127.0.0.1:${m.ready}` }));
    proc.once('exit', (code) => reject(new Error(`app exited with ${code}`)));
  });
}

async function login(base: string): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'officer', password: BENCH_PASSWORD }) });
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith('kc_session='))!.split(';')[0];
  return { cookie, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
}

function cannon(base: string, session: { cookie: string; csrf: string }, pick: () => number, policyId: number, providerId: number): Promise<Result> {
  let n = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${base}/api/vouchers/bookings`,
        connections: Number(args.connections),
        duration: Number(args.duration),
        headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => ({
              ...req,
              headers: { ...req.headers, 'idempotency-key': `bench-${process.pid}-${Date.now()}-${n++}` },
              body: JSON.stringify({ holderId: pick(), policyId, providerId, serviceCategory: 'testing', contractAmount: AMOUNT * 2, amount: AMOUNT }),
            }),
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

/** The baseline: the same two conditional updates per booking, straight on a pool, same concurrency. */
async function bare(sql: postgres.Sql, pick: () => number, accounts: Map<number, { available: number; frozen: number }>) {
  const latencies: number[] = [];
  const deadline = Date.now() + Number(args.duration) * 1000;
  let errors = 0;
  const fen = AMOUNT * 100;
  await Promise.all(
    Array.from({ length: Number(args.connections) }, async () => {
      while (Date.now() < deadline) {
        const a = accounts.get(pick())!;
        const t0 = performance.now();
        try {
          await sql.begin(async (tx) => {
            const [first, second] = a.available < a.frozen ? [a.available, a.frozen] : [a.frozen, a.available];
            for (const id of [first, second]) {
              const delta = id === a.available ? -fen : fen;
              const r = await tx`update ledger_accounts set balance_fen = balance_fen + ${delta} where id = ${id} and balance_fen + ${delta} >= 0 returning id`;
              if (r.length === 0) {
                throw new Error('insufficient');
              }
            }
          });
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((x, y) => x - y);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { rps: latencies.length / Number(args.duration), p50: q(0.5), p99: q(0.99), errors };
}

async function main() {
  log(`setting up ${url.replace(/\/\/[^@/]*@/, '//')} (demo seed, ${args.holders} funded holders)…`);
  const { database, policyId, holderIds, providerId } = await setup();
  const sql = postgres(url, { max: Number(args.pool), onnotice: () => undefined });
  const accRows = await sql<{ holder_id: number; kind: string; id: string }[]>`
    select a.owner_id::int as holder_id, a.kind, a.id from ledger_accounts a join ledger_books b on b.id = a.book_id
    where b.code = 'vouchers' and a.scope = ${policyId} and a.kind in ('available','frozen')`;
  const accounts = new Map<number, { available: number; frozen: number }>();
  for (const r of accRows) {
    const a = accounts.get(r.holder_id) ?? { available: 0, frozen: 0 };
    a[r.kind as 'available' | 'frozen'] = Number(r.id);
    accounts.set(r.holder_id, a);
  }
  const hot = holderIds[0];
  let i = 0;
  // [name, pick a holder, rows of the pgbench baseline]
  const scenarios: [string, () => number, number][] = [
    ['one hot holder', () => hot, 1],
    [`spread over ${holderIds.length} holders`, () => holderIds[i++ % holderIds.length], holderIds.length],
  ];
  const app = await startApp();
  const session = await login(app.base);
  const rows: Row[] = [];
  const checks: string[] = [];
  const waits = new Map<string, Map<string, number>>();
  const clients = Number(args.connections);
  try {
    // Warm-up: caches, JIT, connection pools.
    await cannon(app.base, session, scenarios[1][1], policyId, providerId);
    for (let round = 1; round <= Number(args.rounds); round++) {
      for (const [name, pick, pgRows] of scenarios) {
        const backends = async () => (await sql<{ pid: number }[]>`select pid from pg_stat_activity where application_name = 'kechuang'`).map((b) => b.pid);
        const pgBefore = new Map((await backends()).map((pid) => [pid, cpuSeconds(pid)]));
        const nodeBefore = cpuSeconds(app.proc.pid!);
        const sampler = sampleWaits(sql, dbName(url));
        const r = await cannon(app.base, session, pick, policyId, providerId);
        const sampled = await sampler.stop();
        const n = Math.max(1, r.requests.total);
        const nodeUs = ((cpuSeconds(app.proc.pid!) - nodeBefore) / n) * 1e6;
        const pgUs = ((await backends()).reduce((acc, pid) => acc + cpuSeconds(pid) - (pgBefore.get(pid) ?? 0), 0) / n) * 1e6;
        const w = waits.get(name) ?? new Map<string, number>();
        for (const [event, n] of sampled.events) {
          w.set(event, (w.get(event) ?? 0) + n);
        }
        waits.set(name, w);
        rows.push({ scenario: name, target: 'app (HTTP, idempotency key, audit)', round, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors, nodeUs, pgUs });
        log(`${name} app round ${round}: ${fmt(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, CPU/booking node ${fmt(nodeUs)} µs + PG ${fmt(pgUs)} µs; waits ${sampled.events.map(([e, n]) => `${e} ${n}`).join(', ')}`);
        const b = await bare(sql, pick, accounts);
        rows.push({ scenario: name, target: 'bare SQL (same conditional updates)', round, rps: b.rps, p50: b.p50, p99: b.p99, errors: b.errors });
        log(`${name} bare round ${round}: ${fmt(b.rps)} tx/s, p50 ${b.p50.toFixed(1)} ms, p99 ${b.p99.toFixed(1)} ms`);
        await preparePgbench(sql, pgRows);
        const g = await runPgbench(url, { clients, seconds: Number(args.duration), rows: pgRows });
        rows.push({ scenario: name, target: 'pgbench (one conditional update per transaction)', round, rps: g.tps, p50: g.p50, p99: g.p99, errors: g.failed });
        log(`${name} pgbench round ${round}: ${fmt(g.tps)} tx/s, p50 ${g.p50.toFixed(1)} ms, p99 ${g.p99.toFixed(1)} ms`);
      }
    }
    // The baselines write balances without entries (that is what makes them baselines): check the app's ledger only for negatives.
    const c = await checkLedger(database);
    checks.push(`negative balances ${c.negativeAccounts}, unbalanced movements ${c.unbalancedMovements}, policies over budget ${c.overBudgetPolicies}`);
    log(`ledger: ${checks[0]}`);
  } finally {
    const exited = new Promise((r) => app.proc.once('exit', r));
    app.proc.kill('SIGTERM');
    await exited;
    if (args.profile) {
      for (const f of readdirSync(PROF_DIR).filter((x) => x.endsWith('.cpuprofile'))) {
        console.log(summariseProfile(JSON.parse(readFileSync(join(PROF_DIR, f), 'utf8')) as CpuProfile, 25));
      }
    }
    await sql.unsafe('drop table if exists bench_pgbench_rows');
    await sql.end();
    await database.close();
  }

  const summary = scenarios.map(([name]) => {
    const of = (target: string, k: 'rps' | 'p50' | 'p99' | 'nodeUs' | 'pgUs') => median(rows.filter((r) => r.scenario === name && r.target.startsWith(target)).map((r) => r[k] ?? NaN));
    return {
      name,
      ...{ appRps: of('app', 'rps'), appP50: of('app', 'p50'), appP99: of('app', 'p99'), nodeUs: of('app', 'nodeUs'), pgUs: of('app', 'pgUs') },
      ...{ bareRps: of('bare', 'rps'), bareP50: of('bare', 'p50'), bareP99: of('bare', 'p99') },
      ...{ pgbRps: of('pgbench', 'rps'), pgbP50: of('pgbench', 'p50'), pgbP99: of('pgbench', 'p99') },
    };
  });
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const [pgv] = await (async () => {
    const s = postgres(url, { max: 1, onnotice: () => undefined });
    const v = await s<{ v: string }[]>`select version() as v`;
    await s.end();
    return [v[0].v.split(' on ')[0]];
  })();
  const target = (k: number, s: (typeof summary)[number]) => (k === 0 ? `≥ 0.5 × pgbench = ${fmt(s.pgbRps / 2)}/s` : '≥ 1,000/s') + ', p99 ≤ 100 ms';
  const waitRows = [...waits.entries()].flatMap(([name, w]) => [...w.entries()].sort((a, b) => b[1] - a[1]).map(([event, n]) => `| ${name} | \`${event}\` | ${n} |`));
  const md = [
    '',
    '## Voucher redemption (bench/vouchers)',
    '',
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, load average ${loadavg()[0].toFixed(2)} at the end; ${pgv} on the same machine.`,
    `One app process (\`buildApp\`, postgres.js pool ${args.pool}); autocannon ${args.connections} connections × ${args.duration} s, median of ${args.rounds} rounds after a warm-up; each request books ${AMOUNT} yuan with a fresh \`Idempotency-Key\` (city officer session). Baselines in the same run, same concurrency: bare SQL = the same two conditional \`UPDATE … WHERE balance_fen + Δ >= 0\` in one transaction on a pool of the same size, no HTTP; pgbench = \`update t set balance = balance - 1 where id = :id and balance >= 1\` as its own transaction, ${args.connections} clients (id 1 for the hot holder, a random one of ${holderIds.length} rows for the spread).`,
    '',
    '| scenario | app bookings/s | app p50 / p99 (ms) | app CPU/booking node + PG (µs) | bare SQL tx/s | bare p50 / p99 (ms) | pgbench tx/s | pgbench p50 / p99 (ms) | app / bare | app / pgbench | target |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...summary.map(
      (s, k) =>
        `| ${s.name} | ${fmt(s.appRps)} | ${fmt(s.appP50, 1)} / ${fmt(s.appP99, 1)} | ${fmt(s.nodeUs)} + ${fmt(s.pgUs)} | ${fmt(s.bareRps)} | ${fmt(s.bareP50, 1)} / ${fmt(s.bareP99, 1)} | ${fmt(s.pgbRps)} | ${fmt(s.pgbP50, 1)} / ${fmt(s.pgbP99, 1)} | ${fmt((100 * s.appRps) / s.bareRps)}% | ${fmt(s.appRps / s.pgbRps, 2)} | ${target(k, s)} |`,
    ),
    '',
    `Ledger after the run: ${checks.join('; ')}.`,
    '',
    `Wait events of the app's backends (\`pg_stat_activity\` every 100 ms during the app runs, all rounds):`,
    '',
    '| scenario | wait event | samples |',
    '|---|---|---:|',
    ...waitRows,
    '',
  ].join('\n');
  mkdirSync(args.out, { recursive: true });
  writeFileSync(join(args.out, `vouchers-${Date.now()}.json`), JSON.stringify({ rows, summary }, null, 2));
  console.log(md);
  if (args.write) {
    const perf = join(HERE, '..', '..', 'docs', 'PERFORMANCE.md');
    const current = readFileSync(perf, 'utf8');
    const marker = '\n## Voucher redemption (bench/vouchers)';
    const at = current.indexOf(marker);
    const next = at >= 0 ? current.indexOf('\n## ', at + marker.length) : -1;
    const updated = at >= 0 ? current.slice(0, at) + md.trimEnd() + '\n' + (next >= 0 ? current.slice(next) : '') : current.trimEnd() + '\n' + md;
    writeFileSync(perf, updated);
    log('written to docs/PERFORMANCE.md');
  }
}

await main();
