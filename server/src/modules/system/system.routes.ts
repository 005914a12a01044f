import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { migrationStatus } from '../../db/client.js';

export const systemRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  app.get(
    '/healthz',
    { schema: { tags: ['system'], summary: '进程存活', security: [], response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
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
