import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { GENESIS_HASH, chainHash } from './audit.hash.js';
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

/** Plain JSON (dates as ISO strings), so what is hashed is exactly what jsonb gives back. */
function toJson(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}

/**
 * Appends audit rows to the chain. Must run inside the transaction of the change it records:
 * the advisory lock orders appends across processes, so the chain never forks.
 */
export async function recordAuditMany(tx: Executor, ctx: RequestContext, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) {
    return;
  }
  await repo.lockChain(tx);
  let prevHash = (await repo.lastHash(tx)) ?? GENESIS_HASH;
  const at = new Date();
  const rows: repo.NewAuditRow[] = entries.map((entry) => {
    const fields = {
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
    };
    const hash = chainHash(prevHash, fields);
    const row = { ...fields, prevHash, hash };
    prevHash = hash;
    return row;
  });
  await repo.insertAudit(tx, rows);
}

export async function recordAudit(tx: Executor, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await recordAuditMany(tx, ctx, [entry]);
}

export interface ChainReport {
  intact: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
}

export async function verifyAuditChain({ db }: { db: Executor }): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const batch = await repo.auditBatch(db, afterId, 2000);
    if (batch.length === 0) {
      return { intact: true, checked, firstBrokenId: null, reason: null };
    }
    for (const row of batch) {
      if (row.prevHash !== prev) {
        return { intact: false, checked, firstBrokenId: row.id, reason: '链接断裂：前序哈希不匹配（记录被删除或插入）' };
      }
      const expected = chainHash(prev, row);
      if (expected !== row.hash) {
        return { intact: false, checked, firstBrokenId: row.id, reason: '内容被篡改：哈希不匹配' };
      }
      prev = row.hash;
      checked++;
      afterId = row.id;
    }
  }
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
