import { businessToday as clockToday, chinaDate } from '../../lib/clock.js';
import { fenToYuan } from '../../lib/money.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import { BOOKING_STATUS_NAMES, CATEGORY_NAMES, CLAIM_STATUS_NAMES, MODE_NAMES, POLICY_STATUS_NAMES, PROVIDER_STATUS_NAMES, SETTLEMENT_STATUS_NAMES } from './vouchers.schema.js';
import type * as repo from './vouchers.repo.js';

/**
 * The business date in Hangzhou (YYYY-MM-DD): value dates and validity use it. Without an
 * argument the business clock's today (lib/clock.ts), with one the China-time date of that instant.
 */
export function businessToday(at?: Date): string {
  return at === undefined ? clockToday() : chinaDate(at);
}

import { actorOf } from '../../http/context.js';

export { actorOf };
/** 1200000 fen → "12,000.00元": the exact figure a field message quotes. */
export const yuanText = (fen: number) => `${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}元`;
export const categoryName = (c: string) => CATEGORY_NAMES[c as keyof typeof CATEGORY_NAMES] ?? c;

export function presentPolicy(p: repo.PolicyRow, remainingFen: number) {
  return {
    id: p.id,
    year: p.year,
    name: p.name,
    budget: fenToYuan(p.budgetFen),
    issued: fenToYuan(p.issuedFen),
    remaining: fenToYuan(remainingFen),
    enterpriseCap: fenToYuan(p.enterpriseCapFen),
    teamCap: fenToYuan(p.teamCapFen),
    coverageRatio: p.coverageBp / 10000,
    validUntil: p.validUntil,
    categories: p.categories,
    categoryNames: p.categories.map(categoryName),
    status: p.status,
    statusName: POLICY_STATUS_NAMES[p.status],
    version: p.version,
  };
}

export function presentHolder(h: repo.HolderWithNames) {
  return {
    id: h.id,
    kind: h.kind,
    enterpriseId: h.enterpriseId,
    uscc: h.uscc,
    name: h.name,
    districtId: h.districtId,
    districtName: h.districtName,
    leaderName: h.leaderName,
  };
}

export function presentProvider(p: repo.ProviderWithNames) {
  return {
    id: p.id,
    name: p.name,
    categories: p.categories,
    categoryNames: p.categories.map(categoryName),
    status: p.status,
    statusName: PROVIDER_STATUS_NAMES[p.status],
    districtId: p.districtId,
    districtName: p.districtName,
    organizationId: p.organizationId,
    contactName: p.contactName,
    description: p.description,
  };
}

export function presentService(s: { id: number; providerId: number; category: string; name: string; priceFen: number; unit: string; description: string | null }) {
  return {
    id: s.id,
    providerId: s.providerId,
    category: s.category,
    categoryName: categoryName(s.category),
    name: s.name,
    price: fenToYuan(s.priceFen),
    unit: s.unit,
    description: s.description,
  };
}

export function presentBooking(b: repo.BookingWithNames) {
  return {
    id: b.id,
    amount: fenToYuan(b.amountFen),
    status: b.status,
    statusName: BOOKING_STATUS_NAMES[b.status],
    policyId: b.policyId,
    holderId: b.holderId,
    holderName: b.holderName,
    providerId: b.providerId,
    providerName: b.providerName,
    serviceCategory: b.serviceCategory,
    serviceCategoryName: categoryName(b.serviceCategory),
    serviceId: b.serviceId,
    serviceName: b.serviceName,
    serviceStart: b.serviceStart,
    serviceEnd: b.serviceEnd,
    contractAmount: fenToYuan(b.contractAmountFen),
    bookedOn: b.bookedOn,
  };
}

export function presentClaim(c: repo.ClaimWithNames) {
  return {
    id: c.id,
    bookingId: c.bookingId,
    mode: c.mode,
    modeName: MODE_NAMES[c.mode],
    amount: fenToYuan(c.amountFen),
    contractNo: c.contractNo,
    evidenceRef: c.evidenceRef,
    status: c.status,
    statusName: CLAIM_STATUS_NAMES[c.status],
    submittedOn: c.submittedOn,
    decidedOn: c.decidedOn,
    decisionNote: c.decisionNote,
    settlementId: c.settlementId,
    holderId: c.holderId,
    holderName: c.holderName,
    providerId: c.providerId,
    providerName: c.providerName,
    serviceCategory: c.serviceCategory,
    serviceCategoryName: categoryName(c.serviceCategory),
    serviceName: c.serviceName,
    serviceStart: c.serviceStart,
    serviceEnd: c.serviceEnd,
    policyId: c.policyId,
  };
}

export function presentSettlement(s: repo.SettlementWithNames) {
  return {
    id: s.id,
    policyId: s.policyId,
    providerId: s.providerId,
    providerName: s.providerName,
    status: s.status,
    statusName: SETTLEMENT_STATUS_NAMES[s.status],
    total: fenToYuan(s.totalFen),
    claimCount: s.claimCount,
    createdAt: s.createdAt,
    paidAt: s.paidAt,
  };
}

/** Keyset pages over descending ids: `limit + 1` rows were fetched to know whether more exist. */
export function page<T extends { id: number }, O>(rows: T[], limit: number, present: (r: T) => O) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(present),
    nextCursor: rows.length > limit && last ? encodeCursor(null, last.id) : null,
  };
}

export const afterIdOf = (cursor: string | undefined) => (cursor ? decodeCursor(cursor).id : undefined);
