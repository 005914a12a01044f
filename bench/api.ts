/**
 * API benchmark: the real app vs. a bare Fastify handler running the same SQL, each in its own
 * child process; autocannon runs here, in the parent. See bench/README.md.
 *
 *   npm run bench:api -- --url postgres://postgres@127.0.0.1:5432/kc_bench
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import autocannon, { type Options, type Result } from 'autocannon';
import postgres from 'postgres';
import { HANGZHOU_DISTRICTS } from '../server/src/db/seed/districts.js';
import { createRandom } from '../server/src/lib/random.js';
import { INDUSTRIES } from '../server/src/modules/enterprises/enterprises.schema.js';
import { bind, captureSql, type CapturedQuery } from './lib/capture-sql.js';
import { cpuSeconds } from './lib/cpu.js';
import { BENCH_DEFAULT_URL, BENCH_PASSWORD, fmt, median, parseArgs } from './lib/common.js';
import { summariseProfile } from './lib/profile.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = parseArgs({
  url: '',
  duration: '10',
  warmup: '3',
  rounds: '3',
  connections: '32',
  'rate-connections': '64',
  'list-rate': '1000',
  'detail-rate': '2000',
  pool: '10',
  pages: '4',
  endpoints: 'list,detail',
  modes: 'max,rate',
  ladder: true,
  profile: false,
  out: join(HERE, 'results'),
});
const url = args.url || process.env.BENCH_DATABASE_URL || BENCH_DEFAULT_URL;
const log = (msg: string) => console.log(`[api] ${msg}`);

interface Child {
  proc: ChildProcess;
  base: string;
}

function start(script: string, extraExecArgv: string[] = []): Promise<Child> {
  return new Promise((resolve, reject) => {
    const proc = fork(join(HERE, 'servers', script), [], {
      env: { ...process.env, BENCH_URL: url, BENCH_POOL: args.pool, BENCH_PORT: '0' },
      execArgv: [...process.execArgv, ...extraExecArgv],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    proc.once('message', (m: { ready: number }) => resolve({ proc, base: `http://127.0.0.1:${m.ready}` }));
    proc.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
}

function stop(c: Child): Promise<void> {
  return new Promise((resolve) => {
    c.proc.once('exit', () => resolve());
    c.proc.kill('SIGTERM');
  });
}

function cannon(opts: Options): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

type Endpoint = 'list' | 'detail';
type Mode = 'max' | 'rate';

interface Sample {
  round: number;
  /** CPU per request in the server process and in its PostgreSQL backends, microseconds. */
  nodeUs: number;
  pgUs: number;
  target: string;
  endpoint: Endpoint;
  mode: Mode;
  rps: number;
  p50: number;
  p99: number;
  p97_5: number;
  non2xx: number;
  errors: number;
}

async function main(): Promise<void> {
  const sql = postgres(url, { max: 2, onnotice: () => undefined });
  const [{ n: enterpriseCount, lo, hi }] = await sql<{ n: number; lo: number; hi: number }[]>`select count(*)::int as n, min(id) as lo, max(id) as hi from enterprises`;
  const [{ v: pgVersion }] = await sql<{ v: string }[]>`select version() as v`;
  log(`database ${url.replace(/\/\/[^@/]*@/, '//')}: ${fmt(enterpriseCount)} enterprises`);
  const captured = await captureSql(sql);

  const profDir = join(args.out, `prof-${Date.now()}`);
  const app = await start('app.ts', args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []);
  const bareProfDir = `${profDir}-bare`;
  const bare = await start('bare.ts', args.profile ? ['--cpu-prof', `--cpu-prof-dir=${bareProfDir}`] : []);
  log(`app ${app.base} (pid ${app.proc.pid}), bare handler ${bare.base} (pid ${bare.proc.pid}), pool ${args.pool} connections each`);
  try {
    const login = await fetch(`${app.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer', password: BENCH_PASSWORD }),
    });
    const setCookie = login.headers.getSetCookie().find((c) => c.startsWith('kc_session='));
    if (login.status !== 200 || !setCookie) {
      throw new Error(`login as officer failed: ${login.status} ${await login.text()} (was the database made by bench/generate.ts with the same BENCH_PASSWORD?)`);
    }
    const cookie = setCookie.split(';')[0];
    const headers = { cookie };
    const get = async (base: string, path: string) => {
      const r = await fetch(base + path, { headers });
      if (r.status !== 200) {
        throw new Error(`GET ${base}${path}: ${r.status} ${await r.text()}`);
      }
      return r.json() as Promise<Record<string, unknown>>;
    };

    // Paths: every district × industry, first pages and the next pages through real cursors.
    const rnd = createRandom(42);
    const listPaths: string[] = [];
    for (const d of HANGZHOU_DISTRICTS) {
      for (const ind of INDUSTRIES) {
        let path = `/api/enterprises?district=${d.code}&industry=${encodeURIComponent(ind)}&limit=20`;
        for (let p = 0; p < Number(args.pages); p++) {
          listPaths.push(path);
          const page = (await get(app.base, path)) as { nextCursor: string | null };
          if (!page.nextCursor) {
            break;
          }
          path = `/api/enterprises?district=${d.code}&industry=${encodeURIComponent(ind)}&limit=20&cursor=${page.nextCursor}`;
        }
      }
    }
    for (let i = listPaths.length - 1; i > 0; i--) {
      const j = rnd.int(0, i);
      [listPaths[i], listPaths[j]] = [listPaths[j], listPaths[i]];
    }
    const detailPaths = Array.from({ length: 5000 }, () => `/api/enterprises/${rnd.int(Number(lo), Number(hi))}`);
    log(`${listPaths.length} list paths (${INDUSTRIES.length * HANGZHOU_DISTRICTS.length} district×industry filters, up to ${args.pages} pages each), ${detailPaths.length} random detail ids`);

    // Same SQL, same answers: the bare handler must return exactly what the app returns.
    for (const [paths, what] of [[listPaths, 'list'], [detailPaths, 'detail']] as const) {
      for (const p of paths.slice(0, 40)) {
        const [a, b] = await Promise.all([get(app.base, p), get(bare.base, p)]);
        if (!isDeepStrictEqual(a, b)) {
          throw new Error(`bare handler answers ${what} ${p} differently:\napp  ${JSON.stringify(a).slice(0, 400)}\nbare ${JSON.stringify(b).slice(0, 400)}`);
        }
      }
    }
    log('bare handler and app return identical JSON for 40 list pages and 40 details');

    const explains = await explainAll(sql, captured);

    const endpoints = args.endpoints.split(',') as Endpoint[];
    const targets: { name: string; base: string; prefix: string }[] = [
      { name: 'bare', base: bare.base, prefix: '' },
      ...(args.ladder ? [{ name: 'bare+app queries', base: bare.base, prefix: '/ladder' }] : []),
      { name: 'app', base: app.base, prefix: '' },
    ];
    const rate: Record<Endpoint, number> = { list: Number(args['list-rate']), detail: Number(args['detail-rate']) };
    const backends = async (appName: string) =>
      // this database only: other app processes on the same server (other benchmarks, tests) use the same application_name
      (await sql<{ pid: number }[]>`select pid from pg_stat_activity where application_name = ${appName} and datname = current_database()`).map((r) => r.pid);
    const run = async (base: string, prefix: string, endpoint: Endpoint, mode: Mode, duration: number) => {
      const paths = endpoint === 'list' ? listPaths : detailPaths;
      let i = 0;
      const proc = base === app.base ? app.proc : bare.proc;
      const appName = base === app.base ? 'kechuang' : 'kechuang-bare';
      const pgBefore = new Map((await backends(appName)).map((pid) => [pid, cpuSeconds(pid)]));
      const nodeBefore = cpuSeconds(proc.pid!);
      const r = await cannon({
        url: base,
        duration,
        connections: Number(mode === 'max' ? args.connections : args['rate-connections']),
        ...(mode === 'rate' ? { overallRate: rate[endpoint] } : {}),
        headers,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: prefix + paths[i++ % paths.length] }) }],
      });
      const nodeCpu = cpuSeconds(proc.pid!) - nodeBefore;
      const pgCpu = (await backends(appName)).reduce((acc, pid) => acc + cpuSeconds(pid) - (pgBefore.get(pid) ?? 0), 0);
      const n = Math.max(1, r.requests.total);
      return Object.assign(r, { nodeUs: (nodeCpu / n) * 1e6, pgUs: (pgCpu / n) * 1e6 });
    };

    log(`warm-up ${args.warmup} s per target and endpoint`);
    for (const t of targets) {
      for (const e of endpoints) {
        await run(t.base, t.prefix, e, 'max', Number(args.warmup));
      }
    }
    const samples: Sample[] = [];
    const rounds = Number(args.rounds);
    for (let round = 1; round <= rounds; round++) {
      // Alternate the order so drift on a shared machine does not favour one target.
      const order = round % 2 ? targets : [...targets].reverse();
      for (const e of endpoints) {
        for (const mode of args.modes.split(',') as Mode[]) {
          for (const t of order) {
            const r = await run(t.base, t.prefix, e, mode, Number(args.duration));
            const s: Sample = {
              round,
              nodeUs: r.nodeUs,
              pgUs: r.pgUs,
              target: t.name,
              endpoint: e,
              mode,
              rps: r.requests.average,
              p50: r.latency.p50,
              p99: r.latency.p99,
              p97_5: r.latency.p97_5,
              non2xx: r.non2xx,
              errors: r.errors + r.timeouts,
            };
            samples.push(s);
            log(
              `round ${round} ${e.padEnd(6)} ${mode === 'max' ? `max (${args.connections} conns)` : `at ${rate[e]}/s`} ${t.name.padEnd(16)} ` +
                `${fmt(s.rps).padStart(6)} req/s  p50 ${s.p50} ms  p99 ${s.p99} ms  CPU/req node ${fmt(s.nodeUs)} µs + pg ${fmt(s.pgUs)} µs${s.non2xx || s.errors ? `  NON-2XX ${s.non2xx} ERRORS ${s.errors}` : ''}  (load ${loadavg()[0].toFixed(1)})`,
            );
          }
        }
      }
    }

    const med = (target: string, e: Endpoint, mode: Mode) => {
      const xs = samples.filter((s) => s.target === target && s.endpoint === e && s.mode === mode);
      return {
        rps: median(xs.map((x) => x.rps)),
        p50: median(xs.map((x) => x.p50)),
        p99: median(xs.map((x) => x.p99)),
        nodeUs: median(xs.map((x) => x.nodeUs)),
        pgUs: median(xs.map((x) => x.pgUs)),
        bad: xs.reduce((a, x) => a + x.non2xx + x.errors, 0),
      };
    };
    // Ratio per round (same conditions), then the median of the ratios.
    const ratio = (e: Endpoint) =>
      median(
        Array.from({ length: rounds }, (_, k) => {
          const at = (t: string) => samples.find((s) => s.round === k + 1 && s.target === t && s.endpoint === e && s.mode === 'max')!.rps;
          return at('app') / at('bare');
        }),
      );
    const lines: string[] = [];
    lines.push(`| endpoint | target | max req/s (${args.connections} conns) | p50 / p99 at max (ms) | p50 / p99 at fixed rate (ms) | achieved rate (req/s) | CPU/req node + PG (µs) |`);
    lines.push('|---|---|---:|---:|---:|---:|---:|');
    for (const e of endpoints) {
      for (const t of targets) {
        const m = med(t.name, e, 'max');
        const r = med(t.name, e, 'rate');
        lines.push(
          `| ${e} | ${t.name} | ${fmt(m.rps)} | ${m.p50} / ${m.p99} | ${r.p50} / ${r.p99} @ ${rate[e]}/s | ${fmt(r.rps)} | ${fmt(m.nodeUs)} + ${fmt(m.pgUs)} |` +
            `${m.bad + r.bad ? ` ${m.bad + r.bad} non-2xx/errors` : ''}`,
        );
      }
    }
    const verdicts: string[] = [];
    if (endpoints.includes('list')) {
      const r = med('app', 'list', 'rate');
      const ratioList = ratio('list');
      const ok1 = r.p99 <= 50 && r.rps >= rate.list * 0.98;
      verdicts.push(`list: p99 ${r.p99} ms at ${fmt(r.rps)} req/s (target ≤ 50 ms at ≥ ${rate.list}/s) → ${ok1 ? 'PASS' : 'FAIL'}`);
      verdicts.push(`list: app/bare throughput ${(ratioList * 100).toFixed(0)}% (median of per-round ratios; target ≥ 80%) → ${ratioList >= 0.8 ? 'PASS' : 'FAIL'}`);
    }
    if (endpoints.includes('detail')) {
      const r = med('app', 'detail', 'rate');
      const ok = r.p99 <= 20 && r.rps >= rate.detail * 0.98;
      verdicts.push(`detail: p99 ${r.p99} ms at ${fmt(r.rps)} req/s (target ≤ 20 ms at ≥ ${rate.detail}/s) → ${ok ? 'PASS' : 'FAIL'}`);
      verdicts.push(`detail: app/bare throughput ${(ratio('detail') * 100).toFixed(0)}% (informational)`);
    }
    console.log(`\nMedians of ${rounds} rounds × ${args.duration} s, ${fmt(enterpriseCount)} enterprises\n`);
    console.log(lines.join('\n'));
    console.log(`\n${verdicts.join('\n')}\n`);

    mkdirSync(args.out, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = join(args.out, `api-${stamp}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memGiB: Math.round(totalmem() / 2 ** 30), node: process.version, postgres: pgVersion, loadavg: loadavg() },
          args,
          enterprises: enterpriseCount,
          sql: captured,
          explains,
          samples,
          table: lines,
          verdicts,
        },
        null,
        2,
      ),
    );
    log(`results written to ${file}`);
  } finally {
    await stop(bare);
    await stop(app);
    await sql.end();
  }
  if (args.profile) {
    for (const [who, dir] of [['app', profDir], ['bare handler', bareProfDir]]) {
      // The largest profile is the main thread's (tsx adds a small one for its loader thread).
      const f = readdirSync(dir)
        .filter((x) => x.endsWith('.cpuprofile'))
        .map((x) => join(dir, x))
        .sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0];
      if (f) {
        console.log(`\nCPU profile of the ${who} process (${f}):`);
        console.log(summariseProfile(JSON.parse(readFileSync(f, 'utf8'))));
      }
    }
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of the captured list and detail SQL: an index, never count(*). */
async function explainAll(sql: postgres.Sql, cap: Awaited<ReturnType<typeof captureSql>>) {
  const [dense] = await sql<{ id: number }[]>`select id from districts where code = '330108'`;
  const [sparse] = await sql<{ id: number }[]>`select id from districts where code = '330127'`;
  const [{ mid }] = await sql<{ mid: number }[]>`select (min(id) + max(id)) / 2 as mid from enterprises`;
  const cases: { label: string; q: CapturedQuery; v: Record<string, unknown> }[] = [
    { label: 'list, first page, 滨江区 × 电子信息 (dense)', q: cap.listFirst, v: { districtId: dense.id, industry: '电子信息' } },
    { label: 'list, later page, 淳安县 × 航空航天 (sparsest)', q: cap.listAfter, v: { districtId: sparse.id, industry: '航空航天', afterId: Number(mid) } },
    { label: 'list, first page, 淳安县 × 航空航天 (sparsest)', q: cap.listFirst, v: { districtId: sparse.id, industry: '航空航天' } },
    { label: 'detail', q: cap.detail, v: { id: Number(mid) } },
    { label: 'detail timeline', q: cap.timeline, v: { id: Number(mid) } },
  ];
  const out: { label: string; sql: string; plan: string; usesIndex: boolean; counts: boolean }[] = [];
  for (const c of cases) {
    const rows = await sql.unsafe(`explain (analyze, buffers) ${c.q.text}`, bind(c.q, c.v) as postgres.ParameterOrJSON<never>[]);
    const plan = rows.map((r) => String((r as Record<string, unknown>)['QUERY PLAN'])).join('\n');
    const usesIndex = /Index (Only )?Scan|Bitmap Index Scan/.test(plan) && !/Seq Scan on enterprises/.test(plan);
    const counts = /count\(/i.test(c.q.text) || /Aggregate/.test(plan);
    out.push({ label: c.label, sql: c.q.text, plan, usesIndex, counts });
    log(`EXPLAIN ${c.label}: ${usesIndex ? 'index' : 'NO INDEX'}, ${counts ? 'COUNTS' : 'no count(*)'}; ${/Execution Time: [\d.]+ ms/.exec(plan)?.[0] ?? ''}`);
  }
  return out;
}

main().catch((err: unknown) => {
  console.error('[api] failed:', err instanceof Error ? err.stack : err);
  process.exit(1);
});
