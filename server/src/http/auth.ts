import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import type { Role } from '../db/schema/index.js';
import { sha256 } from '../lib/password.js';
import * as authRepo from '../modules/auth/auth.repo.js';
import { AppError } from './errors.js';
import { effectiveRoles, type Actor, type RequestContext } from './context.js';

export const SESSION_COOKIE = 'kc_session';
const TOUCH_EVERY_MS = 60_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** Why the presented credential was refused, if it was. */
    authProblem: 'session_expired' | null;
  }
}

type Principal = NonNullable<Awaited<ReturnType<typeof authRepo.findSessionPrincipal>>>;

function toActor(p: Omit<Principal, 'csrfToken' | 'lastSeenAt' | 'expiresAt' | 'revokedAt'>, via: Actor['via'], credentialId: string, csrfToken: string | null): Actor {
  return {
    userId: p.userId,
    username: p.username,
    displayName: p.displayName,
    roles: effectiveRoles(p.roles as Role[]),
    organizationId: p.organizationId,
    organizationName: p.organizationName,
    organizationKind: p.organizationKind,
    districtId: p.districtId,
    districtCode: p.districtCode,
    districtName: p.districtName,
    enterpriseId: p.enterpriseId,
    via,
    credentialId,
    csrfToken,
  };
}

async function resolveActor(deps: Deps, request: FastifyRequest): Promise<void> {
  const db = deps.database.db;
  const now = new Date();
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const hash = sha256(header.slice(7).trim());
    const p = await authRepo.findTokenPrincipal(db, hash);
    if (!p || p.revokedAt || p.disabled || (p.expiresAt && p.expiresAt <= now)) {
      throw new AppError('unauthenticated', 'API 令牌无效、已过期或已撤销');
    }
    if (!p.lastUsedAt || now.getTime() - p.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
      await authRepo.touchToken(db, hash, now);
    }
    request.actor = toActor(p, 'token', hash, null);
    return;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) {
    return;
  }
  const hash = sha256(cookie);
  const p = await authRepo.findSessionPrincipal(db, hash);
  if (!p || p.revokedAt || p.disabled) {
    request.authProblem = 'session_expired';
    return;
  }
  const idle = now.getTime() - p.lastSeenAt.getTime() > deps.settings.sessionIdleMs;
  if (idle || p.expiresAt <= now) {
    await db.transaction(async (tx) => authRepo.revokeSession(tx, hash));
    request.authProblem = 'session_expired';
    return;
  }
  if (now.getTime() - p.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await authRepo.touchSession(db, hash, now);
  }
  request.actor = toActor(p, 'session', hash, p.csrfToken);
}

/**
 * A route is public when its schema says `security: []` (OpenAPI: no credential needed), so the
 * document and the enforcement cannot disagree. Unmatched URLs fall through to the JSON 404.
 */
function isPublicRoute(request: FastifyRequest): boolean {
  const { url, schema } = request.routeOptions;
  if (url === undefined || url.startsWith('/api/docs')) {
    return true;
  }
  const security = (schema as { security?: unknown[] } | undefined)?.security;
  return Array.isArray(security) && security.length === 0;
}

/**
 * Resolves the actor of every /api request, refuses anonymous requests to non-public routes
 * before any parsing or validation (deny by default), and enforces CSRF on cookie-authenticated writes.
 */
export function registerAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('authProblem', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) {
      return;
    }
    await resolveActor(deps, request);
    const actor = request.actor;
    if (!actor && !isPublicRoute(request)) {
      requireActor(request);
    }
    if (actor?.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== actor.csrfToken) {
        throw new AppError('csrf_invalid', '缺少或错误的 CSRF 令牌（请求头 x-csrf-token）');
      }
    }
  });
}

export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: request.actor, requestId: String(request.id), ip: request.ip };
}

/** The signed-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) {
    if (request.authProblem === 'session_expired') {
      throw new AppError('session_expired', '登录已超时或已失效，请重新登录');
    }
    throw new AppError('unauthenticated', '请先登录');
  }
  return request.actor;
}

export function setSessionCookie(reply: FastifyReply, deps: Deps, token: string | null): void {
  if (token === null) {
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return;
  }
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.settings.cookieSecure,
    maxAge: Math.floor(deps.settings.sessionAbsoluteMs / 1000),
  });
}
