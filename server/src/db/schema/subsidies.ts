import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { cases } from './cases.js';
import { enterprises } from './enterprises.js';
import { users } from './orgs.js';
import { recognitions } from './recognitions.js';

/**
 * PBoC benchmark lending rates (percent) by term bucket, from an effective date; a row is in force
 * from effectiveFrom until the next row's effectiveFrom, the last one until inForceUntil (inclusive).
 * Bureau-editable data the interest-subsidy calculator reads (RULES §7).
 */
export const subsidyBenchmarkRates = pgTable(
  'subsidy_benchmark_rates',
  {
    effectiveFrom: date('effective_from', { mode: 'string' }).primaryKey(),
    rate1y: numeric('rate_1y', { precision: 7, scale: 4 }).notNull(),
    rate1to5y: numeric('rate_1_5y', { precision: 7, scale: 4 }).notNull(),
    rate5yPlus: numeric('rate_5y_plus', { precision: 7, scale: 4 }).notNull(),
    /** the last day the row is in force when no later row follows (null: open-ended) */
    inForceUntil: date('in_force_until', { mode: 'string' }),
  },
  (t) => [check('subsidy_benchmark_rates_positive', sql`${t.rate1y} > 0 and ${t.rate1to5y} > 0 and ${t.rate5yPlus} > 0`)],
);

/** The subsidy ratio and yearly cap per programme (eagle 雏鹰 / qinglan 青蓝), by effective date. */
export const subsidyParams = pgTable(
  'subsidy_params',
  {
    programme: text('programme').$type<'eagle' | 'qinglan'>().notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    /** fraction of the interest base, e.g. 0.5 */
    ratio: numeric('ratio', { precision: 6, scale: 4 }).notNull(),
    capFen: bigint('cap_fen', { mode: 'number' }).notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.programme, t.effectiveFrom] }),
    check('subsidy_params_programme', sql`${t.programme} in ('eagle','qinglan')`),
    check('subsidy_params_ratio', sql`${t.ratio} > 0 and ${t.ratio} <= 1`),
    check('subsidy_params_cap', sql`${t.capFen} >= 0`),
  ],
);

/**
 * The interest-subsidy detail of a case (instrument `interest_subsidy`; cases.type is the
 * programme, cases.year the subsidy year). The amount is the calculator's answer at approval.
 */
export const interestSubsidyApplications = pgTable(
  'interest_subsidy_applications',
  {
    id: integer('id')
      .primaryKey()
      .references(() => cases.id),
    programme: text('programme').$type<'eagle' | 'qinglan'>().notNull(),
    /** the 雏鹰/青蓝 recognition the claim rests on */
    recognitionId: integer('recognition_id').references(() => recognitions.id),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    /** the calculator's answer on the submitted loans (lines, sum, cap, amount) */
    calculation: jsonb('calculation'),
    requestedFen: bigint('requested_fen', { mode: 'number' }),
    approvedFen: bigint('approved_fen', { mode: 'number' }),
    /** business dates */
    approvedOn: date('approved_on', { mode: 'string' }),
    paidOn: date('paid_on', { mode: 'string' }),
    paymentOrderId: integer('payment_order_id'),
  },
  (t) => [
    index('interest_subsidy_applications_approved_idx').on(t.approvedOn),
    check('interest_subsidy_applications_amounts', sql`(${t.approvedFen} is null or ${t.approvedFen} >= 0) and (${t.requestedFen} is null or ${t.requestedFen} >= 0)`),
  ],
);

/**
 * One bank loan claimed in an application. A loan (enterprise, bank, contract number) is claimed
 * at most once per subsidy year while the claim is live (active = false once the case is refused).
 */
export const interestSubsidyLoans = pgTable(
  'interest_subsidy_loans',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    year: smallint('year').notNull(),
    bank: text('bank').notNull(),
    contractNo: text('contract_no').notNull(),
    principalFen: bigint('principal_fen', { mode: 'number' }).notNull(),
    /** contract annual rate, percent */
    rate: numeric('rate', { precision: 7, scale: 4 }).notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }).notNull(),
    active: integer('active').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('interest_subsidy_loans_case_idx').on(t.caseId, t.id),
    uniqueIndex('interest_subsidy_loans_once_per_year').on(t.enterpriseId, t.bank, t.contractNo, t.year).where(sql`${t.active} = 1`),
    check('interest_subsidy_loans_values', sql`${t.principalFen} > 0 and ${t.rate} > 0 and ${t.endOn} > ${t.startOn} and ${t.active} in (0, 1)`),
  ],
);

/**
 * The annual performance assessment (绩效考核) of a 雏鹰/青蓝 firm for a year: the figures the firm
 * reports, the officer's grade. A fail stops the next year's interest subsidy.
 */
export const performanceAssessments = pgTable(
  'performance_assessments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    programme: text('programme').$type<'eagle' | 'qinglan'>().notNull(),
    year: smallint('year').notNull(),
    revenueFen: bigint('revenue_fen', { mode: 'number' }).notNull(),
    rdFen: bigint('rd_fen', { mode: 'number' }).notNull(),
    employees: integer('employees').notNull(),
    newJobs: integer('new_jobs').notNull(),
    ipCount: integer('ip_count').notNull(),
    taxFen: bigint('tax_fen', { mode: 'number' }).notNull(),
    summary: text('summary'),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    reportedBy: integer('reported_by').references(() => users.id),
    grade: text('grade').$type<'excellent' | 'pass' | 'fail'>(),
    gradeComment: text('grade_comment'),
    gradedOn: date('graded_on', { mode: 'string' }),
    gradedBy: integer('graded_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('performance_assessments_once').on(t.enterpriseId, t.programme, t.year),
    index('performance_assessments_year_idx').on(t.year, t.grade),
    check('performance_assessments_programme', sql`${t.programme} in ('eagle','qinglan')`),
    check('performance_assessments_grade', sql`${t.grade} is null or ${t.grade} in ('excellent','pass','fail')`),
    check('performance_assessments_fail_reason', sql`${t.grade} is distinct from 'fail' or ${t.gradeComment} is not null`),
    check('performance_assessments_values', sql`${t.revenueFen} >= 0 and ${t.rdFen} >= 0 and ${t.employees} >= 0 and ${t.newJobs} >= 0 and ${t.ipCount} >= 0 and ${t.taxFen} >= 0`),
  ],
);
