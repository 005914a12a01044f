import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { requireActor } from '../../http/auth.js';
import { hasRole } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { limitSchema } from '../../http/pagination.js';
import { sendXlsx, xlsxStream, XLSX_MIME } from '../../http/xlsx.js';
import { iterateAudit, listAudit, verifyAuditChain } from './audit.service.js';

const auditQuery = z.object({
  objectType: z.string().trim().max(64).optional(),
  objectId: z.string().trim().max(64).optional(),
  actor: z.string().trim().max(64).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  limit: limitSchema,
  cursor: z.string().regex(/^\d+$/, '分页游标无效').optional(),
});

const auditItem = z.object({
  id: z.number(),
  at: z.date(),
  actorId: z.number().nullable(),
  actorName: z.string(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});

const verifyResponse = z.object({
  intact: z.boolean(),
  checked: z.number(),
  firstBrokenId: z.number().nullable(),
  reason: z.string().nullable(),
});

export const auditRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  const assertAuditor = (request: Parameters<typeof requireActor>[0]) => {
    if (!hasRole(requireActor(request), 'auditor', 'city_admin')) {
      throw forbidden('仅审计人员和系统管理员可查看审计日志');
    }
  };

  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志查询（按对象、操作人、时间）',
        querystring: auditQuery,
        response: { 200: z.object({ items: z.array(auditItem), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      assertAuditor(request);
      const { cursor, ...rest } = request.query;
      return listAudit({ db, filter: { ...rest, beforeId: cursor ? Number(cursor) : undefined } });
    },
  );

  app.get(
    '/api/audit/export',
    { schema: { tags: ['audit'], summary: '导出审计日志（当前筛选，最多 10 万行）', querystring: auditQuery.omit({ limit: true, cursor: true }), produces: [XLSX_MIME] } },
    async (request, reply) => {
      assertAuditor(request);
      // Run the filter once before streaming: a value the database refuses is a 4xx, not a cut-off file.
      await listAudit({ db, filter: { ...request.query, limit: 1 } });
      const rows = iterateAudit({ db, filter: request.query, max: 100_000 });
      const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));
      const stream = xlsxStream('审计日志', [
        { header: '编号', width: 10, value: (r) => r.id },
        { header: '时间', width: 22, value: (r) => r.at.toISOString() },
        { header: '操作人', width: 14, value: (r) => r.actorName },
        { header: '操作', width: 24, value: (r) => r.action },
        { header: '对象类型', width: 14, value: (r) => r.objectType },
        { header: '对象编号', width: 12, value: (r) => r.objectId },
        { header: '变更前', width: 40, value: (r) => json(r.before) },
        { header: '变更后', width: 40, value: (r) => json(r.after) },
        { header: '请求编号', width: 38, value: (r) => r.requestId },
        { header: 'IP', width: 16, value: (r) => r.ip },
        { header: '哈希', width: 66, value: (r) => r.hash },
      ], rows);
      return sendXlsx(reply, `审计日志-${new Date().toISOString().slice(0, 10)}.xlsx`, stream);
    },
  );

  app.get(
    '/api/audit/verify',
    { schema: { tags: ['audit'], summary: '校验审计哈希链完整性', response: { 200: verifyResponse } } },
    async (request) => {
      assertAuditor(request);
      return verifyAuditChain({ db });
    },
  );
};
