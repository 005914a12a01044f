/**
 * First start and the SPA on the wire (issue 15's speed goals), measured against bare baselines in
 * the same run:
 *   - start:   `node scripts/start.mjs` (what `npm start` runs) on a fresh embedded data directory
 *              with every instrument's demo data: seconds until /readyz answers 200, and the
 *              process's RSS then (after a 3 s settle) and at its peak (VmHWM);
 *   - bare:    a Node process that only opens an empty embedded PGlite database (the runtime's own
 *              floor), its RSS, for the ratio;
 *   - wire:    in chromium (playwright-core), the JS (and CSS) a cold browser downloads for the login
 *              page, and for the indicator dashboard after signing in as `officer` (its first screen,
 *              then with its first chart, the 区县对比 tab, drawn): bytes on the wire (as the server
 *              sent them) vs the same files decoded (the bare, uncompressed size).
 *
 *   npx tsx bench/spa/run.ts [--build] [--keep]        (--build: run vite build first; --keep: keep the data dir)
 *
 * Needs web/dist (built with the precompress plugin) and chromium at /usr/bin/chromium (CHROMIUM_PATH).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page, type Response } from 'playwright-core';
import { parseArgs } from '../lib/common.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const args = parseArgs<{ build: boolean; keep: boolean; out: string }>({ build: false, keep: false, out: join(HERE, '..', 'results') });
const log = (m: string) => console.log(`[spa] ${m}`);
const PASSWORD = 'Bench@Kc2026';
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** VmRSS and VmHWM of a process, in MB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) / 1024;
  return { rss: Math.round(field('VmRSS')), peak: Math.round(field('VmHWM')) };
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitReady(base: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with ${child.exitCode}`);
    }
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) {
        return;
      }
    } catch {
      // not listening yet
    }
    await settle(100);
  }
  throw new Error('server not ready in time');
}

async function firstStart(dataDir: string, port: number) {
  const started = Date.now();
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '', DEMO_PASSWORD: PASSWORD },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitReady(`http://127.0.0.1:${port}`, child, 300_000);
  const seconds = (Date.now() - started) / 1000;
  await settle(3000);
  return { child, seconds, ...memoryOf(child.pid!) };
}

/** The floor: Node and an empty embedded database in a data directory, nothing of the app. */
async function bareRss(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'kc-bench-bare-'));
  const code = `const { PGlite } = await import('@electric-sql/pglite'); const db = await PGlite.create(process.argv[1]); await db.query('select 1'); console.log('ready'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code, join(dir, 'pgdata')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()));
  await settle(1000);
  const { rss } = memoryOf(child.pid!);
  child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  return rss;
}

interface Wire {
  files: number;
  encoded: number;
  decoded: number;
  /** the largest files: name, bytes on the wire */
  largest: [string, number][];
}

/** Two measurements of one page in a row: what both downloaded. */
function plus(a: Wire, b: Wire): Wire {
  return { files: a.files + b.files, encoded: a.encoded + b.encoded, decoded: a.decoded + b.decoded, largest: [...a.largest, ...b.largest].sort((x, y) => y[1] - x[1]).slice(0, 8) };
}

/** Loads a page in a cold browser context and sums what its scripts and stylesheets cost. */
async function measure(page: Page, go: () => Promise<unknown>): Promise<{ js: Wire; css: Wire; encodings: string[] }> {
  const seen: Response[] = [];
  const onResponse = (r: Response) => {
    if (['script', 'stylesheet'].includes(r.request().resourceType())) {
      seen.push(r);
    }
  };
  page.on('response', onResponse);
  await go();
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const js: Wire = { files: 0, encoded: 0, decoded: 0, largest: [] };
  const css: Wire = { files: 0, encoded: 0, decoded: 0, largest: [] };
  const encodings = new Set<string>();
  for (const r of seen) {
    const into = r.request().resourceType() === 'script' ? js : css;
    const sizes = await r.request().sizes();
    into.files += 1;
    into.encoded += sizes.responseBodySize;
    into.decoded += (await r.body()).length;
    into.largest.push([new URL(r.url()).pathname, sizes.responseBodySize]);
    encodings.add((await r.allHeaders())['content-encoding'] ?? 'identity');
  }
  for (const w of [js, css]) {
    w.largest = w.largest.sort((a, b) => b[1] - a[1]).slice(0, 8);
  }
  return { js, css, encodings: [...encodings] };
}

async function main() {
  if (args.build || !existsSync(join(ROOT, 'web', 'dist', 'index.html'))) {
    log('vite build …');
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(ROOT, 'web', 'vite.config.ts'), '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) {
      throw new Error('vite build failed');
    }
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'kc-bench-spa-'));
  const port = await freePort();
  log(`first start on ${dataDir} (node ${process.version}) …`);
  const start = await firstStart(dataDir, port);
  log(`ready after ${start.seconds.toFixed(1)} s; RSS ${start.rss} MB (peak ${start.peak} MB)`);
  const bare = await bareRss();
  log(`bare (node + empty PGlite): RSS ${bare} MB → app/bare ${(start.rss / bare).toFixed(2)}×`);

  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const loginCtx = await browser.newContext({ baseURL: base, locale: 'zh-CN' });
    const loginPage = await loginCtx.newPage();
    const login = await measure(loginPage, () => loginPage.goto('/login'));
    await loginCtx.close();

    mkdirSync(args.out, { recursive: true });
    const dashCtx = await browser.newContext({ baseURL: base, locale: 'zh-CN' });
    const signIn = await dashCtx.request.post('/api/auth/login', { data: { username: 'officer', password: PASSWORD } });
    if (!signIn.ok()) {
      throw new Error(`sign-in failed: ${signIn.status()}`);
    }
    const dashPage = await dashCtx.newPage();
    // the first screen shows the headline figures (总览); the charts sit on their own tabs
    const firstScreen = await measure(dashPage, async () => {
      await dashPage.goto('/dashboard');
      await dashPage.locator('.ant-card').first().waitFor({ timeout: 180_000 });
    });
    let chartsDrawn = false;
    const chartTab = await measure(dashPage, async () => {
      await dashPage.getByRole('tab', { name: '区县对比' }).click();
      chartsDrawn = await dashPage
        .locator('canvas')
        .first()
        .waitFor({ timeout: 180_000 })
        .then(() => true)
        .catch(() => false);
      await dashPage.screenshot({ path: join(args.out, 'spa-dashboard.png') });
    });
    await dashCtx.close();
    const dashboard = { js: plus(firstScreen.js, chartTab.js), css: plus(firstScreen.css, chartTab.css), encodings: [...new Set([...firstScreen.encodings, ...chartTab.encodings])] };

    for (const [name, m, goal] of [
      ['login page', login, 300 * 1024],
      ['dashboard, first screen', firstScreen, 450 * 1024],
      ['dashboard with its first chart', dashboard, 450 * 1024],
    ] as const) {
      log(
        `${name}: JS ${m.js.files} files, ${kb(m.js.encoded)} on the wire vs ${kb(m.js.decoded)} decoded (${((m.js.encoded / m.js.decoded) * 100).toFixed(0)} %), goal ≤ ${kb(goal)}: ${m.js.encoded <= goal ? 'met' : 'NOT met'}; CSS ${kb(m.css.encoded)}; encodings ${m.encodings.join(', ')}`,
      );
    }
    if (!chartsDrawn) {
      log('the dashboard drew no chart within 3 minutes: its figure is a lower bound');
    }
    const file = join(args.out, `spa-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      JSON.stringify({ node: process.version, cpus: cpus().length, loadavg: loadavg(), firstStart: { seconds: start.seconds, rssMb: start.rss, peakMb: start.peak }, bareRssMb: bare, login, dashboardFirstScreen: firstScreen, dashboard, chartsDrawn }, null, 2),
    );
    log(`written ${file}`);
  } finally {
    await browser.close();
    start.child.kill('SIGTERM');
    await new Promise((r) => start.child.once('exit', r));
    if (!args.keep) {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
