import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.js';

/** Sign-in failure counts untouched this long (and not locking anyone now) are of no use any more. */
export const THROTTLE_KEEP_MS = 24 * 3_600_000;
/** How often the expired counters are purged while the app runs (and once at start). */
export const PURGE_EVERY_MS = 10 * 60_000;

export interface PurgeLimits {
  /** rows deleted per statement: a short lock, a short transaction */
  batch: number;
  /** statements per table per run: a run is bounded however many rows have piled up */
  maxBatches: number;
}
export const DEFAULT_PURGE_LIMITS: PurgeLimits = { batch: 1_000, maxBatches: 50 };

async function purgeInBatches(database: Database, deleteBatch: () => ReturnType<typeof sql>, limits: PurgeLimits): Promise<number> {
  let total = 0;
  for (let i = 0; i < limits.maxBatches; i++) {
    const rows = await database.rows<{ n: number }>(deleteBatch());
    const n = Number(rows[0]?.n ?? 0);
    total += n;
    if (n < limits.batch) {
      break;
    }
  }
  return total;
}

/**
 * Deletes expired rows of login_throttle (untouched for a day and not locked now) and
 * rate_limits (windows that ended), in batches, at most `batch × maxBatches` rows a table a run.
 */
export async function purgeExpiredCounters(database: Database, now: Date = new Date(), limits: PurgeLimits = DEFAULT_PURGE_LIMITS): Promise<{ throttles: number; rateLimits: number }> {
  // ISO strings, cast in SQL: the PostgreSQL server's driver takes no Date parameter in raw SQL
  const staleBefore = new Date(now.getTime() - THROTTLE_KEEP_MS).toISOString();
  const at = now.toISOString();
  const throttles = await purgeInBatches(
    database,
    () => sql`with gone as (
      delete from login_throttle where key in (
        select key from login_throttle
        where updated_at < ${staleBefore}::timestamptz and (locked_until is null or locked_until < ${at}::timestamptz)
        limit ${limits.batch})
      returning 1)
      select count(*)::int as n from gone`,
    limits,
  );
  const rateLimits = await purgeInBatches(
    database,
    () => sql`with gone as (
      delete from rate_limits where key in (select key from rate_limits where reset_at < ${at}::timestamptz limit ${limits.batch})
      returning 1)
      select count(*)::int as n from gone`,
    limits,
  );
  return { throttles, rateLimits };
}

/** Purges once the app is ready and then every PURGE_EVERY_MS; stops when the app closes. */
export function scheduleCounterPurge(app: FastifyInstance, database: Database): void {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = purgeExpiredCounters(database).catch((err: unknown) => app.log.warn({ err }, 'purging expired sign-in and rate-limit counters failed'));
  };
  app.addHook('onReady', async () => {
    run();
    timer = setInterval(run, PURGE_EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) {
      clearInterval(timer);
    }
    await running;
  });
}
