import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { requireActor } from '../../http/auth.js';
import { hasRole } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { limitSchema } from '../../http/pagination.js';
import { listAudit, verifyAuditChain } from './audit.service.js';

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
    '/api/audit/verify',
    { schema: { tags: ['audit'], summary: '校验审计哈希链完整性', response: { 200: verifyResponse } } },
    async (request) => {
      assertAuditor(request);
      return verifyAuditChain({ db });
    },
  );
};
