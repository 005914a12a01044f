import { and, desc, eq, gte, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

const CHAIN_LOCK_KEY = 7261001;

/** Serialises chain appends across processes: held until the surrounding transaction ends. */
export async function lockChain(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`);
}

export async function lastHash(tx: Executor): Promise<string | null> {
  const rows = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return rows[0]?.hash ?? null;
}

/** Rows are inserted in chain order, so ids follow the chain. */
export async function insertAudit(tx: Executor, rows: NewAuditRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await tx.insert(auditLog).values(rows.slice(i, i + 1000));
  }
}

export interface AuditFilter {
  objectType?: string;
  objectId?: string;
  actor?: string;
  from?: Date;
  to?: Date;
  beforeId?: number;
  limit: number;
}

export async function findAudit(db: Executor, f: AuditFilter): Promise<AuditRow[]> {
  const conds: SQL[] = [];
  if (f.objectType) {
    conds.push(eq(auditLog.objectType, f.objectType));
  }
  if (f.objectId) {
    conds.push(eq(auditLog.objectId, f.objectId));
  }
  if (f.actor) {
    const asId = /^\d+$/.test(f.actor) ? Number(f.actor) : null;
    conds.push(asId !== null ? or(eq(auditLog.actorId, asId), eq(auditLog.actorName, f.actor))! : eq(auditLog.actorName, f.actor));
  }
  if (f.from) {
    conds.push(gte(auditLog.at, f.from));
  }
  if (f.to) {
    conds.push(lte(auditLog.at, f.to));
  }
  if (f.beforeId !== undefined) {
    conds.push(lt(auditLog.id, f.beforeId));
  }
  return db
    .select()
    .from(auditLog)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(f.limit);
}

export async function auditBatch(db: Executor, afterId: number, size: number): Promise<AuditRow[]> {
  return db.select().from(auditLog).where(sql`${auditLog.id} > ${afterId}`).orderBy(auditLog.id).limit(size);
}
