import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import { precompiledSerializer } from '../../http/precompiled-serializer.js';
import { readSingleUpload } from '../../http/upload.js';
import { sendXlsx } from '../../http/attachment.js';
import { chinaDate } from '../../lib/clock.js';
import { assertXlsxWithinLimits, XLSX_MIME } from '../../lib/xlsx.js';
import { backgroundJob } from '../jobs/index.js';
import { exportWorkbook, templateWorkbook } from './enterprises.excel.js';
import { startEnterpriseImport } from './enterprises.import.js';
import { assertCanImport } from './enterprises.policy.js';
import * as s from './enterprises.schema.js';
import * as service from './enterprises.service.js';

const MAX_EXPORT_ROWS = 200_000;
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export const enterprisesRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  const tags = ['enterprises'];

  app.get(
    '/api/enterprises',
    {
      schema: { tags, summary: '企业库列表（筛选、排序、游标分页）', querystring: s.enterpriseQuery, response: { 200: s.enterprisePage } },
      // the registry's hottest read: one precompiled serializer instead of zod encoding per response
      serializerCompiler: precompiledSerializer,
    },
    async (request) => service.listEnterprises({ db, actor: requireActor(request), query: request.query }),
  );

  app.get(
    '/api/enterprises/export',
    { schema: { tags, summary: '导出当前筛选结果为 Excel', querystring: s.exportQuery, produces: [XLSX_MIME] } },
    async (request, reply) => {
      const actor = requireActor(request);
      // Resolve scope and filters before streaming, so a bad filter is a 4xx and not a broken file.
      await service.listEnterprises({ db, actor, query: { ...request.query, limit: 1 } });
      const stream = exportWorkbook(service.iterateEnterprises({ db, actor, query: request.query, max: MAX_EXPORT_ROWS }));
      const stamp = chinaDate(new Date());
      return sendXlsx(reply, `企业名单-${stamp}.xlsx`, stream);
    },
  );

  app.get(
    '/api/enterprises/import-template',
    { schema: { tags, summary: '下载企业导入模板', produces: [XLSX_MIME] } },
    async (request, reply) => {
      assertCanImport(requireActor(request));
      return sendXlsx(reply, '企业导入模板.xlsx', await templateWorkbook());
    },
  );

  app.post(
    '/api/enterprises/import',
    {
      schema: {
        tags,
        summary: '从 Excel 导入企业：立即返回 202 与后台任务，轮询 GET /api/jobs/{id} 看进度；全部成功或全部不导入，错误按行列列出',
        consumes: ['multipart/form-data'],
        response: { 202: backgroundJob },
      },
    },
    async (request, reply) => {
      // Authorise before reading the upload: the validation report would tell who is registered.
      const { buffer, filename } = await readSingleUpload(request, { maxBytes: MAX_UPLOAD_BYTES, authorise: () => assertCanImport(requireActor(request)) });
      // .xlsx is a zip: the magic bytes (.xls and CSV get the steps to convert) and the zip's declared sizes, before any job starts.
      assertXlsxWithinLimits(buffer);
      const job = await startEnterpriseImport({ database: deps.database, ctx: contextOf(request), pii: deps.pii, buffer, filename, log: app.log });
      return reply.status(202).send(job);
    },
  );

  app.get(
    '/api/enterprises/:id',
    { schema: { tags, summary: '企业档案（含时间线）', params: s.idParam, response: { 200: s.enterpriseDetail } } },
    async (request) => service.getEnterprise({ db, actor: requireActor(request), id: request.params.id, pii: deps.pii }),
  );

  app.post(
    '/api/enterprises',
    { schema: { tags, summary: '新增企业', body: s.createEnterpriseBody, response: { 201: s.enterpriseDetail } } },
    async (request, reply) => {
      requireActor(request);
      const created = await service.createEnterprise({ db, ctx: contextOf(request), pii: deps.pii, input: request.body });
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/enterprises/:id',
    { schema: { tags, summary: '修改企业（乐观锁：须带 version，过期返回 409）', params: s.idParam, body: s.patchEnterpriseBody, response: { 200: s.enterpriseDetail } } },
    async (request) => {
      requireActor(request);
      return service.updateEnterprise({ db, ctx: contextOf(request), pii: deps.pii, id: request.params.id, input: request.body });
    },
  );
};

