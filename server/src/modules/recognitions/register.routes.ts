import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import { sendXlsx } from '../../http/attachment.js';
import { businessToday } from '../../lib/clock.js';
import { writeXlsxStream, XLSX_MIME } from '../../lib/xlsx.js';
import { renderCertificate } from './certificate.js';
import * as s from './register.schema.js';
import * as service from './register.service.js';
import { revokeRecognition } from './revoke.js';

const MAX_EXPORT_ROWS = 200_000;
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type ExportRow = Awaited<ReturnType<typeof service.listRecognitions>>['items'][number];

/** The recognitions register (认定名录): list, counts, export, detail, Word certificate, revoke. */
export const recognitionRegisterRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  const tags = ['recognitions'];

  app.get(
    '/api/recognitions',
    { schema: { tags, summary: '认定名录（按类型、认定年度、区县、状态筛选；游标分页）', querystring: s.registerListQuery, response: { 200: s.registerPage } } },
    async (request) => service.listRecognitions({ db, actor: requireActor(request), query: request.query }),
  );

  app.get(
    '/api/recognitions/counts',
    { schema: { tags, summary: '各类认定的年末有效数和当年新认定数（来自汇总表）', querystring: s.countsQuery, response: { 200: s.countsResult } } },
    async (request) => service.recognitionCounts({ database: deps.database, actor: requireActor(request), year: request.query.year, district: request.query.district }),
  );

  app.get(
    '/api/recognitions/export.xlsx',
    { schema: { tags, summary: '导出当前筛选的认定名录为 Excel', querystring: s.registerFilterQuery, produces: [XLSX_MIME] } },
    async (request, reply) => {
      const actor = requireActor(request);
      const today = businessToday();
      // Resolve scope and filters first, so a bad filter is a 4xx and not a broken file.
      await service.listRecognitions({ db, actor, query: { ...request.query, limit: 1 }, today });
      const stream = writeXlsxStream<ExportRow>(
        '认定名录',
        [
          { header: '证书编号', kind: 'text', width: 20, value: (r) => r.certificateNo },
          { header: '认定类型', width: 24, value: (r) => r.typeName },
          { header: '企业名称', width: 36, value: (r) => r.enterpriseName },
          { header: '统一社会信用代码', kind: 'text', width: 22, value: (r) => r.uscc },
          { header: '区县', width: 12, value: (r) => r.districtName },
          { header: '发证日期', kind: 'date', width: 12, value: (r) => r.issuedOn },
          { header: '有效期至', kind: 'date', width: 16, value: (r) => r.validUntil ?? '长期（动态管理）' },
          { header: '撤销日期', kind: 'date', width: 12, value: (r) => r.revokedOn },
          { header: `状态（${request.query.on ?? today}）`, width: 14, value: (r) => r.statusName },
        ],
        service.iterateRecognitions({ db, actor, query: request.query, max: MAX_EXPORT_ROWS, today }),
      );
      return sendXlsx(reply, `认定名录-${today}.xlsx`, stream);
    },
  );

  app.get(
    '/api/recognitions/:id',
    { schema: { tags, summary: '认定详情（企业、区县、证书编号、有效期、今日状态、撤销信息）', params: s.idParam, response: { 200: s.registerDetail } } },
    async (request) => service.getRecognition({ db, actor: requireActor(request), id: request.params.id }),
  );

  app.get(
    '/api/recognitions/:id/certificate.docx',
    { schema: { tags, summary: '下载 Word 认定证书（已撤销的证书标注“已撤销”）', params: s.idParam, produces: [DOCX_MIME] } },
    async (request, reply) => {
      const d = await service.getRecognition({ db, actor: requireActor(request), id: request.params.id });
      const body = await renderCertificate(d);
      return reply
        .header('content-type', DOCX_MIME)
        .header('content-disposition', `attachment; filename="certificate.docx"; filename*=UTF-8''${encodeURIComponent(`${d.certificateNo}-${d.enterpriseName}.docx`)}`)
        .send(body);
    },
  );

  app.post(
    '/api/recognitions/:id/revoke',
    { schema: { tags, summary: '撤销认定（市科委业务处室；须填原因和生效日期）', params: s.idParam, body: s.revokeBody, response: { 200: s.registerDetail } } },
    async (request) => {
      const actor = requireActor(request);
      await revokeRecognition({ db, ctx: contextOf(request), id: request.params.id, input: request.body });
      return service.getRecognition({ db, actor, id: request.params.id });
    },
  );
};
