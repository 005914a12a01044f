import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/harness.js';
import { purgeExpiredCounters, THROTTLE_KEEP_MS } from './counters.purge.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
}, 120_000);
afterAll(async () => database?.close());

const now = new Date('2026-06-01T12:00:00Z');
// ISO strings: the PostgreSQL server's driver takes no Date parameter in raw SQL
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const later = (ms: number) => new Date(now.getTime() + ms).toISOString();
const keys = async (table: 'login_throttle' | 'rate_limits') =>
  (await database.rows<{ key: string }>(sql`select key from ${sql.identifier(table)} order by key`)).map((r) => r.key);

describe('purging expired sign-in and rate-limit counters', () => {
  beforeAll(async () => {
    await database.db.execute(sql`delete from login_throttle`);
    await database.db.execute(sql`delete from rate_limits`);
    const day = THROTTLE_KEEP_MS;
    await database.db.execute(sql`insert into login_throttle (key, username, failures, locked_until, updated_at) values
      ('old-1', 'nobody1', 3, null, ${ago(day + 60_000)}),
      ('old-2', 'nobody2', 1, null, ${ago(2 * day)}),
      ('old-3', 'nobody3', 2, ${ago(day)}, ${ago(3 * day)}),
      ('fresh', 'someone', 2, null, ${ago(60_000)}),
      ('old-but-locked', 'victim', 5, ${later(60_000)}, ${ago(2 * day)})`);
    await database.db.execute(sql`insert into rate_limits (key, hits, reset_at) values
      ('rl:ended-1', 5, ${ago(1)}), ('rl:ended-2', 9, ${ago(3_600_000)}), ('rl:running', 2, ${later(30_000)})`);
  });

  it('when a run is bounded to one small batch, then it deletes at most that many rows a table', async () => {
    const r = await purgeExpiredCounters(database, now, { batch: 2, maxBatches: 1 });
    expect(r).toEqual({ throttles: 2, rateLimits: 2 });
    expect(await keys('login_throttle')).toHaveLength(3);
    expect(await keys('rate_limits')).toEqual(['rl:running']);
  });

  it('when the next run comes, then the rest of the expired rows go and the live ones stay', async () => {
    const r = await purgeExpiredCounters(database, now, { batch: 2, maxBatches: 5 });
    expect(r).toEqual({ throttles: 1, rateLimits: 0 });
    // a count seen a minute ago, and an old count whose lock still runs, are kept
    expect(await keys('login_throttle')).toEqual(['fresh', 'old-but-locked']);
    expect(await keys('rate_limits')).toEqual(['rl:running']);
  });
});
