import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { requireActor } from '../../http/auth.js';
import * as s from './jobs.schema.js';
import { failAbandonedJobs, getJob, settleJobsForShutdown, STALE_AFTER_MS } from './jobs.service.js';

export const jobsRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const database = deps.database;

  // A job killed with its process (crash, kill, restart) stops beating: at start-up the running
  // jobs whose heartbeat is older than STALE_AFTER_MS are marked failed, and once more when that
  // time has passed (a job killed just before this start). Housekeeping never stops the start.
  let sweepAgain: NodeJS.Timeout | undefined;
  const sweep = async () => {
    try {
      const n = await failAbandonedJobs(database);
      if (n > 0) {
        app.log.warn({ jobs: n }, 'background jobs abandoned by a previous process marked failed');
      }
    } catch (err) {
      app.log.warn({ err }, 'could not sweep abandoned background jobs');
    }
  };
  app.addHook('onReady', async () => {
    await sweep();
    sweepAgain = setTimeout(() => void sweep(), STALE_AFTER_MS + 1000);
    sweepAgain.unref();
  });
  app.addHook('onClose', async () => {
    clearTimeout(sweepAgain);
    await settleJobsForShutdown(database);
  });

  app.get(
    '/api/jobs/:id',
    { schema: { tags: ['jobs'], summary: '后台任务（导入、批量发放）的进度与结果；只有提交人可查看', params: s.jobParam, response: { 200: s.backgroundJob } } },
    async (request) => getJob({ database, actor: requireActor(request), id: request.params.id }),
  );
};
