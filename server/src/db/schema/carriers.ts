import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { cases } from './cases.js';
import { enterprises } from './enterprises.js';
import { districts, organizations, users } from './orgs.js';

export const PARK_KINDS = ['high_tech_zone', 'town', 'science_city', 'cluster'] as const;
export type ParkKind = (typeof PARK_KINDS)[number];

/** Parks and zones (国家高新区, 特色小镇, 科技城): a second geography beside the districts. */
export const parks = pgTable(
  'parks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique(),
    name: text('name').notNull().unique(),
    kind: text('kind').$type<ParkKind>().notNull(),
    /** the district it mainly lies in (a zone may straddle districts; null then) */
    districtId: integer('district_id').references(() => districts.id),
    sortOrder: smallint('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('parks_kind_check', sql`${t.kind} in ('high_tech_zone','town','science_city','cluster')`)],
);

/** An enterprise's park (optional; one park per enterprise). */
export const enterpriseParks = pgTable(
  'enterprise_parks',
  {
    enterpriseId: integer('enterprise_id')
      .primaryKey()
      .references(() => enterprises.id),
    parkId: integer('park_id')
      .notNull()
      .references(() => parks.id),
  },
  (t) => [index('enterprise_parks_park_idx').on(t.parkId)],
);

export const CARRIER_KINDS = ['makerspace', 'incubator', 'platform'] as const;
export type CarrierKind = (typeof CARRIER_KINDS)[number];

export interface CarrierManager {
  name: string;
  title: string;
}

/** An innovation carrier: a makerspace (众创空间), an incubator (孵化器) or a public S&T service platform. */
export const carriers = pgTable(
  'carriers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** the operator (an organisation of kind 'carrier') */
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    kind: text('kind').$type<CarrierKind>().notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    parkId: integer('park_id').references(() => parks.id),
    /** the incubation (or service) area in m² */
    areaM2: integer('area_m2').notNull(),
    services: text('services').array().notNull().default(sql`'{}'::text[]`),
    managers: jsonb('managers').$type<CarrierManager[]>().notNull().default([]),
    foundedOn: date('founded_on', { mode: 'string' }),
    description: text('description'),
    /** set when the carrier leaves the bureau's management (exit after assessment, closure) */
    exitedOn: date('exited_on', { mode: 'string' }),
    exitReason: text('exit_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('carriers_org_idx').on(t.organizationId),
    index('carriers_district_idx').on(t.districtId, t.kind),
    index('carriers_park_idx').on(t.parkId),
    check('carriers_kind_check', sql`${t.kind} in ('makerspace','incubator','platform')`),
    check('carriers_area_check', sql`${t.areaM2} >= 0`),
  ],
);

export const CARRIER_LEVELS = ['municipal', 'national'] as const;
export type CarrierLevel = (typeof CARRIER_LEVELS)[number];

/**
 * A carrier's recognition at one level: municipal (the city's decision on a case, with its
 * certificate number) or national (recorded from the upper body's document number and date).
 * Valid on a day when recognised on or before it and not revoked by then.
 */
export const carrierRecognitions = pgTable(
  'carrier_recognitions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    carrierId: integer('carrier_id')
      .notNull()
      .references(() => carriers.id),
    level: text('level').$type<CarrierLevel>().notNull(),
    /** the carrier's kind when recognised (a makerspace, an incubator) */
    kind: text('kind').$type<CarrierKind>().notNull(),
    caseId: integer('case_id').references(() => cases.id),
    /** the certificate number (municipal) or the upper body's document number (national) */
    reference: text('reference').notNull(),
    issuer: text('issuer').notNull(),
    recognisedOn: date('recognised_on', { mode: 'string' }).notNull(),
    revokedOn: date('revoked_on', { mode: 'string' }),
    revokeReason: text('revoke_reason'),
    recordedBy: integer('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('carrier_recognitions_carrier_idx').on(t.carrierId),
    index('carrier_recognitions_year_idx').on(t.kind, t.level, t.recognisedOn),
    uniqueIndex('carrier_recognitions_one_live').on(t.carrierId, t.level).where(sql`${t.revokedOn} is null`),
    check('carrier_recognitions_level_check', sql`${t.level} in ('municipal','national')`),
    check('carrier_recognitions_revoked_check', sql`${t.revokedOn} is null or ${t.revokedOn} >= ${t.recognisedOn}`),
  ],
);

/** The application form of a municipal makerspace / incubator recognition (the case's detail). */
/**
 * The city's recommendation of a carrier to the upper body (科技部) for national status — a
 * national incubator, or a makerspace into the national incubation system — and the upper body's
 * result recorded with its document number (the case of instrument `carrier_national`).
 */
export const carrierNationalCases = pgTable(
  'carrier_national_cases',
  {
    id: integer('id')
      .primaryKey()
      .references(() => cases.id),
    carrierId: integer('carrier_id')
      .notNull()
      .references(() => carriers.id),
    recommendedOn: date('recommended_on').notNull(),
    /** the city's recommendation letter (杭科高〔2016〕58号), when it has one */
    recommendDocNo: text('recommend_doc_no'),
    resultDocNo: text('result_doc_no'),
    resultOn: date('result_on'),
    resultIssuer: text('result_issuer'),
  },
  (t) => [
    index('carrier_national_cases_carrier_idx').on(t.carrierId),
    check('carrier_national_cases_result', sql`(${t.resultDocNo} is null) = (${t.resultOn} is null) and (${t.resultOn} is null or ${t.resultOn} >= ${t.recommendedOn})`),
  ],
);

export const carrierApplications = pgTable(
  'carrier_applications',
  {
    id: integer('id')
      .primaryKey()
      .references(() => cases.id),
    carrierId: integer('carrier_id')
      .notNull()
      .references(() => carriers.id),
    form: jsonb('form').$type<Record<string, unknown>>().notNull(),
    certificateNo: text('certificate_no'),
  },
  (t) => [index('carrier_applications_carrier_idx').on(t.carrierId)],
);

/** A firm incubated by a carrier (linked to the registry where the firm is in it). */
export const carrierFirms = pgTable(
  'carrier_firms',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    carrierId: integer('carrier_id')
      .notNull()
      .references(() => carriers.id),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    firmName: text('firm_name').notNull(),
    enteredOn: date('entered_on', { mode: 'string' }).notNull(),
    graduatedOn: date('graduated_on', { mode: 'string' }),
    exitedOn: date('exited_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('carrier_firms_carrier_idx').on(t.carrierId, t.enteredOn),
    index('carrier_firms_entered_idx').on(t.enteredOn),
    index('carrier_firms_enterprise_idx').on(t.enterpriseId),
    check('carrier_firms_one_end', sql`${t.graduatedOn} is null or ${t.exitedOn} is null`),
    check('carrier_firms_graduated_after', sql`${t.graduatedOn} is null or ${t.graduatedOn} >= ${t.enteredOn}`),
    check('carrier_firms_exited_after', sql`${t.exitedOn} is null or ${t.exitedOn} >= ${t.enteredOn}`),
  ],
);

export interface StatFlag {
  field: string;
  message: string;
}

/** A carrier's annual statistics (火炬统计), the detail of a `carrier_stats` case. Money in fen. */
export const carrierStats = pgTable(
  'carrier_stats',
  {
    id: integer('id')
      .primaryKey()
      .references(() => cases.id),
    carrierId: integer('carrier_id')
      .notNull()
      .references(() => carriers.id),
    year: smallint('year').notNull(),
    areaM2: integer('area_m2').notNull(),
    firmsInIncubation: integer('firms_in_incubation').notNull(),
    newFirms: integer('new_firms').notNull(),
    graduatedFirms: integer('graduated_firms').notNull(),
    revenueFen: bigint('revenue_fen', { mode: 'number' }).notNull(),
    jobs: integer('jobs').notNull(),
    investmentFen: bigint('investment_fen', { mode: 'number' }).notNull(),
    ipCount: integer('ip_count').notNull(),
    events: integer('events').notNull(),
    /** year-on-year jumps for the reviewer (computed on save) */
    flags: jsonb('flags').$type<StatFlag[]>().notNull().default([]),
  },
  (t) => [
    unique('carrier_stats_one_per_year').on(t.carrierId, t.year),
    check(
      'carrier_stats_nonnegative',
      sql`${t.areaM2} >= 0 and ${t.firmsInIncubation} >= 0 and ${t.newFirms} >= 0 and ${t.graduatedFirms} >= 0 and ${t.revenueFen} >= 0 and ${t.jobs} >= 0 and ${t.investmentFen} >= 0 and ${t.ipCount} >= 0 and ${t.events} >= 0`,
    ),
  ],
);

export const ASSESSMENT_GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type AssessmentGrade = (typeof ASSESSMENT_GRADES)[number];

export interface AssessmentItem {
  code: string;
  score: number;
}

/** The annual assessment (年度考核) of a carrier, or a service platform's acceptance (验收). */
export const carrierAssessments = pgTable(
  'carrier_assessments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    carrierId: integer('carrier_id')
      .notNull()
      .references(() => carriers.id),
    year: smallint('year').notNull(),
    /** 'annual' assessment or a platform's 'acceptance' */
    kind: text('kind').notNull(),
    items: jsonb('items').$type<AssessmentItem[]>().notNull(),
    score: numeric('score', { precision: 5, scale: 1 }).notNull(),
    grade: text('grade').$type<AssessmentGrade>().notNull(),
    comment: text('comment'),
    subsidyFen: bigint('subsidy_fen', { mode: 'number' }).notNull().default(0),
    /** the payments kernel's order paying the subsidy */
    paymentOrderId: integer('payment_order_id'),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    assessedBy: integer('assessed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('carrier_assessments_one').on(t.carrierId, t.year, t.kind),
    index('carrier_assessments_year_idx').on(t.year, t.kind),
    check('carrier_assessments_kind_check', sql`${t.kind} in ('annual','acceptance')`),
    check('carrier_assessments_grade_check', sql`${t.grade} in ('excellent','good','pass','fail')`),
    check('carrier_assessments_subsidy_check', sql`${t.subsidyFen} >= 0`),
  ],
);
