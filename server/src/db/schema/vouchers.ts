import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { enterprises } from './enterprises.js';
import { ledgerMovements } from './ledger.js';
import { districts, organizations, users } from './orgs.js';

/** Service categories a voucher policy may cover (RULES.md §5). */
export const VOUCHER_CATEGORIES = ['testing', 'rd_design', 'consulting', 'ip', 'tech_transfer'] as const;
export type VoucherCategory = (typeof VOUCHER_CATEGORIES)[number];

export const voucherPolicies = pgTable(
  'voucher_policies',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    year: smallint('year').notNull(),
    name: text('name').notNull(),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    /** Gross amount ever issued under the policy; the CHECK refuses anything beyond the budget. */
    issuedFen: bigint('issued_fen', { mode: 'number' }).notNull().default(0),
    enterpriseCapFen: bigint('enterprise_cap_fen', {
      mode: 'number',
    }).notNull(),
    teamCapFen: bigint('team_cap_fen', { mode: 'number' }).notNull(),
    /** Coverage ratio in basis points: 5000 = 50% of the service contract amount. */
    coverageBp: integer('coverage_bp').notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    categories: text('categories').array().notNull(),
    status: text('status').$type<'active' | 'expired'>().notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('voucher_policies_year_idx').on(t.year),
    check('voucher_policies_budget_check', sql`${t.budgetFen} >= 0 and ${t.issuedFen} >= 0 and ${t.issuedFen} <= ${t.budgetFen}`),
    check('voucher_policies_caps_check', sql`${t.enterpriseCapFen} > 0 and ${t.teamCapFen} > 0`),
    check('voucher_policies_coverage_check', sql`${t.coverageBp} between 1 and 10000`),
    check('voucher_policies_status_check', sql`${t.status} in ('active','expired')`),
  ],
);

/** S&T SMEs from the registry (enterprise_id) and startup teams without a credit code. */
export const voucherHolders = pgTable(
  'voucher_holders',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').$type<'enterprise' | 'team'>().notNull(),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    /** The organisation whose users act for a team holder (enterprise holders act through enterprise_id). */
    organizationId: integer('organization_id').references(() => organizations.id),
    name: text('name').notNull(),
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    leaderName: text('leader_name'),
    contactPhoneHash: text('contact_phone_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('voucher_holders_enterprise_uq').on(t.enterpriseId),
    index('voucher_holders_district_idx').on(t.districtId, t.id),
    index('voucher_holders_org_idx').on(t.organizationId),
    check('voucher_holders_kind_check', sql`(${t.kind} = 'enterprise' and ${t.enterpriseId} is not null) or (${t.kind} = 'team' and ${t.enterpriseId} is null)`),
  ],
);

export const voucherProviders = pgTable(
  'voucher_providers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    organizationId: integer('organization_id').references(() => organizations.id),
    /** The provider's own record in the registry, when it has one (fraud links). */
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    name: text('name').notNull(),
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    categories: text('categories').array().notNull(),
    status: text('status').$type<'pending' | 'approved' | 'suspended' | 'blacklisted'>().notNull().default('pending'),
    contactName: text('contact_name'),
    contactPhoneHash: text('contact_phone_hash'),
    description: text('description'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('voucher_providers_org_uq').on(t.organizationId),
    index('voucher_providers_district_idx').on(t.districtId, t.id),
    check('voucher_providers_status_check', sql`${t.status} in ('pending','approved','suspended','blacklisted')`),
  ],
);

export const voucherServices = pgTable(
  'voucher_services',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    providerId: integer('provider_id')
      .notNull()
      .references(() => voucherProviders.id),
    category: text('category').notNull(),
    name: text('name').notNull(),
    priceFen: bigint('price_fen', { mode: 'number' }).notNull(),
    unit: text('unit').notNull().default('项'),
    description: text('description'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('voucher_services_provider_idx').on(t.providerId), check('voucher_services_price_check', sql`${t.priceFen} >= 0`)],
);

/** One row per holder and policy: the cap and what was issued against it (CHECK issued ≤ cap). */
export const voucherGrants = pgTable(
  'voucher_grants',
  {
    policyId: integer('policy_id')
      .notNull()
      .references(() => voucherPolicies.id),
    holderId: integer('holder_id')
      .notNull()
      .references(() => voucherHolders.id),
    capFen: bigint('cap_fen', { mode: 'number' }).notNull(),
    issuedFen: bigint('issued_fen', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.policyId, t.holderId] }),
    index('voucher_grants_holder_idx').on(t.holderId),
    check('voucher_grants_cap_check', sql`${t.issuedFen} >= 0 and ${t.issuedFen} <= ${t.capFen}`),
  ],
);

/**
 * The voucher book's account kinds (its ledger accounts live in ledger_accounts, book `vouchers`,
 * scope = the policy). Holder accounts (available, frozen, redeemed, expired) always sum to what
 * the holder was issued; contra accounts (appropriation, spent, returned) carry the other side of
 * the bureau's entries and are never positive; every other balance is never negative.
 */
export const LEDGER_ACCOUNT_KINDS = ['appropriation', 'budget', 'available', 'frozen', 'redeemed', 'expired', 'payable', 'paid', 'spent', 'returned'] as const;
export type LedgerAccountKind = (typeof LEDGER_ACCOUNT_KINDS)[number];

export const MOVEMENT_KINDS = ['fund', 'issue', 'book', 'release', 'redeem', 'settle', 'expire', 'reverse'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/**
 * The voucher details of a movement of the voucher book: same id as its ledger movement (whose
 * entries live in ledger_entries), plus what statistics and drill-downs read — kind, amount and
 * value date as posted, the holder, provider, district and the business records behind it.
 */
export const voucherMovements = pgTable(
  'voucher_movements',
  {
    id: bigint('id', { mode: 'number' })
      .primaryKey()
      .references(() => ledgerMovements.id),
    policyId: integer('policy_id')
      .notNull()
      .references(() => voucherPolicies.id),
    kind: text('kind').$type<MovementKind>().notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** The business date the movement counts on (indicators and statistics use it). */
    valueDate: date('value_date', { mode: 'string' }).notNull(),
    holderId: integer('holder_id'),
    providerId: integer('provider_id'),
    /** The holder's district when the movement happened, so statistics never re-attribute. */
    districtId: integer('district_id'),
    category: text('category'),
    bookingId: bigint('booking_id', { mode: 'number' }),
    claimId: bigint('claim_id', { mode: 'number' }),
    settlementId: integer('settlement_id'),
    actorId: integer('actor_id'),
    memo: text('memo'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('voucher_movements_kind_date_idx').on(t.kind, t.valueDate),
    index('voucher_movements_holder_idx').on(t.holderId),
    index('voucher_movements_booking_idx').on(t.bookingId),
    check('voucher_movements_kind_check', sql`${t.kind} in ('fund','issue','book','release','redeem','settle','expire','reverse')`),
    check('voucher_movements_amount_check', sql`${t.amountFen} > 0`),
  ],
);

export const BOOKING_STATUSES = ['booked', 'claimed', 'redeemed', 'cancelled', 'expired'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const voucherBookings = pgTable(
  'voucher_bookings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    policyId: integer('policy_id')
      .notNull()
      .references(() => voucherPolicies.id),
    holderId: integer('holder_id')
      .notNull()
      .references(() => voucherHolders.id),
    providerId: integer('provider_id')
      .notNull()
      .references(() => voucherProviders.id),
    serviceId: integer('service_id').references(() => voucherServices.id),
    serviceCategory: text('service_category').notNull(),
    contractAmountFen: bigint('contract_amount_fen', {
      mode: 'number',
    }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    status: text('status').$type<BookingStatus>().notNull().default('booked'),
    bookedOn: date('booked_on', { mode: 'string' }).notNull(),
    /** When the provider delivers the booked catalogue service (both set or both empty). */
    serviceStart: date('service_start', { mode: 'string' }),
    serviceEnd: date('service_end', { mode: 'string' }),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('voucher_bookings_holder_idx').on(t.holderId, t.id),
    index('voucher_bookings_provider_idx').on(t.providerId, t.id),
    check('voucher_bookings_amount_check', sql`${t.amountFen} > 0 and ${t.contractAmountFen} >= ${t.amountFen}`),
    check('voucher_bookings_service_dates_check', sql`(${t.serviceStart} is null and ${t.serviceEnd} is null) or (${t.serviceStart} is not null and ${t.serviceEnd} >= ${t.serviceStart})`),
    check('voucher_bookings_status_check', sql`${t.status} in ('booked','claimed','redeemed','cancelled','expired')`),
  ],
);

/** Idempotency keys: the unique key makes concurrent retries wait for, then replay, the first answer. */
export const voucherIdempotencyKeys = pgTable(
  'voucher_idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

export const CLAIM_MODES = ['tongdui', 'tongyong'] as const;
export type ClaimMode = (typeof CLAIM_MODES)[number];

export const voucherSettlements = pgTable(
  'voucher_settlements',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    policyId: integer('policy_id')
      .notNull()
      .references(() => voucherPolicies.id),
    providerId: integer('provider_id')
      .notNull()
      .references(() => voucherProviders.id),
    status: text('status').$type<'pending' | 'paid'>().notNull().default('pending'),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    claimCount: integer('claim_count').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    paidBy: integer('paid_by').references(() => users.id),
    /** the bank's payment reference (流水号) and the date the money left, recorded with 登记付款 */
    paymentRef: text('payment_ref'),
    paidOn: date('paid_on', { mode: 'string' }),
  },
  (t) => [index('voucher_settlements_provider_idx').on(t.providerId, t.id), check('voucher_settlements_status_check', sql`${t.status} in ('pending','paid')`)],
);

export const voucherClaims = pgTable(
  'voucher_claims',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    bookingId: bigint('booking_id', { mode: 'number' })
      .notNull()
      .references(() => voucherBookings.id),
    mode: text('mode').$type<ClaimMode>().notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    contractNo: text('contract_no').notNull(),
    /** 通兑: the holder's acceptance record; 通用: the invoice number of the full payment. */
    evidenceRef: text('evidence_ref').notNull(),
    paidAmountFen: bigint('paid_amount_fen', { mode: 'number' }),
    status: text('status').$type<'submitted' | 'approved' | 'rejected' | 'reversed'>().notNull().default('submitted'),
    submittedBy: integer('submitted_by').references(() => users.id),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedOn: date('decided_on', { mode: 'string' }),
    decisionNote: text('decision_note'),
    settlementId: integer('settlement_id').references(() => voucherSettlements.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('voucher_claims_live_uq')
      .on(t.bookingId)
      .where(sql`${t.status} in ('submitted','approved')`),
    index('voucher_claims_status_idx').on(t.status, t.id),
    index('voucher_claims_settlement_idx').on(t.settlementId),
    check('voucher_claims_mode_check', sql`${t.mode} in ('tongdui','tongyong')`),
    check('voucher_claims_status_check', sql`${t.status} in ('submitted','approved','rejected','reversed')`),
    check('voucher_claims_amount_check', sql`${t.amountFen} > 0`),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** The files a claim is judged on: the holder's acceptance report and the invoice. */
export const CLAIM_FILE_KINDS = ['acceptance', 'invoice'] as const;
export type ClaimFileKind = (typeof CLAIM_FILE_KINDS)[number];

/**
 * A claim's evidence files. Uploaded against the booking first (claim_id empty: staged, at most
 * one per kind, replaced by a new upload); the claim takes the staged files when it is submitted,
 * and from then on they are the claim's record (a resubmission after a refusal uploads anew).
 */
export const voucherClaimFiles = pgTable(
  'voucher_claim_files',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    bookingId: bigint('booking_id', { mode: 'number' })
      .notNull()
      .references(() => voucherBookings.id),
    claimId: bigint('claim_id', { mode: 'number' }).references(() => voucherClaims.id),
    kind: text('kind').$type<ClaimFileKind>().notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('voucher_claim_files_booking_idx').on(t.bookingId),
    index('voucher_claim_files_claim_idx').on(t.claimId),
    uniqueIndex('voucher_claim_files_staged_uq')
      .on(t.bookingId, t.kind)
      .where(sql`${t.claimId} is null`),
    check('voucher_claim_files_kind_check', sql`${t.kind} in ('acceptance','invoice')`),
    check('voucher_claim_files_size_check', sql`${t.size} > 0`),
  ],
);

export const FLAG_KINDS = ['same_contact', 'provider_concentration', 'round_under_cap', 'near_expiry', 'shareholding_link'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export const voucherFlags = pgTable(
  'voucher_flags',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').$type<FlagKind>().notNull(),
    /** Stops the same signal from being raised twice for the same subject. */
    dedupeKey: text('dedupe_key').notNull().unique(),
    policyId: integer('policy_id').references(() => voucherPolicies.id),
    holderId: integer('holder_id').references(() => voucherHolders.id),
    providerId: integer('provider_id').references(() => voucherProviders.id),
    bookingId: bigint('booking_id', { mode: 'number' }).references(() => voucherBookings.id),
    districtId: integer('district_id'),
    evidence: jsonb('evidence').notNull(),
    status: text('status').$type<'open' | 'dismissed' | 'confirmed'>().notNull().default('open'),
    resolutionNote: text('resolution_note'),
    resolvedBy: integer('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('voucher_flags_status_idx').on(t.status, t.id), check('voucher_flags_status_check', sql`${t.status} in ('open','dismissed','confirmed')`)],
);

/** Monthly rollup kept exact by the write path (issue/redeem/expire/reverse), for statistics. */
export const voucherStatsMonthly = pgTable(
  'voucher_stats_monthly',
  {
    month: date('month', { mode: 'string' }).notNull(),
    districtId: integer('district_id').notNull(),
    providerId: integer('provider_id').notNull().default(0),
    category: text('category').notNull().default(''),
    issuedFen: bigint('issued_fen', { mode: 'number' }).notNull().default(0),
    redeemedFen: bigint('redeemed_fen', { mode: 'number' }).notNull().default(0),
    expiredFen: bigint('expired_fen', { mode: 'number' }).notNull().default(0),
    redemptions: integer('redemptions').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.districtId, t.providerId, t.category] })],
);

/**
 * The holders issued to in a year, each once (in the district of its first issuance that year):
 * kept by ledger.issue in the same transaction, with voucher_holder_counts, so voucher.holders of a
 * year is read from one row per district instead of counting distinct holders over the ledger.
 */
export const voucherHolderYears = pgTable(
  'voucher_holder_years',
  {
    year: smallint('year').notNull(),
    holderId: integer('holder_id').notNull(),
    districtId: integer('district_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.holderId] })],
);

export const voucherHolderCounts = pgTable(
  'voucher_holder_counts',
  {
    year: smallint('year').notNull(),
    districtId: integer('district_id').notNull(),
    holders: integer('holders').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.year, t.districtId] })],
);

/** Shareholding links between registry enterprises (used by the holder–provider fraud signal). */
export const enterpriseShareholdings = pgTable(
  'enterprise_shareholdings',
  {
    shareholderEnterpriseId: integer('shareholder_enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    investeeEnterpriseId: integer('investee_enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** Share in basis points (2500 = 25%). */
    shareBp: integer('share_bp').notNull(),
    source: text('source'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({
      columns: [t.shareholderEnterpriseId, t.investeeEnterpriseId],
    }),
    index('enterprise_shareholdings_investee_idx').on(t.investeeEnterpriseId),
    check('enterprise_shareholdings_share_check', sql`${t.shareBp} between 1 and 10000`),
  ],
);
