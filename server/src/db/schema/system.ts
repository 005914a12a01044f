import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Settings that belong to the data rather than to one process: key → JSON value. The demo seed
 * writes 'business_clock' (modules/system/business-clock.ts), so a restart on the same data dir
 * or database runs on the same business time.
 */
export const systemSettings = pgTable('system_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
