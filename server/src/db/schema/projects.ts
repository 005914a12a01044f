import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { cases } from './cases.js';
import { paymentOrders } from './payments.js';

/**
 * Module `projects` (docs/projects.md): what happens to an approved project (a `programmes` case)
 * after its task contract — the mid-term check, the acceptance, change cases. Each is a case of
 * its own instrument on the case kernel; these are their detail rows (id = the case id).
 */
export interface KpiProgress {
  key: string;
  actual: number;
  /** what proves it (a certificate number, a report), optional for the mid-term */
  evidence?: string | null;
}

/** 中期检查 (instrument project_midterm). */
export const projectMidterms = pgTable(
  'project_midterms',
  {
    id: integer('id')
      .primaryKey()
      .references(() => cases.id),
    projectCaseId: integer('project_case_id')
      .notNull()
      .references(() => cases.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    progress: text('progress'),
    kpiProgress: jsonb('kpi_progress').$type<KpiProgress[]>().notNull().default([]),
    spentFen: bigint('spent_fen', { mode: 'number' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** the tranche prepared when the check passed */
    trancheOrderId: integer('tranche_order_id').references(() => paymentOrders.id),
  },
  (t) => [uniqueIndex('project_midterms_project_uq').on(t.projectCaseId), check('project_midterms_spent_check', sql`${t.spentFen} is null or ${t.spentFen} >= 0`)],
);

export const ACCEPTANCE_RESULTS = ['pass', 'pass_conditions', 'fail'] as const;
export type AcceptanceResult = (typeof ACCEPTANCE_RESULTS)[number];

/** 验收 (instrument project_acceptance): the committed KPIs are the checklist. */
export const projectAcceptances = pgTable(
  'project_acceptances',
  {
    id: integer('id')
      .primaryKey()
      .references(() => cases.id),
    projectCaseId: integer('project_case_id')
      .notNull()
      .references(() => cases.id),
    summary: text('summary'),
    kpiActuals: jsonb('kpi_actuals').$type<KpiProgress[]>().notNull().default([]),
    spentFen: bigint('spent_fen', { mode: 'number' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    result: text('result').$type<AcceptanceResult>(),
    conditions: text('conditions'),
    concludedOn: date('concluded_on', { mode: 'string' }),
    trancheOrderId: integer('tranche_order_id').references(() => paymentOrders.id),
    clawbackOrderId: integer('clawback_order_id').references(() => paymentOrders.id),
    releasedFen: bigint('released_fen', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('project_acceptances_project_uq').on(t.projectCaseId),
    check('project_acceptances_result_check', sql`${t.result} is null or ${t.result} in ('pass','pass_conditions','fail')`),
    check('project_acceptances_conditions_check', sql`${t.result} is distinct from 'pass_conditions' or ${t.conditions} is not null`),
    check('project_acceptances_spent_check', sql`${t.spentFen} is null or ${t.spentFen} >= 0`),
  ],
);

export const CHANGE_KINDS = ['extension', 'budget_shift', 'kpi_change'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** What a change asks for (by kind), and what it replaced when approved. */
export interface ChangePayload {
  endOn?: string;
  budgetLines?: { category: string; cityFen: number; selfFen: number; note: string }[];
  kpis?: { key: string; name: string; unit: string; target: number }[];
}

/** 项目变更 (instrument project_change): extension, budget shift, KPI change — approved or not, with history. */
export const projectChanges = pgTable(
  'project_changes',
  {
    id: integer('id')
      .primaryKey()
      .references(() => cases.id),
    projectCaseId: integer('project_case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').$type<ChangeKind>().notNull(),
    reason: text('reason').notNull(),
    requested: jsonb('requested').$type<ChangePayload>().notNull(),
    /** the plan's values before the change (for the history) */
    previous: jsonb('previous').$type<ChangePayload>().notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (t) => [index('project_changes_project_idx').on(t.projectCaseId, t.id), check('project_changes_kind_check', sql`${t.kind} in ('extension','budget_shift','kpi_change')`)],
);
