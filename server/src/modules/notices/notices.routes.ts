import type { FastifyError, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { approveAll, decideCase } from './decisions.service.js';
import { EVIDENCE_MAX_BYTES, fileObjection, getObjection, listObjections, objectionEvidence, openNotice, resolveObjection, type EvidenceFile } from './objections.service.js';
import * as s from './notices.schema.js';
import * as service from './notices.service.js';

/** Objections per client IP: a real person files a few, a script is stopped. */
export const OBJECTION_RATE_LIMIT = { max: 10, timeWindow: '10 minutes' };

declare module 'fastify' {
  interface FastifyRequest {
    evidenceFile?: EvidenceFile | null;
  }
}

/**
 * A multipart objection (form fields and an optional evidence file named `file`) becomes the
 * same body a JSON objection has, so one schema validates both. The notice must be open for
 * objections before a byte of the evidence is read.
 */
const readMultipartObjection = (db: Db) => async (request: FastifyRequest): Promise<void> => {
  if (!request.isMultipart()) {
    return;
  }
  const params = s.idParam.safeParse(request.params);
  if (!params.success) {
    return; // the params' own validation answers 400
  }
  await openNotice(db, params.data.id);
  const fields: Record<string, string> = {};
  let file: EvidenceFile | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 10 } })) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (content.length > 0) {
          file = { fileName: (part.filename || '证据文件').slice(-120), content };
        }
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const e = err as FastifyError;
    if (e.code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('payload_too_large', '证据文件不能超过10MB', { fields: [{ field: 'file', message: '证据文件不能超过10MB' }] });
    }
    if (err instanceof AppError) {
      throw err;
    }
    throw new AppError('validation_failed', '上传内容格式不正确，请重新提交', { fields: [{ field: 'file', message: '上传内容格式不正确' }] });
  }
  request.body = fields;
  request.evidenceFile = file;
};

export const noticesRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  const pii = deps.pii;
  const tags = ['notices'];

  // ---------- public ----------
  app.get(
    '/api/notices',
    { schema: { tags, security: [], summary: '认定公示列表（公开；状态 open 公示中 / closed 已结束）', querystring: s.noticeListQuery, response: { 200: s.noticeList } } },
    async (request) => service.listNotices({ db, actor: request.actor, query: request.query }),
  );
  app.get(
    '/api/notices/candidates',
    { schema: { tags, summary: '可列入公示的申报（按类型、年度；市科委）', querystring: s.candidatesQuery, response: { 200: s.candidateList } } },
    async (request) => service.listCandidates({ db, actor: requireActor(request), instrument: request.query.instrument, type: request.query.type, year: request.query.year }),
  );
  app.get(
    '/api/notices/:id',
    { schema: { tags, security: [], summary: '公示详情与公示名单（公开；不含个人信息）', params: s.idParam, response: { 200: s.noticeDetail } } },
    async (request) => service.getNotice({ db, actor: request.actor, id: request.params.id }),
  );
  app.post(
    '/api/notices/:id/objections',
    {
      schema: {
        tags,
        security: [],
        summary: '提出实名异议（公开；公示期截止日24:00前；JSON 或 multipart，可附 PDF/JPG/PNG 证据文件 ≤10MB，字段名 file）',
        consumes: ['application/json', 'multipart/form-data'],
        params: s.idParam,
        body: s.objectionBody,
        response: { 201: s.objectionReceipt },
      },
      config: { rateLimit: OBJECTION_RATE_LIMIT },
      preValidation: readMultipartObjection(db),
    },
    async (request, reply) => {
      const receipt = await fileObjection({ db, ctx: contextOf(request), pii, noticeId: request.params.id, input: request.body, file: request.evidenceFile ?? null });
      return reply.status(201).send(receipt);
    },
  );

  // ---------- officers ----------
  app.post(
    '/api/notices',
    { schema: { tags, summary: '发布认定公示（市科委；公示期按工作日计算，所列申报进入公示）', body: s.publishBody, response: { 201: s.publishResult } } },
    async (request, reply) => {
      requireActor(request);
      return reply.status(201).send(await service.publishNotice({ db, ctx: contextOf(request), input: request.body }));
    },
  );
  app.get(
    '/api/notices/:id/items',
    { schema: { tags, summary: '公示对象的办理情况（申报状态、异议、能否作出决定；市科委）', params: s.idParam, response: { 200: s.reviewItems } } },
    async (request) => service.reviewNotice({ db, actor: requireActor(request), id: request.params.id }),
  );
  app.post(
    '/api/notices/:id/approve-all',
    { schema: { tags, summary: '批量认定：公示期满、无未处理或成立异议的全部予以认定（市科委）', params: s.idParam, response: { 200: s.approveAllResult } } },
    async (request) => {
      requireActor(request);
      return approveAll({ db, ctx: contextOf(request), noticeId: request.params.id });
    },
  );
  for (const [prefix, instrument] of [
    ['/api/cases', undefined],
    ['/api/recognition-applications', 'recognitions'],
  ] as const) {
    app.post(
      `${prefix}/:id/decision`,
      { schema: { tags, summary: '公示后的决定（市科委；公示期满且无未处理异议后）：予以认定/立项（调用业务类别的决定处理），或不予通过', params: s.idParam, body: s.decisionBody, response: { 200: s.decisionResult } } },
      async (request) => {
        requireActor(request);
        return decideCase({ db, ctx: contextOf(request), caseId: request.params.id, instrument, approve: request.body.approve, comment: request.body.comment });
      },
    );
  }

  app.get(
    '/api/objections',
    { schema: { tags, summary: '公示异议列表（市科委、审计；区县看本区县申报的异议）', querystring: s.objectionQuery, response: { 200: s.objectionList } } },
    async (request) => listObjections({ db, actor: requireActor(request), pii, query: request.query }),
  );
  app.get(
    '/api/objections/:id',
    { schema: { tags, summary: '异议详情（电话、证件号码脱敏）', params: s.idParam, response: { 200: s.objectionDetail } } },
    async (request) => getObjection({ db, actor: requireActor(request), pii, id: request.params.id }),
  );
  app.get(
    '/api/objections/:id/evidence',
    { schema: { tags, summary: '下载异议证据文件', params: s.idParam } },
    async (request, reply) => {
      const file = await objectionEvidence({ db, actor: requireActor(request), id: request.params.id });
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.content);
    },
  );
  app.post(
    '/api/objections/:id/resolve',
    { schema: { tags, summary: '处理异议：成立或不成立，附核查意见（市科委）', params: s.idParam, body: s.resolveBody, response: { 200: s.objectionDetail } } },
    async (request) => {
      requireActor(request);
      return resolveObjection({ db, ctx: contextOf(request), pii, id: request.params.id, outcome: request.body.outcome, resolution: request.body.resolution });
    },
  );
};
