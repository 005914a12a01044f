import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { cases } from './cases.js';
import { enterprises } from './enterprises.js';
import { districts, users } from './orgs.js';

/** One completer (完成人) of a nominated achievement. */
export interface AwardCompleter {
  name: string;
  unit: string;
  contribution: string;
}

/**
 * A nomination for the city's S&T progress award (杭州市科学技术进步奖), the award instrument's
 * detail row keyed by its case; the grade and certificate number are set by the decision.
 */
export const awardNominations = pgTable(
  'award_nominations',
  {
    id: integer('id')
      .primaryKey()
      .references(() => cases.id),
    achievement: text('achievement').notNull(),
    field: text('field').notNull(),
    summary: text('summary').notNull(),
    completers: jsonb('completers').$type<AwardCompleter[]>().notNull(),
    nominatingUnit: text('nominating_unit').notNull(),
    /** the grade proposed by the panel's ranking, and the one decided */
    proposedGrade: text('proposed_grade'),
    grade: text('grade'),
    certificateNo: text('certificate_no').unique(),
    awardedOn: date('awarded_on', { mode: 'string' }),
  },
  (t) => [
    check('award_nominations_grade', sql`${t.grade} is null or ${t.grade} in ('first','second','third')`),
    check('award_nominations_proposed', sql`${t.proposedGrade} is null or ${t.proposedGrade} in ('first','second','third')`),
  ],
);

/** A national or provincial S&T award won by the city's units (the source of award.* indicators). */
export const awardRecords = pgTable(
  'award_records',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    level: text('level').notNull(),
    /** progress 科学技术进步奖 · invention 技术发明奖 · natural_science 自然科学奖 */
    category: text('category').notNull().default('progress'),
    grade: text('grade').notNull(),
    year: smallint('year').notNull(),
    projectTitle: text('project_title').notNull(),
    units: text('units').array().notNull(),
    /** the first unit when it is in the enterprise registry (its district counts the award) */
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    districtId: integer('district_id').references(() => districts.id),
    documentNo: text('document_no').notNull(),
    awardedOn: date('awarded_on', { mode: 'string' }).notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('award_records_project').on(t.level, t.category, t.year, t.projectTitle),
    index('award_records_year_idx').on(t.year, t.level, t.category, t.grade),
    index('award_records_district_idx').on(t.districtId, t.year),
    check('award_records_level', sql`${t.level} in ('national','provincial')`),
    check('award_records_category', sql`${t.category} in ('progress','invention','natural_science')`),
    check('award_records_grade', sql`${t.grade} in ('special','first','second','third')`),
  ],
);
