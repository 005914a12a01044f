import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

export const districts = pgTable('districts', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  code: text('code').notNull().unique(),
  name: text('name').notNull().unique(),
  sortOrder: smallint('sort_order').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const ORG_KINDS = [
  'bureau',
  'district_bureau',
  'enterprise',
  'provider',
  'expert_org',
  'carrier',
  'fund',
  'supervision',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const organizations = pgTable(
  'organizations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    kind: text('kind').$type<OrgKind>().notNull(),
    districtId: integer('district_id').references(() => districts.id),
    enterpriseId: integer('enterprise_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organizations_district_idx').on(t.districtId),
    index('organizations_enterprise_idx').on(t.enterpriseId),
    check('organizations_kind_check', sql`${t.kind} in ('bureau','district_bureau','enterprise','provider','expert_org','carrier','fund','supervision')`),
  ],
);

export const ROLES = [
  'city_admin',
  'city_officer',
  'district_officer',
  'enterprise_user',
  'provider',
  'expert',
  'carrier_operator',
  'fund_manager',
  'auditor',
  'finance_officer',
] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    roles: text('roles').array().$type<Role[]>().notNull(),
    disabled: boolean('disabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_organization_idx').on(t.organizationId)],
);
