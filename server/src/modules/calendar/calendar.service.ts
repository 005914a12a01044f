import type { Db, Executor } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, notFound, type FieldIssue } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { addDays, dayInfo, isWeekend, nthWorkingDay, yearOf, type CalendarSlice } from './calendar.core.js';
import { assertCanEditCalendar } from './calendar.policy.js';
import * as repo from './calendar.repo.js';
import type { YearBody } from './calendar.schema.js';

async function loadSlice(db: Executor, from: string, to: string): Promise<CalendarSlice> {
  const [rows, years] = await Promise.all([repo.daysBetween(db, from, to), repo.yearsBetween(db, yearOf(from), yearOf(to))]);
  return { days: new Map(rows.map((r) => [r.date, { kind: r.kind, name: r.name }])), loadedYears: new Set(years) };
}

export async function getDay(opts: { db: Executor; date: string }) {
  return dayInfo(opts.date, await loadSlice(opts.db, opts.date, opts.date));
}

/**
 * The N-th working day counted from `from` (inclusive when it is a working day): the end of a
 * period of N working days. Loads the exceptions for a window and widens it if needed.
 */
export async function workingDaysEnd(opts: { db: Executor; from: string; days: number }) {
  let span = Math.ceil((opts.days * 7) / 5) + 45;
  for (;;) {
    const until = addDays(opts.from, span);
    const slice = await loadSlice(opts.db, opts.from, until);
    const end = nthWorkingDay(opts.from, opts.days, slice, until);
    if (end) {
      const start = nthWorkingDay(opts.from, 1, slice, until) ?? end;
      let provisional = false;
      for (let y = yearOf(opts.from); y <= yearOf(end); y++) {
        provisional ||= !slice.loadedYears.has(y);
      }
      return { start, end, days: opts.days, provisional };
    }
    span *= 2;
  }
}

/** Library form for other modules (public notices): the last day of a period of n working days. */
export async function addWorkingDays(from: string, n: number, db: Executor): Promise<string> {
  return (await workingDaysEnd({ db, from, days: n })).end;
}

export async function listYears(opts: { db: Executor }) {
  const rows = await repo.listYears(opts.db);
  return { items: rows.map((r) => ({ ...r, holidays: Number(r.holidays), workdays: Number(r.workdays), updatedAt: r.updatedAt.toISOString() })) };
}

function present(row: NonNullable<Awaited<ReturnType<typeof repo.findYear>>>) {
  const pick = (kind: 'holiday' | 'workday') => row.days.filter((d) => d.kind === kind).map((d) => ({ date: d.date, name: d.name }));
  return { year: row.year, notices: row.notices, holidays: pick('holiday'), workdays: pick('workday'), updatedAt: row.updatedAt.toISOString() };
}

export async function getYear(opts: { db: Executor; year: number }) {
  const row = await repo.findYear(opts.db, opts.year);
  if (!row) {
    throw notFound(`${opts.year}年节假日安排`);
  }
  return present(row);
}

/** Every date inside the year, no date twice, worked days on a Saturday or Sunday. */
export function yearProblems(year: number, body: YearBody): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Map<string, string>();
  const check = (list: YearBody['holidays'], key: 'holidays' | 'workdays') =>
    list.forEach((d, i) => {
      const field = `${key}.${i}.date`;
      if (yearOf(d.date) !== year) {
        issues.push({ field, message: `${d.date} 不在${year}年内（跨年日期请录入到所属年份）` });
      }
      const prior = seen.get(d.date);
      if (prior) {
        issues.push({ field, message: `${d.date} 重复（已出现在 ${prior}）` });
      } else {
        seen.set(d.date, field);
      }
      if (key === 'workdays' && !isWeekend(d.date)) {
        issues.push({ field, message: `${d.date} 不是周六或周日，不能设为调休上班日` });
      }
    });
  check(body.holidays, 'holidays');
  check(body.workdays, 'workdays');
  return issues;
}

/** Loads or replaces a whole year's arrangement (city_admin), audited with before and after. */
export async function saveYear(opts: { db: Db; ctx: RequestContext; year: number; body: YearBody }) {
  const actor = opts.ctx.actor;
  if (!actor) {
    throw new AppError('unauthenticated', '请先登录');
  }
  assertCanEditCalendar(actor);
  const issues = yearProblems(opts.year, opts.body);
  if (issues.length) {
    throw new AppError('validation_failed', issues[0].message, { fields: issues });
  }
  const days = [
    ...opts.body.holidays.map((d) => ({ ...d, kind: 'holiday' as const })),
    ...opts.body.workdays.map((d) => ({ ...d, kind: 'workday' as const })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return opts.db.transaction(async (tx) => {
    await repo.lockYear(tx, opts.year);
    const before = await repo.findYear(tx, opts.year);
    await repo.replaceYear(tx, { year: opts.year, notices: opts.body.notices, days, userId: actor.userId });
    const after = await repo.findYear(tx, opts.year);
    await recordAudit(tx, opts.ctx, {
      action: before ? 'calendar.year.update' : 'calendar.year.load',
      objectType: 'calendar_year',
      objectId: opts.year,
      before: before ? present(before) : null,
      after: present(after!),
    });
    return present(after!);
  });
}
