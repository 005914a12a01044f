import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import { readSingleUpload } from '../../http/upload.js';
import { z } from 'zod';
import * as s from './subsidies.schema.js';
import * as service from './subsidies.service.js';

/** 雏鹰/青蓝 loan interest subsidy: the public calculator, applications, performance assessments. */
export const subsidiesRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  const tags = ['subsidies'];

  app.post(
    '/api/finance/interest-subsidy/evaluate',
    { schema: { tags, security: [], summary: '雏鹰/青蓝贷款贴息测算（公开）：逐笔期限档次、基准利率、计息天数、贴息额，合计与上限', body: s.evaluateInput, response: { 200: s.evaluateResult } } },
    async (request) => service.evaluatePublic(db, request.body),
  );

  app.get(
    '/api/finance/interest-subsidy/params',
    { schema: { tags, security: [], summary: '贴息测算参数（公开）：人民银行贷款基准利率各版本，各计划贴息比例和年度上限', response: { 200: s.paramsView } } },
    async () => service.subsidyParamsView(db),
  );

  app.get(
    '/api/interest-subsidies',
    { schema: { tags, summary: '贷款贴息申请列表（企业本企业、区县本区县、市级全部；mine=true 为待我处理）', querystring: s.listQuery, response: { 200: s.applicationList } } },
    async (request) => service.listApplications(db, requireActor(request), request.query),
  );

  app.post(
    '/api/interest-subsidies',
    { schema: { tags, summary: '企业新建贷款贴息申请（草稿；须持有效雏鹰/青蓝认定且上年度绩效考核合格）', body: s.applicationInput, response: { 201: s.applicationDetail } } },
    async (request, reply) => {
      requireActor(request);
      return reply.status(201).send(await service.createApplication(db, contextOf(request), request.body));
    },
  );

  app.get(
    '/api/interest-subsidies/:id',
    { schema: { tags, summary: '贷款贴息申请详情：贷款、测算、附件、办理过程、拨付', params: s.idParam, response: { 200: s.applicationDetail } } },
    async (request) => service.getApplication(db, requireActor(request), request.params.id),
  );

  app.put(
    '/api/interest-subsidies/:id',
    { schema: { tags, summary: '修改贷款贴息申请（草稿或退回修改时）', params: s.idParam, body: s.applicationInput, response: { 200: s.applicationDetail } } },
    async (request) => {
      requireActor(request);
      return service.updateApplication(db, contextOf(request), request.params.id, request.body);
    },
  );

  app.post(
    '/api/interest-subsidies/:id/actions',
    { schema: { tags, summary: '办理一步：提交、区县审核、市级核定（按测算核定金额并生成拨付单）、退回、不予贴息', params: s.idParam, body: s.actionInput, response: { 200: s.applicationDetail } } },
    async (request) => {
      requireActor(request);
      return service.act(db, contextOf(request), request.params.id, request.body.action, request.body.comment);
    },
  );

  app.post(
    '/api/interest-subsidies/:id/attachments/:code',
    {
      schema: {
        tags,
        summary: '上传借款合同（loan_contract）或利息支付凭证（interest_receipt）：PDF/JPG/PNG，10MB以内（multipart 字段 file）',
        params: s.attachmentParams,
        consumes: ['multipart/form-data'],
        response: { 201: s.attachmentView },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const { buffer, filename } = await readSingleUpload(request, {
        maxBytes: service.MAX_ATTACHMENT_BYTES,
        authorise: () => service.assertCanUploadAttachment(db, contextOf(request), request.params.id),
      });
      return reply.status(201).send(await service.uploadAttachment(db, contextOf(request), request.params.id, request.params.code, filename, buffer));
    },
  );

  app.get(
    '/api/interest-subsidies/:id/attachments/:attachmentId',
    { schema: { tags, summary: '下载附件', params: z.object({ id: s.idParam.shape.id, attachmentId: s.idParam.shape.id }), produces: ['application/octet-stream'] } },
    async (request, reply) => {
      const file = await service.downloadAttachment(db, requireActor(request), request.params.id, request.params.attachmentId);
      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );

  app.get(
    '/api/performance-assessments',
    { schema: { tags, summary: '雏鹰/青蓝绩效考核列表（企业本企业、区县本区县、市级全部）', querystring: s.assessmentQuery, response: { 200: s.assessmentList } } },
    async (request) => service.listAssessments(db, requireActor(request), request.query),
  );

  app.post(
    '/api/performance-assessments',
    { schema: { tags, summary: '企业报送年度绩效（营业收入、研发投入、税金、职工、新增就业、知识产权；定级前可重报）', body: s.assessmentInput, response: { 200: s.assessmentView } } },
    async (request) => {
      requireActor(request);
      return service.reportAssessment(db, contextOf(request), request.body);
    },
  );

  app.post(
    '/api/performance-assessments/:id/grade',
    { schema: { tags, summary: '考核定级：优秀/合格/不合格（不合格须说明理由，停止次年贴息，可据此撤销认定）', params: s.idParam, body: s.gradeInput, response: { 200: s.assessmentView } } },
    async (request) => {
      requireActor(request);
      return service.gradeAssessment(db, contextOf(request), request.params.id, request.body.grade, request.body.comment);
    },
  );
};
