import { eq, type SQL } from 'drizzle-orm';
import { recognitions } from '../../db/schema/index.js';
import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

/**
 * The recognitions an actor may see, as a WHERE condition applied in the query itself: bureau-wide
 * roles all, a district officer those attributed to its district (recognitions.district_id, the
 * enterprise's district on the issue date), an enterprise user its own enterprise's.
 */
export function recognitionScope(actor: Actor): SQL | undefined {
  if (hasRole(actor, 'city_admin', 'city_officer', 'auditor')) {
    return undefined;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return eq(recognitions.districtId, actor.districtId);
  }
  if (hasRole(actor, 'enterprise_user') && actor.enterpriseId !== null) {
    return eq(recognitions.enterpriseId, actor.enterpriseId);
  }
  throw forbidden('无权查看认定名录');
}

/** Aggregate counts: bureau-wide roles city-wide (or one district), a district officer its own district only. */
export function countsDistrict(actor: Actor, requested: number | undefined): number | undefined {
  if (hasRole(actor, 'city_admin', 'city_officer', 'auditor')) {
    return requested;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    if (requested !== undefined && requested !== actor.districtId) {
      throw forbidden(`只能查看本区县（${actor.districtName ?? ''}）的认定统计`);
    }
    return actor.districtId;
  }
  throw forbidden('无权查看认定统计');
}

/** Revocation is a bureau decision: city officers only. */
export function assertCanRevoke(actor: Actor): void {
  if (!hasRole(actor, 'city_officer')) {
    throw forbidden('只有市科委业务处室可以撤销认定');
  }
}
