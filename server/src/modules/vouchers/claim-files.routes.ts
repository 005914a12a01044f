import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import { readSingleUpload } from '../../http/upload.js';
import { assertCanUploadClaimFile, downloadClaimFile, listClaimFiles, listStagedFiles, MAX_CLAIM_FILE_BYTES, uploadClaimFile } from './claim-files.service.js';
import * as s from './vouchers.schema.js';

/** A claim's evidence: the acceptance report and the invoice, uploaded on the booking, judged on the claim. */
export const claimFileRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = deps.database.db;
    const tags = ['vouchers'];

    app.post(
      '/api/vouchers/bookings/:id/files',
      {
        schema: {
          tags,
          summary: '上传兑付材料（multipart 字段 file；kind：acceptance 服务验收报告、invoice 服务发票；PDF/JPG/PNG，按文件头校验，≤10MB；同类再传则替换）',
          params: s.idParam,
          querystring: s.claimFileQuery,
          consumes: ['multipart/form-data'],
          response: { 201: s.claimFileOut },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const ctx = contextOf(request);
        const { buffer, filename } = await readSingleUpload(request, { maxBytes: MAX_CLAIM_FILE_BYTES, authorise: () => assertCanUploadClaimFile({ db, ctx, bookingId: request.params.id }) });
        return reply.status(201).send(await uploadClaimFile({ db, ctx, bookingId: request.params.id, kind: request.query.kind, fileName: filename, buffer }));
      },
    );
    app.get(
      '/api/vouchers/bookings/:id/files',
      { schema: { tags, summary: '已上传、待随兑付申请提交的材料', params: s.idParam, response: { 200: s.claimFileList } } },
      async (request) => {
        requireActor(request);
        return listStagedFiles({ db, ctx: contextOf(request), bookingId: request.params.id });
      },
    );
    app.get(
      '/api/vouchers/claims/:id/files',
      { schema: { tags, summary: '兑付申请的材料（验收报告、发票）', params: s.idParam, response: { 200: s.claimFileList } } },
      async (request) => {
        requireActor(request);
        return listClaimFiles({ db, ctx: contextOf(request), claimId: request.params.id });
      },
    );
    app.get(
      '/api/vouchers/claim-files/:id',
      { schema: { tags, summary: '下载兑付材料（记入审计日志）', params: s.idParam, produces: ['application/octet-stream'] } },
      async (request, reply) => {
        requireActor(request);
        const file = await downloadClaimFile({ db, ctx: contextOf(request), id: request.params.id });
        return reply
          .header('content-type', file.mimeType)
          .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('x-content-type-options', 'nosniff')
          .send(file.content);
      },
    );
  };
