/**
 * The one business clock. Business dates — "today" for deadlines, notice periods, call windows,
 * issue dates, voucher validity — are read from here and nowhere else, so tests move time and a
 * demonstration can run at a business date of its own. Record times (createdAt, audit `at`,
 * session expiry) stay on the machine's clock: they say when something was written.
 */
export interface BusinessClock {
  now(): Date;
}

/** The machine's clock (the default: a deployment without a business date of its own). */
export const systemClock: BusinessClock = { now: () => new Date() };
let current: BusinessClock = systemClock;

/** The business "now" (a Date; use businessToday() for the calendar date in China time). */
export function businessNow(): Date {
  return current.now();
}

/** The calendar date in China time (UTC+8, no daylight saving) of an instant. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Today's business date in China time, YYYY-MM-DD. */
export function businessToday(): string {
  return chinaDate(current.now());
}

/**
 * Replaces the business clock (tests, or a demonstration pinned to a business date); returns a
 * function that restores the previous one.
 */
export function setBusinessClock(clock: BusinessClock): () => void {
  const previous = current;
  current = clock;
  return () => {
    current = previous;
  };
}

/** A clock that starts at `startsAt` and runs at real speed from the moment it is made. */
export function clockFrom(startsAt: Date): BusinessClock {
  const offset = startsAt.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** A clock standing still at one instant (tests). */
export function fixedClock(at: Date | string): BusinessClock {
  const instant = typeof at === 'string' ? new Date(at.length === 10 ? `${at}T04:00:00Z` : at) : at;
  return { now: () => new Date(instant.getTime()) };
}
