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

async function resolveToken(deps: Deps, request: FastifyRequest, header: string): Promise<void> {
  const db = deps.database.db;
  const now = new Date();
  const hash = sha256(header.slice(7).trim());
  const p = await authRepo.findTokenPrincipal(db, hash);
  if (!p || p.revokedAt || p.disabled || (p.expiresAt && p.expiresAt <= now)) {
    throw new AppError('unauthenticated', 'API 令牌无效、已过期或已撤销');
  }
  if (!p.lastUsedAt || now.getTime() - p.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await authRepo.touchToken(db, hash, now);
  }
  request.actor = toActor(p, 'token', hash, null);
}

type SessionPrincipal = NonNullable<Principal>;

/**
 * Applies a session principal to the request: refused (revoked, disabled), expired (idle or past its
 * lifetime: revoked now), or the actor. Returns the write it needs (the expiry's revocation, or the
 * idle touch once a minute), or undefined when it needs none.
 */
function applySession(deps: Deps, request: FastifyRequest, hash: string, p: SessionPrincipal | undefined): Promise<void> | undefined {
  if (!p || p.revokedAt || p.disabled) {
    request.authProblem = 'session_expired';
    return undefined;
  }
  const db = deps.database.db;
  const now = Date.now();
  const seen = p.lastSeenAt.getTime();
  if (now - seen > deps.settings.sessionIdleMs || p.expiresAt.getTime() <= now) {
    request.authProblem = 'session_expired';
    return db.transaction(async (tx) => authRepo.revokeSession(tx, hash));
  }
  request.actor = toActor(p, 'session', hash, p.csrfToken);
  if (now - seen > TOUCH_EVERY_MS) {
    return authRepo.touchSession(db, hash, new Date(now));
  }
  return undefined;
}

/**
 * Resolves the request's actor. Returns undefined when that took no database work (no credential,
 * or a session principal this process holds in its cache that needs no touch), so the common
 * signed-in request does not wait on a promise; otherwise the promise of the lookup or write.
 */
function resolveActor(deps: Deps, request: FastifyRequest): Promise<void> | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    return resolveToken(deps, request, header);
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) {
    return undefined;
  }
  const db = deps.database.db;
  const hash = sha256(cookie);
  const hit = authRepo.cachedSessionPrincipal(db, hash);
  if (hit) {
    return applySession(deps, request, hash, hit);
  }
  return authRepo.findSessionPrincipal(db, hash).then((p) => applySession(deps, request, hash, p));
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
  // a callback hook: a signed-in request whose principal is cached passes without a promise
  app.addHook('onRequest', (request, _reply, done) => {
    if (!request.url.startsWith('/api/')) {
      done();
      return;
    }
    let pending: Promise<void> | undefined;
    try {
      pending = resolveActor(deps, request);
    } catch (err) {
      done(err as Error);
      return;
    }
    if (pending) {
      pending.then(
        () => admit(request, done),
        (err: unknown) => done(err as Error),
      );
    } else {
      admit(request, done);
    }
  });
}

/** Deny by default and CSRF, once the actor is known. */
function admit(request: FastifyRequest, done: (err?: Error) => void): void {
  try {
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
  } catch (err) {
    done(err as Error);
    return;
  }
  done();
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
