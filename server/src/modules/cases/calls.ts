import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { calls } from '../../db/schema/index.js';
import { AppError } from '../../http/errors.js';
import { businessToday } from '../../lib/clock.js';
import { instrumentOf, typeName } from './instruments.js';

export type CallRow = typeof calls.$inferSelect;
export type NewCallRow = typeof calls.$inferInsert;
export type CallState = 'upcoming' | 'open' | 'closed';

const STATE_NAMES: Record<CallState, string> = { upcoming: '未开始', open: '申报中', closed: '已截止' };

export function callState(call: Pick<CallRow, 'opensOn' | 'closesOn'>, today = businessToday()): CallState {
  if (today < call.opensOn) {
    return 'upcoming';
  }
  return today > call.closesOn ? 'closed' : 'open';
}

/** A call as every instrument shows it (its window's state on the business date). */
export function presentCall(c: CallRow, today = businessToday()) {
  const state = callState(c, today);
  return {
    id: c.id,
    instrument: c.instrument,
    type: c.type,
    typeName: typeName(instrumentOf(c.instrument), c.type),
    year: c.year,
    batch: c.batch,
    title: c.title,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    formVersion: c.formVersion,
    description: c.description ?? null,
    state,
    stateName: STATE_NAMES[state],
  };
}

/** Throws call_closed unless the call accepts applications on the business date. */
export function assertCallOpen(call: CallRow): void {
  const state = callState(call);
  if (state !== 'open') {
    throw new AppError('call_closed', state === 'upcoming' ? `“${call.title}”尚未开始受理（${call.opensOn} 起）` : `“${call.title}”已于 ${call.closesOn} 截止受理`);
  }
}

export async function listCallRows(db: Executor, f: { instrument: string; type?: string; year?: number }): Promise<CallRow[]> {
  const conds: SQL[] = [eq(calls.instrument, f.instrument)];
  if (f.type) {
    conds.push(eq(calls.type, f.type));
  }
  if (f.year) {
    conds.push(eq(calls.year, f.year));
  }
  return db
    .select()
    .from(calls)
    .where(and(...conds))
    .orderBy(desc(calls.opensOn), desc(calls.id))
    .limit(500);
}

export async function findCallRow(db: Executor, id: number, opts: { instrument?: string; forUpdate?: boolean } = {}): Promise<CallRow | undefined> {
  const where = opts.instrument ? and(eq(calls.id, id), eq(calls.instrument, opts.instrument)) : eq(calls.id, id);
  const q = db.select().from(calls).where(where);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** Inserts a call; undefined when the (instrument, type, year, batch) exists already. */
export async function insertCallRow(tx: Executor, row: NewCallRow): Promise<CallRow | undefined> {
  const [created] = await tx.insert(calls).values(row).onConflictDoNothing().returning();
  return created;
}

export async function updateCallRow(tx: Executor, id: number, set: Partial<NewCallRow>): Promise<CallRow> {
  const [row] = await tx.update(calls).set(set).where(eq(calls.id, id)).returning();
  return row;
}
