import { hasRole, type Actor, type RequestContext } from '../../http/context.js';
import { AppError, forbidden } from '../../http/errors.js';

/** Who may do what in the fund programmes (docs/funds.md). */
export function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) {
    throw new AppError('unauthenticated', '请先登录');
  }
  return actor;
}

/** The bureau's readers: officers, the admin and the auditor see every fund. */
export const isCityReader = (actor: Actor) => hasRole(actor, 'city_officer', 'city_admin', 'auditor', 'finance_officer');

/** A fund manager sees only the funds its organisation manages. */
export const isFundManager = (actor: Actor) => hasRole(actor, 'fund_manager');

/** Reading funds and reports: city readers all, a fund manager its own organisation's (the caller filters by managerOrgId). */
export function readScope(ctx: RequestContext): { all: true } | { managerOrgId: number } {
  const actor = requireSignedIn(ctx.actor);
  if (isCityReader(actor)) {
    return { all: true };
  }
  if (isFundManager(actor)) {
    return { managerOrgId: actor.organizationId };
  }
  throw forbidden('无权查看引导基金业务');
}

export function assertCityReader(ctx: RequestContext): Actor {
  const actor = requireSignedIn(ctx.actor);
  if (!isCityReader(actor)) {
    throw forbidden('无权查看引导基金业务');
  }
  return actor;
}

/** Registering funds, requesting and reviewing money movements, overseas projects: the bureau's officers. */
export function assertOfficer(ctx: RequestContext): Actor {
  const actor = requireSignedIn(ctx.actor);
  if (!hasRole(actor, 'city_officer')) {
    throw forbidden('仅市科委业务处室可以办理');
  }
  return actor;
}

/** The checker of a capital call or distribution: another city officer, or the finance office (计划财务处). */
export function assertChecker(ctx: RequestContext): Actor {
  const actor = requireSignedIn(ctx.actor);
  if (!hasRole(actor, 'city_officer', 'finance_officer')) {
    throw forbidden('仅市科委经办人或计划财务处可以复核');
  }
  return actor;
}

export function assertFundManager(ctx: RequestContext): Actor {
  const actor = requireSignedIn(ctx.actor);
  if (!isFundManager(actor)) {
    throw forbidden('仅基金管理人可以填报季度投资报告');
  }
  return actor;
}
