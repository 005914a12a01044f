import { eq, type SQL } from 'drizzle-orm';
import { enterprises } from '../../db/schema/index.js';
import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

/** The part of the registry an actor sees: all of it, one district, or one enterprise's own record. */
export type RegistryScope = { districtId: number } | { enterpriseId: number } | undefined;

/**
 * The rows of the registry an actor may see: bureau-wide roles see all, a district officer its
 * district, an enterprise user its own record; anyone else none (403).
 */
export function registryScope(actor: Actor): RegistryScope {
  if (hasRole(actor, 'city_admin', 'city_officer', 'auditor')) {
    return undefined;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return { districtId: actor.districtId };
  }
  if (hasRole(actor, 'enterprise_user') && actor.enterpriseId !== null) {
    return { enterpriseId: actor.enterpriseId };
  }
  throw forbidden('无权查看企业库');
}

/** The same scope as a WHERE condition applied in the query itself. */
export function enterpriseScope(actor: Actor): SQL | undefined {
  const scope = registryScope(actor);
  if (scope === undefined) {
    return undefined;
  }
  return 'districtId' in scope ? eq(enterprises.districtId, scope.districtId) : eq(enterprises.id, scope.enterpriseId);
}

/** City officers register anywhere; a district officer only in its district. */
export function assertCanCreateIn(actor: Actor, districtId: number): void {
  if (hasRole(actor, 'city_officer')) {
    return;
  }
  if (hasRole(actor, 'district_officer')) {
    if (actor.districtId === districtId) {
      return;
    }
    throw forbidden(`只能在本区县（${actor.districtName ?? ''}）登记企业`);
  }
  throw forbidden('无权新增企业');
}

/** Bulk import is registration: city officers, and district officers (each row must be in their district). */
export function assertCanImport(actor: Actor): void {
  if (!hasRole(actor, 'city_officer', 'district_officer')) {
    throw forbidden('无权导入企业');
  }
}

/** Fields an enterprise user may change on its own record; identity fields need an officer. */
export const SELF_EDITABLE = new Set(['address', 'website', 'employees', 'contactName', 'contactPhone', 'legalRepName', 'legalRepPhone', 'legalRepIdNumber', 'size', 'registeredCapital']);

export function assertCanUpdate(actor: Actor, currentDistrictId: number, changes: string[], newDistrictId: number | null): void {
  if (hasRole(actor, 'city_officer')) {
    return;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId === currentDistrictId) {
    if (newDistrictId !== null && newDistrictId !== currentDistrictId) {
      throw forbidden('区县科技局不能把企业迁到其他区县，请联系市科委');
    }
    return;
  }
  if (hasRole(actor, 'enterprise_user')) {
    const locked = changes.filter((c) => !SELF_EDITABLE.has(c));
    if (locked.length) {
      throw forbidden(`企业用户不能修改：${locked.join('、')}（请联系所在区县科技局）`);
    }
    return;
  }
  throw forbidden('无权修改企业信息');
}
