import { date, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './orgs.js';

/** Versioned rule sets of the rule engines (hnte, tech_sme): the one in force on a date is the latest effective on or before it. */
export const ruleSets = pgTable(
  'rule_sets',
  {
    type: text('type').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    source: text('source').notNull(),
    params: jsonb('params').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.type, t.effectiveFrom] })],
);

/** Configurable criteria of the other recognition types, versioned the same way. */
export const recognitionCriteria = pgTable(
  'recognition_criteria',
  {
    type: text('type').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    spec: jsonb('spec').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.type, t.effectiveFrom] })],
);
