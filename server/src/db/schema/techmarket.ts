import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { districts, organizations, users } from './orgs.js';
import { enterprises } from './enterprises.js';

/** A tsvector built in Node (jieba words + CJK bigrams, weights A/B); see techmarket.text.ts. */
const tsvector = customType<{ data: string; driverData: string }>({
  dataType: () => 'tsvector',
});

export const LISTING_KINDS = ['supply', 'demand'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];
export const PRICE_MODES = ['fixed', 'negotiable', 'auction'] as const;
export type PriceMode = (typeof PRICE_MODES)[number];
export const LISTING_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export interface IpItem {
  type: string;
  number?: string;
  title: string;
}
export interface Attachment {
  name: string;
  url?: string;
}

/** Technology supply (科技成果) and demand (企业技术难题) listings of the online technology market. */
export const tmListings = pgTable(
  'tm_listings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').$type<ListingKind>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    domain: text('domain').notNull(),
    maturity: smallint('maturity'),
    ipItems: jsonb('ip_items').$type<IpItem[]>().notNull().default([]),
    priceMode: text('price_mode').$type<PriceMode>().notNull(),
    priceFen: bigint('price_fen', { mode: 'number' }),
    districtId: integer('district_id').references(() => districts.id),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    ownerName: text('owner_name').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    contactName: text('contact_name'),
    contactPhoneEnc: text('contact_phone_enc'),
    contactPhoneHash: text('contact_phone_hash'),
    contactEmailEnc: text('contact_email_enc'),
    attachments: jsonb('attachments').$type<Attachment[]>().notNull().default([]),
    status: text('status').$type<ListingStatus>().notNull().default('pending'),
    rejectReason: text('reject_reason'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    searchVector: tsvector('search_vector').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Public search only ever reads approved listings: partial indexes keep them small.
    index('tm_listings_search_idx').using('gin', t.searchVector).where(sql`status = 'approved'`),
    index('tm_listings_approved_idx').on(t.id).where(sql`status = 'approved'`),
    // also tm_listings_approved_title_idx (id) INCLUDE (title), approved only: migration 0037 (Drizzle has no INCLUDE)
    index('tm_listings_approved_kind_idx').on(t.kind, t.id).where(sql`status = 'approved'`),
    index('tm_listings_approved_domain_idx').on(t.domain, t.id).where(sql`status = 'approved'`),
    index('tm_listings_status_idx').on(t.status, t.id),
    index('tm_listings_org_idx').on(t.organizationId, t.id),
    index('tm_listings_district_idx').on(t.districtId, t.id),
  ],
);

/** Saved searches: new approved listings that match notify the subscriber in-app. */
export const tmSubscriptions = pgTable(
  'tm_subscriptions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    q: text('q'),
    kind: text('kind').$type<ListingKind>(),
    domain: text('domain'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tm_subscriptions_user_idx').on(t.userId)],
);

export const tmNotifications = pgTable(
  'tm_notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    subscriptionId: integer('subscription_id').references(() => tmSubscriptions.id),
    listingId: integer('listing_id').references(() => tmListings.id),
    title: text('title').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tm_notifications_user_idx').on(t.userId, t.id), uniqueIndex('tm_notifications_once_idx').on(t.subscriptionId, t.listingId)],
);

export const DEAL_SOURCES = ['listing', 'auction', 'offline'] as const;
export type DealSource = (typeof DEAL_SOURCES)[number];

/** A technology deal: supply, optional demand, seller, buyer, amount, signing date. */
export const tmDeals = pgTable(
  'tm_deals',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    source: text('source').$type<DealSource>().notNull(),
    title: text('title').notNull(),
    supplyListingId: integer('supply_listing_id').references(() => tmListings.id),
    demandListingId: integer('demand_listing_id').references(() => tmListings.id),
    auctionId: integer('auction_id'),
    sellerOrgId: integer('seller_org_id').references(() => organizations.id),
    sellerName: text('seller_name').notNull(),
    buyerOrgId: integer('buyer_org_id').references(() => organizations.id),
    buyerName: text('buyer_name').notNull(),
    /** District the deal is counted for: the seller's (registration is done where the seller is). */
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    domain: text('domain').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tm_deals_seller_idx').on(t.sellerOrgId, t.id),
    index('tm_deals_buyer_idx').on(t.buyerOrgId, t.id),
    index('tm_deals_district_idx').on(t.districtId, t.id),
    uniqueIndex('tm_deals_auction_idx').on(t.auctionId),
  ],
);

export const CONTRACT_TYPES = [
  'development_commissioned',
  'development_cooperative',
  'transfer_patent',
  'transfer_patent_application',
  'transfer_know_how',
  'transfer_other',
  'licence_patent',
  'licence_know_how',
  'consulting',
  'service',
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];
export const REGISTRATION_STATUSES = ['submitted', 'returned', 'registered'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export interface NonTechnicalItem {
  kind: string;
  amountFen: number;
}

/** Versioned registration rules (deadline after signing); a case keeps the version it was opened under. */
export const tmRegistrationRules = pgTable('tm_registration_rules', {
  version: integer('version').primaryKey(),
  deadlineDays: integer('deadline_days').notNull(),
  atRiskDays: integer('at_risk_days').notNull(),
  effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
  note: text('note'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 技术合同认定登记: one case per deal, submitted by the seller, checked by a registrar. */
export const tmContractRegistrations = pgTable(
  'tm_contract_registrations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    dealId: integer('deal_id')
      .notNull()
      .references(() => tmDeals.id),
    status: text('status').$type<RegistrationStatus>().notNull().default('submitted'),
    contractType: text('contract_type').$type<ContractType>().notNull(),
    contractTitle: text('contract_title').notNull(),
    sellerName: text('seller_name').notNull(),
    buyerName: text('buyer_name').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    deadlineOn: date('deadline_on', { mode: 'string' }).notNull(),
    ruleVersion: integer('rule_version')
      .notNull()
      .references(() => tmRegistrationRules.version),
    /** 合同成交额 */
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    nonTechnicalItems: jsonb('non_technical_items').$type<NonTechnicalItem[]>().notNull().default([]),
    nonTechnicalFen: bigint('non_technical_fen', { mode: 'number' }).notNull().default(0),
    /** 技术交易额: set by the registrar (合同成交额 minus non-technical costs). */
    technicalIncomeFen: bigint('technical_income_fen', { mode: 'number' }),
    registrationNo: text('registration_no').unique(),
    returnReasons: jsonb('return_reasons').$type<string[]>().notNull().default([]),
    submittedBy: integer('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    registrarId: integer('registrar_id').references(() => users.id),
    /** The registration date (Asia/Shanghai) is the date that counts in statistics. */
    registeredOn: date('registered_on', { mode: 'string' }),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tm_registrations_deal_idx').on(t.dealId),
    index('tm_registrations_status_idx').on(t.status, t.deadlineOn),
    index('tm_registrations_registered_on_idx').on(t.registeredOn).where(sql`status = 'registered'`),
  ],
);

/**
 * Registered contracts per year (of registered_on) and district (the deal's): kept in the same
 * transaction by registerContract and by the bulk loader, so techmarket.deals / techmarket.amount
 * of a year are read from at most one row per district instead of counting the registrations.
 */
export const tmStatsYearly = pgTable(
  'tm_stats_yearly',
  {
    year: smallint('year').notNull(),
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    deals: integer('deals').notNull().default(0),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull().default(0),
    incomeFen: bigint('income_fen', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.year, t.districtId] })],
);

export const AUCTION_STATUSES = ['open', 'sold', 'unsold', 'cancelled'] as const;
export type AuctionStatus = (typeof AUCTION_STATUSES)[number];

/** English auction on a supply listing: reserve, increment, anti-sniping extension. */
export const tmAuctions = pgTable(
  'tm_auctions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    listingId: integer('listing_id')
      .notNull()
      .references(() => tmListings.id),
    sellerOrgId: integer('seller_org_id')
      .notNull()
      .references(() => organizations.id),
    title: text('title').notNull(),
    status: text('status').$type<AuctionStatus>().notNull().default('open'),
    startingPriceFen: bigint('starting_price_fen', { mode: 'number' }).notNull(),
    reservePriceFen: bigint('reserve_price_fen', { mode: 'number' }).notNull(),
    incrementFen: bigint('increment_fen', { mode: 'number' }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** A bid within this many seconds of the end pushes the end to bid time + extensionSeconds. */
    extensionWindowSeconds: integer('extension_window_seconds').notNull(),
    extensionSeconds: integer('extension_seconds').notNull(),
    currentPriceFen: bigint('current_price_fen', { mode: 'number' }),
    currentBidderOrgId: integer('current_bidder_org_id').references(() => organizations.id),
    bidCount: integer('bid_count').notNull().default(0),
    dealId: integer('deal_id'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('tm_auctions_status_idx').on(t.status, t.endsAt), index('tm_auctions_listing_idx').on(t.listingId)],
);

export const tmBids = pgTable(
  'tm_bids',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    auctionId: integer('auction_id')
      .notNull()
      .references(() => tmAuctions.id),
    bidderOrgId: integer('bidder_org_id')
      .notNull()
      .references(() => organizations.id),
    bidderUserId: integer('bidder_user_id')
      .notNull()
      .references(() => users.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    extended: boolean('extended').notNull().default(false),
  },
  (t) => [index('tm_bids_auction_idx').on(t.auctionId, t.id)],
);
