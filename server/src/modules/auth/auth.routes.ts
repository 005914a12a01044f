import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor, setSessionCookie } from '../../http/auth.js';
import * as s from './auth.schema.js';
import * as service from './auth.service.js';
import * as repo from './auth.repo.js';
import { scheduleCounterPurge } from './counters.purge.js';

export const authRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  scheduleCounterPurge(app, deps.database);

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: '登录', security: [], body: s.loginBody, response: { 200: s.loginResponse } },
      config: { rateLimit: { max: deps.settings.loginRatePerMinute ?? 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await service.login({
        db,
        ctx: contextOf(request),
        username: request.body.username,
        password: request.body.password,
        absoluteMs: deps.settings.sessionAbsoluteMs,
      });
      setSessionCookie(reply, deps, result.sessionToken);
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录', response: { 200: s.okResponse } } },
    async (request, reply) => {
      requireActor(request);
      await service.logout({ db, ctx: contextOf(request) });
      setSessionCookie(reply, deps, null);
      return { ok: true as const };
    },
  );

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: '当前用户', response: { 200: s.meResponse } } }, async (request) => {
    const a = requireActor(request);
    return {
      user: { id: a.userId, username: a.username, displayName: a.displayName },
      roles: a.roles,
      organization: {
        id: a.organizationId,
        name: a.organizationName,
        kind: a.organizationKind,
        enterpriseId: a.enterpriseId,
        district: a.districtId !== null ? { id: a.districtId, code: a.districtCode ?? '', name: a.districtName ?? '' } : null,
      },
      csrfToken: a.csrfToken,
      via: a.via,
    };
  });

  app.post(
    '/api/auth/password',
    {
      schema: { tags: ['auth'], summary: '修改本人密码', body: s.changePasswordBody, response: { 200: s.okResponse } },
      // the current password is checked here: throttled like sign-ins (and its failures counted with theirs)
      config: { rateLimit: { max: deps.settings.loginRatePerMinute ?? 10, timeWindow: '1 minute' } },
    },
    async (request) => {
      requireActor(request);
      await service.changePassword({ db, ctx: contextOf(request), ...request.body });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/tokens',
    { schema: { tags: ['auth'], summary: '本人的 API 令牌', response: { 200: s.tokenList } } },
    async (request) => {
      const a = requireActor(request);
      return { items: await repo.listTokens(db, a.userId) };
    },
  );

  app.post(
    '/api/auth/tokens',
    { schema: { tags: ['auth'], summary: '创建 API 令牌（明文只返回这一次）', body: s.createTokenBody, response: { 201: s.createdToken } } },
    async (request, reply) => {
      requireActor(request);
      const created = await service.createApiToken({ db, ctx: contextOf(request), ...request.body });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/auth/tokens/:id',
    { schema: { tags: ['auth'], summary: '撤销 API 令牌', params: s.idParam, response: { 200: s.okResponse } } },
    async (request) => {
      requireActor(request);
      await service.revokeApiToken({ db, ctx: contextOf(request), id: request.params.id });
      return { ok: true as const };
    },
  );
};
