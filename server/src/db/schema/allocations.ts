import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { enterprises } from './enterprises.js';
import { districts, users } from './orgs.js';

/** One factor of a factor-method plan; the weight is a decimal string (up to 4 places, Σ = 1). */
export interface AllocationFactor {
  code: string;
  name: string;
  weight: string;
}

/**
 * A factor-method allocation plan (因素法): a total split among the districts by weighted factors
 * (RULES §6). Drafts are edited; approval books it to the districts' budget accounts and freezes
 * it; a correction is a new plan that, on its approval, reverses the old plan's movement.
 */
export const allocationPlans = pgTable(
  'allocation_plans',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    year: smallint('year').notNull(),
    /** city_funds: the city's S&T funds passed down · demonstration: the central small/micro demonstration-city funds (competitive, scores as a factor) */
    kind: text('kind').notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    factors: jsonb('factors').$type<AllocationFactor[]>().notNull(),
    status: text('status').notNull().default('draft'),
    note: text('note'),
    correctsPlanId: integer('corrects_plan_id').references((): AnyPgColumn => allocationPlans.id),
    supersededBy: integer('superseded_by').references((): AnyPgColumn => allocationPlans.id),
    preparedBy: integer('prepared_by')
      .notNull()
      .references(() => users.id),
    approvedBy: integer('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** the business date the plan was booked on */
    approvedOn: date('approved_on', { mode: 'string' }),
    movementId: bigint('movement_id', { mode: 'number' }),
    reversalMovementId: bigint('reversal_movement_id', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('allocation_plans_year_idx').on(t.year, t.id),
    check('allocation_plans_status', sql`${t.status} in ('draft','approved','superseded')`),
    check('allocation_plans_kind', sql`${t.kind} in ('city_funds','demonstration')`),
    check('allocation_plans_total', sql`${t.totalFen} > 0`),
    check('allocation_plans_maker_checker', sql`${t.approvedBy} is null or ${t.approvedBy} <> ${t.preparedBy}`),
    check('allocation_plans_approved', sql`(${t.status} = 'draft') = (${t.approvedBy} is null)`),
  ],
);

/** A district's factor values in a plan and its computed share and amount. */
export const allocationPlanDistricts = pgTable(
  'allocation_plan_districts',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => allocationPlans.id, { onDelete: 'cascade' }),
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    /** factor code → the value as a decimal string (exact) */
    values: jsonb('values').$type<Record<string, string>>().notNull(),
    /** the share as a decimal string, 6 places, rounded half-up */
    share: text('share').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.districtId] }), index('allocation_plan_districts_district_idx').on(t.districtId, t.planId), check('allocation_plan_districts_amount', sql`${t.amountFen} >= 0`)],
);

/**
 * The city's matching-fund policy (《国家、省科技项目杭州市本级财政科技配套资金管理办法》): per level a
 * ratio of the external funding and a cap, versioned by effective date (a project is matched by the
 * version in force on its approval date).
 */
export const matchingPolicies = pgTable(
  'matching_policies',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    level: text('level').notNull(),
    /** a fraction as a decimal string (0.5 = 50 %) */
    ratio: text('ratio').notNull(),
    capFen: bigint('cap_fen', { mode: 'number' }).notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    documentNo: text('document_no').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('matching_policies_level_from').on(t.level, t.effectiveFrom),
    check('matching_policies_level', sql`${t.level} in ('national','provincial')`),
    check('matching_policies_cap', sql`${t.capFen} >= 0`),
  ],
);

/** A national or provincial project of a city unit, registered with its external funding and the city's matching promise. */
export const matchingProjects = pgTable(
  'matching_projects',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    level: text('level').notNull(),
    sourceProgramme: text('source_programme').notNull(),
    title: text('title').notNull(),
    approvalDocNo: text('approval_doc_no').notNull(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    districtId: integer('district_id').references(() => districts.id),
    externalFen: bigint('external_fen', { mode: 'number' }).notNull(),
    /** the external approval's date: it picks the policy version and the year */
    approvedOn: date('approved_on', { mode: 'string' }).notNull(),
    year: smallint('year').notNull(),
    policyId: integer('policy_id')
      .notNull()
      .references(() => matchingPolicies.id),
    ratio: text('ratio').notNull(),
    capFen: bigint('cap_fen', { mode: 'number' }).notNull(),
    matchingFen: bigint('matching_fen', { mode: 'number' }).notNull(),
    promiseMovementId: bigint('promise_movement_id', { mode: 'number' }),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('matching_projects_doc').on(t.level, t.approvalDocNo, t.enterpriseId),
    index('matching_projects_year_idx').on(t.year, t.id),
    index('matching_projects_district_idx').on(t.districtId, t.id),
    index('matching_projects_enterprise_idx').on(t.enterpriseId, t.id),
    check('matching_projects_level', sql`${t.level} in ('national','provincial')`),
    check('matching_projects_external', sql`${t.externalFen} > 0`),
    check('matching_projects_matching', sql`${t.matchingFen} >= 0 and ${t.matchingFen} <= ${t.capFen}`),
  ],
);

/** The payment orders (payments kernel) that pay a matching-fund project's promise. */
export const matchingPayments = pgTable(
  'matching_payments',
  {
    orderId: integer('order_id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => matchingProjects.id),
    seq: smallint('seq').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('matching_payments_seq').on(t.projectId, t.seq)],
);
