import { and, eq, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { reportJobs, type ReportJobStatus } from '../../db/schema/reports.js';

export type ReportJobRow = typeof reportJobs.$inferSelect;

const summaryColumns = {
  id: reportJobs.id,
  kind: reportJobs.kind,
  year: reportJobs.year,
  status: reportJobs.status,
  progress: reportJobs.progress,
  error: reportJobs.error,
  createdAt: reportJobs.createdAt,
  finishedAt: reportJobs.finishedAt,
};
export type ReportJobSummary = Pick<ReportJobRow, keyof typeof summaryColumns>;

export async function insertJob(db: Executor, row: { kind: 'annual'; year: number; createdBy: number }): Promise<ReportJobSummary> {
  const [r] = await db.insert(reportJobs).values(row).returning(summaryColumns);
  return r;
}

/**
 * Moves a running job on (progress, output, failure). Only a job still 'running' changes: once it
 * is done or failed (e.g. declared abandoned) nothing overwrites it; undefined tells the worker so.
 */
export async function updateRunningJob(
  db: Executor,
  id: number,
  patch: { status?: ReportJobStatus; progress?: number; markdown?: string; docx?: Buffer; error?: string; finishedAt?: Date },
): Promise<ReportJobSummary | undefined> {
  const [r] = await db
    .update(reportJobs)
    .set(patch)
    .where(and(eq(reportJobs.id, id), eq(reportJobs.status, 'running')))
    .returning(summaryColumns);
  return r;
}

/** Marks every job still 'running' that started before `startedBefore` as failed (abandoned by a crashed process). */
export async function failJobsStartedBefore(db: Executor, startedBefore: Date, error: string, id?: number): Promise<number> {
  const rows = await db
    .update(reportJobs)
    .set({ status: 'failed', error, finishedAt: new Date() })
    .where(and(eq(reportJobs.status, 'running'), lt(reportJobs.createdAt, startedBefore), id === undefined ? undefined : eq(reportJobs.id, id)))
    .returning({ id: reportJobs.id });
  return rows.length;
}

export async function findJob(db: Executor, id: number): Promise<ReportJobSummary | undefined> {
  const [r] = await db.select(summaryColumns).from(reportJobs).where(eq(reportJobs.id, id));
  return r;
}

export async function jobOutput(db: Executor, id: number): Promise<{ year: number; status: ReportJobStatus; markdown: string | null; docx: Buffer | null } | undefined> {
  const [r] = await db.select({ year: reportJobs.year, status: reportJobs.status, markdown: reportJobs.markdown, docx: reportJobs.docx }).from(reportJobs).where(eq(reportJobs.id, id));
  return r;
}
