/** Shared settings of the benchmarks: one PII key, one demo password, one default database. */
import postgres from 'postgres';

export const BENCH_DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/kc_bench';
/** The PII key the generator encrypts with and the app under test decrypts with. */
export const BENCH_PII_KEY = process.env.BENCH_PII_KEY ?? '0123456789abcdef0123456789abcdef';
/** DEMO_PASSWORD for the seeded accounts of a bench database (officer, admin, …). */
export const BENCH_PASSWORD = process.env.BENCH_PASSWORD ?? 'Bench@Kc2026';

export type Tier = 'S' | 'M';
/** QUALITY.md scale tiers; later modules add their row counts here. */
export const TIERS: Record<Tier, { enterprises: number }> = {
  S: { enterprises: 100_000 },
  M: { enterprises: 1_000_000 },
};

/** Minimal `--key value` / `--flag` parser; unknown keys are refused so typos fail fast. */
export function parseArgs<T extends Record<string, string | boolean>>(defaults: T, argv = process.argv.slice(2)): T {
  const out: Record<string, string | boolean> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      throw new Error(`unexpected argument ${a}`);
    }
    const [k, inline] = a.slice(2).split('=', 2);
    if (!(k in defaults)) {
      throw new Error(`unknown option --${k}; known: ${Object.keys(defaults).map((x) => `--${x}`).join(' ')}`);
    }
    if (typeof defaults[k] === 'boolean') {
      out[k] = inline === undefined ? true : inline !== 'false';
    } else {
      const v = inline ?? argv[++i];
      if (v === undefined) {
        throw new Error(`--${k} needs a value`);
      }
      out[k] = v;
    }
  }
  return out as T;
}

export function dbName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/** Creates the database of `url` if missing; drops it first when reset is true. */
export async function ensureDatabase(url: string, reset: boolean): Promise<void> {
  const name = dbName(url);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`refusing database name ${JSON.stringify(name)}: use [a-z0-9_]`);
  }
  const u = new URL(url);
  u.pathname = '/postgres';
  const admin = postgres(u.toString(), { max: 1, onnotice: () => undefined });
  try {
    if (reset) {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
    }
    const [row] = await admin`select 1 as ok from pg_database where datname = ${name}`;
    if (!row) {
      await admin.unsafe(`create database ${name}`);
    }
  } finally {
    await admin.end();
  }
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
