import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bulkInsert } from '../../db/bulk.js';
import { timelineEvents } from '../../db/schema/index.js';

export interface TimelineEntry {
  enterpriseId: number;
  module: string;
  kind: string;
  title: string;
  refType?: string;
  refId?: string | number;
  occurredAt?: Date;
}

/** Every module appends what it did with an enterprise (一企一档), inside its own transaction: one statement however many. */
export async function appendTimeline(tx: Executor, entries: TimelineEntry[]): Promise<void> {
  if (entries.length === 0) {
    return;
  }
  await bulkInsert(
    tx,
    timelineEvents,
    entries.map((e) => ({
      enterpriseId: e.enterpriseId,
      module: e.module,
      kind: e.kind,
      title: e.title,
      refType: e.refType ?? null,
      refId: e.refId === undefined ? null : String(e.refId),
      occurredAt: e.occurredAt ?? new Date(),
    })),
  );
}

function timelineQuery(db: Executor) {
  return db
    .select({
      id: timelineEvents.id,
      occurredAt: timelineEvents.occurredAt,
      module: timelineEvents.module,
      kind: timelineEvents.kind,
      title: timelineEvents.title,
      refType: timelineEvents.refType,
      refId: timelineEvents.refId,
    })
    .from(timelineEvents)
    .where(eq(timelineEvents.enterpriseId, sql.placeholder('enterpriseId')))
    .orderBy(desc(timelineEvents.occurredAt), desc(timelineEvents.id))
    .limit(sql.placeholder('limit'))
    .prepare('timeline_of_enterprise');
}

// Read on every record page: built once per database handle (Drizzle's query building is the
// larger cost of a small indexed read; see docs/PERFORMANCE.md).
const timelineQueries = new WeakMap<Executor, ReturnType<typeof timelineQuery>>();

export async function listTimeline(db: Executor, enterpriseId: number, limit = 200) {
  let q = timelineQueries.get(db);
  if (!q) {
    q = timelineQuery(db);
    timelineQueries.set(db, q);
  }
  return q.execute({ enterpriseId, limit });
}
