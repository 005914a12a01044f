import { and, eq, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { backgroundJobs, type BackgroundJobKind, type BackgroundJobStatus, type JobRowError } from '../../db/schema/jobs.js';

export type JobRow = typeof backgroundJobs.$inferSelect;

export async function insertJob(db: Executor, row: { kind: BackgroundJobKind; createdBy: number; filename: string | null }): Promise<JobRow> {
  const [r] = await db.insert(backgroundJobs).values({ ...row, stage: '排队中' }).returning();
  return r;
}

export interface JobPatch {
  status?: BackgroundJobStatus;
  progress?: number;
  stage?: string | null;
  result?: Record<string, unknown>;
  error?: string;
  rowErrors?: JobRowError[];
  rowErrorTotal?: number;
  finishedAt?: Date;
}

/**
 * Moves a running job on and beats its heart. Only a job still 'running' changes: once it is done
 * or failed (e.g. declared abandoned) nothing overwrites it; false tells the worker so.
 */
export async function updateRunningJob(db: Executor, id: number, patch: JobPatch): Promise<boolean> {
  const rows = await db
    .update(backgroundJobs)
    .set({ ...patch, heartbeatAt: new Date() })
    .where(and(eq(backgroundJobs.id, id), eq(backgroundJobs.status, 'running')))
    .returning({ id: backgroundJobs.id });
  return rows.length > 0;
}

/** Marks as failed the running jobs whose heartbeat stopped before `before` (only `id` when given). */
export async function failStale(db: Executor, before: Date, error: string, id?: number): Promise<number> {
  const rows = await db
    .update(backgroundJobs)
    .set({ status: 'failed', error, stage: null, finishedAt: new Date() })
    .where(and(eq(backgroundJobs.status, 'running'), lt(backgroundJobs.heartbeatAt, before), id === undefined ? undefined : eq(backgroundJobs.id, id)))
    .returning({ id: backgroundJobs.id });
  return rows.length;
}

export async function findJob(db: Executor, id: number): Promise<JobRow | undefined> {
  const [r] = await db.select().from(backgroundJobs).where(eq(backgroundJobs.id, id));
  return r;
}
