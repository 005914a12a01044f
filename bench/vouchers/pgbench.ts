/**
 * The issue's baseline: `pgbench` running one single-statement conditional update per transaction
 * (autocommit) on a table of its own in the bench database — one hot row, or a row picked at random
 * among as many rows as the app has holders — with the same number of clients. Latencies come from
 * pgbench's per-transaction log.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type postgres from 'postgres';

const run = promisify(execFile);
const TABLE = 'bench_pgbench_rows';

export interface PgbenchResult {
  tps: number;
  p50: number;
  p99: number;
  failed: number;
}

/** Creates the baseline's table with `rows` rows whose balance never runs out during a run. */
export async function preparePgbench(sql: postgres.Sql, rows: number): Promise<void> {
  await sql.unsafe(`drop table if exists ${TABLE}`);
  await sql.unsafe(`create table ${TABLE} (id int primary key, balance bigint not null)`);
  await sql.unsafe(`insert into ${TABLE} select i, 1000000000000 from generate_series(1, ${rows}) i`);
  await sql.unsafe(`vacuum analyze ${TABLE}`);
}

/** `rows` 1 = the hot row (id 1); more = a uniformly random row per transaction. */
export async function runPgbench(url: string, o: { clients: number; seconds: number; rows: number }): Promise<PgbenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'kc-pgbench-'));
  try {
    const id = o.rows === 1 ? '1' : ':id';
    const script = `${o.rows === 1 ? '' : `\\set id random(1, ${o.rows})\n`}update ${TABLE} set balance = balance - 1 where id = ${id} and balance >= 1;\n`;
    writeFileSync(join(dir, 'update.sql'), script);
    const args = ['-n', '-M', 'prepared', '-c', String(o.clients), '-j', '2', '-T', String(o.seconds), '-f', join(dir, 'update.sql'), '-l', `--log-prefix=${join(dir, 'tx')}`, url];
    const { stdout } = await run(process.env.PGBENCH ?? 'pgbench', args, { maxBuffer: 1 << 20 });
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1]);
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
    // log lines: client_id transaction_no latency_us script_no epoch_s epoch_us
    const latencies = readdirSync(dir)
      .filter((f) => f.startsWith('tx.'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n'))
      .map((line) => Number(line.split(' ')[2]) / 1000)
      .sort((a, b) => a - b);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
    return { tps, p50: q(0.5), p99: q(0.99), failed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
