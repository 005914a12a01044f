import { and, desc, eq, gte, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.js';
import { bulkInsert } from '../../db/bulk.js';
import type { Executor } from '../../db/client.js';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

const CHAIN_LOCK_KEY = 7261001;

/**
 * One chainer at a time across processes: taken by the chainer's own short transaction (never by
 * an audited write). False when another process is chaining right now.
 */
export async function tryLockChain(tx: Executor): Promise<boolean> {
  const rows = await tx.execute<{ locked: boolean }>(sql`select pg_try_advisory_xact_lock(${CHAIN_LOCK_KEY}) as locked`);
  const list = (Array.isArray(rows) ? rows : (rows as unknown as { rows: { locked: boolean }[] }).rows) as { locked: boolean }[];
  return list[0]?.locked === true;
}

/** The last chained row: its place in the chain and its hash. */
export async function chainHead(db: Executor): Promise<{ seq: number; hash: string } | null> {
  const rows = await db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .where(isNotNull(auditLog.seq))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const r = rows[0];
  return r && r.seq !== null && r.hash !== null ? { seq: r.seq, hash: r.hash } : null;
}

export async function chainedAt(db: Executor, seq: number): Promise<{ id: number; hash: string | null } | undefined> {
  const rows = await db.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).where(eq(auditLog.seq, seq)).limit(1);
  return rows[0];
}

/** Committed rows not yet chained, oldest first. */
export async function unchainedBatch(tx: Executor, size: number): Promise<AuditRow[]> {
  return tx.select().from(auditLog).where(isNull(auditLog.hash)).orderBy(auditLog.id).limit(size).for('update', { skipLocked: true });
}

export async function countUnchained(db: Executor): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(isNull(auditLog.hash));
  return rows[0]?.n ?? 0;
}

/** Gives rows their place and hashes (the trigger allows exactly this one update of an unchained row). */
export async function setChained(tx: Executor, rows: { id: number; seq: number; prevHash: string; hash: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const json = JSON.stringify(rows.slice(i, i + 1000).map((r) => ({ id: r.id, seq: r.seq, prev: r.prevHash, hash: r.hash })));
    await tx.execute(sql`
      update audit_log a set seq = v.seq, prev_hash = v.prev, hash = v.hash
      from jsonb_to_recordset(${json}::jsonb) as v(id bigint, seq bigint, prev text, hash text)
      where a.id = v.id and a.hash is null`);
  }
}

/**
 * Rows are written unchained in the transaction of the change: no lock, no read of the chain; one
 * prepared statement however many (one round trip, pipelined with the statements sent with it).
 */
export async function insertAudit(tx: Executor, rows: NewAuditRow[]): Promise<void> {
  await bulkInsert(tx, auditLog, rows, { prepared: true });
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

/** Chained rows after a place in the chain, in chain order. */
export async function chainBatch(db: Executor, afterSeq: number, size: number): Promise<AuditRow[]> {
  return db.select().from(auditLog).where(sql`${auditLog.seq} > ${afterSeq}`).orderBy(auditLog.seq).limit(size);
}
