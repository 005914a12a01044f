import { sql } from 'drizzle-orm';
import { bigint, check, customType, date, index, integer, numeric, pgTable, smallint, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { enterprises } from './enterprises.js';
import { districts, organizations, users } from './orgs.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** A call (申报通知 / 指南) of one instrument, type and year; a year may have several batches. */
export const calls = pgTable(
  'calls',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** the instrument's code (recognitions, projects, …) */
    instrument: text('instrument').notNull(),
    type: text('type').notNull(),
    year: smallint('year').notNull(),
    batch: smallint('batch').notNull().default(1),
    title: text('title').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    /** the application form version of instruments with versioned forms */
    formVersion: integer('form_version'),
    description: text('description'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('calls_instrument_type_year_batch').on(t.instrument, t.type, t.year, t.batch), check('calls_dates', sql`${t.closesOn} >= ${t.opensOn}`)],
);

/**
 * A case: any file the bureau handles (an application for a recognition, a project, a loan…).
 * The instrument's own data lives in its detail table keyed by the case id; status codes are the
 * instrument's (its registered workflow checks them), so the database does not enumerate them.
 */
export const cases = pgTable(
  'cases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    instrument: text('instrument').notNull(),
    type: text('type').notNull(),
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    callId: integer('call_id').references(() => calls.id),
    /** the applicant: an enterprise of the registry, or an organisation (a carrier, a fund manager) */
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    organizationId: integer('organization_id').references(() => organizations.id),
    /** the applicant's district when the case was opened: the district officer's scope */
    districtId: integer('district_id').references(() => districts.id),
    status: text('status').notNull(),
    /** the working-day deadline of the current step (null when nothing is pending) */
    dueOn: date('due_on', { mode: 'string' }),
    /** the public notice the case is in (set when published) */
    noticeId: integer('notice_id'),
    /** the expert panel's mean score (set when the last member scored) */
    panelScore: numeric('panel_score', { precision: 6, scale: 2 }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cases_list_idx').on(t.instrument, t.type, t.year, t.status, t.id),
    index('cases_district_idx').on(t.districtId, t.status, t.id),
    index('cases_enterprise_idx').on(t.enterpriseId, t.id),
    index('cases_organization_idx').on(t.organizationId, t.id),
    index('cases_notice_idx').on(t.noticeId),
    index('cases_due_idx').on(t.dueOn, t.id).where(sql`${t.dueOn} is not null`),
    // one live case per applicant and call
    uniqueIndex('cases_one_per_call').on(t.callId, t.enterpriseId).where(sql`${t.status} <> 'rejected' and ${t.callId} is not null`),
    check('cases_applicant', sql`${t.enterpriseId} is not null or ${t.organizationId} is not null`),
  ],
);

/** Every step of a case (the applicant's "where is my application" timeline). */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    comment: text('comment'),
    actorId: integer('actor_id').references(() => users.id),
    actorLabel: text('actor_label').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.id)],
);

export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    code: text('code').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_attachments_case_idx').on(t.caseId, t.code)],
);
