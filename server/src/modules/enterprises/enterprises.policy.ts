import { and, eq, type SQL } from 'drizzle-orm';
import { enterprises } from '../../db/schema/index.js';
import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

/**
 * The rows of the registry an actor may see, as a WHERE condition applied in the query itself:
 * bureau-wide roles see all, a district officer its district, an enterprise user its own record.
 */
export function enterpriseScope(actor: Actor): SQL | undefined {
  if (hasRole(actor, 'city_admin', 'city_officer', 'auditor')) {
    return undefined;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return eq(enterprises.districtId, actor.districtId);
  }
  if (hasRole(actor, 'enterprise_user') && actor.enterpriseId !== null) {
    return eq(enterprises.id, actor.enterpriseId);
  }
  throw forbidden('无权查看企业库');
}

export function withScope(actor: Actor, cond: SQL | undefined): SQL | undefined {
  const scope = enterpriseScope(actor);
  return scope && cond ? and(scope, cond) : (scope ?? cond);
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
