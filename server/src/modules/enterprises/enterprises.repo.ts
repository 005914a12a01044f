import { and, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import { bulkInsert, pgArray } from '../../db/bulk.js';
import type { Executor } from '../../db/client.js';
import { districts, enterprises } from '../../db/schema/index.js';
import { likeEscape } from '../../lib/like.js';
import type { RegistryScope } from './enterprises.policy.js';

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type NewEnterpriseRow = typeof enterprises.$inferInsert;
export type EnterpriseWithDistrict = EnterpriseRow & { districtCode: string; districtName: string };

const SORT_COLUMNS = { id: enterprises.id, name: enterprises.name, registeredOn: enterprises.registeredOn } as const;
export type SortKey = keyof typeof SORT_COLUMNS;

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

export interface ListOptions {
  scope: RegistryScope;
  q?: string;
  districtId?: number;
  industry?: string;
  size?: string;
  sort: SortKey;
  order: 'asc' | 'desc';
  after?: { value: string | number | null; id: number };
  limit: number;
}

const p = sql.placeholder;

/**
 * The list query of one shape (which filters are set, the scope's kind, sort, order, first or later
 * page), with placeholders for every value. Conditions: scope and filters, then the keyset.
 */
function listQuery(db: Executor, o: ListOptions) {
  const conds: SQL[] = [];
  if (o.q) {
    conds.push(or(ilike(enterprises.name, p('qName')), like(enterprises.uscc, p('qUscc')))!);
  }
  if (o.districtId !== undefined) {
    conds.push(eq(enterprises.districtId, p('districtId')));
  }
  if (o.industry) {
    conds.push(eq(enterprises.industry, p('industry')));
  }
  if (o.size) {
    conds.push(eq(enterprises.size, p('size')));
  }
  const filter = conds.length ? and(...conds) : undefined;
  const scope =
    o.scope === undefined ? undefined : 'districtId' in o.scope ? eq(enterprises.districtId, p('scopeDistrictId')) : eq(enterprises.id, p('scopeEnterpriseId'));
  const where = scope && filter ? and(scope, filter) : (scope ?? filter);
  const col = SORT_COLUMNS[o.sort];
  const dir = o.order === 'asc' ? sql`asc` : sql`desc`;
  let keyset: SQL | undefined;
  if (o.after) {
    const cmp = o.order === 'asc' ? sql`>` : sql`<`;
    keyset = o.sort === 'id' ? sql`${enterprises.id} ${cmp} ${p('afterId')}` : sql`(${col}, ${enterprises.id}) ${cmp} (${p('afterValue')}, ${p('afterId')})`;
  }
  const order = o.sort === 'id' ? [sql`${enterprises.id} ${dir}`] : [sql`${col} ${dir}`, sql`${enterprises.id} ${dir}`];
  return db
    .select(listSelection)
    .from(enterprises)
    .innerJoin(districts, eq(districts.id, enterprises.districtId))
    .where(where && keyset ? and(where, keyset) : (where ?? keyset))
    .orderBy(...order)
    .limit(p('limit'))
    .prepare('enterprise_list');
}

function shapeOf(o: ListOptions): string {
  const scope = o.scope === undefined ? 'all' : 'districtId' in o.scope ? 'district' : 'enterprise';
  return `${scope}:${o.q ? 'q' : ''}${o.districtId !== undefined ? 'd' : ''}${o.industry ? 'i' : ''}${o.size ? 's' : ''}:${o.sort}:${o.order}:${o.after ? 'after' : 'first'}`;
}

// Building the query costs the app more CPU than running it: each shape (at most a few hundred,
// usually a few dozen) is built once per database handle and executed with its values.
const listQueries = new WeakMap<Executor, Map<string, ReturnType<typeof listQuery>>>();

/** One keyset page: rows strictly after (value, id) in the requested order, never a count. */
export async function listPage(db: Executor, o: ListOptions): Promise<EnterpriseListRow[]> {
  let byShape = listQueries.get(db);
  if (!byShape) {
    byShape = new Map();
    listQueries.set(db, byShape);
  }
  const shape = shapeOf(o);
  let q = byShape.get(shape);
  if (!q) {
    q = listQuery(db, o);
    byShape.set(shape, q);
  }
  const escaped = o.q ? likeEscape(o.q) : undefined;
  return q.execute({
    qName: escaped === undefined ? undefined : `%${escaped}%`,
    qUscc: escaped === undefined ? undefined : `${escaped.toUpperCase()}%`,
    districtId: o.districtId,
    industry: o.industry,
    size: o.size,
    scopeDistrictId: o.scope && 'districtId' in o.scope ? o.scope.districtId : undefined,
    scopeEnterpriseId: o.scope && 'enterpriseId' in o.scope ? o.scope.enterpriseId : undefined,
    afterValue: o.after?.value,
    afterId: o.after?.id,
    limit: o.limit,
  });
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
