import { index, integer, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './orgs.js';

export type BackgroundJobStatus = 'running' | 'done' | 'failed';
export type BackgroundJobKind = 'enterprise_import' | 'voucher_issuance' | 'indicator_import' | 'carrier_stats_import';

/** A per-row problem of an import, reported once: the sheet row, the column title, the message. */
export interface JobRowError {
  row: number;
  column: string;
  message: string;
}

/**
 * A long piece of work (an import, a bulk issuance) run in the background of the process that took
 * the request: progress while running, then the result or the failure with its per-row errors.
 * heartbeat_at moves while the process works on it; a job whose heartbeat stopped was killed.
 */
export const backgroundJobs = pgTable(
  'background_jobs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').$type<BackgroundJobKind>().notNull(),
    status: text('status').$type<BackgroundJobStatus>().notNull().default('running'),
    progress: smallint('progress').notNull().default(0),
    stage: text('stage'),
    filename: text('filename'),
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: text('error'),
    rowErrors: jsonb('row_errors').$type<JobRowError[]>(),
    rowErrorTotal: integer('row_error_total').notNull().default(0),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('background_jobs_running_idx').on(t.status, t.heartbeatAt), index('background_jobs_creator_idx').on(t.createdBy, t.id)],
);
