import { mkdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ConfigError, loadEnv } from './config/env.js';
import { auditCheckpointFile, loadAuditKey } from './config/audit-key.js';
import { claimDataDir } from './config/instance-lock.js';
import { loadPiiKey } from './config/pii-key.js';
import { openDatabase } from './db/client.js';
import { isNewEmbeddedDataDir, prepareEmbeddedDatabase, type FirstStartResult } from './db/first-start.js';
import { exitAfterFlush, exitDeadline } from './http/shutdown.js';
import { PiiCipher } from './lib/pii.js';
import type { ClockSource } from './modules/system/business-clock.js';

const CLOCK_SOURCES: Record<ClockSource, string> = {
  env: '由 BUSINESS_DATE 设定，按实际时间走',
  data: '演示数据的业务时钟，按实际时间走；BUSINESS_DATE 可改',
  system: '系统时间',
};

async function main(): Promise<void> {
  const started = performance.now();
  let env;
  let piiKey;
  let auditKey;
  try {
    env = loadEnv();
    piiKey = loadPiiKey(env);
    auditKey = loadAuditKey(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const pii = new PiiCipher(piiKey.key);
  const embedded = !env.DATABASE_URL;
  // embedded: the data directory is marked in use, so npm run backup / restore refuse while we run
  let releaseDataDir: () => void = () => undefined;
  if (embedded) {
    mkdirSync(env.DATA_DIR, { recursive: true });
    releaseDataDir = claimDataDir(env.DATA_DIR);
  }
  // A new embedded database is created and filled in a child process (its memory goes back to the
  // system when it exits); meanwhile this process loads the application's modules.
  const firstStart: Promise<FirstStartResult> | null = embedded && isNewEmbeddedDataDir(env.DATA_DIR) ? prepareEmbeddedDatabase() : null;
  firstStart?.catch(() => undefined); // awaited below; not an unhandled rejection while the modules load
  const [{ buildApp }, { DEMO_ACCOUNTS, isEmpty, seedDemo }, { startExpiryScheduler }, { pinBusinessClock }] = await Promise.all([
    import('./app.js'),
    import('./db/seed/demo.js'),
    import('./modules/recognitions/expiry.js'),
    import('./modules/system/business-clock.js'),
  ]);
  let seeded: { enterprises: number; users: number } | null = null;
  try {
    seeded = firstStart ? (await firstStart).seeded : null;
  } catch (err) {
    releaseDataDir();
    throw err;
  }
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: env.DATABASE_POOL_SIZE });
  await database.migrate();
  if (env.DEMO_DATA && !firstStart && (await isEmpty(database.db))) {
    seeded = await seedDemo({ db: database.db, pii, password: env.DEMO_PASSWORD });
  }
  // business dates (deadlines, notice periods, call windows) read this clock; record times stay on the machine's
  const clock = await pinBusinessClock(database.db, env.BUSINESS_DATE);
  const app = await buildApp({
    database,
    pii,
    // the audit chain's key is kept outside the database, its head anchored in the data directory
    audit: { key: auditKey.key, checkpointFile: auditCheckpointFile(env) },
    settings: {
      sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
      sessionAbsoluteMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000,
      cookieSecure: env.COOKIE_SECURE,
      trustProxy: env.TRUST_PROXY,
      webDist: env.WEB_DIST,
      logLevel: env.LOG_LEVEL,
    },
  });

  let closing = false;
  let stopExpiry: () => void = () => undefined;
  const shutdown = async (signal: string) => {
    if (closing) {
      return;
    }
    closing = true;
    // never hang: whatever blocks the steps below, the process ends within 30 s
    exitDeadline(app.log, 30_000);
    stopExpiry();
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    releaseDataDir();
    // a stdout whose reader has gone must not hold the exit (pino's synchronous flush retries EPIPE for ever)
    await exitAfterFlush(app.log, 0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: env.HOST, port: env.PORT });
  // records certificates that have expired (timeline + audit) now and hourly; unref'd, so it never holds the process
  stopExpiry = startExpiryScheduler({ db: database.db, log: app.log });
  const url = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`;
  const where = embedded ? `嵌入式 PGlite（${env.DATA_DIR}）` : 'PostgreSQL 服务器（DATABASE_URL）';
  const lines = [
    '',
    `科创 Kechuang 已启动：${url}`,
    `数据库：${where}${seeded ? `；演示数据已载入：${seeded.enterprises} 家企业，${seeded.users} 个账户` : ''}`,
    `业务日期：${clock.today}（${CLOCK_SOURCES[clock.source]}）`,
    `接口文档：${url}/api/docs`,
    `启动耗时 ${((performance.now() - started) / 1000).toFixed(1)} 秒，内存 RSS ${Math.round(process.memoryUsage().rss / 1048576)} MB`,
  ];
  if (env.DEMO_DATA) {
    lines.push(`演示账户（密码均为 ${env.DEMO_PASSWORD}，可用 DEMO_PASSWORD 设置）：`);
    for (const a of DEMO_ACCOUNTS) {
      lines.push(`  ${a.username.padEnd(11)} ${a.description}`);
    }
  }
  console.log(lines.join('\n'));
}

main().catch((err: unknown) => {
  console.error('启动失败 / start failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
