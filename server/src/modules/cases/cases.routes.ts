import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { requireActor } from '../../http/auth.js';
import * as s from './cases.schema.js';
import { inboxSummary, listInbox } from './inbox.service.js';

export const casesRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  const tags = ['cases'];
  app.get(
    '/api/cases',
    { schema: { tags, summary: '待办与办件（跨业务类别；按办理期限排序；按角色和区县/企业范围）', querystring: s.inboxQuery, response: { 200: s.inboxPage } } },
    async (request) => listInbox({ db, actor: requireActor(request), query: request.query }),
  );
  app.get(
    '/api/cases/summary',
    { schema: { tags, summary: '待办统计：总数、已超期、3个工作日内到期，按业务类别', querystring: s.inboxFilter, response: { 200: s.inboxSummary } } },
    async (request) => inboxSummary({ db, actor: requireActor(request), query: request.query }),
  );
};
