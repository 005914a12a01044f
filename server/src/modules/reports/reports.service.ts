import type { Database } from '../../db/client.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { businessNow } from '../../lib/clock.js';
import { recordAudit } from '../audit/index.js';
import { availableIndicators, yearFigures } from '../indicators/index.js';
import { JobTracker } from '../jobs/index.js';
import { getDistrictBreakdown, getTargetOverview } from '../indicators/index.js';
import { composeAnnualSummary, type DistrictFigure } from './annual.compose.js';
import { renderDocx, renderMarkdown } from './annual.render.js';
import { assertCanGenerate, assertCanRead } from './reports.policy.js';
import * as repo from './reports.repo.js';

export function presentJob(j: repo.ReportJobSummary) {
  return {
    id: j.id,
    kind: j.kind,
    year: j.year,
    status: j.status,
    progress: j.progress,
    error: j.error,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt ? j.finishedAt.toISOString() : null,
    downloads: j.status === 'done' ? { docx: `/api/reports/jobs/${j.id}/download?format=docx`, markdown: `/api/reports/jobs/${j.id}/download?format=md` } : null,
  };
}

/** A job still 'running' this long after it started is abandoned (its process crashed or was killed). */
export const ABANDONED_AFTER_MS = 10 * 60_000;
export const ABANDONED_MESSAGE = '生成中断（服务重启或超时），请重新生成';

interface JobLogger {
  error(obj: object, msg: string): void;
}

/** The jobs this process is building, per database, so tests and shutdown can wait for them. */
const tracker = new JobTracker();

/** Resolves when this process has finished building the job (done or failed); at once if it is not building it. Never rejects. */
export function whenSettled(database: Database, jobId: number): Promise<void> {
  return tracker.whenSettled(database, jobId);
}

/** Resolves when every job this process is building on the database has settled. */
export function allSettled(database: Database): Promise<void> {
  return tracker.allSettled(database);
}

export const SHUTDOWN_GRACE_MS = 15_000;
export const SHUTDOWN_MESSAGE = '服务关闭，生成中断，请重新生成';

/**
 * Graceful shutdown: waits up to `graceMs` for the jobs in flight to finish, then marks those
 * still running as failed (the process is going away, so nobody will finish them). Never rejects.
 */
export function settleForShutdown(database: Database, graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
  return tracker.settle(database, graceMs, (id) => repo.updateRunningJob(database.db, id, { status: 'failed', error: SHUTDOWN_MESSAGE, finishedAt: new Date() }));
}

/**
 * Marks jobs abandoned by a crashed process as failed: every job still 'running' that started more
 * than ABANDONED_AFTER_MS ago (or only `id`). Safe with several processes on one database, since a
 * live job finishes well within that time; called at start-up and when a job is read.
 */
export function failAbandonedJobs(database: Database, opts: { now?: Date; id?: number } = {}): Promise<number> {
  const before = new Date((opts.now ?? new Date()).getTime() - ABANDONED_AFTER_MS);
  return repo.failJobsStartedBefore(database.db, before, ABANDONED_MESSAGE, opts.id);
}

class JobGone extends Error {}

/** The figures whose district ranking the summary states (分区县看). */
const DISTRICT_COMPARED = ['hnte.new', 'tech_sme.new', 'voucher.issued', 'techmarket.amount'];

/**
 * Builds the summary of a running job in stages, recording progress after each: this year's
 * figures, last year's figures, the composed text, the Markdown, the Word file. A failure is
 * recorded on the job with a Chinese message naming the stage (the technical error goes to the
 * log); the returned promise never rejects.
 */
async function buildJob(database: Database, actor: Actor, jobId: number, year: number, log?: JobLogger): Promise<void> {
  const db = database.db;
  let stage = '读取本年指标数据';
  const step = async (progress: number, next: string) => {
    if (!(await repo.updateRunningJob(db, jobId, { progress }))) {
      throw new JobGone();
    }
    stage = next;
  };
  try {
    await step(5, '读取本年指标数据');
    const now = await yearFigures({ database, year });
    await step(30, '读取上年指标数据');
    const before = await yearFigures({ database, year: year - 1 });
    await step(40, '读取下年目标和各区县数据');
    const indicators = availableIndicators();
    const { items: targets } = await getTargetOverview({ database, actor, year: year + 1 });
    const districts: Record<string, DistrictFigure[]> = {};
    for (const code of DISTRICT_COMPARED.filter((c) => indicators.some((i) => i.code === c))) {
      districts[code] = (await getDistrictBreakdown({ database, actor, code, year })).items;
    }
    await step(50, '撰写各部分');
    const generatedOn = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(businessNow());
    const summary = composeAnnualSummary({ year, now, before, indicators, generatedOn, targets, districts });
    await step(65, '生成 Markdown');
    const markdown = renderMarkdown(summary);
    await step(75, '生成 Word 文件');
    const docx = await renderDocx(summary);
    stage = '保存报告';
    await repo.updateRunningJob(db, jobId, { status: 'done', progress: 100, markdown, docx, finishedAt: new Date() });
  } catch (err) {
    if (err instanceof JobGone) {
      return;
    }
    log?.error({ err, jobId }, 'annual report job failed');
    try {
      await repo.updateRunningJob(db, jobId, { status: 'failed', error: `${stage}时出错，报告未生成，请稍后重新生成`, finishedAt: new Date() });
    } catch (err2) {
      log?.error({ err: err2, jobId }, 'could not record the failure of an annual report job');
    }
  }
}

/**
 * Starts the annual work summary as a job and returns it at once ('running', progress 0); the
 * figures are read and the Word and Markdown files rendered in the background, the job showing
 * its progress, then holding the output (or a failure message).
 */
export async function generateAnnualReport(opts: { database: Database; ctx: RequestContext; year: number; log?: JobLogger }) {
  const actor = opts.ctx.actor;
  if (!actor) {
    throw forbidden();
  }
  assertCanGenerate(actor);
  const job = await opts.database.db.transaction(async (tx) => {
    const j = await repo.insertJob(tx, { kind: 'annual', year: opts.year, createdBy: actor.userId });
    await recordAudit(tx, opts.ctx, { action: 'reports.annual.generate', objectType: 'report_job', objectId: j.id, after: { year: opts.year } });
    return j;
  });
  void tracker.track(opts.database, job.id, buildJob(opts.database, actor, job.id, opts.year, opts.log));
  return presentJob(job);
}

export async function getJob(opts: { database: Database; actor: Actor; id: number }) {
  assertCanRead(opts.actor);
  let j = await repo.findJob(opts.database.db, opts.id);
  if (j && j.status === 'running' && !tracker.has(opts.database, j.id) && Date.now() - j.createdAt.getTime() > ABANDONED_AFTER_MS) {
    await failAbandonedJobs(opts.database, { id: j.id });
    j = await repo.findJob(opts.database.db, opts.id);
  }
  if (!j) {
    throw notFound('报告');
  }
  return presentJob(j);
}

export async function jobDownload(opts: { database: Database; actor: Actor; id: number; format: 'docx' | 'md' }) {
  assertCanRead(opts.actor);
  const out = await repo.jobOutput(opts.database.db, opts.id);
  if (!out) {
    throw notFound('报告');
  }
  if (out.status !== 'done') {
    throw new AppError('invalid_state', '报告尚未生成完成');
  }
  const name = `杭州市科委${out.year}年工作总结`;
  return opts.format === 'md'
    ? { filename: `${name}.md`, contentType: 'text/markdown; charset=utf-8', body: Buffer.from(out.markdown ?? '', 'utf8') }
    : { filename: `${name}.docx`, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', body: out.docx ?? Buffer.alloc(0) };
}
