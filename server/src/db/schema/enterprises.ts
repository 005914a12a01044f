import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { districts } from './orgs.js';

export const ENTERPRISE_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

export const enterprises = pgTable(
  'enterprises',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    uscc: text('uscc').notNull().unique(),
    name: text('name').notNull(),
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    industry: text('industry').notNull(),
    size: text('size').$type<EnterpriseSize>(),
    registeredCapital: bigint('registered_capital_fen', { mode: 'number' }),
    employees: integer('employees'),
    address: text('address'),
    website: text('website'),
    legalRepName: text('legal_rep_name'),
    legalRepIdEnc: text('legal_rep_id_enc'),
    legalRepIdHash: text('legal_rep_id_hash'),
    legalRepPhoneEnc: text('legal_rep_phone_enc'),
    legalRepPhoneHash: text('legal_rep_phone_hash'),
    contactName: text('contact_name'),
    contactPhoneEnc: text('contact_phone_enc'),
    contactPhoneHash: text('contact_phone_hash'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('enterprises_district_id_idx').on(t.districtId, t.id),
    // The registry list filters by district and industry together and pages by id (keyset).
    index('enterprises_district_industry_idx').on(t.districtId, t.industry, t.id),
    index('enterprises_industry_idx').on(t.industry, t.id),
    index('enterprises_name_idx').on(t.name, t.id),
    index('enterprises_registered_on_idx').on(t.registeredOn, t.id),
    index('enterprises_legal_rep_phone_hash_idx').on(t.legalRepPhoneHash),
    index('enterprises_contact_phone_hash_idx').on(t.contactPhoneHash),
    index('enterprises_legal_rep_id_hash_idx').on(t.legalRepIdHash),
    check('enterprises_size_check', sql`${t.size} is null or ${t.size} in ('micro','small','medium','large')`),
    check('enterprises_uscc_check', sql`${t.uscc} ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'`),
  ],
);

/** The enterprise's timeline (一企一档): every module appends the events it causes. */
export const timelineEvents = pgTable(
  'timeline_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    module: text('module').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    refType: text('ref_type'),
    refId: text('ref_id'),
  },
  (t) => [index('timeline_enterprise_idx').on(t.enterpriseId, t.occurredAt)],
);
