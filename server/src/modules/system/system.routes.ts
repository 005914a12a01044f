import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { migrationStatus } from '../../db/client.js';
import { businessNow, businessToday } from '../../lib/clock.js';

export const systemRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  app.get(
    '/healthz',
    { schema: { tags: ['system'], summary: '进程存活', security: [], response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );

  // the business clock (lib/clock.ts): the SPA's defaults (publication dates, years) read it, not the browser's clock
  app.get(
    '/api/clock',
    {
      schema: {
        tags: ['system'],
        summary: '业务日期（演示环境运行在2016年的业务日期上）',
        security: [],
        response: { 200: z.object({ today: z.string(), now: z.string() }) },
      },
    },
    async () => ({ today: businessToday(), now: businessNow().toISOString() }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['system'],
        summary: '数据库可达且迁移已完成',
        security: [],
        response: {
          200: z.object({ status: z.literal('ready'), database: z.string(), migrations: z.number() }),
          503: z.object({ status: z.literal('not_ready'), reason: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        const m = await migrationStatus(deps.database);
        if (m.applied < m.expected) {
          return reply.status(503).send({ status: 'not_ready' as const, reason: `migrations ${m.applied}/${m.expected}` });
        }
        return { status: 'ready' as const, database: deps.database.kind, migrations: m.applied };
      } catch {
        return reply.status(503).send({ status: 'not_ready' as const, reason: 'database unreachable' });
      }
    },
  );
};
