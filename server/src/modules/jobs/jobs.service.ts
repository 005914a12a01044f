import type { Database } from '../../db/client.js';
import type { BackgroundJobKind, JobRowError } from '../../db/schema/jobs.js';
import type { Actor } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import * as repo from './jobs.repo.js';
import { JobTracker } from './jobs.tracker.js';

/** Beats while a job runs; a job whose heartbeat is older than STALE_AFTER_MS was killed with its process. */
export const HEARTBEAT_MS = 5_000;
export const STALE_AFTER_MS = 30_000;
export const ABANDONED_MESSAGE = '任务中断（服务重启或进程退出），未写入任何数据，请重新提交';
export const SHUTDOWN_MESSAGE = '服务关闭，任务中断，未写入任何数据，请重新提交';
export const SHUTDOWN_GRACE_MS = 15_000;
const INTERNAL_MESSAGE = '处理时出错，未写入任何数据，请稍后重试';
/** Progress is written at most this often (and always at the end). */
const PROGRESS_EVERY_MS = 300;

const tracker = new JobTracker();

interface JobLogger {
  error(obj: object, msg: string): void;
}

export interface JobControl {
  /** the job's id, for what the work records about itself (an import's audit rows) */
  jobId?: number;
  /**
   * Records how far the job is (0–100) and what it is doing, without waiting for the write: on the
   * embedded database a write outside the job's transaction waits for it to commit.
   */
  progress(percent: number, stage: string): void;
}

export function presentJob(j: repo.JobRow) {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    progress: j.progress,
    stage: j.stage,
    filename: j.filename,
    result: j.result ?? null,
    error: j.error,
    rowErrors: j.rowErrors ?? [],
    rowErrorTotal: j.rowErrorTotal,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt ? j.finishedAt.toISOString() : null,
  };
}

/** The row errors an AppError carries (an import's validation report), else none. */
function rowErrorsOf(err: AppError): { rowErrors: JobRowError[]; rowErrorTotal: number } {
  const details = (err.details ?? {}) as { errors?: JobRowError[]; total?: number };
  const rowErrors = Array.isArray(details.errors) ? details.errors : [];
  return { rowErrors, rowErrorTotal: details.total ?? rowErrors.length };
}

/**
 * Inserts a job for the actor and runs `run` in the background of this process; answers at once
 * with the running job. `run` reports progress through its control and returns the result; an
 * AppError it throws fails the job with its message (and row errors), anything else with a
 * generic message (the technical error goes to the log). All writes of `run` belong in one
 * transaction, so a failed or killed job has written nothing.
 */
export async function startJob(opts: {
  database: Database;
  actor: Actor;
  kind: BackgroundJobKind;
  filename?: string | null;
  log?: JobLogger;
  run: (control: JobControl) => Promise<Record<string, unknown>>;
}) {
  const db = opts.database.db;
  const job = await repo.insertJob(db, { kind: opts.kind, createdBy: opts.actor.userId, filename: opts.filename ?? null });
  let writes: Promise<unknown> = Promise.resolve();
  const write = (patch: repo.JobPatch) => {
    writes = writes.then(() => repo.updateRunningJob(db, job.id, patch)).catch((err: unknown) => opts.log?.error({ err, jobId: job.id }, 'could not record job progress'));
    return writes;
  };
  let lastAt = 0;
  const control: JobControl = {
    jobId: job.id,
    progress(percent, stage) {
      const now = Date.now();
      if (now - lastAt >= PROGRESS_EVERY_MS) {
        lastAt = now;
        void write({ progress: Math.max(0, Math.min(99, Math.round(percent))), stage });
      }
    },
  };
  const heartbeat = setInterval(() => void write({}), HEARTBEAT_MS);
  heartbeat.unref();
  const work = (async () => {
    try {
      const result = await opts.run(control);
      await write({ status: 'done', progress: 100, stage: null, result, finishedAt: new Date() });
    } catch (err) {
      if (!(err instanceof AppError)) {
        opts.log?.error({ err, jobId: job.id, kind: opts.kind }, 'background job failed');
      }
      const failure = err instanceof AppError ? { error: err.message, ...rowErrorsOf(err) } : { error: INTERNAL_MESSAGE };
      await write({ status: 'failed', stage: null, ...failure, finishedAt: new Date() });
    } finally {
      clearInterval(heartbeat);
    }
  })();
  void tracker.track(opts.database, job.id, work);
  return presentJob(job);
}

/** Marks as failed the running jobs whose process died (heartbeat stopped), or only `id`. */
export function failAbandonedJobs(database: Database, opts: { now?: Date; id?: number } = {}): Promise<number> {
  const before = new Date((opts.now ?? new Date()).getTime() - STALE_AFTER_MS);
  return repo.failStale(database.db, before, ABANDONED_MESSAGE, opts.id);
}

/** A job as its creator sees it (404 for anyone else); a job whose process died reads as failed. */
export async function getJob(opts: { database: Database; actor: Actor; id: number }) {
  let j = await repo.findJob(opts.database.db, opts.id);
  if (j && j.status === 'running' && !tracker.has(opts.database, j.id) && Date.now() - j.heartbeatAt.getTime() > STALE_AFTER_MS) {
    await failAbandonedJobs(opts.database, { id: j.id });
    j = await repo.findJob(opts.database.db, opts.id);
  }
  if (!j || j.createdBy !== opts.actor.userId) {
    throw notFound('任务');
  }
  return presentJob(j);
}

/** Resolves when this process has finished the job (done or failed). Never rejects. */
export const whenJobSettled = (database: Database, id: number) => tracker.whenSettled(database, id);

/** Graceful shutdown: the jobs in flight get SHUTDOWN_GRACE_MS, then are marked failed. */
export function settleJobsForShutdown(database: Database, graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
  return tracker.settle(database, graceMs, (id) => repo.updateRunningJob(database.db, id, { status: 'failed', error: SHUTDOWN_MESSAGE, finishedAt: new Date() }));
}
