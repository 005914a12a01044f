import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { cases } from './cases.js';
import { enterprises } from './enterprises.js';
import { districts, users } from './orgs.js';
import { recognitions } from './recognitions.js';

export const ANNUAL_REPORT_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type AnnualReportStatus = (typeof ANNUAL_REPORT_STATUSES)[number];

/** A recognised enterprise's annual report (年度报告) for one recognition and year: filed by the enterprise, reviewed by the bureau. */
export const annualReports = pgTable(
  'annual_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    recognitionId: integer('recognition_id')
      .notNull()
      .references(() => recognitions.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    year: smallint('year').notNull(),
    /** figures of the year in yuan / persons (revenue, R&D, staff, IP…) */
    data: jsonb('data').notNull(),
    status: text('status').$type<AnnualReportStatus>().notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('annual_reports_recognition_year').on(t.recognitionId, t.year),
    index('annual_reports_year_idx').on(t.year, t.status, t.id),
    check('annual_reports_status', sql`${t.status} in ('draft','submitted','accepted','returned')`),
  ],
);

/** A random spot check (抽查) draw: the population, the stratification by district and the seed, so anyone can redo it. */
export const spotCheckDraws = pgTable('spot_check_draws', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  year: smallint('year').notNull(),
  title: text('title').notNull(),
  /** recognition types in the population */
  types: text('types').array().notNull(),
  /** the sampling rate (0 < rate ≤ 1), at least one per non-empty district */
  rate: text('rate').notNull(),
  seed: text('seed').notNull(),
  /** per district: population size and drawn count; the population's recognition ids in order */
  strata: jsonb('strata').notNull(),
  drawnOn: date('drawn_on', { mode: 'string' }).notNull(),
  drawnBy: integer('drawn_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const SPOT_CHECK_FINDINGS = ['compliant', 'rectify', 'revoke'] as const;
export type SpotCheckFinding = (typeof SPOT_CHECK_FINDINGS)[number];

/** One drawn recognition of a spot check and its finding; a finding other than compliant opens a supervision case. */
export const spotCheckItems = pgTable(
  'spot_check_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    drawId: integer('draw_id')
      .notNull()
      .references(() => spotCheckDraws.id),
    recognitionId: integer('recognition_id')
      .notNull()
      .references(() => recognitions.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    finding: text('finding').$type<SpotCheckFinding>(),
    findingNote: text('finding_note'),
    checkedOn: date('checked_on', { mode: 'string' }),
    caseId: integer('case_id').references(() => cases.id),
    recordedBy: integer('recorded_by').references(() => users.id),
  },
  (t) => [
    unique('spot_check_items_draw_recognition').on(t.drawId, t.recognitionId),
    index('spot_check_items_district_idx').on(t.districtId, t.drawId),
    check('spot_check_items_finding', sql`${t.finding} is null or ${t.finding} in ('compliant','rectify','revoke')`),
  ],
);

/** The detail of a supervision case (instrument `supervision`): rectification or revocation of one recognition. */
export const supervisionCases = pgTable('supervision_cases', {
  id: integer('id')
    .primaryKey()
    .references(() => cases.id),
  recognitionId: integer('recognition_id')
    .notNull()
    .references(() => recognitions.id),
  spotCheckItemId: integer('spot_check_item_id').references(() => spotCheckItems.id),
  finding: text('finding').notNull(),
  /** what the enterprise must put right, and by when (rectification) */
  requirement: text('requirement'),
  rectifyBy: date('rectify_by', { mode: 'string' }),
  /** the enterprise's rectification report */
  report: text('report'),
  /** the revocation's effective date, once revoked */
  revokedOn: date('revoked_on', { mode: 'string' }),
});
