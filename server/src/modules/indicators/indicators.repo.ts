import { and, asc, between, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { indicatorImports, indicatorReported, indicatorTargets } from '../../db/schema/indicators.js';
import { districts } from '../../db/schema/orgs.js';

export interface DistrictRow {
  id: number;
  code: string;
  name: string;
}

export async function listDistricts(db: Executor): Promise<DistrictRow[]> {
  return db.select({ id: districts.id, code: districts.code, name: districts.name }).from(districts).orderBy(asc(districts.sortOrder), asc(districts.id));
}

export interface FigureRow {
  code: string;
  year: number;
  districtId: number | null;
  value: number;
  source: string | null;
  documentDate: string | null;
}

const districtCond = (col: AnyPgColumn, districtId: number | null | undefined): SQL | undefined =>
  districtId === undefined ? undefined : districtId === null ? isNull(col) : eq(col, districtId);

/** Reported figures of some years; districtId undefined = all rows, null = city rows only. */
export async function reportedFigures(db: Executor, opts: { from: number; to: number; code?: string; districtId?: number | null }): Promise<FigureRow[]> {
  const t = indicatorReported;
  return db
    .select({ code: t.code, year: t.year, districtId: t.districtId, value: t.value, source: t.source, documentDate: t.documentDate })
    .from(t)
    .where(and(between(t.year, opts.from, opts.to), opts.code ? eq(t.code, opts.code) : undefined, districtCond(t.districtId, opts.districtId)));
}

/** Targets of some years, same filters as reportedFigures. */
export async function targetFigures(db: Executor, opts: { from: number; to: number; code?: string; districtId?: number | null }): Promise<(FigureRow & { note: string | null })[]> {
  const t = indicatorTargets;
  return db
    .select({ code: t.code, year: t.year, districtId: t.districtId, value: t.value, source: t.source, documentDate: sql<string | null>`null`, note: t.note })
    .from(t)
    .where(and(between(t.year, opts.from, opts.to), opts.code ? eq(t.code, opts.code) : undefined, districtCond(t.districtId, opts.districtId)));
}

export async function insertImport(tx: Executor, row: typeof indicatorImports.$inferInsert) {
  const [r] = await tx.insert(indicatorImports).values(row).returning();
  return r;
}

export type Pair = { code: string; year: number };

const pairCond = (codeCol: AnyPgColumn, yearCol: AnyPgColumn, pairs: Pair[]) =>
  sql.join(
    pairs.map((p) => sql`(${codeCol} = ${p.code} and ${yearCol} = ${p.year})`),
    sql` or `,
  );

/** Deletes every reported row of the given (code, year) pairs and returns what was there. */
export async function deleteReported(tx: Executor, pairs: Pair[]): Promise<FigureRow[]> {
  if (pairs.length === 0) {
    return [];
  }
  const t = indicatorReported;
  return tx
    .delete(t)
    .where(pairCond(t.code, t.year, pairs))
    .returning({ code: t.code, year: t.year, districtId: t.districtId, value: t.value, source: t.source, documentDate: t.documentDate });
}

export async function insertReported(tx: Executor, rows: (typeof indicatorReported.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) {
    await tx.insert(indicatorReported).values(rows);
  }
}

/** Deletes every target row of the given (code, year) pairs and returns what was there. */
export async function deleteTargets(tx: Executor, pairs: Pair[]): Promise<FigureRow[]> {
  if (pairs.length === 0) {
    return [];
  }
  const t = indicatorTargets;
  return tx
    .delete(t)
    .where(pairCond(t.code, t.year, pairs))
    .returning({ code: t.code, year: t.year, districtId: t.districtId, value: t.value, source: t.source, documentDate: sql<string | null>`null` });
}

export async function insertTargets(tx: Executor, rows: (typeof indicatorTargets.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) {
    await tx.insert(indicatorTargets).values(rows);
  }
}

export async function districtsByIds(db: Executor, ids: number[]): Promise<DistrictRow[]> {
  if (ids.length === 0) {
    return [];
  }
  return db.select({ id: districts.id, code: districts.code, name: districts.name }).from(districts).where(inArray(districts.id, ids));
}
