import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import { readSingleUpload } from '../../http/upload.js';
import { businessToday } from '../../lib/clock.js';
import { writeXlsxStream, XLSX_MIME, type XlsxColumn } from '../../lib/xlsx.js';
import { sendXlsx } from '../../http/attachment.js';
import * as apps from './applications.service.js';
import * as attachments from './attachments.service.js';
import * as calls from './calls.service.js';
import * as forms from './forms.service.js';
import * as s from './recognitions.schema.js';
import { recommendationRoutes } from './recommend.routes.js';
import { reviewApplication } from './review.service.js';

const MAX_EXPORT_ROWS = 200_000;

type ExportRow = ReturnType<typeof apps.presentListItem>;
const EXPORT_COLUMNS: XlsxColumn<ExportRow>[] = [
  { header: '申报编号', kind: 'text', width: 10, value: (r) => String(r.id) },
  { header: '认定类型', width: 24, value: (r) => r.typeName },
  { header: '年度', kind: 'number', width: 8, value: (r) => r.year },
  { header: '企业名称', width: 36, value: (r) => r.enterpriseName },
  { header: '统一社会信用代码', kind: 'text', width: 22, value: (r) => r.uscc },
  { header: '所属区县', width: 12, value: (r) => r.districtName },
  { header: '状态', width: 24, value: (r) => r.statusName },
  { header: '申请日期', kind: 'date', width: 12, value: (r) => r.applicationDate },
  { header: '当前环节截止日', kind: 'date', width: 14, value: (r) => r.dueOn },
  { header: '申报表版本', kind: 'integer', width: 10, value: (r) => r.formVersion },
];

export const recognitionsRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  const pii = deps.pii;
  const tags = ['recognitions'];
  await app.register(recommendationRoutes(deps));

  // ---- calls (申报通知) ----

  app.get(
    '/api/recognition-calls',
    { schema: { tags, security: [], summary: '认定申报通知（公开）：正在受理与往期，可按类型、年度筛选', querystring: s.callQuery, response: { 200: s.callList } } },
    async (request) => calls.listCalls({ db, ...request.query }),
  );

  app.post(
    '/api/recognition-calls',
    { schema: { tags, summary: '发布申报通知（市科委业务处室）', body: s.createCallBody, response: { 201: s.callView } } },
    async (request, reply) => {
      requireActor(request);
      return reply.status(201).send(await calls.createCall({ db, ctx: contextOf(request), input: request.body }));
    },
  );

  app.patch(
    '/api/recognition-calls/:id',
    { schema: { tags, summary: '修改申报通知（市科委业务处室）', params: s.idParam, body: s.patchCallBody, response: { 200: s.callView } } },
    async (request) => {
      requireActor(request);
      return calls.updateCall({ db, ctx: contextOf(request), id: request.params.id, input: request.body });
    },
  );

  // ---- versioned forms ----

  app.get(
    '/api/recognition-forms/:type/:version',
    { schema: { tags, summary: '某认定类型某版本的申报表（栏目、字段、附件要求）', params: s.formParams, response: { 200: s.formView } } },
    async (request) => {
      requireActor(request);
      return forms.getForm({ db, type: request.params.type, version: request.params.version });
    },
  );

  app.post(
    '/api/recognition-forms/:type',
    { schema: { tags, summary: '发布申报表新版本（市科委业务处室；已开始的草稿仍按原版本）', params: s.formTypeParams, body: s.publishFormBody, response: { 201: s.formView } } },
    async (request, reply) => {
      requireActor(request);
      return reply.status(201).send(await forms.publishForm({ db, ctx: contextOf(request), type: request.params.type, spec: request.body.spec }));
    },
  );

  // ---- applications ----

  app.get(
    '/api/recognition-applications',
    { schema: { tags, summary: '认定申报列表（按权限范围；类型、年度、区县、状态筛选；游标分页）', querystring: s.applicationQuery, response: { 200: s.applicationPage } } },
    async (request) => apps.listApplications({ db, actor: requireActor(request), query: request.query }),
  );

  app.get(
    '/api/recognition-applications/counts',
    { schema: { tags, summary: '各状态申报数（按权限范围）', querystring: s.countsQuery, response: { 200: s.counts } } },
    async (request) => apps.countApplications({ db, actor: requireActor(request), query: request.query }),
  );

  app.get(
    '/api/recognition-applications/export.xlsx',
    { schema: { tags, summary: '导出当前筛选的申报列表为 Excel', querystring: s.exportQuery, produces: [XLSX_MIME] } },
    async (request, reply) => {
      const actor = requireActor(request);
      // resolve scope and filters first: a bad filter is a 4xx, not a broken file
      await apps.listApplications({ db, actor, query: { ...request.query, limit: 1 } });
      const stream = writeXlsxStream('认定申报', EXPORT_COLUMNS, apps.iterateApplications({ db, actor, query: request.query, max: MAX_EXPORT_ROWS }));
      return sendXlsx(reply, `认定申报-${businessToday()}.xlsx`, stream);
    },
  );

  app.post(
    '/api/recognition-applications',
    { schema: { tags, summary: '发起申报（企业用户；按申报通知创建草稿，预填企业库与上次申报数据）', body: s.createApplicationBody, response: { 201: s.applicationDetail } } },
    async (request, reply) => {
      requireActor(request);
      return reply.status(201).send(await apps.createApplication({ db, ctx: contextOf(request), pii, callId: request.body.callId }));
    },
  );

  app.get(
    '/api/recognition-applications/:id',
    { schema: { tags, summary: '申报详情（材料、自评结果、办理进度与下一步、附件）', params: s.idParam, response: { 200: s.applicationDetail } } },
    async (request) => apps.getApplication({ db, pii, actor: requireActor(request), id: request.params.id }),
  );

  app.patch(
    '/api/recognition-applications/:id',
    { schema: { tags, summary: '保存草稿（草稿或退回修改时；乐观锁 version）', params: s.idParam, body: s.patchApplicationBody, response: { 200: s.applicationDetail } } },
    async (request) => {
      requireActor(request);
      return apps.updateApplication({ db, pii, ctx: contextOf(request), id: request.params.id, data: request.body.data, version: request.body.version });
    },
  );

  app.post(
    '/api/recognition-applications/:id/assess',
    { schema: { tags, summary: '实时自评（按所给或已保存的材料，不保存）', params: s.idParam, body: s.assessBody, response: { 200: s.assessmentView } } },
    async (request) => apps.assessApplication({ db, pii, actor: requireActor(request), id: request.params.id, data: request.body?.data }),
  );

  app.post(
    '/api/recognition-applications/:id/submit',
    { schema: { tags, summary: '提交申报（校验完整性与必传附件，保存自评结果）', params: s.idParam, body: s.submitBody, response: { 200: s.applicationDetail } } },
    async (request) => {
      requireActor(request);
      return apps.submitApplication({ db, pii, ctx: contextOf(request), id: request.params.id, version: request.body?.version });
    },
  );

  app.post(
    '/api/recognition-applications/:id/review',
    { schema: { tags, summary: '审核（区县：已提交的；市级：区县通过的）：通过、退回修改或不通过', params: s.idParam, body: s.reviewBody, response: { 200: s.applicationDetail } } },
    async (request) => {
      requireActor(request);
      return reviewApplication({ db, pii, ctx: contextOf(request), id: request.params.id, decision: request.body.decision, comment: request.body.comment });
    },
  );

  // ---- attachments ----

  app.post(
    '/api/recognition-applications/:id/attachments',
    {
      schema: {
        tags,
        summary: '上传附件（multipart 字段 file；code 为申报表附件类别；按扩展名与文件头校验类型，按申报表限制大小）',
        params: s.idParam,
        querystring: s.attachmentQuery,
        consumes: ['multipart/form-data'],
        response: { 201: s.attachmentView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { buffer, filename } = await readSingleUpload(request, {
        maxBytes: attachments.MAX_ATTACHMENT_BYTES,
        authorise: () => attachments.assertCanUploadAttachment({ db, actor, id: request.params.id }),
      });
      const created = await attachments.uploadAttachment({ db, ctx: contextOf(request), actor, id: request.params.id, code: request.query.code, fileName: filename, buffer });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/recognition-applications/:id/attachments/:attachmentId',
    { schema: { tags, summary: '下载附件', params: s.attachmentParams, produces: ['application/octet-stream'] } },
    async (request, reply) => {
      const file = await attachments.downloadAttachment({ db, actor: requireActor(request), id: request.params.id, attachmentId: request.params.attachmentId });
      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );

  app.delete(
    '/api/recognition-applications/:id/attachments/:attachmentId',
    { schema: { tags, summary: '删除附件（草稿或退回修改时）', params: s.attachmentParams } },
    async (request, reply) => {
      const actor = requireActor(request);
      await attachments.deleteAttachment({ db, ctx: contextOf(request), actor, id: request.params.id, attachmentId: request.params.attachmentId });
      return reply.status(204).send();
    },
  );
};
