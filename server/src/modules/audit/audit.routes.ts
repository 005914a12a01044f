import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { requireActor } from '../../http/auth.js';
import { hasRole } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { limitSchema } from '../../http/pagination.js';
import { sendXlsx } from '../../http/attachment.js';
import { chinaDate } from '../../lib/clock.js';
import { XLSX_MIME } from '../../lib/xlsx.js';
import { auditWorkbook } from './audit.export.js';
import { iterateAudit, listAudit } from './audit.service.js';

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
  /** Null while the row waits for the chainer (a second or so after its transaction commits). */
  seq: z.number().nullable(),
  hash: z.string().nullable(),
});

const checkpoint = z
  .object({
    seq: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    hash: z.string().regex(/^[0-9a-f]{64}$/, '哈希须为 64 位十六进制'),
    at: z.string().max(40),
    mac: z.string().regex(/^[0-9a-f]{64}$/, '签名须为 64 位十六进制'),
  })
  .strict();

const verifyQuery = z
  .object({
    seq: checkpoint.shape.seq.optional(),
    hash: checkpoint.shape.hash.optional(),
    at: checkpoint.shape.at.optional(),
    mac: checkpoint.shape.mac.optional(),
  })
  .strict()
  .refine((q) => [q.seq, q.hash, q.at, q.mac].every((v) => v === undefined) || [q.seq, q.hash, q.at, q.mac].every((v) => v !== undefined), {
    message: '检查点须同时给出 seq、hash、at 和 mac',
    path: ['seq'],
  });

const verifyResponse = z.object({
  intact: z.boolean(),
  checked: z.number(),
  firstBrokenId: z.number().nullable(),
  reason: z.string().nullable(),
  head: z.object({ seq: z.number(), hash: z.string() }).nullable(),
  pending: z.number(),
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
      const stream = auditWorkbook(rows);
      return sendXlsx(reply, `审计日志-${chinaDate(new Date())}.xlsx`, stream);
    },
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: '校验审计哈希链完整性（可附上此前导出的检查点 seq/hash/at/mac）',
        querystring: verifyQuery,
        response: { 200: verifyResponse },
      },
    },
    async (request) => {
      assertAuditor(request);
      const q = request.query;
      return app.auditChain.verify(q.seq !== undefined ? { seq: q.seq, hash: q.hash!, at: q.at!, mac: q.mac! } : undefined);
    },
  );

  app.get(
    '/api/audit/checkpoint',
    {
      schema: {
        tags: ['audit'],
        summary: '导出审计链检查点（链头与签名，供审计人员留存，日后校验时附上）',
        response: { 200: z.object({ checkpoint: checkpoint.nullable() }) },
      },
    },
    async (request) => {
      assertAuditor(request);
      return { checkpoint: await app.auditChain.checkpoint() };
    },
  );
};
