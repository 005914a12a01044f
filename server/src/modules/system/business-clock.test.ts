import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { businessNow, businessToday } from '../../lib/clock.js';
import { openTestDatabase } from '../../test/harness.js';
import { DEMO_BUSINESS_START, pinBusinessClock, storeBusinessClock } from './business-clock.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

describe('the business clock', () => {
  it('when no clock is stored with the data, then the machine clock is used', async () => {
    expect(await pinBusinessClock(db.db)).toEqual({ source: 'system', today: businessToday() });
    expect(Math.abs(businessNow().getTime() - Date.now())).toBeLessThan(5_000);
  });

  it('when a clock is stored, then a start continues it at real speed from where it was read (never back)', async () => {
    // read at the demo start one hour of machine time ago: it is now 10:00 on the demo day
    await storeBusinessClock(db.db, DEMO_BUSINESS_START, new Date(Date.now() - 3_600_000));
    expect(await pinBusinessClock(db.db)).toEqual({ source: 'data', today: '2016-09-12' });
    const drift = businessNow().getTime() - (DEMO_BUSINESS_START.getTime() + 3_600_000);
    expect(Math.abs(drift)).toBeLessThan(5_000);
  });

  it('when BUSINESS_DATE is given, then it overrides the stored clock; `system` gives the machine clock', async () => {
    expect(await pinBusinessClock(db.db, '2017-01-05')).toEqual({ source: 'env', today: '2017-01-05' });
    expect(await pinBusinessClock(db.db, 'system')).toMatchObject({ source: 'system' });
    expect(Math.abs(businessNow().getTime() - Date.now())).toBeLessThan(5_000);
  });
});
