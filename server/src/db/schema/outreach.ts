import { sql } from 'drizzle-orm';
import { boolean, check, customType, date, index, integer, pgTable, smallint, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { enterprises } from './enterprises.js';
import { districts, users } from './orgs.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** S&T commissioners (科技特派员): the registry. */
export const commissioners = pgTable('commissioners', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  /** the commissioner's employer (university, institute, extension station) */
  organization: text('organization').notNull(),
  title: text('title'),
  expertise: text('expertise').notNull(),
  districtId: integer('district_id').references(() => districts.id),
  since: smallint('since').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An assignment of a commissioner to a township (乡镇) and optionally an enterprise, for a period. */
export const commissionerAssignments = pgTable(
  'commissioner_assignments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    commissionerId: integer('commissioner_id')
      .notNull()
      .references(() => commissioners.id),
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    township: text('township').notNull(),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }),
    task: text('task').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('commissioner_assignments_idx').on(t.commissionerId, t.startOn), check('commissioner_assignments_dates', sql`${t.endOn} is null or ${t.endOn} >= ${t.startOn}`)],
);

/** A commissioner's yearly service record. */
export const commissionerServiceRecords = pgTable(
  'commissioner_service_records',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    commissionerId: integer('commissioner_id')
      .notNull()
      .references(() => commissioners.id),
    year: smallint('year').notNull(),
    serviceDays: integer('service_days').notNull(),
    enterprisesServed: integer('enterprises_served').notNull(),
    trainings: integer('trainings').notNull(),
    technologiesIntroduced: integer('technologies_introduced').notNull(),
    summary: text('summary').notNull(),
    recordedBy: integer('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('commissioner_service_records_year').on(t.commissionerId, t.year),
    check('commissioner_service_records_counts', sql`${t.serviceDays} >= 0 and ${t.enterprisesServed} >= 0 and ${t.trainings} >= 0 and ${t.technologiesIntroduced} >= 0`),
  ],
);

/** An outreach event (科技下乡): counted by `outreach.events` in the year of its date. */
export const outreachEvents = pgTable(
  'outreach_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    districtId: integer('district_id').references(() => districts.id),
    organisers: text('organisers').notNull(),
    participants: integer('participants').notNull(),
    content: text('content').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outreach_events_held_idx').on(t.heldOn, t.id), check('outreach_events_participants', sql`${t.participants} >= 0`)],
);

export const outreachEventPhotos = pgTable(
  'outreach_event_photos',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    eventId: integer('event_id')
      .notNull()
      .references(() => outreachEvents.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    caption: text('caption'),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outreach_event_photos_event_idx').on(t.eventId)],
);
