import { and, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import { bulkInsert, pgArray } from '../../db/bulk.js';
import type { Executor } from '../../db/client.js';
import { districts, enterprises } from '../../db/schema/index.js';
import { likeEscape } from '../../lib/like.js';

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type NewEnterpriseRow = typeof enterprises.$inferInsert;
export type EnterpriseWithDistrict = EnterpriseRow & { districtCode: string; districtName: string };

const SORT_COLUMNS = { id: enterprises.id, name: enterprises.name, registeredOn: enterprises.registeredOn } as const;
export type SortKey = keyof typeof SORT_COLUMNS;


export interface ListFilter {
  q?: string;
  districtId?: number;
  industry?: string;
  size?: string;
}

export function filterCondition(f: ListFilter): SQL | undefined {
  const conds: SQL[] = [];
  if (f.q) {
    const q = likeEscape(f.q);
    conds.push(or(ilike(enterprises.name, `%${q}%`), like(enterprises.uscc, `${q.toUpperCase()}%`))!);
  }
  if (f.districtId !== undefined) {
    conds.push(eq(enterprises.districtId, f.districtId));
  }
  if (f.industry) {
    conds.push(eq(enterprises.industry, f.industry));
  }
  if (f.size) {
    conds.push(eq(enterprises.size, f.size as EnterpriseRow['size'] & string));
  }
  return conds.length ? and(...conds) : undefined;
}

const selection = { e: enterprises, districtCode: districts.code, districtName: districts.name };

/** What a list row needs: no PII, no free text, so lists stay cheap to fetch and encode. */
const listSelection = {
  id: enterprises.id,
  uscc: enterprises.uscc,
  name: enterprises.name,
  districtId: enterprises.districtId,
  registeredOn: enterprises.registeredOn,
  industry: enterprises.industry,
  size: enterprises.size,
  employees: enterprises.employees,
  version: enterprises.version,
  districtCode: districts.code,
  districtName: districts.name,
};
export type EnterpriseListRow = Pick<EnterpriseRow, 'id' | 'uscc' | 'name' | 'districtId' | 'registeredOn' | 'industry' | 'size' | 'employees' | 'version'> & {
  districtCode: string;
  districtName: string;
};

function flatten(r: { e: EnterpriseRow; districtCode: string; districtName: string }): EnterpriseWithDistrict {
  return { ...r.e, districtCode: r.districtCode, districtName: r.districtName };
}

/** One keyset page: rows strictly after (value, id) in the requested order, never a count. */
export async function listPage(
  db: Executor,
  opts: { where: SQL | undefined; sort: SortKey; order: 'asc' | 'desc'; after?: { value: string | number | null; id: number }; limit: number },
): Promise<EnterpriseListRow[]> {
  const col = SORT_COLUMNS[opts.sort];
  const dir = opts.order === 'asc' ? sql`asc` : sql`desc`;
  let keyset: SQL | undefined;
  if (opts.after) {
    const cmp = opts.order === 'asc' ? sql`>` : sql`<`;
    keyset =
      opts.sort === 'id'
        ? sql`${enterprises.id} ${cmp} ${opts.after.id}`
        : sql`(${col}, ${enterprises.id}) ${cmp} (${opts.after.value}, ${opts.after.id})`;
  }
  const where = opts.where && keyset ? and(opts.where, keyset) : (opts.where ?? keyset);
  const order = opts.sort === 'id' ? [sql`${enterprises.id} ${dir}`] : [sql`${col} ${dir}`, sql`${enterprises.id} ${dir}`];
  return db
    .select(listSelection)
    .from(enterprises)
    .innerJoin(districts, eq(districts.id, enterprises.districtId))
    .where(where)
    .orderBy(...order)
    .limit(opts.limit);
}

function byIdQuery(db: Executor) {
  return db
    .select(selection)
    .from(enterprises)
    .innerJoin(districts, eq(districts.id, enterprises.districtId))
    .where(eq(enterprises.id, sql.placeholder('id')))
    .prepare('enterprise_by_id');
}

// The bureau-wide read (no scope) is the hot path of the record page: build it once per database
// handle, as Drizzle's query building costs more CPU than the primary-key lookup itself.
const byIdQueries = new WeakMap<Executor, ReturnType<typeof byIdQuery>>();

export async function findById(db: Executor, id: number, scope: SQL | undefined, forUpdate = false): Promise<EnterpriseWithDistrict | undefined> {
  if (!scope && !forUpdate) {
    let q = byIdQueries.get(db);
    if (!q) {
      q = byIdQuery(db);
      byIdQueries.set(db, q);
    }
    const [row] = await q.execute({ id });
    return row ? flatten(row) : undefined;
  }
  const cond = scope ? and(eq(enterprises.id, id), scope) : eq(enterprises.id, id);
  const q = db.select(selection).from(enterprises).innerJoin(districts, eq(districts.id, enterprises.districtId)).where(cond);
  const rows = forUpdate ? await q.for('update', { of: enterprises }) : await q;
  return rows[0] ? flatten(rows[0]) : undefined;
}

/** The codes already in the registry; with `districtId`, only those registered in that district. One query however many. */
export async function existingUsccs(db: Executor, usccs: string[], districtId?: number): Promise<Set<string>> {
  if (usccs.length === 0) {
    return new Set();
  }
  const inList = sql`${enterprises.uscc} = any(${pgArray(usccs)}::text[])`;
  const rows = await db
    .select({ uscc: enterprises.uscc })
    .from(enterprises)
    .where(districtId === undefined ? inList : and(inList, eq(enterprises.districtId, districtId)));
  return new Set(rows.map((r) => r.uscc));
}

export async function insertMany(tx: Executor, rows: NewEnterpriseRow[]): Promise<EnterpriseRow[]> {
  const out: EnterpriseRow[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    out.push(...(await tx.insert(enterprises).values(rows.slice(i, i + 1000)).returning()));
  }
  return out;
}

/**
 * Inserts many new enterprises in one statement (see db/bulk.ts); what the database gave each, by
 * credit code. A code registered meanwhile is skipped, so it is missing from the answer.
 */
export async function insertBulk(tx: Executor, rows: NewEnterpriseRow[]): Promise<Map<string, { id: number; version: number }>> {
  const back = await bulkInsert(tx, enterprises, rows, { returning: { id: enterprises.id, uscc: enterprises.uscc, version: enterprises.version }, skipConflicts: true });
  return new Map(back.map((r) => [String(r.uscc), { id: Number(r.id), version: Number(r.version) }]));
}

/** Optimistic update: applies only if the version still matches; undefined means someone else won. */
export async function updateVersioned(tx: Executor, id: number, version: number, set: Partial<NewEnterpriseRow>): Promise<EnterpriseRow | undefined> {
  const rows = await tx
    .update(enterprises)
    .set({ ...set, updatedAt: new Date(), version: sql`${enterprises.version} + 1` })
    .where(and(eq(enterprises.id, id), eq(enterprises.version, version)))
    .returning();
  return rows[0];
}

export async function districtMap(db: Executor): Promise<Map<string, { id: number; code: string; name: string }>> {
  const rows = await db.select({ id: districts.id, code: districts.code, name: districts.name }).from(districts);
  const map = new Map<string, { id: number; code: string; name: string }>();
  for (const d of rows) {
    map.set(d.code, d);
    map.set(d.name, d);
    map.set(String(d.id), d);
    // "滨江区(高新区)" is also found as "滨江区"
    const short = d.name.replace(/[(（].*$/, '');
    if (!map.has(short)) {
      map.set(short, d);
    }
  }
  return map;
}
