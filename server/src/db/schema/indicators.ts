import { sql } from 'drizzle-orm';
import { date, index, integer, numeric, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { districts, users } from './orgs.js';

/** One upload of reported statistics or targets (Excel/CSV or entered), for provenance and the audit trail. */
export const indicatorImports = pgTable('indicator_imports', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  kind: text('kind').$type<'reported' | 'targets'>().notNull(),
  filename: text('filename'),
  rows: integer('rows').notNull(),
  replaced: integer('replaced').notNull().default(0),
  importedBy: integer('imported_by').references(() => users.id),
  importedByName: text('imported_by_name').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Reported statistics (statistics bureau, patent office…) per indicator, year and district;
 * district_id null is the city-wide figure as published.
 */
export const indicatorReported = pgTable(
  'indicator_reported',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    year: smallint('year').notNull(),
    districtId: integer('district_id').references(() => districts.id),
    value: numeric('value', { precision: 24, scale: 6, mode: 'number' }).notNull(),
    source: text('source').notNull(),
    documentDate: date('document_date', { mode: 'string' }),
    importId: integer('import_id')
      .notNull()
      .references(() => indicatorImports.id),
  },
  (t) => [uniqueIndex('indicator_reported_key').on(t.code, t.year, sql`coalesce(${t.districtId}, 0)`), index('indicator_reported_year_idx').on(t.year)],
);

/** Targets per indicator and year, city-wide (district_id null) and optionally per district. */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    year: smallint('year').notNull(),
    districtId: integer('district_id').references(() => districts.id),
    value: numeric('value', { precision: 24, scale: 6, mode: 'number' }).notNull(),
    source: text('source'),
    note: text('note'),
    importId: integer('import_id').references(() => indicatorImports.id),
    setBy: integer('set_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicator_targets_key').on(t.code, t.year, sql`coalesce(${t.districtId}, 0)`), index('indicator_targets_year_idx').on(t.year)],
);
