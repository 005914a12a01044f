import { and, eq, gte, ilike, inArray, isNotNull, isNull, like, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, Executor } from '../../db/client.js';
import { districts, enterprises, recognitions, users, type RecognitionType } from '../../db/schema/index.js';
import { likeEscape } from '../../lib/like.js';

export type RecognitionStatus = 'valid' | 'expired' | 'revoked' | 'pending';

/**
 * Where a recognition stands on a date (docs/recognitions.md): revoked once revokedOn ≤ d; expired
 * when validUntil < d (and not revoked by d); pending before issuedOn; otherwise valid.
 */
export function statusOn(r: { issuedOn: string; validUntil: string | null; revokedOn: string | null }, on: string): RecognitionStatus {
  if (r.revokedOn !== null && r.revokedOn <= on) {
    return 'revoked';
  }
  if (r.validUntil !== null && r.validUntil < on) {
    return 'expired';
  }
  return r.issuedOn > on ? 'pending' : 'valid';
}

/** The same rule as a WHERE condition. */
export function statusCondition(status: Exclude<RecognitionStatus, 'pending'>, on: string): SQL {
  const notRevoked = or(isNull(recognitions.revokedOn), sql`${recognitions.revokedOn} > ${on}::date`)!;
  switch (status) {
    case 'revoked':
      return and(isNotNull(recognitions.revokedOn), sql`${recognitions.revokedOn} <= ${on}::date`)!;
    case 'expired':
      return and(sql`${recognitions.validUntil} < ${on}::date`, notRevoked)!;
    case 'valid':
      return and(lte(recognitions.issuedOn, on), or(isNull(recognitions.validUntil), gte(recognitions.validUntil, on))!, notRevoked)!;
  }
}

export interface RegisterFilter {
  types?: RecognitionType[];
  year?: number;
  districtId?: number;
  enterpriseId?: number;
  status?: Exclude<RecognitionStatus, 'pending'>;
  on: string;
  q?: string;
}

export function filterCondition(f: RegisterFilter): SQL | undefined {
  const conds: SQL[] = [];
  if (f.types?.length) {
    conds.push(f.types.length === 1 ? eq(recognitions.type, f.types[0]) : inArray(recognitions.type, f.types));
  }
  if (f.year !== undefined) {
    conds.push(gte(recognitions.issuedOn, `${f.year}-01-01`), lt(recognitions.issuedOn, `${f.year + 1}-01-01`));
  }
  if (f.districtId !== undefined) {
    conds.push(eq(recognitions.districtId, f.districtId));
  }
  if (f.enterpriseId !== undefined) {
    conds.push(eq(recognitions.enterpriseId, f.enterpriseId));
  }
  if (f.status) {
    conds.push(statusCondition(f.status, f.on));
  }
  if (f.q) {
    const q = likeEscape(f.q);
    conds.push(or(ilike(enterprises.name, `%${q}%`), like(enterprises.uscc, `${q.toUpperCase()}%`), like(recognitions.certificateNo, `${q.toUpperCase()}%`))!);
  }
  return conds.length ? and(...conds) : undefined;
}

const listSelection = {
  id: recognitions.id,
  type: recognitions.type,
  certificateNo: recognitions.certificateNo,
  issuedOn: recognitions.issuedOn,
  validUntil: recognitions.validUntil,
  revokedOn: recognitions.revokedOn,
  enterpriseId: recognitions.enterpriseId,
  enterpriseName: enterprises.name,
  uscc: enterprises.uscc,
  districtId: recognitions.districtId,
  districtName: districts.name,
};
export interface RegisterListRow {
  id: number;
  type: RecognitionType;
  certificateNo: string;
  issuedOn: string;
  validUntil: string | null;
  revokedOn: string | null;
  enterpriseId: number;
  enterpriseName: string;
  uscc: string;
  districtId: number;
  districtName: string;
}

/** One keyset page, newest certificate first: rows strictly after (issuedOn, id) in descending order. */
export async function listPage(db: Executor, opts: { where: SQL | undefined; after?: { issuedOn: string; id: number }; limit: number }): Promise<RegisterListRow[]> {
  const keyset = opts.after ? sql`(${recognitions.issuedOn}, ${recognitions.id}) < (${opts.after.issuedOn}::date, ${opts.after.id}::int)` : undefined;
  const where = opts.where && keyset ? and(opts.where, keyset) : (opts.where ?? keyset);
  return db
    .select(listSelection)
    .from(recognitions)
    .innerJoin(enterprises, eq(enterprises.id, recognitions.enterpriseId))
    .innerJoin(districts, eq(districts.id, recognitions.districtId))
    .where(where)
    .orderBy(sql`${recognitions.issuedOn} desc`, sql`${recognitions.id} desc`)
    .limit(opts.limit);
}

const revoker = alias(users, 'revoker');

export async function findById(db: Executor, id: number, scope: SQL | undefined) {
  const cond = scope ? and(eq(recognitions.id, id), scope) : eq(recognitions.id, id);
  const [row] = await db
    .select({
      r: recognitions,
      enterpriseName: enterprises.name,
      uscc: enterprises.uscc,
      districtName: districts.name,
      districtCode: districts.code,
      revokedByName: revoker.displayName,
    })
    .from(recognitions)
    .innerJoin(enterprises, eq(enterprises.id, recognitions.enterpriseId))
    .innerJoin(districts, eq(districts.id, recognitions.districtId))
    .leftJoin(revoker, eq(revoker.id, recognitions.revokedBy))
    .where(cond);
  return row;
}
export type RegisterDetailRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

/** The row, locked for the revocation's transaction. */
export async function lockById(tx: Executor, id: number) {
  const [row] = await tx.select().from(recognitions).where(eq(recognitions.id, id)).for('update');
  return row;
}

export async function setRevocation(tx: Executor, id: number, set: { revokedOn: string; revokeReason: string; revokedBy: number | null }) {
  const [row] = await tx.update(recognitions).set(set).where(eq(recognitions.id, id)).returning();
  return row;
}

/**
 * Per type (and district when asked), from the recognition_flows rollup: valid on Dec 31 of the year
 * (Σ starts − Σ ends over years ≤ year) and new in the year (starts of the year).
 */
export async function flowFigures(
  database: Database,
  opts: { year: number; districtId?: number; byDistrict?: boolean; types?: readonly RecognitionType[] },
  executor?: Executor,
): Promise<{ type: RecognitionType; districtId: number | null; valid: number; issued: number }[]> {
  const d = opts.districtId === undefined ? sql`` : sql` and district_id = ${opts.districtId}`;
  const t = opts.types?.length ? sql` and type in (${sql.join(opts.types.map((x) => sql`${x}`), sql`, `)})` : sql``;
  const rows = await database.rows<{ type: RecognitionType; district_id: number | null; valid: string | number | null; issued: string | number | null }>(
    sql`select type, ${opts.byDistrict ? sql`district_id` : sql`null::int`} as district_id,
               sum(starts - ends) as valid, sum(starts) filter (where year = ${opts.year}) as issued
        from recognition_flows where year <= ${opts.year}${d}${t}
        group by type${opts.byDistrict ? sql`, district_id` : sql``}`,
    executor,
  );
  return rows.map((r) => ({ type: r.type, districtId: r.district_id === null ? null : Number(r.district_id), valid: Number(r.valid ?? 0), issued: Number(r.issued ?? 0) }));
}

/** The recognitions behind a figure: valid on Dec 31 of the year, or issued in it; keyset by (issuedOn, id) ascending. */
export async function figureRecords(
  database: Database,
  opts: { types: readonly RecognitionType[]; figure: 'valid' | 'new'; year: number; districtId?: number; limit: number; after?: { date: string; id: number } },
  executor?: Executor,
) {
  const dec31 = `${opts.year}-12-31`;
  const which =
    opts.figure === 'new'
      ? sql`r.issued_on >= ${`${opts.year}-01-01`}::date and r.issued_on <= ${dec31}::date`
      : sql`r.issued_on <= ${dec31}::date and (r.valid_until is null or r.valid_until >= ${dec31}::date) and (r.revoked_on is null or r.revoked_on > ${dec31}::date)`;
  const d = opts.districtId === undefined ? sql`` : sql` and r.district_id = ${opts.districtId}`;
  const base = sql`from recognitions r join enterprises e on e.id = r.enterprise_id
    where r.type in (${sql.join(opts.types.map((x) => sql`${x}`), sql`, `)}) and ${which}${d}`;
  const [t] = await database.rows<{ n: string | number }>(sql`select count(*) as n ${base}`, executor);
  const after = opts.after ? sql` and (r.issued_on, r.id) > (${opts.after.date}::date, ${opts.after.id}::int)` : sql``;
  const rows = await database.rows<{ id: number; type: RecognitionType; certificate_no: string; enterprise_id: number; name: string; district_id: number; date: string }>(
    sql`select r.id, r.type, r.certificate_no, r.enterprise_id, e.name, r.district_id, r.issued_on::text as date
        ${base}${after} order by r.issued_on, r.id limit ${opts.limit}`,
    executor,
  );
  return {
    total: Number(t?.n ?? 0),
    items: rows.map((r) => ({ id: Number(r.id), type: r.type, certificateNo: r.certificate_no, enterpriseId: Number(r.enterprise_id), enterpriseName: r.name, districtId: Number(r.district_id), date: r.date })),
  };
}

/**
 * The expiry worklist: certificates past validUntil whose expiry is not recorded yet, locked and
 * skipped by a concurrent run (two app processes never record one expiry twice).
 */
export async function lockPendingExpiries(tx: Executor, today: string, limit: number) {
  return tx
    .select({ r: recognitions, enterpriseName: enterprises.name })
    .from(recognitions)
    .innerJoin(enterprises, eq(enterprises.id, recognitions.enterpriseId))
    .where(and(isNull(recognitions.expiryRecordedAt), isNotNull(recognitions.validUntil), sql`${recognitions.validUntil} < ${today}::date`))
    .orderBy(recognitions.validUntil, recognitions.id)
    .limit(limit)
    .for('update', { of: recognitions, skipLocked: true });
}

export async function markExpiryRecorded(tx: Executor, ids: number[], at: Date): Promise<void> {
  if (ids.length) {
    await tx.update(recognitions).set({ expiryRecordedAt: at }).where(inArray(recognitions.id, ids));
  }
}
