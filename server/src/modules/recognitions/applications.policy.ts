import { eq, type SQL } from 'drizzle-orm';
import { cases } from '../../db/schema/index.js';
import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

/**
 * The applications an actor may read, as a WHERE condition applied in the query: bureau roles
 * all, a district officer those of its district, an enterprise user its own enterprise's.
 * Experts reach applications only through their panels (experts module), providers never.
 */
export function applicationScope(actor: Actor): SQL | undefined {
  if (hasRole(actor, 'city_admin', 'city_officer', 'auditor')) {
    return undefined;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return eq(cases.districtId, actor.districtId);
  }
  if (hasRole(actor, 'enterprise_user') && actor.enterpriseId !== null) {
    return eq(cases.enterpriseId, actor.enterpriseId);
  }
  throw forbidden('无权查看认定申报');
}

/** Only an enterprise user applies, for its own enterprise. */
export function assertCanApply(actor: Actor): number {
  if (!hasRole(actor, 'enterprise_user') || actor.enterpriseId === null) {
    throw forbidden('只有企业用户可以发起认定申报');
  }
  return actor.enterpriseId;
}

/** The applicant edits its own draft (scope already checked by reading it within applicationScope). */
export function assertCanEdit(actor: Actor, app: { enterpriseId: number }): void {
  if (!hasRole(actor, 'enterprise_user') || actor.enterpriseId !== app.enterpriseId) {
    throw forbidden('只有申报企业可以修改申报材料');
  }
}

/** Whether the viewer sees the contact phone unmasked (the applicant itself). */
export function seesContactPhone(actor: Actor, app: { enterpriseId: number }): boolean {
  return hasRole(actor, 'enterprise_user') && actor.enterpriseId === app.enterpriseId;
}

/** Which review level an actor acts at; anyone else may not review. */
export function reviewLevelOf(actor: Actor): 'district' | 'city' {
  if (hasRole(actor, 'district_officer')) {
    return 'district';
  }
  if (hasRole(actor, 'city_officer')) {
    return 'city';
  }
  throw forbidden('只有区县科技局或市科委业务处室可以审核申报');
}
