import { or, sql, type SQL } from 'drizzle-orm';
import { tmDeals, tmListings } from '../../db/schema/techmarket.js';
import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { AppError, forbidden } from '../../http/errors.js';

/**
 * Who may do what in the technology market. Data scopes are WHERE conditions applied in the
 * query: bureau-wide roles see everything, a district officer its district, an enterprise user
 * its own organisation's records; the public only approved listings and auctions.
 */

export function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) {
    throw new AppError('unauthenticated', '请先登录');
  }
  return actor;
}

export const isBureauReader = (actor: Actor | null) => hasRole(actor, 'city_admin', 'city_officer', 'auditor');

export function assertCanPost(actor: Actor): void {
  if (!hasRole(actor, 'enterprise_user')) {
    throw forbidden('只有企业（机构）用户可以发布成果或需求');
  }
}

export function assertModerator(actor: Actor): void {
  if (!hasRole(actor, 'city_officer')) {
    throw forbidden('只有市科委业务处室可以审核发布信息');
  }
}

export function assertRegistrar(actor: Actor): void {
  if (!hasRole(actor, 'city_officer')) {
    throw forbidden('只有市科委技术合同登记员可以办理认定登记');
  }
}

export function assertAuctioneer(actor: Actor): void {
  if (!hasRole(actor, 'city_officer')) {
    throw forbidden('只有市科委业务处室可以组织拍卖');
  }
}

export function assertBidder(actor: Actor): void {
  if (!hasRole(actor, 'enterprise_user')) {
    throw forbidden('只有登录的企业用户可以出价');
  }
}

/** Non-public listings (pending, rejected, withdrawn) an actor may see; undefined = all. */
export function listingScope(actor: Actor): SQL | undefined {
  if (isBureauReader(actor)) {
    return undefined;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return sql`${tmListings.districtId} = ${actor.districtId}`;
  }
  return sql`${tmListings.organizationId} = ${actor.organizationId}`;
}

export function canSeeListing(actor: Actor | null, l: { status: string; organizationId: number; districtId: number | null }): boolean {
  if (l.status === 'approved') {
    return true;
  }
  if (!actor) {
    return false;
  }
  if (isBureauReader(actor)) {
    return true;
  }
  if (hasRole(actor, 'district_officer')) {
    return actor.districtId !== null && actor.districtId === l.districtId;
  }
  return l.organizationId === actor.organizationId;
}

/** The moderation queue: city officers and auditors see all, district officers their district. */
export function moderationScope(actor: Actor): SQL | undefined {
  if (isBureauReader(actor)) {
    return undefined;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return sql`${tmListings.districtId} = ${actor.districtId}`;
  }
  throw forbidden('无权查看审核队列');
}

export function dealScope(actor: Actor): SQL | undefined {
  if (isBureauReader(actor)) {
    return undefined;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return sql`${tmDeals.districtId} = ${actor.districtId}`;
  }
  if (hasRole(actor, 'enterprise_user')) {
    return or(sql`${tmDeals.sellerOrgId} = ${actor.organizationId}`, sql`${tmDeals.buyerOrgId} = ${actor.organizationId}`);
  }
  throw forbidden('无权查看技术合同');
}

/** Statistics: bureau-wide roles for any district, a district officer for its own only. */
export function statsDistrict(actor: Actor, requested: number | undefined): number | undefined {
  if (isBureauReader(actor)) {
    return requested;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    if (requested !== undefined && requested !== actor.districtId) {
      throw forbidden('区县科技局只能查看本区县统计');
    }
    return actor.districtId;
  }
  throw forbidden('无权查看技术市场统计');
}

/** The seller submits the registration; a registrar may also enter it on the seller's behalf. */
export function assertCanSubmitRegistration(actor: Actor, deal: { sellerOrgId: number | null }): void {
  if (hasRole(actor, 'city_officer')) {
    return;
  }
  if (hasRole(actor, 'enterprise_user') && deal.sellerOrgId === actor.organizationId) {
    return;
  }
  throw forbidden('只有卖方（技术输出方）可以申请认定登记');
}

export function assertCanCreateDeal(actor: Actor): void {
  if (!hasRole(actor, 'enterprise_user', 'city_officer')) {
    throw forbidden('无权登记成交');
  }
}

export function assertRuleEditor(actor: Actor): void {
  if (!hasRole(actor, 'city_officer')) {
    throw forbidden('只有市科委可以修改登记规则');
  }
}
