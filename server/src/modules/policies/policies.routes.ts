import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { contextOf } from '../../http/auth.js';
import { readSingleUpload } from '../../http/upload.js';
import * as s from './policies.schema.js';
import * as service from './policies.service.js';

/** The policy library (政策库): public search and reading; the city officer manages documents, files and citations. */
export const policiesRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  const tags = ['policies'];

  app.get(
    '/api/policies',
    { schema: { tags, security: [], summary: '政策库检索（公开）：标题、文号、发文机关、全文', querystring: s.listQuery, response: { 200: s.policyPage } } },
    async (request) => service.listPolicies({ db, query: request.query }),
  );

  app.get(
    '/api/policies/cited',
    { schema: { tags, security: [], summary: '引用某对象的政策（公开）：申报通知、科技计划或认定类别', querystring: s.citationQuery, response: { 200: s.citedList } } },
    async (request) => service.policiesCiting({ db, objectType: request.query.objectType, objectId: request.query.objectId }),
  );

  app.get(
    '/api/policies/:id',
    { schema: { tags, security: [], summary: '政策文件（公开）：文号、发文机关、日期、状态、全文、引用', params: s.idParam, response: { 200: s.policyDetail } } },
    async (request) => service.getPolicy({ db, id: request.params.id }),
  );

  app.get(
    '/api/policies/:id/file',
    { schema: { tags, security: [], summary: '下载政策文件原件（公开）', params: s.idParam, produces: ['application/octet-stream'] } },
    async (request, reply) => {
      const f = await service.downloadFile({ db, id: request.params.id });
      return reply
        .header('content-type', f.mime)
        .header('content-disposition', `attachment; filename="policy"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .send(f.content);
    },
  );

  app.post(
    '/api/policies',
    { schema: { tags, summary: '新增政策文件（市科委业务处室）', body: s.createBody, response: { 201: s.policyDetail } } },
    async (request, reply) => reply.code(201).send(await service.createPolicy({ db, ctx: contextOf(request), input: request.body })),
  );

  app.patch(
    '/api/policies/:id',
    { schema: { tags, summary: '修改政策文件（状态、日期、全文；带版本号）', params: s.idParam, body: s.patchBody, response: { 200: s.policyDetail } } },
    async (request) => service.updatePolicy({ db, ctx: contextOf(request), id: request.params.id, input: request.body }),
  );

  app.post(
    '/api/policies/:id/file',
    { schema: { tags, summary: '上传政策文件原件（multipart 字段 file；PDF、DOCX、DOC）', params: s.idParam, consumes: ['multipart/form-data'], response: { 200: s.policyDetail } } },
    async (request) => {
      const ctx = contextOf(request);
      const { buffer, filename } = await readSingleUpload(request, { maxBytes: service.MAX_POLICY_FILE_BYTES, authorise: () => service.assertCanUploadFile({ db, ctx, id: request.params.id }) });
      return service.uploadFile({ db, ctx, id: request.params.id, fileName: filename, buffer });
    },
  );

  app.post(
    '/api/policies/:id/citations',
    { schema: { tags, summary: '登记引用该政策的申报通知或认定类别', params: s.idParam, body: s.citationBody, response: { 200: s.policyDetail } } },
    async (request) => service.addCitation({ db, ctx: contextOf(request), id: request.params.id, input: request.body }),
  );

  app.delete(
    '/api/policies/:id/citations/:objectType/:objectId',
    {
      schema: {
        tags,
        summary: '删除一条引用',
        params: s.idParam.extend({ objectType: z.enum(s.CITATION_TYPES, { message: '引用对象类型不正确' }), objectId: z.string().trim().min(1).max(40) }),
        response: { 200: s.policyDetail },
      },
    },
    async (request) => service.removeCitation({ db, ctx: contextOf(request), id: request.params.id, objectType: request.params.objectType, objectId: request.params.objectId }),
  );
};
