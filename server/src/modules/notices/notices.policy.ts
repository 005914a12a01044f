import { eq, type SQL } from 'drizzle-orm';
import { cases } from '../../db/schema/index.js';
import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

/** Publishing a notice, deciding and resolving objections: the city S&T bureau's officers. */
export function assertCanManageNotices(actor: Actor, what = '发布公示'): void {
  if (!hasRole(actor, 'city_officer')) {
    throw forbidden(`无权${what}（仅市科委业务处室）`);
  }
}

/** Reading the officer views of notices (candidates, items with their objections): bureau-wide roles. */
export function assertCanReadNotices(actor: Actor): void {
  if (!hasRole(actor, 'city_officer', 'city_admin', 'auditor')) {
    throw forbidden('无权查看公示管理信息');
  }
}

/** Whether the actor may see notices not yet published (scheduled for a later day). */
export function seesScheduled(actor: Actor | null): boolean {
  return hasRole(actor, 'city_officer', 'city_admin', 'auditor');
}

/**
 * Objections an actor may read, as a condition on the objected application (applied in the
 * query): bureau-wide roles all, a district officer those on its district's applications.
 */
export function objectionScope(actor: Actor): SQL | undefined {
  if (hasRole(actor, 'city_officer', 'city_admin', 'auditor')) {
    return undefined;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return eq(cases.districtId, actor.districtId);
  }
  throw forbidden('无权查看公示异议');
}
