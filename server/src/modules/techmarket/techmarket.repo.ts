import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { runPrepared } from '../../db/prepared.js';
import { districts, organizations } from '../../db/schema/orgs.js';
import {
  tmAuctions,
  tmBids,
  tmContractRegistrations,
  tmDeals,
  tmListings,
  tmNotifications,
  tmRegistrationRules,
  tmSubscriptions,
} from '../../db/schema/techmarket.js';

export type ListingRow = typeof tmListings.$inferSelect;
export type NewListingRow = typeof tmListings.$inferInsert;
export type DealRow = typeof tmDeals.$inferSelect;
export type RegistrationRow = typeof tmContractRegistrations.$inferSelect;
export type AuctionRow = typeof tmAuctions.$inferSelect;
export type RuleRow = typeof tmRegistrationRules.$inferSelect;

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (((result as { rows?: T[] }).rows ?? []) as T[]);
}
async function raw<T>(db: Executor, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

// ---------- listings ----------

/** Literal, not a parameter: the partial indexes (WHERE status = 'approved') must match the plan. */
const APPROVED = sql`${tmListings.status} = 'approved'`;

const listingSelection = {
  id: tmListings.id,
  kind: tmListings.kind,
  title: tmListings.title,
  description: tmListings.description,
  domain: tmListings.domain,
  maturity: tmListings.maturity,
  priceMode: tmListings.priceMode,
  priceFen: tmListings.priceFen,
  districtId: tmListings.districtId,
  districtName: districts.name,
  organizationId: tmListings.organizationId,
  ownerName: tmListings.ownerName,
  status: tmListings.status,
  reviewedAt: tmListings.reviewedAt,
};
export type ListingListRow = {
  id: number;
  kind: ListingRow['kind'];
  title: string;
  description: string;
  domain: string;
  maturity: number | null;
  priceMode: ListingRow['priceMode'];
  priceFen: number | null;
  districtId: number | null;
  districtName: string | null;
  organizationId: number;
  ownerName: string;
  status: ListingRow['status'];
  reviewedAt: Date | null;
};

export interface PublicFilter {
  kind?: string;
  domain?: string;
  districtId?: number;
}

function publicFilter(f: PublicFilter): SQL[] {
  const conds: SQL[] = [APPROVED];
  if (f.kind) {
    conds.push(sql`${tmListings.kind} = ${f.kind}`);
  }
  if (f.domain) {
    conds.push(sql`${tmListings.domain} = ${f.domain}`);
  }
  if (f.districtId !== undefined) {
    conds.push(sql`${tmListings.districtId} = ${f.districtId}`);
  }
  return conds;
}

/**
 * How a text search finds a tier's newest matches without counting them first: it walks the
 * newest approved rows of the filter in windows (FIRST_WINDOW_ROWS, then as many as the density
 * seen so far says a page needs, up to MAX_SCAN_ROWS in all), testing each row; what the windows
 * did not fill, the GIN index finds below the last window (all matches there, top-N by id). A
 * common or two-character term fills its page in the first window: one statement returns the
 * page's listing rows. A term that no row of the first window holds in any tier is rare: both
 * tiers come from the GIN index in one statement. The result is the same set and order either
 * way: the newest matches, id descending.
 */
export const FIRST_WINDOW_ROWS = 4000;
/**
 * The rows the rare test reads (title and description from the ~2 KB heap rows), at the top of the
 * first window. A term with fewer than ~2,000 matches in 1M rows costs fewer heap pages through
 * the index (one per match) than through windows (~5 rows per page, 21 / density rows).
 */
export const PROBE_ROWS = 1000;
const MIN_WINDOW_ROWS = 2000;
export const MAX_SCAN_ROWS = 40_000;

/**
 * A tier's condition, two ways: `tsquery` (the index's terms, exact) and, when every term is a run
 * of two or more Han characters, `han`: the same condition as substrings of the stored
 * title/description (Han compatibility characters folded on write), which the windows test without reading the tsvector (the index holds every
 * two-character piece of each Han run, so such a term's phrase matches exactly where it is a
 * substring; texts are short enough that no position is cut off).
 */
export interface TierMatch {
  tsquery: string;
  exclude?: string;
  /** title: every term in the title (tier 1); rest: every term somewhere, not all in the title (tier 2); any: every term somewhere */
  han?: { terms: string[]; part: 'title' | 'rest' | 'any' };
}

/** Over a window's rows: stored text has its Han compatibility characters folded (foldHanCompatibility), as the index reads it. */
function hanCondition(han: NonNullable<TierMatch['han']>): SQL {
  const inTitle = han.terms.map((t) => sql`strpos(title, ${t}) > 0`);
  if (han.part === 'title') {
    return sql.join(inTitle, sql` and `);
  }
  const anywhere = sql.join(
    han.terms.map((t) => sql`(strpos(title, ${t}) > 0 or strpos(description, ${t}) > 0)`),
    sql` and `,
  );
  return han.part === 'any' ? anywhere : sql`${anywhere} and not (${sql.join(inTitle, sql` and `)})`;
}

function windowCondition(m: TierMatch): SQL {
  if (m.han) {
    return hanCondition(m.han);
  }
  return m.exclude ? sql`search_vector @@ ${m.tsquery}::tsquery and not (search_vector @@ ${m.exclude}::tsquery)` : sql`search_vector @@ ${m.tsquery}::tsquery`;
}

/**
 * A row count written into the statement, not sent as a parameter: with the limits known, the
 * plan of a prepared window statement costs the same generic or custom, so PostgreSQL keeps the
 * generic plan after five runs and stops planning it (window sizes are whole thousands, so the
 * texts stay few).
 */
const lit = (n: number) => sql.raw(String(Math.trunc(n)));

const below = (beforeId: number | undefined) => (beforeId === undefined ? sql`` : sql` and id < ${beforeId}`);

/** The newest `size` rows of the filter below `beforeId`, with only the columns a window tests. */
function windowRows(filter: SQL, m: TierMatch, beforeId: number | undefined, size: number): SQL {
  // a title-only window reads tm_listings_approved_title_idx alone (index-only scan: id and title)
  const columns = m.han ? (m.han.part === 'title' ? sql`id, title` : sql`id, title, description`) : sql`id, search_vector`;
  return sql`select ${columns} from tm_listings where ${filter}${below(beforeId)} order by id desc limit ${lit(size)}`;
}

/** The columns of a list row, from tm_listings l left join districts d. */
const LIST_COLUMNS = sql`l.id, l.kind, l.title, l.description, l.domain, l.maturity, l.price_mode, l.price_fen, l.district_id,
  d.name as district_name, l.organization_id, l.owner_name, l.status, l.reviewed_at`;
type RawListRow = Record<string, unknown> & { id: number | null };

function toListRow(r: RawListRow): ListingListRow {
  return {
    id: Number(r.id),
    kind: r.kind as ListingListRow['kind'],
    title: r.title as string,
    description: r.description as string,
    domain: r.domain as string,
    maturity: r.maturity === null ? null : Number(r.maturity),
    priceMode: r.price_mode as ListingListRow['priceMode'],
    priceFen: r.price_fen === null ? null : Number(r.price_fen),
    districtId: r.district_id === null ? null : Number(r.district_id),
    districtName: r.district_name as string | null,
    organizationId: Number(r.organization_id),
    ownerName: r.owner_name as string,
    status: r.status as ListingListRow['status'],
    reviewedAt: r.reviewed_at === null ? null : new Date(r.reviewed_at as string | Date),
  };
}

/**
 * One window, one prepared statement (one round trip: db/prepared.ts): the listing rows of the newest `want` matches among the next `size`
 * rows below `beforeId` (the walk stops at the `want`-th match). Only when the window does not
 * fill does the same statement say where it ended (`floor`, rows `n`) and, with `probe`, whether
 * any of its top PROBE_ROWS rows matches `probe` at all.
 */
async function scanWindow(db: Executor, filter: SQL, m: TierMatch, beforeId: number | undefined, size: number, want: number, probe?: TierMatch) {
  const seen = probe
    ? sql`(select count(*) from hits) > 0 or exists (select 1 from (${windowRows(filter, probe, beforeId, Math.min(size, PROBE_ROWS))}) p where ${windowCondition(probe)})`
    : sql`true`;
  const rows = await runPrepared<RawListRow & { floor: number | null; n: number | null; seen: boolean | null }>(
    db,
    'tm_search_window',
    sql`with hits as (select id from (${windowRows(filter, m, beforeId, size)}) w where ${windowCondition(m)} order by id desc limit ${lit(want)})
      select ${LIST_COLUMNS}, null::int as floor, null::int as n, null::boolean as seen
        from hits h join tm_listings l on l.id = h.id left join districts d on d.id = l.district_id
      union all
      select ${sql.raw(Array(14).fill('null').join(', '))}, e.floor, e.n, ${seen}
        from (select min(id) as floor, count(*)::int as n from (select id from tm_listings where ${filter}${below(beforeId)} order by id desc limit ${lit(size)}) x) e
        where (select count(*) from hits) < ${lit(want)}`,
  );
  const end = rows.find((r) => r.id === null);
  const hits = rows
    .filter((r) => r.id !== null)
    .map(toListRow)
    .sort((a, b) => b.id - a.id);
  if (!end) {
    return { rows: hits, n: size, floor: hits[hits.length - 1].id, seen: true };
  }
  return { rows: hits, n: Number(end.n), floor: end.floor === null ? undefined : Number(end.floor), seen: end.seen !== false };
}

/** Through the GIN index: the listing rows of the newest `want` matches below `beforeId` (ordering by id + 0 keeps the planner off the id index). */
async function indexMatches(db: Executor, filter: SQL, m: TierMatch, beforeId: number | undefined, want: number): Promise<ListingListRow[]> {
  const conds = [filter, sql`search_vector @@ ${m.tsquery}::tsquery`];
  if (m.exclude) {
    conds.push(sql`not (search_vector @@ ${m.exclude}::tsquery)`);
  }
  if (beforeId !== undefined) {
    conds.push(sql`id < ${beforeId}`);
  }
  const rows = await runPrepared<RawListRow>(
    db,
    'tm_search_index',
    sql`select ${LIST_COLUMNS} from (select id from tm_listings where ${sql.join(conds, sql` and `)} order by id + 0 desc limit ${want}) m
      join tm_listings l on l.id = m.id left join districts d on d.id = l.district_id order by l.id desc`,
  );
  return rows.map(toListRow);
}

/**
 * The listing rows of the newest `want` approved listings below `beforeId` that satisfy a tier's
 * match. With `probe` (the any-tier match), a first window in which no row matches `probe` ends
 * the walk at once with `rare: true` (the caller asks the index for both tiers: searchRare).
 */
export async function searchTier(
  db: Executor,
  opts: PublicFilter & { match: TierMatch; beforeId?: number; want: number; probe?: TierMatch },
): Promise<{ rows: ListingListRow[]; rare: boolean }> {
  const filter = sql.join(publicFilter(opts), sql` and `);
  const rows: ListingListRow[] = [];
  let before = opts.beforeId;
  let scanned = 0;
  let size = FIRST_WINDOW_ROWS;
  for (;;) {
    const w = await scanWindow(db, filter, opts.match, before, size, opts.want - rows.length, scanned ? undefined : opts.probe);
    if (!w.seen) {
      return { rows: [], rare: true };
    }
    rows.push(...w.rows);
    scanned += w.n;
    if (rows.length >= opts.want || w.n < size || w.floor === undefined) {
      return { rows, rare: false };
    }
    before = w.floor;
    // rows still needed at the density seen so far, with half again for luck
    const needed = rows.length ? Math.ceil(((opts.want - rows.length) * scanned * 1.5) / rows.length) : Infinity;
    if (scanned + needed > MAX_SCAN_ROWS) {
      break;
    }
    size = Math.min(Math.max(MIN_WINDOW_ROWS, Math.ceil(needed / 1000) * 1000), MAX_SCAN_ROWS - scanned);
  }
  return { rows: [...rows, ...(await indexMatches(db, filter, opts.match, before, opts.want - rows.length))], rare: false };
}

/**
 * A rare term, both tiers from the GIN index in one statement: every match of `any` (after the
 * cursor), tier 1 where `inTitle` also matches, ordered tier first, then newest first.
 */
export async function searchRare(
  db: Executor,
  opts: PublicFilter & { any: string; inTitle: string; after?: { tier: 1 | 2; id: number }; want: number },
): Promise<(ListingListRow & { tier: 1 | 2 })[]> {
  const filter = sql.join(publicFilter(opts), sql` and `);
  const a = opts.after;
  const cursor = !a ? sql`` : a.tier === 1 ? sql` and (tier = 2 or id < ${a.id})` : sql` and tier = 2 and id < ${a.id}`;
  const rows = await runPrepared<RawListRow & { tier: number }>(
    db,
    'tm_search_rare',
    sql`select ${LIST_COLUMNS}, m.tier from (
        select id, tier from (
          select id, case when search_vector @@ ${opts.inTitle}::tsquery then 1 else 2 end as tier
          from tm_listings where ${filter} and search_vector @@ ${opts.any}::tsquery) t
        where true${cursor} order by tier, id desc limit ${opts.want}) m
      join tm_listings l on l.id = m.id left join districts d on d.id = l.district_id order by m.tier, l.id desc`,
  );
  return rows.map((r) => ({ ...toListRow(r), tier: Number(r.tier) === 1 ? 1 : 2 }));
}

/** One page of approved listings without a text query, newest first. */
export async function latestApproved(db: Executor, opts: PublicFilter & { beforeId?: number; limit: number }): Promise<ListingListRow[]> {
  const conds = publicFilter(opts);
  if (opts.beforeId !== undefined) {
    conds.push(sql`${tmListings.id} < ${opts.beforeId}`);
  }
  return db
    .select(listingSelection)
    .from(tmListings)
    .leftJoin(districts, eq(districts.id, tmListings.districtId))
    .where(and(...conds))
    .orderBy(desc(tmListings.id))
    .limit(opts.limit);
}

/** The SQL of the GIN path of a search page, for EXPLAIN in tests and the benchmark. */
export function searchSql(match: string): SQL {
  return sql`select id from tm_listings where status = 'approved' and search_vector @@ ${match}::tsquery order by id + 0 desc limit 21`;
}

export async function explain(db: Executor, query: SQL): Promise<string> {
  const rows = await raw<Record<string, string>>(db, sql`explain ${query}`);
  return rows.map((r) => Object.values(r)[0]).join('\n');
}

export async function listByScope(db: Executor, opts: { where: SQL | undefined; beforeId?: number; limit: number }): Promise<ListingListRow[]> {
  const conds: SQL[] = [];
  if (opts.where) {
    conds.push(opts.where);
  }
  if (opts.beforeId !== undefined) {
    conds.push(sql`${tmListings.id} < ${opts.beforeId}`);
  }
  return db
    .select(listingSelection)
    .from(tmListings)
    .leftJoin(districts, eq(districts.id, tmListings.districtId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(tmListings.id))
    .limit(opts.limit);
}

export async function findListing(db: Executor, id: number, forUpdate = false): Promise<(ListingRow & { districtName: string | null }) | undefined> {
  const q = db
    .select({ l: tmListings, districtName: districts.name })
    .from(tmListings)
    .leftJoin(districts, eq(districts.id, tmListings.districtId))
    .where(eq(tmListings.id, id));
  const rows = forUpdate ? await q.for('update', { of: tmListings }) : await q;
  return rows[0] ? { ...rows[0].l, districtName: rows[0].districtName } : undefined;
}

export async function insertListing(tx: Executor, row: NewListingRow): Promise<ListingRow> {
  const [r] = await tx.insert(tmListings).values(row).returning();
  return r;
}

export async function insertListings(tx: Executor, rows: NewListingRow[]): Promise<{ id: number }[]> {
  const out: { id: number }[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    out.push(...(await tx.insert(tmListings).values(rows.slice(i, i + 500)).returning({ id: tmListings.id })));
  }
  return out;
}

export async function updateListing(tx: Executor, id: number, set: Partial<NewListingRow>, version?: number): Promise<ListingRow | undefined> {
  const cond = version === undefined ? eq(tmListings.id, id) : and(eq(tmListings.id, id), eq(tmListings.version, version));
  const rows = await tx
    .update(tmListings)
    .set({ ...set, updatedAt: new Date(), version: sql`${tmListings.version} + 1` })
    .where(cond)
    .returning();
  return rows[0];
}

/** Candidates for matching: approved listings of the other kind, scored in SQL. */
export async function matchCandidates(
  db: Executor,
  opts: { id: number; kind: string; anyWords: string | null; domain: string; districtId: number | null; limit: number },
): Promise<(ListingListRow & { score: number; textScore: number })[]> {
  const text = opts.anyWords ? sql`ts_rank(${tmListings.searchVector}, ${opts.anyWords}::tsquery)` : sql`0`;
  const hit = opts.anyWords ? sql`${tmListings.searchVector} @@ ${opts.anyWords}::tsquery` : sql`false`;
  const score = sql<number>`(${text} * 2 + case when ${tmListings.domain} = ${opts.domain} then 0.3 else 0 end + case when ${tmListings.districtId} = ${opts.districtId ?? -1} then 0.1 else 0 end)::float8`;
  return db
    .select({ ...listingSelection, score, textScore: sql<number>`(${text})::float8` })
    .from(tmListings)
    .leftJoin(districts, eq(districts.id, tmListings.districtId))
    .where(and(APPROVED, sql`${tmListings.kind} = ${opts.kind}`, sql`${tmListings.id} <> ${opts.id}`, sql`(${hit} or ${tmListings.domain} = ${opts.domain})`))
    .orderBy(sql`${score} desc`, desc(tmListings.id))
    .limit(opts.limit);
}

// ---------- subscriptions & notifications ----------

export async function listSubscriptions(db: Executor, userId: number) {
  return db.select().from(tmSubscriptions).where(and(eq(tmSubscriptions.userId, userId), eq(tmSubscriptions.active, true))).orderBy(desc(tmSubscriptions.id));
}

export async function insertSubscription(tx: Executor, row: typeof tmSubscriptions.$inferInsert) {
  const [r] = await tx.insert(tmSubscriptions).values(row).returning();
  return r;
}

export async function deactivateSubscription(tx: Executor, id: number, userId: number) {
  const rows = await tx
    .update(tmSubscriptions)
    .set({ active: false })
    .where(and(eq(tmSubscriptions.id, id), eq(tmSubscriptions.userId, userId), eq(tmSubscriptions.active, true)))
    .returning();
  return rows[0];
}

/** Active subscriptions whose kind/domain filters accept a listing (the text check follows). */
export async function subscriptionsFor(db: Executor, l: { kind: string; domain: string; organizationId: number }) {
  return db
    .select()
    .from(tmSubscriptions)
    .where(
      and(
        eq(tmSubscriptions.active, true),
        sql`${tmSubscriptions.organizationId} <> ${l.organizationId}`,
        sql`(${tmSubscriptions.kind} is null or ${tmSubscriptions.kind} = ${l.kind})`,
        sql`(${tmSubscriptions.domain} is null or ${tmSubscriptions.domain} = ${l.domain})`,
      ),
    );
}

export async function listingMatches(db: Executor, listingId: number, tsq: string): Promise<boolean> {
  const rows = await raw<{ ok: boolean }>(db, sql`select (search_vector @@ ${tsq}::tsquery) as ok from tm_listings where id = ${listingId}`);
  return rows[0]?.ok === true;
}

export async function insertNotifications(tx: Executor, rows: (typeof tmNotifications.$inferInsert)[]) {
  if (rows.length === 0) {
    return [];
  }
  return tx.insert(tmNotifications).values(rows).onConflictDoNothing().returning({ id: tmNotifications.id });
}

export async function listNotifications(db: Executor, userId: number, limit: number) {
  const items = await db.select().from(tmNotifications).where(eq(tmNotifications.userId, userId)).orderBy(desc(tmNotifications.id)).limit(limit);
  const [u] = await raw<{ n: number }>(db, sql`select count(*)::int as n from tm_notifications where user_id = ${userId} and read_at is null`);
  return { items, unread: Number(u?.n ?? 0) };
}

export async function markNotificationRead(tx: Executor, id: number, userId: number) {
  const rows = await tx
    .update(tmNotifications)
    .set({ readAt: new Date() })
    .where(and(eq(tmNotifications.id, id), eq(tmNotifications.userId, userId)))
    .returning();
  return rows[0];
}

// ---------- rules ----------

export async function listRules(db: Executor): Promise<RuleRow[]> {
  return db.select().from(tmRegistrationRules).orderBy(desc(tmRegistrationRules.version));
}

export async function insertRule(tx: Executor, row: Omit<typeof tmRegistrationRules.$inferInsert, 'version'>): Promise<RuleRow> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tm_registration_rules'))`);
  const [m] = await raw<{ v: number }>(tx, sql`select coalesce(max(version), 0)::int as v from tm_registration_rules`);
  const [r] = await tx
    .insert(tmRegistrationRules)
    .values({ ...row, version: Number(m.v) + 1 })
    .returning();
  return r;
}

// ---------- deals ----------

/** A column of the rule in force on the signing date (latest version effective by then, else v1). */
const ruleCol = (col: 'deadline_days' | 'at_risk_days') =>
  sql<number>`(select r.${sql.raw(col)} from tm_registration_rules r
    where r.effective_from <= ${tmDeals.signedOn} or r.version = 1
    order by (r.effective_from <= ${tmDeals.signedOn}) desc, r.version desc limit 1)`;

const dealSelection = {
  d: tmDeals,
  districtName: districts.name,
  registrationId: tmContractRegistrations.id,
  registrationStatus: tmContractRegistrations.status,
  ruleDeadlineDays: ruleCol('deadline_days'),
  ruleAtRiskDays: ruleCol('at_risk_days'),
};
export type DealListRow = {
  d: DealRow;
  districtName: string;
  registrationId: number | null;
  registrationStatus: RegistrationRow['status'] | null;
  ruleDeadlineDays: number;
  ruleAtRiskDays: number;
};

export async function listDeals(
  db: Executor,
  opts: { where: SQL | undefined; atRiskOn?: string; beforeId?: number; limit: number },
): Promise<DealListRow[]> {
  const conds: SQL[] = [];
  if (opts.where) {
    conds.push(opts.where);
  }
  if (opts.beforeId !== undefined) {
    conds.push(sql`${tmDeals.id} < ${opts.beforeId}`);
  }
  if (opts.atRiskOn) {
    conds.push(
      sql`(${tmContractRegistrations.id} is null or ${tmContractRegistrations.status} = 'returned') and (${tmDeals.signedOn} + ${ruleCol('deadline_days')}) - ${opts.atRiskOn}::date <= ${ruleCol('at_risk_days')}`,
    );
  }
  const rows = await db
    .select(dealSelection)
    .from(tmDeals)
    .innerJoin(districts, eq(districts.id, tmDeals.districtId))
    .leftJoin(tmContractRegistrations, eq(tmContractRegistrations.dealId, tmDeals.id))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(tmDeals.id))
    .limit(opts.limit);
  return rows as unknown as DealListRow[];
}

export async function findDeal(db: Executor, id: number, scope: SQL | undefined): Promise<DealListRow | undefined> {
  const rows = await listDeals(db, { where: scope ? and(eq(tmDeals.id, id), scope) : eq(tmDeals.id, id), limit: 1 });
  return rows[0];
}

export async function insertDeals(tx: Executor, rows: (typeof tmDeals.$inferInsert)[]): Promise<DealRow[]> {
  const out: DealRow[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    out.push(...(await tx.insert(tmDeals).values(rows.slice(i, i + 1000)).returning()));
  }
  return out;
}

export async function orgInfo(db: Executor, orgId: number) {
  const rows = await db.select().from(organizations).where(eq(organizations.id, orgId));
  return rows[0];
}

// ---------- registrations ----------

const registrationSelection = { r: tmContractRegistrations, districtName: districts.name, domain: tmDeals.domain, districtCode: districts.code };
export type RegistrationListRow = { r: RegistrationRow; districtName: string; domain: string; districtCode: string };

export async function listRegistrations(
  db: Executor,
  opts: { where: SQL | undefined; status?: string; beforeId?: number; limit: number },
): Promise<RegistrationListRow[]> {
  const conds: SQL[] = [];
  if (opts.where) {
    conds.push(opts.where);
  }
  if (opts.status) {
    conds.push(sql`${tmContractRegistrations.status} = ${opts.status}`);
  }
  if (opts.beforeId !== undefined) {
    conds.push(sql`${tmContractRegistrations.id} < ${opts.beforeId}`);
  }
  return db
    .select(registrationSelection)
    .from(tmContractRegistrations)
    .innerJoin(tmDeals, eq(tmDeals.id, tmContractRegistrations.dealId))
    .innerJoin(districts, eq(districts.id, tmDeals.districtId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(tmContractRegistrations.id))
    .limit(opts.limit);
}

export async function findRegistration(db: Executor, id: number, scope: SQL | undefined, forUpdate = false): Promise<(RegistrationListRow & { sellerOrgId: number | null }) | undefined> {
  const q = db
    .select({ ...registrationSelection, sellerOrgId: tmDeals.sellerOrgId })
    .from(tmContractRegistrations)
    .innerJoin(tmDeals, eq(tmDeals.id, tmContractRegistrations.dealId))
    .innerJoin(districts, eq(districts.id, tmDeals.districtId))
    .where(scope ? and(eq(tmContractRegistrations.id, id), scope) : eq(tmContractRegistrations.id, id));
  const rows = forUpdate ? await q.for('update', { of: tmContractRegistrations }) : await q;
  return rows[0];
}

export async function findRegistrationByDeal(db: Executor, dealId: number): Promise<RegistrationRow | undefined> {
  const rows = await db.select().from(tmContractRegistrations).where(eq(tmContractRegistrations.dealId, dealId)).for('update');
  return rows[0];
}

export async function insertRegistrations(tx: Executor, rows: (typeof tmContractRegistrations.$inferInsert)[]): Promise<RegistrationRow[]> {
  const out: RegistrationRow[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    out.push(...(await tx.insert(tmContractRegistrations).values(rows.slice(i, i + 1000)).returning()));
  }
  return out;
}

/** Transition guarded by the expected status: undefined means someone else moved it first. */
export async function updateRegistration(
  tx: Executor,
  id: number,
  fromStatus: RegistrationRow['status'],
  set: Partial<typeof tmContractRegistrations.$inferInsert>,
): Promise<RegistrationRow | undefined> {
  const rows = await tx
    .update(tmContractRegistrations)
    .set({ ...set, updatedAt: new Date(), version: sql`${tmContractRegistrations.version} + 1` })
    .where(and(eq(tmContractRegistrations.id, id), eq(tmContractRegistrations.status, fromStatus)))
    .returning();
  return rows[0];
}

/** Next serial of registration numbers in a year; callers hold the per-year advisory lock. */
export async function nextRegistrationSerial(tx: Executor, year: number): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tm_registration_no'), ${year})`);
  const [r] = await raw<{ n: number }>(
    tx,
    sql`select count(*)::int as n from tm_contract_registrations where registration_no like ${`${year}%`}`,
  );
  return Number(r.n) + 1;
}

// ---------- auctions ----------

export async function insertAuction(tx: Executor, row: typeof tmAuctions.$inferInsert): Promise<AuctionRow> {
  const [r] = await tx.insert(tmAuctions).values(row).returning();
  return r;
}

export async function listAuctions(db: Executor, limit: number): Promise<AuctionRow[]> {
  return db
    .select()
    .from(tmAuctions)
    .where(sql`${tmAuctions.status} <> 'cancelled'`)
    .orderBy(sql`case when ${tmAuctions.status} = 'open' then 0 else 1 end`, asc(tmAuctions.endsAt))
    .limit(limit);
}

export async function findAuction(db: Executor, id: number, forUpdate = false): Promise<AuctionRow | undefined> {
  const q = db.select().from(tmAuctions).where(eq(tmAuctions.id, id));
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0];
}

export async function openAuctionForListing(db: Executor, listingId: number): Promise<AuctionRow | undefined> {
  const rows = await db.select().from(tmAuctions).where(and(eq(tmAuctions.listingId, listingId), sql`${tmAuctions.status} in ('open','sold')`)).orderBy(desc(tmAuctions.id)).limit(1);
  return rows[0];
}

/**
 * The bid itself, as one conditional UPDATE: it applies only while the auction is open at `at`,
 * the bidder is not the seller, and the amount is at least the starting price (first bid) or
 * the current price plus the increment. Concurrent bids serialise on the row lock and each is
 * re-checked against the winner's new price, so two last-second bids of the same amount cannot
 * both win. A bid inside the extension window pushes the end out (anti-sniping).
 */
export async function placeBid(
  tx: Executor,
  opts: { auctionId: number; bidderOrgId: number; amountFen: number; at: Date },
): Promise<{ endsAt: Date; extended: boolean; bidCount: number } | undefined> {
  const at = opts.at.toISOString();
  const rows = await raw<{ ends_at: string | Date; extended: boolean; bid_count: number }>(
    tx,
    sql`update tm_auctions a set
          current_price_fen = ${opts.amountFen},
          current_bidder_org_id = ${opts.bidderOrgId},
          bid_count = a.bid_count + 1,
          ends_at = case when a.ends_at - ${at}::timestamptz <= make_interval(secs => a.extension_window_seconds)
                         then greatest(a.ends_at, ${at}::timestamptz + make_interval(secs => a.extension_seconds))
                         else a.ends_at end
        from (select id, ends_at as old_ends_at from tm_auctions where id = ${opts.auctionId}) old
        where a.id = old.id
          and a.status = 'open'
          and ${at}::timestamptz >= a.starts_at
          and ${at}::timestamptz < a.ends_at
          and a.seller_org_id <> ${opts.bidderOrgId}
          and (case when a.current_price_fen is null then ${opts.amountFen} >= a.starting_price_fen
                    else ${opts.amountFen} >= a.current_price_fen + a.increment_fen end)
        returning a.ends_at, (a.ends_at <> old.old_ends_at) as extended, a.bid_count`,
  );
  const r = rows[0];
  return r ? { endsAt: new Date(r.ends_at), extended: r.extended, bidCount: Number(r.bid_count) } : undefined;
}

export async function insertBid(tx: Executor, row: typeof tmBids.$inferInsert) {
  await tx.insert(tmBids).values(row);
}

export async function listBids(db: Executor, auctionId: number) {
  return db
    .select({ id: tmBids.id, bidderOrgId: tmBids.bidderOrgId, amountFen: tmBids.amountFen, placedAt: tmBids.placedAt, extended: tmBids.extended })
    .from(tmBids)
    .where(eq(tmBids.auctionId, auctionId))
    .orderBy(desc(tmBids.id))
    .limit(200);
}

export async function closeAuction(tx: Executor, id: number, status: 'sold' | 'unsold', at: Date, dealId: number | null): Promise<AuctionRow | undefined> {
  const rows = await tx
    .update(tmAuctions)
    .set({ status, closedAt: at, dealId })
    .where(and(eq(tmAuctions.id, id), eq(tmAuctions.status, 'open'), sql`${tmAuctions.endsAt} <= ${at.toISOString()}::timestamptz`))
    .returning();
  return rows[0];
}

// ---------- statistics ----------

export interface StatBucketRow {
  key: string;
  deals: number;
  amount: number;
  income: number;
}

const STAT_GROUPS = {
  district: sql`d.district_id::text`,
  type: sql`r.contract_type`,
  domain: sql`d.domain`,
  month: sql`to_char(r.registered_on, 'MM')`,
  year: sql`to_char(r.registered_on, 'YYYY')`,
} as const;

/** Registered contracts grouped by one dimension; the year filter is on the registration date. */
export async function statBuckets(db: Executor, opts: { group: keyof typeof STAT_GROUPS; year?: number; districtId?: number }): Promise<StatBucketRow[]> {
  const conds: SQL[] = [sql`r.status = 'registered'`];
  if (opts.year !== undefined) {
    conds.push(sql`r.registered_on >= ${`${opts.year}-01-01`}::date and r.registered_on < ${`${opts.year + 1}-01-01`}::date`);
  }
  if (opts.districtId !== undefined) {
    conds.push(sql`d.district_id = ${opts.districtId}`);
  }
  const key = STAT_GROUPS[opts.group];
  const rows = await raw<{ key: string; deals: number; amount: number; income: number }>(
    db,
    sql`select ${key} as key, count(*)::int as deals, coalesce(sum(r.amount_fen), 0)::float8 as amount,
               coalesce(sum(r.technical_income_fen), 0)::float8 as income
        from tm_contract_registrations r join tm_deals d on d.id = r.deal_id
        where ${sql.join(conds, sql` and `)}
        group by 1 order by 1`,
  );
  return rows.map((r) => ({ key: String(r.key), deals: Number(r.deals), amount: Number(r.amount), income: Number(r.income) }));
}

export async function districtNames(db: Executor): Promise<Map<number, { name: string; code: string }>> {
  const rows = await db.select({ id: districts.id, name: districts.name, code: districts.code }).from(districts).orderBy(asc(districts.sortOrder));
  return new Map(rows.map((r) => [r.id, { name: r.name, code: r.code }]));
}

export async function districtIdByRef(db: Executor, ref: string): Promise<number | undefined> {
  const t = ref.trim();
  const rows = await raw<{ id: number }>(
    db,
    sql`select id from districts where code = ${t} or name = ${t} or regexp_replace(name, '[(（].*$', '') = ${t} limit 1`,
  );
  return rows[0] ? Number(rows[0].id) : undefined;
}

// ---------- bulk loading (demo seed and benchmark) ----------

/**
 * Loads deals with their registered contracts in two statements (JSON → rows in the database),
 * with ids chosen by the caller on empty tables; the identity sequences are moved past them.
 */
export async function bulkLoadRegisteredDeals(
  tx: Executor,
  rows: {
    id: number;
    title: string;
    sellerOrgId: number | null;
    sellerName: string;
    buyerName: string;
    districtId: number;
    domain: string;
    amountFen: number;
    signedOn: string;
    contractType: string;
    nonTechnicalFen: number;
    registrationNo: string;
    registeredOn: string;
  }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const json = JSON.stringify(rows.slice(i, i + 5000));
    await tx.execute(sql`
      insert into tm_deals (id, source, title, seller_org_id, seller_name, buyer_name, district_id, domain, amount_fen, signed_on)
      overriding system value
      select x.id, 'offline', x.title, x."sellerOrgId", x."sellerName", x."buyerName", x."districtId", x.domain, x."amountFen", x."signedOn"::date
      from jsonb_to_recordset(${json}::jsonb) as x(id int, title text, "sellerOrgId" int, "sellerName" text, "buyerName" text, "districtId" int, domain text, "amountFen" bigint, "signedOn" text)`);
    await tx.execute(sql`
      insert into tm_contract_registrations (id, deal_id, status, contract_type, contract_title, seller_name, buyer_name, signed_on, deadline_on, rule_version,
        amount_fen, non_technical_items, non_technical_fen, technical_income_fen, registration_no, submitted_at, registered_on, registered_at)
      overriding system value
      select x.id, x.id, 'registered', x."contractType", x.title, x."sellerName", x."buyerName", x."signedOn"::date, x."signedOn"::date + 30, 1,
        x."amountFen",
        case when x."nonTechnicalFen" > 0 then jsonb_build_array(jsonb_build_object('kind', '设备材料', 'amountFen', x."nonTechnicalFen")) else '[]'::jsonb end,
        x."nonTechnicalFen", x."amountFen" - x."nonTechnicalFen", x."registrationNo",
        x."registeredOn"::date - 1 + time '10:00' at time zone 'Asia/Shanghai', x."registeredOn"::date, x."registeredOn"::date + time '11:00' at time zone 'Asia/Shanghai'
      from jsonb_to_recordset(${json}::jsonb) as x(id int, title text, "sellerName" text, "buyerName" text, "amountFen" bigint, "signedOn" text,
        "contractType" text, "nonTechnicalFen" bigint, "registrationNo" text, "registeredOn" text)`);
  }
  if (rows.length > 0) {
    const ids = rows.map((r) => r.id);
    await bumpYearStatsFor(tx, sql`r.id between ${Math.min(...ids)} and ${Math.max(...ids)}`);
  }
  await tx.execute(sql`select setval(pg_get_serial_sequence('tm_deals', 'id'), (select max(id) from tm_deals))`);
  await tx.execute(sql`select setval(pg_get_serial_sequence('tm_contract_registrations', 'id'), (select max(id) from tm_contract_registrations))`);
}

// ---------- yearly rollup (indicators) ----------

/** Adds the registered contracts matching `which` (a condition on r) to tm_stats_yearly, in the caller's transaction. */
async function bumpYearStatsFor(tx: Executor, which: SQL): Promise<void> {
  await tx.execute(sql`
    insert into tm_stats_yearly (year, district_id, deals, amount_fen, income_fen)
    select extract(year from r.registered_on)::smallint, d.district_id, count(*), sum(r.amount_fen), coalesce(sum(r.technical_income_fen), 0)
    from tm_contract_registrations r join tm_deals d on d.id = r.deal_id
    where r.status = 'registered' and r.registered_on is not null and ${which}
    group by 1, 2
    order by 1, 2
    on conflict (year, district_id) do update set deals = tm_stats_yearly.deals + excluded.deals,
      amount_fen = tm_stats_yearly.amount_fen + excluded.amount_fen, income_fen = tm_stats_yearly.income_fen + excluded.income_fen`);
}

/** Adds one just-registered contract to the yearly rollup (same transaction as the registration). */
export async function bumpYearStatsForRegistration(tx: Executor, registrationId: number): Promise<void> {
  await bumpYearStatsFor(tx, sql`r.id = ${registrationId}`);
}

/** techmarket.deals / techmarket.amount of a year per district, from the rollup (≤ one row per district). */
export async function yearStats(db: Executor, opts: { year: number; districtId?: number }): Promise<{ districtId: number; deals: number; amountFen: number; incomeFen: number }[]> {
  const rows = await raw<{ district_id: number; deals: number; amount: number; income: number }>(
    db,
    sql`select district_id, deals, amount_fen::float8 as amount, income_fen::float8 as income from tm_stats_yearly
        where year = ${opts.year}${opts.districtId === undefined ? sql`` : sql` and district_id = ${opts.districtId}`} order by district_id`,
  );
  return rows.map((r) => ({ districtId: Number(r.district_id), deals: Number(r.deals), amountFen: Number(r.amount), incomeFen: Number(r.income) }));
}

// ---------- indicators drill-down ----------

export interface IndicatorRecordRow {
  id: number;
  title: string;
  sellerName: string;
  enterpriseId: number | null;
  districtId: number;
  date: string;
  amountFen: number;
}

/**
 * The registered contracts behind techmarket.deals / techmarket.amount of a year (same filter as
 * statBuckets), keyset-paged on (registered_on, id), with the total count.
 */
export async function indicatorRecords(db: Executor, opts: { year: number; districtId?: number; limit: number; after?: { date: string; id: number } }): Promise<{ total: number; items: IndicatorRecordRow[] }> {
  const conds: SQL[] = [sql`r.status = 'registered'`, sql`r.registered_on >= ${`${opts.year}-01-01`}::date and r.registered_on < ${`${opts.year + 1}-01-01`}::date`];
  if (opts.districtId !== undefined) {
    conds.push(sql`d.district_id = ${opts.districtId}`);
  }
  const where = sql.join(conds, sql` and `);
  const [t] = await raw<{ n: number }>(db, sql`select count(*)::int as n from tm_contract_registrations r join tm_deals d on d.id = r.deal_id where ${where}`);
  const after = opts.after ? sql` and (r.registered_on, r.id) > (${opts.after.date}::date, ${opts.after.id}::int)` : sql``;
  const rows = await raw<{ id: number; title: string; seller_name: string; enterprise_id: number | null; district_id: number; date: string; amount: number }>(
    db,
    sql`select r.id, r.contract_title as title, r.seller_name, o.enterprise_id, d.district_id, r.registered_on::text as date, r.amount_fen::float8 as amount
        from tm_contract_registrations r join tm_deals d on d.id = r.deal_id left join organizations o on o.id = d.seller_org_id
        where ${where}${after} order by r.registered_on, r.id limit ${opts.limit}`,
  );
  return {
    total: Number(t?.n ?? 0),
    items: rows.map((r) => ({ id: Number(r.id), title: r.title, sellerName: r.seller_name, enterpriseId: r.enterprise_id === null ? null : Number(r.enterprise_id), districtId: Number(r.district_id), date: r.date, amountFen: Number(r.amount) })),
  };
}
