import { and } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { RECOGNITION_TYPES } from '../../db/schema/index.js';
import type { Actor } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import { resolveDistrict } from '../enterprises/index.js';
import { businessToday } from '../../lib/clock.js';
import { TYPE_NAMES } from './recognitions.status.js';
import { countsDistrict, recognitionScope } from './register.policy.js';
import * as repo from './register.repo.js';
import type { RegisterFilterQuery, RegisterListQuery } from './register.schema.js';

export const STATUS_LABELS: Record<repo.RecognitionStatus, string> = { valid: '有效', expired: '已过期', revoked: '已撤销', pending: '尚未生效' };

function presentItem(r: repo.RegisterListRow, on: string) {
  const status = repo.statusOn(r, on);
  return { ...r, typeName: TYPE_NAMES[r.type], status, statusName: STATUS_LABELS[status] };
}

async function whereOf(db: Executor, actor: Actor, query: RegisterFilterQuery, on: string) {
  const scope = recognitionScope(actor);
  const districtId = query.district ? (await resolveDistrict(db, query.district)).id : undefined;
  const cond = repo.filterCondition({ types: query.type ? [query.type] : undefined, year: query.year, districtId, enterpriseId: query.enterpriseId, status: query.status, on, q: query.q });
  return scope && cond ? and(scope, cond) : (scope ?? cond);
}

/** The register (认定名录): scoped in the query, newest certificate first, keyset-paged. */
export async function listRecognitions(opts: { db: Executor; actor: Actor; query: RegisterListQuery; today?: string }) {
  const on = opts.query.on ?? opts.today ?? businessToday();
  const where = await whereOf(opts.db, opts.actor, opts.query, on);
  let after: { issuedOn: string; id: number } | undefined;
  if (opts.query.cursor) {
    const c = decodeCursor(opts.query.cursor);
    if (typeof c.value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(c.value)) {
      throw new AppError('bad_cursor', '分页游标无效', { fields: [{ field: 'cursor', message: '分页游标无效' }] });
    }
    after = { issuedOn: c.value as string, id: c.id };
  }
  const rows = await repo.listPage(opts.db, { where, after, limit: opts.query.limit + 1 });
  const page = rows.slice(0, opts.query.limit);
  const last = page.at(-1);
  return { items: page.map((r) => presentItem(r, on)), nextCursor: rows.length > opts.query.limit && last ? encodeCursor(last.issuedOn, last.id) : null };
}

/** Every row of the filtered register, page by page (the Excel export), up to max. */
export async function* iterateRecognitions(opts: { db: Executor; actor: Actor; query: RegisterFilterQuery; max: number; today?: string }) {
  const on = opts.query.on ?? opts.today ?? businessToday();
  const where = await whereOf(opts.db, opts.actor, opts.query, on);
  let after: { issuedOn: string; id: number } | undefined;
  let n = 0;
  while (n < opts.max) {
    const rows = await repo.listPage(opts.db, { where, after, limit: Math.min(2000, opts.max - n) });
    for (const r of rows) {
      yield presentItem(r, on);
    }
    n += rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < 2000) {
      return;
    }
    after = { issuedOn: last.issuedOn, id: last.id };
  }
}

export function presentDetail(row: repo.RegisterDetailRow, on: string) {
  const r = row.r;
  const status = repo.statusOn(r, on);
  return {
    id: r.id,
    type: r.type,
    typeName: TYPE_NAMES[r.type],
    certificateNo: r.certificateNo,
    enterpriseId: r.enterpriseId,
    enterpriseName: row.enterpriseName,
    uscc: row.uscc,
    districtId: r.districtId,
    districtName: row.districtName,
    districtCode: row.districtCode,
    applicationId: r.applicationId,
    issuedOn: r.issuedOn,
    validUntil: r.validUntil,
    revokedOn: r.revokedOn,
    status,
    statusName: STATUS_LABELS[status],
    statusOn: on,
    revocation: r.revokedOn && r.revokeReason ? { effectiveOn: r.revokedOn, reason: r.revokeReason, revokedBy: row.revokedByName } : null,
    expiryRecordedAt: r.expiryRecordedAt,
    createdAt: r.createdAt,
  };
}

/** One recognition, if the actor may see it (otherwise 404: another's record is not revealed). */
export async function getRecognitionRow(opts: { db: Executor; actor: Actor; id: number }) {
  const row = await repo.findById(opts.db, opts.id, recognitionScope(opts.actor));
  if (!row) {
    throw notFound('认定记录');
  }
  return row;
}

export async function getRecognition(opts: { db: Executor; actor: Actor; id: number; today?: string }) {
  return presentDetail(await getRecognitionRow(opts), opts.today ?? businessToday());
}

/** Per type: valid on Dec 31 of the year and newly recognised in it, read from the rollup. */
export async function recognitionCounts(opts: { database: Database; actor: Actor; year: number; district?: string }) {
  const requested = opts.district ? (await resolveDistrict(opts.database.db, opts.district)).id : undefined;
  const districtId = countsDistrict(opts.actor, requested);
  const rows = await repo.flowFigures(opts.database, { year: opts.year, districtId });
  const byType = new Map(rows.map((r) => [r.type, r]));
  return {
    year: opts.year,
    districtId: districtId ?? null,
    items: RECOGNITION_TYPES.map((type) => ({ type, typeName: TYPE_NAMES[type], valid: byType.get(type)?.valid ?? 0, issued: byType.get(type)?.issued ?? 0 })),
  };
}
