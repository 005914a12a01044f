import type { Database } from '../../db/client.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { availableIndicators, yearFigures } from '../indicators/index.js';
import { composeAnnualSummary } from './annual.compose.js';
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

/** The city-wide summary of a year, from live figures (this year and last year); no side effects. */
export async function buildAnnualSummary(database: Database, year: number, generatedOn = new Date().toISOString().slice(0, 10)) {
  const [now, before] = await Promise.all([yearFigures({ database, year }), yearFigures({ database, year: year - 1 })]);
  return composeAnnualSummary({ year, now, before, indicators: availableIndicators(), generatedOn });
}

/**
 * Starts the annual work summary as a job: the job row is visible with its progress while the
 * figures are read and the Word and Markdown files are rendered, then holds the output.
 */
export async function generateAnnualReport(opts: { database: Database; ctx: RequestContext; year: number }) {
  const actor = opts.ctx.actor;
  if (!actor) {
    throw forbidden();
  }
  assertCanGenerate(actor);
  const db = opts.database.db;
  const job = await db.transaction(async (tx) => {
    const j = await repo.insertJob(tx, { kind: 'annual', year: opts.year, createdBy: actor.userId });
    await recordAudit(tx, opts.ctx, { action: 'reports.annual.generate', objectType: 'report_job', objectId: j.id, after: { year: opts.year } });
    return j;
  });
  try {
    const summary = await buildAnnualSummary(opts.database, opts.year);
    await repo.updateJob(db, job.id, { progress: 60 });
    const markdown = renderMarkdown(summary);
    const docx = await renderDocx(summary);
    return presentJob(await repo.updateJob(db, job.id, { status: 'done', progress: 100, markdown, docx, finishedAt: new Date() }));
  } catch (err) {
    await repo.updateJob(db, job.id, { status: 'failed', error: err instanceof Error ? err.message.slice(0, 500) : '生成失败', finishedAt: new Date() });
    throw err;
  }
}

export async function getJob(opts: { database: Database; actor: Actor; id: number }) {
  assertCanRead(opts.actor);
  const j = await repo.findJob(opts.database.db, opts.id);
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
