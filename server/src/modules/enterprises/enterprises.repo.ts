import { and, eq, fillPlaceholders, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { pgArray } from '../../db/bulk.js';
import { normaliseRows, type Executor } from '../../db/client.js';
import { builtOnce } from '../../db/prepared.js';
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
const dialect = new PgDialect();

/**
 * How many rows a list statement fetches: its LIMIT is written into the statement, one of a few sizes
 * (the page sizes the UI offers plus the look-ahead row, and the export's 500). With a literal limit
 * PostgreSQL soon keeps one generic plan of the prepared statement (the district × industry × id index
 * for every filter) instead of planning it again on every execution, as it does while the limit is a
 * parameter it cannot cost. A page asks for its rows + 1; the smallest size that holds them is fetched
 * and the rest dropped.
 */
const FETCH_SIZES = [21, 51, 101, 201, 501] as const;
function fetchSize(limit: number): number {
  const size = FETCH_SIZES.find((n) => n >= limit) ?? limit;
  if (!Number.isSafeInteger(size) || size < 1) {
    throw new RangeError(`list limit ${limit}`);
  }
  return size;
}

/**
 * A row of the list statement, by position in `listSelection`'s order. The values are the drivers'
 * own (integers as numbers, text, the date as its 'YYYY-MM-DD' text: Drizzle's parsers on both
 * drivers), which is what Drizzle's mapping of these columns gives (enterprises.list.test.ts).
 */
function toListRow(r: unknown[]): EnterpriseListRow {
  return {
    id: r[0],
    uscc: r[1],
    name: r[2],
    districtId: r[3],
    registeredOn: r[4],
    industry: r[5],
    size: r[6],
    employees: r[7],
    version: r[8],
    districtCode: r[9],
    districtName: r[10],
  } as EnterpriseListRow;
}
// toListRow reads the columns by position: the selection must list them in that order.
const LIST_ORDER = ['id', 'uscc', 'name', 'districtId', 'registeredOn', 'industry', 'size', 'employees', 'version', 'districtCode', 'districtName'];
if (Object.keys(listSelection).join() !== LIST_ORDER.join()) {
  throw new Error('enterprises.repo: listSelection and toListRow disagree on the column order');
}

interface ListStatement {
  execute(values: Record<string, unknown>): Promise<EnterpriseListRow[]>;
}

/**
 * The list statement of one shape (which filters are set, the scope's kind, sort, order, first or
 * later page, fetch size), with placeholders for every value. Conditions: scope and filters, then the
 * keyset. Its rows come back as arrays and are mapped by position (toListRow): Drizzle's generic row
 * mapping cost more per page than the rest of the handler.
 */
function listQuery(db: Executor, o: ListOptions, size: number): ListStatement {
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
  const select = db
    .select(listSelection)
    .from(enterprises)
    .innerJoin(districts, eq(districts.id, enterprises.districtId))
    .where(where && keyset ? and(where, keyset) : (where ?? keyset))
    .orderBy(...order);
  const query = dialect.sqlToQuery(sql`${select.getSQL()} limit ${sql.raw(String(size))}`);
  const client = (db._.session as unknown as { client?: Partial<PostgresJsClient> }).client;
  if (typeof client?.unsafe === 'function') {
    // postgres.js: the call Drizzle's prepared query makes (a named statement, rows as arrays), without
    // its four nested async layers per execution
    const { unsafe } = client as PostgresJsClient;
    return {
      execute: async (values) => {
        const rows = await unsafe.call(client, query.sql, fillPlaceholders(query.params, values), { prepare: true }).values();
        return rows.map(toListRow);
      },
    };
  }
  // PGlite: a named (prepared) statement whose rows arrive as arrays and go to toListRow, not to Drizzle's mapping
  return db._.session.prepareQuery(query, undefined, 'enterprise_list', true, (rows) => (rows as unknown[][]).map(toListRow)) as unknown as ListStatement;
}

/** The part of a postgres.js client the list statement uses. */
interface PostgresJsClient {
  unsafe(text: string, params: unknown[], options: { prepare: boolean }): { values(): Promise<unknown[][]> };
}

function shapeOf(o: ListOptions, size: number): string {
  const scope = o.scope === undefined ? 'all' : 'districtId' in o.scope ? 'district' : 'enterprise';
  return `${scope}:${o.q ? 'q' : ''}${o.districtId !== undefined ? 'd' : ''}${o.industry ? 'i' : ''}${o.size ? 's' : ''}:${o.sort}:${o.order}:${o.after ? 'after' : 'first'}:${size}`;
}

/** One keyset page: at most `limit` rows strictly after (value, id) in the requested order, never a count. */
export async function listPage(db: Executor, o: ListOptions): Promise<EnterpriseListRow[]> {
  const size = fetchSize(o.limit);
  // each shape (at most a few thousand, usually a few dozen) is built once per database handle
  const q = builtOnce(db, `enterprise_list:${shapeOf(o, size)}`, () => listQuery(db, o, size));
  const escaped = o.q ? likeEscape(o.q) : undefined;
  const rows = await q.execute({
    qName: escaped === undefined ? undefined : `%${escaped}%`,
    qUscc: escaped === undefined ? undefined : `${escaped.toUpperCase()}%`,
    districtId: o.districtId,
    industry: o.industry,
    size: o.size,
    scopeDistrictId: o.scope && 'districtId' in o.scope ? o.scope.districtId : undefined,
    scopeEnterpriseId: o.scope && 'enterpriseId' in o.scope ? o.scope.enterpriseId : undefined,
    afterValue: o.after?.value,
    afterId: o.after?.id,
  });
  return rows.length > o.limit ? rows.slice(0, o.limit) : rows;
}

function byIdQuery(db: Executor) {
  return db
    .select(selection)
    .from(enterprises)
    .innerJoin(districts, eq(districts.id, enterprises.districtId))
    .where(eq(enterprises.id, sql.placeholder('id')))
    .prepare('enterprise_by_id');
}

export async function findById(db: Executor, id: number, scope: SQL | undefined, forUpdate = false): Promise<EnterpriseWithDistrict | undefined> {
  if (!scope && !forUpdate) {
    // the bureau-wide read (no scope) is the hot path of the record page: built once per database handle
    const [row] = await builtOnce(db, 'enterprise_by_id', () => byIdQuery(db)).execute({ id });
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

/** The registry columns an import writes, in the order of `insertImported`'s statement. */
const IMPORT_COLUMNS = [
  ['uscc', 'text'],
  ['name', 'text'],
  ['districtId', 'int'],
  ['registeredOn', 'date'],
  ['industry', 'text'],
  ['size', 'text'],
  ['registeredCapital', 'bigint'],
  ['employees', 'int'],
  ['address', 'text'],
  ['website', 'text'],
  ['legalRepName', 'text'],
  ['legalRepIdEnc', 'text'],
  ['legalRepIdHash', 'text'],
  ['legalRepPhoneEnc', 'text'],
  ['legalRepPhoneHash', 'text'],
  ['contactName', 'text'],
  ['contactPhoneEnc', 'text'],
  ['contactPhoneHash', 'text'],
] as const satisfies readonly (readonly [keyof NewEnterpriseRow, string])[];

/**
 * One batch of imported enterprises and their timeline events in ONE statement: the rows go in as
 * one array per column (see db/bulk.ts), what is the same for the whole batch (creation time, the
 * event's title) as single parameters, and the new ids come back as two comma-joined strings
 * instead of a row per enterprise. A code already registered (another import, a form, meanwhile)
 * is skipped (ON CONFLICT DO NOTHING, which also makes the unique index the existence check) and
 * is missing from the answer, and so is its timeline event: the caller refuses the import then.
 * Timeline rows as `appendTimeline` writes them (module enterprises, kind imported, ref enterprise).
 */
export async function insertImported(
  tx: Executor,
  rows: readonly NewEnterpriseRow[],
  batch: { createdAt: Date; title: string },
): Promise<Map<string, number>> {
  if (rows.length === 0) {
    return new Map();
  }
  const at = batch.createdAt.toISOString();
  const arrays = sql.join(
    IMPORT_COLUMNS.map(([key, type]) => {
      const values = new Array<string | number | null | undefined>(rows.length);
      for (let i = 0; i < rows.length; i++) {
        values[i] = rows[i][key] as string | number | null | undefined;
      }
      return sql`${pgArray(values)}::${sql.raw(type)}[]`;
    }),
    sql`, `,
  );
  const result = await tx.execute(sql`
    with e as (
      insert into enterprises (uscc, name, district_id, registered_on, industry, size, registered_capital_fen, employees, address, website,
                               legal_rep_name, legal_rep_id_enc, legal_rep_id_hash, legal_rep_phone_enc, legal_rep_phone_hash,
                               contact_name, contact_phone_enc, contact_phone_hash, created_at, updated_at)
      select u.*, ${at}::timestamptz, ${at}::timestamptz from unnest(${arrays}) as u
      on conflict do nothing
      returning id, uscc
    ), t as (
      insert into timeline_events (enterprise_id, module, kind, title, ref_type, ref_id, occurred_at)
      select id, 'enterprises', 'imported', ${batch.title}, 'enterprise', id::text, ${at}::timestamptz from e
    )
    select coalesce(string_agg(id::text, ','), '') as ids, coalesce(string_agg(uscc, ','), '') as usccs from e`);
  const [row] = normaliseRows<{ ids: string; usccs: string }>(result);
  const out = new Map<string, number>();
  if (row && row.ids) {
    const ids = row.ids.split(',');
    const usccs = row.usccs.split(',');
    for (let i = 0; i < ids.length; i++) {
      out.set(usccs[i], Number(ids[i]));
    }
  }
  return out;
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
