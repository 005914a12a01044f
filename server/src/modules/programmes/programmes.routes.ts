import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { sendAttachment } from '../../http/attachment.js';
import { contextOf, requireActor } from '../../http/auth.js';
import { readSingleUpload } from '../../http/upload.js';
import * as apps from './applications.service.js';
import * as attachments from './attachments.js';
import { contractDocx, signContract, tranches } from './contract.js';
import { duplicateCheck } from './duplicates.js';
import * as programmes from './programmes.service.js';
import * as s from './programmes.schema.js';
import { getRanking, moderate } from './ranking.js';
import { assertCanAttach, assertCanSignContract } from './upload.policy.js';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const trancheList = z.object({ items: z.array(s.trancheView.extend({ condition: z.string(), statusName: z.string().nullable() })) });

export const programmesRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  const tags = ['programmes'];

  // ---- programmes (计划类别) and their yearly budgets ----
  app.get('/api/programmes', { schema: { tags, summary: '计划类别及年度预算（已安排、可用）', response: { 200: s.programmeList } } }, async (request) => {
    requireActor(request);
    return programmes.listProgrammes(db);
  });
  app.post('/api/programmes', { schema: { tags, summary: '设立计划类别（市科委业务处室）', body: s.createProgrammeBody, response: { 201: s.programmeView } } }, async (request, reply) => {
    requireActor(request);
    return reply.status(201).send(await programmes.createProgramme({ db, ctx: contextOf(request), input: request.body }));
  });
  app.get('/api/programmes/:id', { schema: { tags, summary: '计划类别详情', params: s.idParam, response: { 200: s.programmeView } } }, async (request) => {
    requireActor(request);
    return programmes.getProgramme(db, request.params.id);
  });
  app.post(
    '/api/programmes/:id/years',
    { schema: { tags, summary: '下达计划年度预算（记入科技计划项目资金账）', params: s.idParam, body: s.programmeYearBody, response: { 201: s.programmeView } } },
    async (request, reply) => {
      requireActor(request);
      return reply.status(201).send(await programmes.addYear({ db, ctx: contextOf(request), id: request.params.id, input: request.body }));
    },
  );

  // ---- calls (指南): public ----
  app.get('/api/programme-calls', { schema: { tags, security: [], summary: '科技计划项目申报指南（公开）', querystring: s.callQuery, response: { 200: s.callList } } }, async (request) =>
    programmes.listCalls({ db, ctx: contextOf(request), query: request.query }),
  );
  app.get('/api/programme-calls/:id', { schema: { tags, security: [], summary: '申报指南详情（公开）', params: s.idParam, response: { 200: s.callView } } }, async (request) =>
    programmes.getCall({ db, ctx: contextOf(request), id: request.params.id }),
  );
  app.post('/api/programme-calls', { schema: { tags, summary: '发布申报指南（市科委业务处室）', body: s.createCallBody, response: { 201: s.callView } } }, async (request, reply) => {
    requireActor(request);
    return reply.status(201).send(await programmes.createCall({ db, ctx: contextOf(request), input: request.body }));
  });
  app.post(
    '/api/programme-calls/:id/invitations',
    { schema: { tags, summary: '邀请申报单位（主动设计类指南）', params: s.idParam, body: s.invitationsBody, response: { 200: s.callView } } },
    async (request) => {
      requireActor(request);
      return programmes.inviteEnterprises({ db, ctx: contextOf(request), id: request.params.id, enterpriseIds: request.body.enterpriseIds });
    },
  );
  app.get(
    '/api/programme-calls/:id/ranking',
    { schema: { tags, summary: '评审排序与资助线（按专家评分排序，累计申请额对照指南资助总额）', params: s.idParam, response: { 200: s.rankingView } } },
    async (request) => {
      const actor = requireActor(request);
      programmes.assertReader(actor);
      return getRanking({ db, id: request.params.id });
    },
  );

  // ---- applications ----
  app.get('/api/project-applications', { schema: { tags, summary: '项目申报列表（市级全部；区县本区；企业本企业）', querystring: s.applicationQuery, response: { 200: s.applicationList } } }, async (request) =>
    apps.listApplications({ db, actor: requireActor(request), query: request.query }),
  );
  app.post('/api/project-applications', { schema: { tags, summary: '创建项目申报草稿（企业用户）', body: s.createApplicationBody, response: { 201: s.applicationView } } }, async (request, reply) => {
    requireActor(request);
    return reply.status(201).send(await apps.createApplication({ db, ctx: contextOf(request), input: request.body }));
  });
  app.get('/api/project-applications/:id', { schema: { tags, summary: '项目申报详情', params: s.idParam, response: { 200: s.applicationView } } }, async (request) =>
    apps.getApplication({ db, actor: requireActor(request), id: request.params.id }),
  );
  app.put(
    '/api/project-applications/:id',
    { schema: { tags, summary: '保存申报书（草稿或退回修改时；返回提交前仍须解决的问题）', params: s.idParam, body: s.contentBody, response: { 200: s.applicationView } } },
    async (request) => {
      requireActor(request);
      return apps.updateApplication({ db, ctx: contextOf(request), id: request.params.id, input: request.body });
    },
  );
  app.post('/api/project-applications/:id/submit', { schema: { tags, summary: '提交申报（一般项目报区县推荐，其余报市科委形式审查）', params: s.idParam, response: { 200: s.applicationView } } }, async (request) => {
    requireActor(request);
    return apps.submitApplication({ db, ctx: contextOf(request), id: request.params.id });
  });
  app.delete(
    '/api/project-applications/:id',
    { schema: { tags, summary: '撤回（删除）未提交过的申报草稿（申报单位）', params: s.idParam, response: { 200: s.okView } } },
    async (request) => {
      requireActor(request);
      await apps.withdrawApplication({ db, ctx: contextOf(request), id: request.params.id });
      return { ok: true as const };
    },
  );
  app.post(
    '/api/project-applications/:id/review',
    { schema: { tags, summary: '区县推荐 / 退回；市科委形式审查通过 / 退回 / 不通过（退回与不通过须填意见）', params: s.idParam, body: s.reviewBody, response: { 200: s.applicationView } } },
    async (request) => {
      requireActor(request);
      return apps.reviewApplication({ db, ctx: contextOf(request), id: request.params.id, input: request.body });
    },
  );
  app.post(
    '/api/project-applications/:id/moderation',
    { schema: { tags, summary: '审定拟立项（按排序列入无须说明；资助线以下列入、线内不列入或核减金额须写明理由）', params: s.idParam, body: s.moderationBody, response: { 200: s.applicationView } } },
    async (request) => {
      requireActor(request);
      return moderate({ db, ctx: contextOf(request), id: request.params.id, input: request.body });
    },
  );
  app.get(
    '/api/project-applications/:id/duplicates',
    { schema: { tags, summary: '重复资助核查：该企业历年各类已获资助事项、题目相似的已立项项目及原因', params: s.idParam, response: { 200: s.duplicatesView } } },
    async (request) => duplicateCheck({ db, actor: requireActor(request), id: request.params.id }),
  );
  app.post(
    '/api/project-applications/:id/attachments',
    {
      schema: { tags, summary: '上传申报附件（multipart 字段 file；pdf/jpg/png/docx/xlsx，按文件头校验）', params: s.idParam, querystring: s.attachmentQuery, consumes: ['multipart/form-data'], response: { 201: s.attachmentView } },
    },
    async (request, reply) => {
      requireActor(request);
      const ctx = contextOf(request);
      const { buffer, filename } = await readSingleUpload(request, { maxBytes: attachments.MAX_FILE_BYTES, authorise: () => assertCanAttach(db, ctx, request.params.id) });
      return reply.status(201).send(await attachments.uploadAttachment({ db, ctx: contextOf(request), id: request.params.id, code: request.query.code, fileName: filename, buffer }));
    },
  );
  app.get(
    '/api/project-applications/:id/attachments/:attachmentId',
    { schema: { tags, summary: '下载附件', params: s.attachmentParams, produces: ['application/octet-stream'] } },
    async (request, reply) => {
      const file = await attachments.downloadAttachment({ db, actor: requireActor(request), id: request.params.id, attachmentId: request.params.attachmentId });
      return sendAttachment(reply, file);
    },
  );

  app.delete(
    '/api/project-applications/:id/attachments/:attachmentId',
    { schema: { tags, summary: '删除申报附件（申报单位，草稿或退回修改时）', params: s.attachmentParams, response: { 200: s.okView } } },
    async (request) => {
      requireActor(request);
      await attachments.deleteAttachment({ db, ctx: contextOf(request), id: request.params.id, attachmentId: request.params.attachmentId });
      return { ok: true as const };
    },
  );

  // ---- task contract and tranches ----
  app.get(
    '/api/project-applications/:id/contract.docx',
    { schema: { tags, summary: '下载任务书（Word，按立项方案生成：考核指标、预算、拨款计划、双方义务）', params: s.idParam, produces: [DOCX_MIME] } },
    async (request, reply) => {
      const { buffer, fileName } = await contractDocx({ db, actor: requireActor(request), id: request.params.id });
      return reply
        .header('content-type', DOCX_MIME)
        .header('content-disposition', `attachment; filename="contract.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(buffer);
    },
  );
  app.post(
    '/api/project-applications/:id/contract',
    { schema: { tags, summary: '登记签订的任务书（multipart 字段 file：pdf/jpg/png/docx）：项目转入执行，生成第1笔拨款单', params: s.idParam, consumes: ['multipart/form-data'], response: { 200: s.applicationView } } },
    async (request) => {
      requireActor(request);
      const ctx = contextOf(request);
      const { buffer, filename } = await readSingleUpload(request, { maxBytes: attachments.MAX_FILE_BYTES, authorise: () => assertCanSignContract(db, ctx, request.params.id) });
      return signContract({ db, ctx: contextOf(request), id: request.params.id, fileName: filename, buffer });
    },
  );
  app.get('/api/project-applications/:id/tranches', { schema: { tags, summary: '拨款计划与各笔拨款单状态', params: s.idParam, response: { 200: trancheList } } }, async (request) =>
    tranches({ db, actor: requireActor(request), id: request.params.id }),
  );
};
