import { and, asc, count, eq, gte, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { calendarDays, calendarYears, type CalendarNotice } from '../../db/schema/calendar.js';

export async function daysBetween(db: Executor, from: string, to: string) {
  return db
    .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name })
    .from(calendarDays)
    .where(and(gte(calendarDays.date, from), lte(calendarDays.date, to)));
}

export async function yearsBetween(db: Executor, from: number, to: number): Promise<number[]> {
  const rows = await db
    .select({ year: calendarYears.year })
    .from(calendarYears)
    .where(and(gte(calendarYears.year, from), lte(calendarYears.year, to)));
  return rows.map((r) => r.year);
}

export async function listYears(db: Executor) {
  return db
    .select({
      year: calendarYears.year,
      notices: calendarYears.notices,
      updatedAt: calendarYears.updatedAt,
      // A join, not a correlated subquery: drizzle renders ${calendarYears.year} unqualified inside
      // sql``, which there resolved to d.year and counted every year's days.
      holidays: sql<number>`count(${calendarDays.date}) filter (where ${calendarDays.kind} = 'holiday')::int`,
      workdays: sql<number>`count(${calendarDays.date}) filter (where ${calendarDays.kind} = 'workday')::int`,
    })
    .from(calendarYears)
    .leftJoin(calendarDays, eq(calendarDays.year, calendarYears.year))
    .groupBy(calendarYears.year)
    .orderBy(asc(calendarYears.year));
}

export async function findYear(db: Executor, year: number) {
  const [row] = await db.select().from(calendarYears).where(eq(calendarYears.year, year));
  if (!row) {
    return null;
  }
  const days = await db.select().from(calendarDays).where(eq(calendarDays.year, year)).orderBy(asc(calendarDays.date));
  return { ...row, days };
}

/** Locks the year row (if any) so concurrent edits of one year serialise. */
export async function lockYear(tx: Executor, year: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('calendar_year'), ${year})`);
}

export async function replaceYear(
  tx: Executor,
  input: { year: number; notices: CalendarNotice[]; days: { date: string; kind: 'holiday' | 'workday'; name: string }[]; userId: number | null },
): Promise<void> {
  await tx
    .insert(calendarYears)
    .values({ year: input.year, notices: input.notices, updatedBy: input.userId })
    .onConflictDoUpdate({ target: calendarYears.year, set: { notices: input.notices, updatedBy: input.userId, updatedAt: new Date() } });
  await tx.delete(calendarDays).where(eq(calendarDays.year, input.year));
  if (input.days.length) {
    await tx.insert(calendarDays).values(input.days.map((d) => ({ ...d, year: input.year })));
  }
}

export async function countDays(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(calendarDays);
  return Number(row.n);
}
