import { customType, index, integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './orgs.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export type ReportJobStatus = 'running' | 'done' | 'failed';

/** A generated report (the annual work summary): a job with progress, then its Word and Markdown output. */
export const reportJobs = pgTable(
  'report_jobs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').$type<'annual'>().notNull(),
    year: smallint('year').notNull(),
    status: text('status').$type<ReportJobStatus>().notNull().default('running'),
    progress: smallint('progress').notNull().default(0),
    markdown: text('markdown'),
    docx: bytea('docx'),
    error: text('error'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('report_jobs_kind_year_idx').on(t.kind, t.year, t.id)],
);
