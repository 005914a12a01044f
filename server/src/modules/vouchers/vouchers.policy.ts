import { eq, or, sql, type SQL } from 'drizzle-orm';
import { voucherHolders, voucherProviders } from '../../db/schema/vouchers.js';
import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

/** Bureau-wide readers: they see every holder, provider and movement. */
export const isCityReader = (actor: Actor) => hasRole(actor, 'city_officer', 'city_admin', 'auditor');

/** Policies, issuance, approvals, settlement and flag resolution are city officers' work. */
export function assertCityOfficer(actor: Actor, what = '此操作'): void {
  if (!hasRole(actor, 'city_officer')) {
    throw forbidden(`只有市科委业务处室可以执行${what}`);
  }
}

/**
 * The holders an actor may see, as a WHERE condition applied in the query: bureau readers all,
 * a district officer its district, an enterprise user its own enterprise (or its team).
 * Providers see holders only through their own bookings, never the holder list.
 */
export function holderScope(actor: Actor): SQL | undefined {
  if (isCityReader(actor)) {
    return undefined;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return eq(voucherHolders.districtId, actor.districtId);
  }
  if (hasRole(actor, 'enterprise_user')) {
    const own = actor.enterpriseId !== null ? eq(voucherHolders.enterpriseId, actor.enterpriseId) : sql`false`;
    return or(own, eq(voucherHolders.organizationId, actor.organizationId));
  }
  throw forbidden('无权查看创新券持有人');
}

/** True when the actor may act (book, claim reimbursement) as this holder. */
export function actsForHolder(actor: Actor, holder: { enterpriseId: number | null; organizationId: number | null }): boolean {
  if (!hasRole(actor, 'enterprise_user')) {
    return false;
  }
  return (holder.enterpriseId !== null && holder.enterpriseId === actor.enterpriseId) || (holder.organizationId !== null && holder.organizationId === actor.organizationId);
}

/** True when the actor is the service provider's own staff. */
export function actsForProvider(actor: Actor, provider: { organizationId: number | null }): boolean {
  return hasRole(actor, 'provider') && provider.organizationId !== null && provider.organizationId === actor.organizationId;
}

/**
 * Bookings and claims visible to an actor, as a condition over the joined holder and provider:
 * bureau readers all, a district officer its district's holders, a holder its own, a provider its own.
 */
export function caseScope(actor: Actor): SQL | undefined {
  if (isCityReader(actor)) {
    return undefined;
  }
  if (hasRole(actor, 'provider')) {
    return eq(voucherProviders.organizationId, actor.organizationId);
  }
  return holderScope(actor);
}
