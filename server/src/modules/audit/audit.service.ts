import { DEV_AUDIT_KEY } from '../../config/audit-key.js';
import type { Db, Executor } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { AuditChain, type ChainReport } from './audit.chain.js';
import * as repo from './audit.repo.js';

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId: string | number;
  before?: unknown;
  after?: unknown;
  /** Who acted, when the request has no actor yet: the user a login has just authenticated. */
  actor?: { id: number; name: string };
}

/** Absent is null; the rest is stored as its JSON (dates as ISO strings), and the chainer hashes what jsonb gives back. */
function toJson(value: unknown): unknown {
  return value === undefined ? null : value;
}

/**
 * Writes audit rows in the transaction of the change they record. They are written unchained: the
 * chainer (audit.chain.ts) gives them their place and keyed hashes once committed, so audited writes
 * never serialise on the chain.
 */
export async function recordAuditMany(tx: Executor, ctx: RequestContext, entries: AuditEntry[]): Promise<void> {
  await recordAuditEach(
    tx,
    entries.map((entry) => ({ ctx, entry })),
  );
}

/** Audit rows of several requests in one statement (a batch of requests committed together), each with its own context. */
export async function recordAuditEach(tx: Executor, items: { ctx: RequestContext; entry: AuditEntry }[]): Promise<void> {
  if (items.length === 0) {
    return;
  }
  const at = new Date();
  const rows: repo.NewAuditRow[] = items.map(({ ctx, entry }) => ({
    at,
    actorId: entry.actor?.id ?? ctx.actor?.userId ?? null,
    actorName: entry.actor?.name ?? ctx.actor?.username ?? ctx.system ?? 'anonymous',
    action: entry.action,
    objectType: entry.objectType,
    objectId: String(entry.objectId),
    before: toJson(entry.before),
    after: toJson(entry.after),
    requestId: ctx.requestId,
    ip: ctx.ip,
  }));
  await repo.insertAudit(tx, rows);
}

export async function recordAudit(tx: Executor, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await recordAuditMany(tx, ctx, [entry]);
}

/** Chains what is committed and verifies the chain with the given key (tests and tools; the app uses its AuditChain). */
export async function verifyAuditChain(opts: { db: Db; key?: Buffer }): Promise<ChainReport> {
  return new AuditChain(opts.db, opts.key ?? DEV_AUDIT_KEY, null).verify();
}

export async function listAudit({ db, filter }: { db: Executor; filter: repo.AuditFilter }) {
  const rows = await repo.findAudit(db, { ...filter, limit: filter.limit + 1 });
  const items = rows.slice(0, filter.limit);
  const nextCursor = rows.length > filter.limit ? String(items[items.length - 1].id) : null;
  return { items, nextCursor };
}

/** Every row the filter matches, newest first, in keyset batches (for export). */
export async function* iterateAudit(opts: { db: Executor; filter: Omit<repo.AuditFilter, 'limit' | 'beforeId'>; max: number }) {
  let beforeId: number | undefined;
  let sent = 0;
  for (;;) {
    const batch = await repo.findAudit(opts.db, { ...opts.filter, beforeId, limit: 1000 });
    for (const row of batch) {
      if (sent++ >= opts.max) {
        return;
      }
      yield row;
    }
    if (batch.length < 1000) {
      return;
    }
    beforeId = batch[batch.length - 1].id;
  }
}
