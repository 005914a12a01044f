import type { Role } from '../db/schema/index.js';
import { AppError } from './errors.js';

/** Who is acting: resolved once per request from the session cookie or a Bearer token. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  roles: Role[];
  organizationId: number;
  organizationName: string;
  organizationKind: string;
  districtId: number | null;
  districtCode: string | null;
  districtName: string | null;
  enterpriseId: number | null;
  via: 'session' | 'token';
  credentialId: string;
  csrfToken: string | null;
}

/** What every state-changing service call receives, for authorisation and the audit row. */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  ip: string;
  /** Names a system job (seed, scheduler) when there is no human actor. */
  system?: string;
}

/**
 * Separation of duties, enforced again where the actor is resolved (an account stored before the
 * rule, or written around the service): the admin acts only as the admin and the auditor only as
 * the auditor, whatever other roles the account carries.
 */
export function effectiveRoles(roles: Role[]): Role[] {
  for (const exclusive of ['city_admin', 'auditor'] as const) {
    if (roles.includes(exclusive)) {
      return [exclusive];
    }
  }
  return roles;
}

export function hasRole(actor: Actor | null, ...roles: Role[]): boolean {
  return !!actor && actor.roles.some((r) => roles.includes(r));
}

/** The signed-in actor of a service call; 401 when there is none (the one actor helper every service uses). */
export function actorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) {
    throw new AppError('unauthenticated', '请先登录');
  }
  return ctx.actor;
}
