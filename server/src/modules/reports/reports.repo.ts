import { eq } from 'drizzle-orm';
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

export async function updateJob(db: Executor, id: number, patch: { status?: ReportJobStatus; progress?: number; markdown?: string; docx?: Buffer; error?: string; finishedAt?: Date }): Promise<ReportJobSummary> {
  const [r] = await db.update(reportJobs).set(patch).where(eq(reportJobs.id, id)).returning(summaryColumns);
  return r;
}

export async function findJob(db: Executor, id: number): Promise<ReportJobSummary | undefined> {
  const [r] = await db.select(summaryColumns).from(reportJobs).where(eq(reportJobs.id, id));
  return r;
}

export async function jobOutput(db: Executor, id: number): Promise<{ year: number; status: ReportJobStatus; markdown: string | null; docx: Buffer | null } | undefined> {
  const [r] = await db.select({ year: reportJobs.year, status: reportJobs.status, markdown: reportJobs.markdown, docx: reportJobs.docx }).from(reportJobs).where(eq(reportJobs.id, id));
  return r;
}
