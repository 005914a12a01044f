import type { CalendarDayKind } from '../../db/schema/calendar.js';

/**
 * Working-day arithmetic on ISO dates (YYYY-MM-DD, China time), pure: the caller supplies the
 * exceptions (days off, weekend days worked) it loaded for the range.
 */
export interface CalendarSlice {
  /** Exceptions by date. */
  days: ReadonlyMap<string, { kind: CalendarDayKind; name: string }>;
  /** Years whose State Council arrangement is loaded; other years fall back to Monday–Friday. */
  loadedYears: ReadonlySet<number>;
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
export const isWeekend = (date: string): boolean => weekday(date) === 0 || weekday(date) === 6;
export const yearOf = (date: string): number => Number(date.slice(0, 4));

export interface DayInfo {
  date: string;
  workingDay: boolean;
  holiday: string | null;
  weekend: boolean;
  adjustedWorkday: boolean;
  note: string | null;
  provisional: boolean;
}

export function dayInfo(date: string, cal: CalendarSlice): DayInfo {
  const special = cal.days.get(date);
  const weekend = isWeekend(date);
  const provisional = !cal.loadedYears.has(yearOf(date));
  if (special?.kind === 'holiday') {
    return { date, workingDay: false, holiday: special.name, weekend, adjustedWorkday: false, note: null, provisional };
  }
  if (special?.kind === 'workday') {
    return { date, workingDay: true, holiday: null, weekend, adjustedWorkday: true, note: special.name, provisional };
  }
  return { date, workingDay: !weekend, holiday: null, weekend, adjustedWorkday: false, note: null, provisional };
}

export const isWorkingDay = (date: string, cal: CalendarSlice): boolean => dayInfo(date, cal).workingDay;

/**
 * The N-th working day of a period that starts on `from` if that is a working day, else on the
 * next working day (RULES.md §4: a notice of N working days ends at 24:00 of that day).
 * Returns null if it lies beyond `until` (the caller loads a longer slice and asks again).
 */
export function nthWorkingDay(from: string, n: number, cal: CalendarSlice, until: string): string | null {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError('n must be a positive integer');
  }
  let seen = 0;
  for (let d = from; d <= until; d = addDays(d, 1)) {
    if (isWorkingDay(d, cal) && ++seen === n) {
      return d;
    }
  }
  return null;
}
