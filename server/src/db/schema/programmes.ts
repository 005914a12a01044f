import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { calls, cases } from './cases.js';
import { enterprises } from './enterprises.js';
import { users } from './orgs.js';

/** One item of a programme's expert score sheet (the panel scores each within 0–max). */
export interface ProgrammeScoreItem {
  code: string;
  label: string;
  max: number;
}

/**
 * A programme (计划类别) of the bureau: the case type its projects have (major / general /
 * agri_social), how applicants come in (designed topics with invited applicants, through the
 * districts, open), the tranche split of its grants in percents and its expert score sheet.
 */
export const programmes = pgTable(
  'programmes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** the case type of its projects (the programmes instrument's types) */
    type: text('type').notNull(),
    /** designed: 主动设计 topics with invited applicants; district: 依托区县推荐; open: 自由申报 */
    selection: text('selection').notNull(),
    description: text('description'),
    trancheSplit: smallint('tranche_split').array().notNull().default(sql`'{50,30,20}'::smallint[]`),
    scoreItems: jsonb('score_items').$type<ProgrammeScoreItem[]>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('programmes_selection', sql`${t.selection} in ('designed', 'district', 'open')`)],
);

/** A programme's budget of one year (the ledger scope of its `budget` account). */
export const programmeYears = pgTable(
  'programme_years',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    year: smallint('year').notNull(),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    /** the ledger movement that appropriated the budget */
    movementId: bigint('movement_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('programme_years_programme_year').on(t.programmeId, t.year), check('programme_years_budget', sql`${t.budgetFen} > 0`)],
);

export interface CallTopic {
  code: string;
  title: string;
  description: string;
}

/** A programme's call (指南), keyed by the kernel's call row: topics, eligibility, ceilings. */
export const programmeCalls = pgTable(
  'programme_calls',
  {
    id: integer('id')
      .primaryKey()
      .references(() => calls.id),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    programmeYearId: integer('programme_year_id')
      .notNull()
      .references(() => programmeYears.id),
    topics: jsonb('topics').$type<CallTopic[]>().notNull(),
    eligibility: text('eligibility').notNull(),
    /** the most city subsidy one project may request */
    ceilingFen: bigint('ceiling_fen', { mode: 'number' }).notNull(),
    /** the call's total budget: the ranking's funding cut-off */
    totalBudgetFen: bigint('total_budget_fen', { mode: 'number' }).notNull(),
    /** only invited enterprises may apply (主动设计) */
    invitedOnly: boolean('invited_only').notNull().default(false),
  },
  (t) => [
    index('programme_calls_programme_idx').on(t.programmeId),
    check('programme_calls_amounts', sql`${t.ceilingFen} > 0 and ${t.totalBudgetFen} >= ${t.ceilingFen}`),
  ],
);

/** Enterprises invited to a designed call. */
export const programmeInvitations = pgTable(
  'programme_invitations',
  {
    callId: integer('call_id')
      .notNull()
      .references(() => programmeCalls.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    invitedBy: integer('invited_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.enterpriseId] })],
);

export interface BudgetLine {
  category: string;
  cityFen: number;
  selfFen: number;
  note: string;
}
export interface ProjectKpi {
  key: string;
  name: string;
  unit: string;
  target: number;
}
export interface ProjectMilestone {
  name: string;
  due: string;
}
export interface ProjectPlanData {
  summary: string;
  objectives: string;
  content: string;
  basis: string;
  team: { name: string; title: string; role: string }[];
  partners: { name: string; role: string }[];
}

/** A project application (the programmes instrument's detail row, keyed by its case). */
export const projectApplications = pgTable(
  'project_applications',
  {
    id: integer('id')
      .primaryKey()
      .references(() => cases.id),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    programmeYearId: integer('programme_year_id')
      .notNull()
      .references(() => programmeYears.id),
    topicCode: text('topic_code'),
    formVersion: smallint('form_version').notNull().default(1),
    plan: jsonb('plan').$type<ProjectPlanData>().notNull(),
    budgetLines: jsonb('budget_lines').$type<BudgetLine[]>().notNull(),
    kpis: jsonb('kpis').$type<ProjectKpi[]>().notNull(),
    milestones: jsonb('milestones').$type<ProjectMilestone[]>().notNull(),
    startOn: date('start_on', { mode: 'string' }),
    endOn: date('end_on', { mode: 'string' }),
    /** Σ city subsidy of the budget lines */
    requestedFen: bigint('requested_fen', { mode: 'number' }).notNull().default(0),
    selfRaisedFen: bigint('self_raised_fen', { mode: 'number' }).notNull().default(0),
    /** the bureau's moderated amount (拟资助) */
    recommendedFen: bigint('recommended_fen', { mode: 'number' }),
    moderationReason: text('moderation_reason'),
    districtOpinion: text('district_opinion'),
    /** the approved amount (立项), committed on the ledger */
    approvedFen: bigint('approved_fen', { mode: 'number' }),
    /** the business date of the approval (the indicator's year) */
    approvedOn: date('approved_on', { mode: 'string' }),
    contractNo: text('contract_no'),
    contractSignedOn: date('contract_signed_on', { mode: 'string' }),
    /** the signed task contract (a case attachment) */
    contractAttachmentId: integer('contract_attachment_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('project_applications_programme_idx').on(t.programmeId, t.programmeYearId),
    index('project_applications_approved_idx').on(t.approvedOn).where(sql`${t.approvedOn} is not null`),
    uniqueIndex('project_applications_contract_no').on(t.contractNo).where(sql`${t.contractNo} is not null`),
    check('project_applications_amounts', sql`${t.requestedFen} >= 0 and ${t.selfRaisedFen} >= 0`),
    check('project_applications_recommended', sql`${t.recommendedFen} is null or (${t.recommendedFen} > 0 and ${t.recommendedFen} <= ${t.requestedFen})`),
    check('project_applications_approved', sql`${t.approvedFen} is null or (${t.approvedFen} > 0 and ${t.approvedFen} <= ${t.requestedFen})`),
    check('project_applications_dates', sql`${t.startOn} is null or ${t.endOn} is null or ${t.endOn} > ${t.startOn}`),
  ],
);
