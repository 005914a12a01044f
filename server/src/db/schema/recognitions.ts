import { sql } from 'drizzle-orm';
import { boolean, check, customType, date, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { cases } from './cases.js';
import { enterprises } from './enterprises.js';
import { districts, users } from './orgs.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Every recognition type: hnte and tech_sme are judged by the rule engines, the others by the
 * configurable criteria of the rules module (CRITERIA_TYPES).
 */
export const RECOGNITION_TYPES = [
  'hnte',
  'tase',
  'municipal_hte',
  'tech_sme',
  'eagle',
  'qinglan',
  'rd_center_provincial',
  'rd_center_municipal',
  'research_institute_provincial',
  'research_institute_provincial_key',
  'agri_enterprise',
  'agri_social_rd_center',
  'leading_team',
] as const;
export type RecognitionType = (typeof RECOGNITION_TYPES)[number];

/**
 * The application workflow (see modules/recognitions/recognitions.status.ts for who may move it):
 * draft → submitted → district_passed → city_passed → [expert_review → scored] → in_notice → approved,
 * with returned (for correction, back to the enterprise) and rejected on the way. Types decided
 * above the city go in_notice → recommended (推荐上报) → approved / rejected by the upper body's
 * recorded result (recognitionRecommendations).
 */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'district_passed',
  'city_passed',
  'expert_review',
  'scored',
  'in_notice',
  'recommended',
  'approved',
  'rejected',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Versioned application forms: a draft keeps the version it was started on. */
export const recognitionForms = pgTable(
  'recognition_forms',
  {
    type: text('type').$type<RecognitionType>().notNull(),
    version: integer('version').notNull(),
    spec: jsonb('spec').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: integer('published_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.type, t.version] })],
);

/**
 * The recognition detail of a case (instrument `recognitions`): the case row (cases.ts) holds the
 * applicant, district, status, deadline, panel score and notice; this row holds the form.
 */
export const recognitionApplications = pgTable('recognition_applications', {
  id: integer('id')
    .primaryKey()
    .references(() => cases.id),
  formVersion: integer('form_version').notNull(),
  /** the structured form (financials in yuan, staff, IP list, products, type-specific fields) */
  data: jsonb('data').notNull(),
  /** the engine's answer on the submitted data (hnte/tech_sme result or criteria check) */
  assessment: jsonb('assessment'),
  applicationDate: date('application_date', { mode: 'string' }),
});

/**
 * A recognition held by an enterprise (认定结果): from a decided application or historical.
 * Valid on a date d when issuedOn ≤ d, (validUntil is null or d ≤ validUntil) and
 * (revokedOn is null or d < revokedOn).
 */
export const recognitions = pgTable(
  'recognitions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    type: text('type').$type<RecognitionType>().notNull(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** the enterprise's district on the issue date; indicators attribute the recognition here */
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    applicationId: integer('application_id').references(() => recognitionApplications.id),
    certificateNo: text('certificate_no').notNull().unique(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    revokedOn: date('revoked_on', { mode: 'string' }),
    revokeReason: text('revoke_reason'),
    revokedBy: integer('revoked_by').references(() => users.id),
    /** when the expiry job recorded (timeline + audit) that validUntil has passed; null until then */
    expiryRecordedAt: timestamp('expiry_recorded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('recognitions_type_issued_idx').on(t.type, t.issuedOn, t.id),
    index('recognitions_enterprise_idx').on(t.enterpriseId, t.type),
    index('recognitions_district_idx').on(t.districtId, t.type, t.issuedOn),
    // the expiry job's worklist: expired certificates whose expiry is not yet recorded
    index('recognitions_expiry_pending_idx').on(t.validUntil).where(sql`${t.expiryRecordedAt} is null and ${t.validUntil} is not null`),
    check('recognitions_validity', sql`${t.validUntil} is null or ${t.validUntil} >= ${t.issuedOn}`),
    check('recognitions_revocation', sql`(${t.revokedOn} is null) = (${t.revokeReason} is null)`),
  ],
);

/**
 * The recognitions rollup, kept in the write transaction: per type, district and year, how many
 * recognitions were issued (starts) and how many stopped being valid (ends: the day after
 * validUntil, or revokedOn). valid on Dec 31 of Y = Σ starts − Σ ends over years ≤ Y, counting
 * an end dated Jan 1 of Y+1 (validUntil = Dec 31) in Y+1.
 */
export const recognitionFlows = pgTable(
  'recognition_flows',
  {
    type: text('type').$type<RecognitionType>().notNull(),
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    year: smallint('year').notNull(),
    starts: integer('starts').notNull().default(0),
    ends: integer('ends').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.type, t.districtId, t.year] })],
);

export const EXPERT_CATEGORIES = ['technical', 'finance', 'management'] as const;
export type ExpertCategory = (typeof EXPERT_CATEGORIES)[number];
export const EXPERT_LINK_KINDS = ['employer', 'shareholding', 'former_employer', 'relative'] as const;
export type ExpertLinkKind = (typeof EXPERT_LINK_KINDS)[number];

export const experts = pgTable(
  'experts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** the expert's login, when it has one */
    userId: integer('user_id')
      .unique()
      .references(() => users.id),
    name: text('name').notNull(),
    organization: text('organization').notNull(),
    title: text('title').notNull(),
    category: text('category').$type<ExpertCategory>().notNull(),
    fields: text('fields').array().notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('experts_category_idx').on(t.category, t.active), check('experts_category', sql`${t.category} in ('technical','finance','management')`)],
);

/** Declared links: a link to an applicant (by enterprise id, credit code or company name) excludes the expert. */
export const expertLinks = pgTable(
  'expert_links',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    expertId: integer('expert_id')
      .notNull()
      .references(() => experts.id),
    kind: text('kind').$type<ExpertLinkKind>().notNull(),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    companyName: text('company_name').notNull(),
    uscc: text('uscc'),
    /** for a former employer: when the employment ended (excluded within 3 years of it) */
    endedOn: date('ended_on', { mode: 'string' }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('expert_links_expert_idx').on(t.expertId),
    index('expert_links_enterprise_idx').on(t.enterpriseId),
    check('expert_links_kind', sql`${t.kind} in ('employer','shareholding','former_employer','relative')`),
  ],
);

/** Every draw and re-draw of a panel, with its reason and who was excluded and why. */
export const panelDraws = pgTable(
  'panel_draws',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').$type<'draw' | 'redraw'>().notNull(),
    reason: text('reason').notNull(),
    seed: text('seed').notNull(),
    rules: jsonb('rules').notNull(),
    selected: jsonb('selected').notNull(),
    excluded: jsonb('excluded').notNull(),
    drawnBy: integer('drawn_by').references(() => users.id),
    drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('panel_draws_case_idx').on(t.caseId, t.id)],
);

export const PANEL_MEMBER_STATUSES = ['assigned', 'accepted', 'conflict', 'scored', 'replaced'] as const;
export type PanelMemberStatus = (typeof PANEL_MEMBER_STATUSES)[number];

export const panelMembers = pgTable(
  'panel_members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    drawId: integer('draw_id')
      .notNull()
      .references(() => panelDraws.id),
    expertId: integer('expert_id')
      .notNull()
      .references(() => experts.id),
    status: text('status').$type<PanelMemberStatus>().notNull().default('assigned'),
    declaredAt: timestamp('declared_at', { withTimezone: true }),
    conflictNote: text('conflict_note'),
    scores: jsonb('scores'),
    total: numeric('total', { precision: 6, scale: 2 }),
    comment: text('comment'),
    scoredAt: timestamp('scored_at', { withTimezone: true }),
  },
  (t) => [
    index('panel_members_expert_idx').on(t.expertId, t.status),
    uniqueIndex('panel_members_live_unique').on(t.caseId, t.expertId).where(sql`${t.status} <> 'replaced'`),
    check('panel_members_status', sql`${t.status} in ('assigned','accepted','conflict','scored','replaced')`),
  ],
);

/** One public-notice engine for every instrument: `module` is the instrument's code. */
export const publicNotices = pgTable(
  'public_notices',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    module: text('module').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    /** the recognition type (or other subject) of the batch */
    subject: text('subject').notNull(),
    year: smallint('year').notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    workingDays: smallint('working_days').notNull(),
    /** the N-th working day counted from publishedOn (RULES.md §4); the notice ends at its 24:00 */
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    publishedBy: integer('published_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('public_notices_published_idx').on(t.publishedOn, t.id), check('public_notices_days', sql`${t.workingDays} between 1 and 60 and ${t.endsOn} >= ${t.publishedOn}`)],
);

export const noticeItems = pgTable(
  'notice_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    noticeId: integer('notice_id')
      .notNull()
      .references(() => publicNotices.id),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    /** what the public sees: the enterprise name, its district, a one-line summary */
    name: text('name').notNull(),
    districtName: text('district_name').notNull(),
    summary: text('summary'),
  },
  (t) => [unique('notice_items_case').on(t.noticeId, t.caseId), index('notice_items_case_idx').on(t.caseId)],
);

export const OBJECTION_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

/** A real-name objection (异议) to one item of a notice: a case that blocks the item's decision while open. */
export const objections = pgTable(
  'objections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    noticeId: integer('notice_id')
      .notNull()
      .references(() => publicNotices.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => noticeItems.id),
    name: text('name').notNull(),
    phoneEnc: text('phone_enc').notNull(),
    phoneHash: text('phone_hash').notNull(),
    idNumberEnc: text('id_number_enc'),
    reason: text('reason').notNull(),
    evidence: text('evidence'),
    evidenceFileName: text('evidence_file_name'),
    evidenceContent: bytea('evidence_content'),
    status: text('status').$type<ObjectionStatus>().notNull().default('open'),
    resolution: text('resolution'),
    resolvedBy: integer('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('objections_item_idx').on(t.itemId, t.status),
    index('objections_status_idx').on(t.status, t.id),
    check('objections_status', sql`${t.status} in ('open','upheld','dismissed')`),
    check('objections_resolution', sql`(${t.status} = 'open') = (${t.resolvedAt} is null)`),
  ],
);

/** A batch of recommendations sent to the upper body (推荐上报批次): one type, one year, one list. */
export const recognitionBatches = pgTable(
  'recognition_batches',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    type: text('type').$type<RecognitionType>().notNull(),
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    /** the body the list goes to (省科技厅, 省高新技术企业认定管理机构…) */
    upperBody: text('upper_body').notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recognition_batches_type_year_idx').on(t.type, t.year, t.id)],
);

/**
 * "Recommend, then record": a case of a type decided above the city, recommended after its
 * notice, and the upper body's result once recorded (recognised with its document number and
 * date → the recognition is issued from that date; not recognised → the case is rejected).
 */
export const recognitionRecommendations = pgTable(
  'recognition_recommendations',
  {
    caseId: integer('case_id')
      .primaryKey()
      .references(() => cases.id),
    batchId: integer('batch_id').references(() => recognitionBatches.id),
    recommendedOn: date('recommended_on', { mode: 'string' }).notNull(),
    result: text('result').$type<'recognised' | 'not_recognised'>(),
    resultDocNo: text('result_doc_no'),
    resultOn: date('result_on', { mode: 'string' }),
    recognitionId: integer('recognition_id').references(() => recognitions.id),
    recordedBy: integer('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
  },
  (t) => [
    index('recognition_recommendations_batch_idx').on(t.batchId),
    check('recognition_recommendations_result', sql`${t.result} is null or ${t.result} in ('recognised','not_recognised')`),
    check('recognition_recommendations_recorded', sql`(${t.result} is null) = (${t.resultDocNo} is null) and (${t.result} is null) = (${t.resultOn} is null)`),
  ],
);
