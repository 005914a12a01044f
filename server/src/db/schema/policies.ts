import { sql } from 'drizzle-orm';
import { check, customType, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './orgs.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const POLICY_STATUSES = ['in_force', 'repealed', 'amended'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

/**
 * The policy library (政策库): policies and rules as documents. Metadata the bureau is sure of
 * only: the number and dates stay empty when the source gives none.
 */
export const policies = pgTable(
  'policies',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    title: text('title').notNull(),
    /** 文号, e.g. 浙委发〔2015〕27号 */
    docNo: text('doc_no'),
    issuer: text('issuer').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }),
    effectiveOn: date('effective_on', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
    status: text('status').$type<PolicyStatus>().notNull().default('in_force'),
    /** a short statement of what the policy is about (public listing) */
    summary: text('summary'),
    body: text('body'),
    fileName: text('file_name'),
    fileMime: text('file_mime'),
    fileSize: integer('file_size'),
    fileContent: bytea('file_content'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('policies_issued_idx').on(t.issuedOn, t.id),
    check('policies_status', sql`${t.status} in ('in_force','repealed','amended')`),
    check('policies_dates', sql`${t.expiresOn} is null or ${t.effectiveOn} is null or ${t.expiresOn} >= ${t.effectiveOn}`),
    check('policies_file', sql`(${t.fileContent} is null) = (${t.fileName} is null)`),
  ],
);

/** Which objects cite a policy: a call (object id = calls.id), a recognition type (its code), a programme. */
export const policyCitations = pgTable(
  'policy_citations',
  {
    policyId: integer('policy_id')
      .notNull()
      .references(() => policies.id),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.policyId, t.objectType, t.objectId] }), index('policy_citations_object_idx').on(t.objectType, t.objectId)],
);
