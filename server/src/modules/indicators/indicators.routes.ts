import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import { readSingleUpload } from '../../http/upload.js';
import { sendXlsx } from '../../http/attachment.js';
import { XLSX_MIME } from '../../lib/xlsx.js';
import { dashboardWorkbook, recordsWorkbook } from './indicators.export.js';
import { backgroundJob } from '../jobs/index.js';
import { importTemplate, startFiguresImport } from './indicators.import.js';
import { assertCanManage } from './indicators.policy.js';
import * as s from './indicators.schema.js';
import * as service from './indicators.service.js';

const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const KIND_NAMES = { reported: '统计数据', targets: '目标' } as const;

export const indicatorsRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const database = deps.database;
  const tags = ['indicators'];

  app.get(
    '/api/indicators',
    { schema: { tags, summary: '某年全部指标（数值、目标、来源）；区县科技局只看本区县', querystring: s.listQuery, response: { 200: s.indicatorList } } },
    async (request) => service.listIndicators({ database, actor: requireActor(request), year: request.query.year, district: request.query.district }),
  );

  app.get(
    '/api/indicators/catalogue',
    { schema: { tags, summary: '指标目录：代码、名称、单位、类别、口径定义、所属模块', response: { 200: s.catalogue } } },
    async (request) => service.getCatalogue(requireActor(request)),
  );

  app.get(
    '/api/indicators/export',
    { schema: { tags, summary: '导出某年指标看板（总览、区县对比、目标）为 Excel', querystring: s.listQuery, produces: [XLSX_MIME] } },
    async (request, reply) => {
      const buffer = await dashboardWorkbook({ database, actor: requireActor(request), year: request.query.year, district: request.query.district });
      return sendXlsx(reply, `科技指标-${request.query.year}.xlsx`, buffer);
    },
  );

  app.get(
    '/api/indicators/targets',
    { schema: { tags, summary: '某年目标与实际对照（区县合计差额、已完成/冲突提示）', querystring: s.targetsQuery, response: { 200: s.targetOverview } } },
    async (request) => service.getTargetOverview({ database, actor: requireActor(request), year: request.query.year }),
  );

  app.put(
    '/api/indicators/targets',
    { schema: { tags, summary: '设定某指标某年的目标（全市及区县），整体替换原目标', body: s.setTargetsBody, response: { 200: s.setTargetsResult } } },
    async (request) => {
      requireActor(request);
      return service.setTargets({ database, ctx: contextOf(request), input: request.body });
    },
  );

  app.get(
    '/api/indicators/imports/:kind/template',
    { schema: { tags, summary: '下载统计数据或目标的导入模板', params: s.importKindParam, produces: [XLSX_MIME] } },
    async (request, reply) => {
      assertCanManage(requireActor(request));
      return sendXlsx(reply, `${KIND_NAMES[request.params.kind]}导入模板.xlsx`, await importTemplate(request.params.kind));
    },
  );

  app.post(
    '/api/indicators/imports/:kind',
    {
      schema: {
        tags,
        summary: '从 Excel/CSV 导入统计数据或目标：立即返回 202 与后台任务（GET /api/jobs/{id}）；全部成功或全部不导入，按行列出错误；同一指标年度整体替换并审计',
        params: s.importKindParam,
        consumes: ['multipart/form-data'],
        response: { 202: backgroundJob },
      },
    },
    async (request, reply) => {
      const { buffer, filename } = await readSingleUpload(request, { maxBytes: MAX_UPLOAD_BYTES, authorise: () => assertCanManage(requireActor(request)) });
      const job = await startFiguresImport({ database, ctx: contextOf(request), kind: request.params.kind, buffer, filename, log: app.log });
      return reply.status(202).send(job);
    },
  );

  app.get(
    '/api/indicators/:code/records',
    { schema: { tags, summary: '计算类指标背后的记录（游标分页）', params: s.codeParam, querystring: s.recordsQuery, response: { 200: s.recordPage } } },
    async (request) => service.listRecords({ database, actor: requireActor(request), code: request.params.code, ...request.query }),
  );

  app.get(
    '/api/indicators/:code/records/export',
    { schema: { tags, summary: '导出指标明细记录为 Excel（最多 5 万行）', params: s.codeParam, querystring: s.listQuery, produces: [XLSX_MIME] } },
    async (request, reply) => {
      const actor = requireActor(request);
      // Check scope and the code before building the file, so a bad request is a 4xx and not a broken file.
      await service.listRecords({ database, actor, code: request.params.code, year: request.query.year, district: request.query.district, limit: 1 });
      const stream = recordsWorkbook({ database, actor, code: request.params.code, year: request.query.year, district: request.query.district });
      return sendXlsx(reply, `${request.params.code}-${request.query.year}-明细.xlsx`, stream);
    },
  );

  app.get(
    '/api/indicators/:code/series',
    { schema: { tags, summary: '指标历年数值与目标（趋势）', params: s.codeParam, querystring: s.seriesQuery, response: { 200: s.seriesResult } } },
    async (request) => service.getSeries({ database, actor: requireActor(request), code: request.params.code, ...request.query }),
  );

  app.get(
    '/api/indicators/:code/districts',
    { schema: { tags, summary: '指标某年分区县数值与目标（区县对比）', params: s.codeParam, querystring: s.districtsQuery, response: { 200: s.districtBreakdown } } },
    async (request) => service.getDistrictBreakdown({ database, actor: requireActor(request), code: request.params.code, year: request.query.year }),
  );
};
