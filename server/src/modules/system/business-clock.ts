import type { Executor } from '../../db/client.js';
import { businessToday, clockFrom, setBusinessClock, systemClock, type BusinessClock } from '../../lib/clock.js';
import { readSetting, writeSetting } from './settings.repo.js';

/**
 * Where the demo's business time starts: Monday 12 September 2016, 09:00 China time. The demo
 * data is the 2015 work summary and the 2016 plan half-way through: 2015 is closed and reported,
 * 2016's first half is decided (calls of the spring, the first notices), the autumn is in flight.
 * See docs/decisions/0004-demo-business-date.md.
 */
export const DEMO_BUSINESS_START = new Date('2016-09-12T09:00:00+08:00');

const KEY = 'business_clock';

/** What is stored with the data: business time `businessAt` was the business "now" at machine time `machineAt`. */
interface StoredClock {
  businessAt: string;
  machineAt: string;
}

/** A business clock running at real speed that read `businessAt` at machine time `machineAt`. */
function runningClock(businessAt: Date, machineAt: Date): BusinessClock {
  const offset = businessAt.getTime() - machineAt.getTime();
  return { now: () => new Date(Date.now() + offset) };
}

/** Stores the business clock with the data (the demo seed): a restart on the same data keeps running on it. */
export async function storeBusinessClock(db: Executor, businessAt: Date, machineAt: Date = new Date()): Promise<void> {
  await writeSetting(db, KEY, { businessAt: businessAt.toISOString(), machineAt: machineAt.toISOString() } satisfies StoredClock);
}

/** The business clock stored with the data, or null (a deployment without demo data: the real clock). */
export async function storedBusinessClock(db: Executor): Promise<BusinessClock | null> {
  const s = await readSetting<StoredClock>(db, KEY);
  return s ? runningClock(new Date(s.businessAt), new Date(s.machineAt)) : null;
}

/** BUSINESS_DATE=YYYY-MM-DD: that day at 09:00 China time. */
export function businessDateStart(day: string): Date {
  return new Date(`${day}T09:00:00+08:00`);
}

export type ClockSource = 'env' | 'data' | 'system';

/**
 * Pins the process's business clock before it serves: BUSINESS_DATE when given (a day: starts
 * there at 09:00 China time and runs at real speed; `system`: the machine's clock), else the
 * clock stored with the data, else the machine's clock.
 */
export async function pinBusinessClock(db: Executor, override?: string): Promise<{ source: ClockSource; today: string }> {
  let clock: BusinessClock | null = null;
  let source: ClockSource = 'system';
  if (override && override !== 'system') {
    clock = clockFrom(businessDateStart(override));
    source = 'env';
  } else if (!override) {
    clock = await storedBusinessClock(db);
    source = clock ? 'data' : 'system';
  }
  setBusinessClock(clock ?? systemClock);
  return { source, today: businessToday() };
}

/**
 * Runs `work` (the demo seed) with the business clock at the demo's start; `work` stores that
 * clock with the data through `store` in its transaction. The previous clock is restored afterwards.
 */
export async function atDemoBusinessStart<T>(work: (store: (tx: Executor) => Promise<void>) => Promise<T>): Promise<T> {
  const machineAt = new Date();
  const restore = setBusinessClock(runningClock(DEMO_BUSINESS_START, machineAt));
  try {
    return await work((tx) => storeBusinessClock(tx, DEMO_BUSINESS_START, machineAt));
  } finally {
    restore();
  }
}
