import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Append-only (a trigger refuses UPDATE/DELETE, except chaining a row not yet chained) and chained
 * with a keyed hash (HMAC-SM3, key outside the database). Rows are written unchained (seq, prev_hash
 * and hash null) in the transaction of the change; the chainer gives them their place in the chain
 * (seq) and their hashes in batches, off the hot path (server/src/modules/audit/audit.chainer.ts).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
    seq: bigint('seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_object_idx').on(t.objectType, t.objectId, t.id),
    index('audit_actor_idx').on(t.actorId, t.id),
    index('audit_at_idx').on(t.at),
    uniqueIndex('audit_seq_idx').on(t.seq),
    index('audit_unchained_idx').on(t.id).where(sql`${t.hash} is null`),
  ],
);
