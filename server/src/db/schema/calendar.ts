import { date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './orgs.js';

export interface CalendarNotice {
  title: string;
  /** 文号, e.g. 国办发明电〔2014〕28号; null when the notice was issued without one. */
  number: string | null;
  publishedOn: string | null;
}

/** A year whose State Council holiday arrangement is loaded, with the notices it comes from. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  notices: jsonb('notices').$type<CalendarNotice[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by').references(() => users.id),
});

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/** The exceptions to "Monday to Friday": days off (放假) and weekend days worked (调休上班). */
export const calendarDays = pgTable(
  'calendar_days',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    year: integer('year')
      .notNull()
      .references(() => calendarYears.year, { onDelete: 'cascade' }),
    kind: text('kind').$type<CalendarDayKind>().notNull(),
    name: text('name').notNull(),
  },
  (t) => [index('calendar_days_year_idx').on(t.year)],
);
