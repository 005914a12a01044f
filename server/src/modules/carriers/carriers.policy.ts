import { eq, type SQL } from 'drizzle-orm';
import { carriers } from '../../db/schema/index.js';
import { hasRole, type Actor } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';

type CarrierScope = { organizationId: number; districtId: number };

/** Bureau roles and auditors see every carrier; a district officer its district's; an operator its own. */
export function carrierScopeWhere(actor: Actor): SQL | undefined {
  if (hasRole(actor, 'city_officer', 'city_admin', 'auditor')) {
    return undefined;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return eq(carriers.districtId, actor.districtId);
  }
  if (hasRole(actor, 'carrier_operator')) {
    return eq(carriers.organizationId, actor.organizationId);
  }
  throw forbidden('无权查看创新载体');
}

export function canSeeCarrier(actor: Actor, c: CarrierScope): boolean {
  if (hasRole(actor, 'city_officer', 'city_admin', 'auditor')) {
    return true;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null && actor.districtId === c.districtId) {
    return true;
  }
  return hasRole(actor, 'carrier_operator') && actor.organizationId === c.organizationId;
}

export function assertSeesCarrier(actor: Actor, c: CarrierScope | undefined): asserts c is CarrierScope {
  if (!c || !canSeeCarrier(actor, c)) {
    throw notFound('载体');
  }
}

/** Only the carrier's own operator edits its profile, firms, applications and statistics. */
export function assertOperates(actor: Actor, c: CarrierScope | undefined): asserts c is CarrierScope {
  assertSeesCarrier(actor, c);
  if (!hasRole(actor, 'carrier_operator') || actor.organizationId !== c.organizationId) {
    throw forbidden('仅载体运营机构可办理');
  }
}

/** Only carrier operators fill in (or import) statistics. */
export function assertCarrierOperator(actor: Actor): void {
  if (!hasRole(actor, 'carrier_operator')) {
    throw forbidden('仅载体运营机构可办理');
  }
}

/** The city's officers record national status and assess. */
export function assertCityOfficer(actor: Actor): void {
  if (!hasRole(actor, 'city_officer')) {
    throw forbidden('仅市科委业务处室可办理');
  }
}
