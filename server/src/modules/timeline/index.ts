import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
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

/** Every module appends what it did with an enterprise (一企一档), inside its own transaction. */
export async function appendTimeline(tx: Executor, entries: TimelineEntry[]): Promise<void> {
  if (entries.length === 0) {
    return;
  }
  await tx.insert(timelineEvents).values(
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

export async function listTimeline(db: Executor, enterpriseId: number, limit = 200) {
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
    .where(eq(timelineEvents.enterpriseId, enterpriseId))
    .orderBy(desc(timelineEvents.occurredAt), desc(timelineEvents.id))
    .limit(limit);
}
