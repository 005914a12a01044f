import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { recognitionCalls, type RecognitionType } from '../../db/schema/index.js';

export type CallRow = typeof recognitionCalls.$inferSelect;
export type NewCallRow = typeof recognitionCalls.$inferInsert;

export async function listCalls(db: Executor, f: { type?: RecognitionType; year?: number }): Promise<CallRow[]> {
  const conds: SQL[] = [];
  if (f.type) {
    conds.push(eq(recognitionCalls.type, f.type));
  }
  if (f.year) {
    conds.push(eq(recognitionCalls.year, f.year));
  }
  return db
    .select()
    .from(recognitionCalls)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(recognitionCalls.opensOn), desc(recognitionCalls.id))
    .limit(500);
}

export async function findCall(db: Executor, id: number, forUpdate = false): Promise<CallRow | undefined> {
  const q = db.select().from(recognitionCalls).where(eq(recognitionCalls.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertCall(tx: Executor, row: NewCallRow): Promise<CallRow | undefined> {
  const [created] = await tx.insert(recognitionCalls).values(row).onConflictDoNothing().returning();
  return created;
}

export async function updateCall(tx: Executor, id: number, set: Partial<NewCallRow>): Promise<CallRow> {
  const [row] = await tx.update(recognitionCalls).set(set).where(eq(recognitionCalls.id, id)).returning();
  return row;
}
