import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import * as s from './reports.schema.js';
import * as service from './reports.service.js';

export const reportsRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const database = deps.database;
  const tags = ['reports'];

  // Jobs run in the background of this process. At start-up, jobs a crashed process left 'running'
  // for longer than ABANDONED_AFTER_MS are marked failed; on shutdown, the jobs in flight get
  // SHUTDOWN_GRACE_MS to finish before the database is closed, and are marked failed if they have
  // not (docs/indicators.md, "Generation job").
  // Housekeeping only: a failure here (e.g. a tool building the app on an empty database) never stops the start.
  app.addHook('onReady', async () => {
    try {
      const n = await service.failAbandonedJobs(database);
      if (n > 0) {
        app.log.warn({ jobs: n }, 'annual report jobs abandoned by a previous process marked failed');
      }
    } catch (err) {
      app.log.warn({ err }, 'could not sweep abandoned annual report jobs');
    }
  });
  app.addHook('onClose', async () => {
    await service.settleForShutdown(database);
  });

  app.post(
    '/api/reports/annual',
    { schema: { tags, summary: '开始生成年度工作总结：立即返回 202 与运行中的任务，后台生成；轮询任务进度，完成后下载 Word/Markdown', querystring: s.annualQuery, response: { 202: s.reportJob } } },
    async (request, reply) => {
      requireActor(request);
      const job = await service.generateAnnualReport({ database, ctx: contextOf(request), year: request.query.year, log: app.log });
      return reply.status(202).send(job);
    },
  );

  app.get(
    '/api/reports/jobs/:id',
    { schema: { tags, summary: '报告任务状态与进度', params: s.jobParam, response: { 200: s.reportJob } } },
    async (request) => service.getJob({ database, actor: requireActor(request), id: request.params.id }),
  );

  app.get(
    '/api/reports/jobs/:id/download',
    {
      schema: {
        tags,
        summary: '下载生成的报告（docx 或 md）',
        params: s.jobParam,
        querystring: s.downloadQuery,
        produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/markdown'],
      },
    },
    async (request, reply) => {
      const file = await service.jobDownload({ database, actor: requireActor(request), id: request.params.id, format: request.query.format });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="report.${request.query.format}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.body);
    },
  );
};
