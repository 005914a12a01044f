import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import * as s from './reports.schema.js';
import * as service from './reports.service.js';

export const reportsRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const database = deps.database;
  const tags = ['reports'];

  app.post(
    '/api/reports/annual',
    { schema: { tags, summary: '生成年度工作总结（任务，带进度；完成后下载 Word/Markdown）', querystring: s.annualQuery, response: { 201: s.reportJob } } },
    async (request, reply) => {
      requireActor(request);
      const job = await service.generateAnnualReport({ database, ctx: contextOf(request), year: request.query.year });
      return reply.status(201).send(job);
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
