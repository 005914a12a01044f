import { and, asc, desc, eq, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { districts, enterprises } from '../../db/schema/index.js';
import {
  voucherBookings,
  voucherClaims,
  voucherFlags,
  voucherGrants,
  voucherHolders,
  voucherIdempotencyKeys,
  voucherPolicies,
  voucherProviders,
  voucherServices,
  voucherSettlements,
  type BookingStatus,
} from '../../db/schema/vouchers.js';
import { pgArray } from '../../db/bulk.js';
import { builtOnce, runPrepared, runPreparedOnce } from '../../db/prepared.js';
import { likeEscape } from '../../lib/like.js';

export type PolicyRow = typeof voucherPolicies.$inferSelect;
export type HolderRow = typeof voucherHolders.$inferSelect;
export type ProviderRow = typeof voucherProviders.$inferSelect;
export type BookingRow = typeof voucherBookings.$inferSelect;
export type ClaimRow = typeof voucherClaims.$inferSelect;
export type SettlementRow = typeof voucherSettlements.$inferSelect;

const both = (a: SQL | undefined, b: SQL | undefined) => (a && b ? and(a, b) : (a ?? b));
const all = (...conds: (SQL | undefined)[]) => {
  const c = conds.filter((x): x is SQL => !!x);
  return c.length ? and(...c) : undefined;
};

// ── policies ────────────────────────────────────────────────────────────────
export async function insertPolicy(tx: Executor, row: typeof voucherPolicies.$inferInsert) {
  const [p] = await tx.insert(voucherPolicies).values(row).returning();
  return p;
}

export async function findPolicy(db: Executor, id: number, forUpdate = false): Promise<PolicyRow | undefined> {
  const q = db.select().from(voucherPolicies).where(eq(voucherPolicies.id, id));
  // prepared: one round trip on the PostgreSQL server (db/prepared.ts), read by every booking
  const rows = forUpdate ? await q.for('update') : await q.prepare('voucher_policy_by_id').execute();
  return rows[0];
}

/** Policies by id (one prepared statement for any count). */
export async function findPolicies(db: Executor, ids: readonly number[]): Promise<PolicyRow[]> {
  const q = builtOnce(db, 'voucher_policies_by_ids', () =>
    db
      .select()
      .from(voucherPolicies)
      .where(sql`${voucherPolicies.id} = any(${sql.placeholder('ids')}::int[])`)
      .prepare('voucher_policies_by_ids'),
  );
  return q.execute({ ids: pgArray(ids) });
}

export async function listPolicies(db: Executor) {
  return db.select().from(voucherPolicies).orderBy(desc(voucherPolicies.year), desc(voucherPolicies.id));
}

export async function updatePolicyVersioned(tx: Executor, id: number, version: number, set: Partial<typeof voucherPolicies.$inferInsert>) {
  const rows = await tx
    .update(voucherPolicies)
    .set({
      ...set,
      version: sql`${voucherPolicies.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(voucherPolicies.id, id), eq(voucherPolicies.version, version)))
    .returning();
  return rows[0];
}

/** Adds to the policy's gross issuance only while it stays within the budget. */
export async function addPolicyIssued(tx: Executor, id: number, fen: number): Promise<boolean> {
  const rows = await tx
    .update(voucherPolicies)
    .set({ issuedFen: sql`${voucherPolicies.issuedFen} + ${fen}` })
    .where(and(eq(voucherPolicies.id, id), sql`${voucherPolicies.issuedFen} + ${fen} <= ${voucherPolicies.budgetFen}`))
    .returning({ id: voucherPolicies.id });
  return rows.length === 1;
}

export async function setPolicyStatus(tx: Executor, id: number, from: 'active', to: 'expired') {
  const rows = await tx
    .update(voucherPolicies)
    .set({
      status: to,
      updatedAt: new Date(),
      version: sql`${voucherPolicies.version} + 1`,
    })
    .where(and(eq(voucherPolicies.id, id), eq(voucherPolicies.status, from)))
    .returning();
  return rows[0];
}

// ── holders and grants ──────────────────────────────────────────────────────
const holderSelection = {
  h: voucherHolders,
  districtName: districts.name,
  uscc: enterprises.uscc,
};
export type HolderWithNames = HolderRow & {
  districtName: string;
  uscc: string | null;
};
const flatHolder = (r: { h: HolderRow; districtName: string; uscc: string | null }): HolderWithNames => ({ ...r.h, districtName: r.districtName, uscc: r.uscc });

export async function findHolder(db: Executor, id: number, scope?: SQL): Promise<HolderWithNames | undefined> {
  const rows = await db
    .select(holderSelection)
    .from(voucherHolders)
    .innerJoin(districts, eq(districts.id, voucherHolders.districtId))
    .leftJoin(enterprises, eq(enterprises.id, voucherHolders.enterpriseId))
    .where(both(eq(voucherHolders.id, id), scope))
    .prepare('voucher_holder_by_id')
    .execute();
  return rows[0] ? flatHolder(rows[0]) : undefined;
}

/** Holders by id (one prepared statement for any count; the booking path's batched read). */
export async function findHolders(db: Executor, ids: readonly number[], scope?: SQL): Promise<HolderWithNames[]> {
  const build = () =>
    db
      .select(holderSelection)
      .from(voucherHolders)
      .innerJoin(districts, eq(districts.id, voucherHolders.districtId))
      .leftJoin(enterprises, eq(enterprises.id, voucherHolders.enterpriseId))
      .where(both(sql`${voucherHolders.id} = any(${sql.placeholder('ids')}::int[])`, scope))
      .prepare('voucher_holders_by_ids');
  // the unscoped query (bureau readers) is built once; a scoped one carries the reader's own values
  const q = scope ? build() : builtOnce(db, 'voucher_holders_by_ids', build);
  const rows = await q.execute({ ids: pgArray(ids) });
  return rows.map(flatHolder);
}

export async function findHolderByEnterprise(db: Executor, enterpriseId: number) {
  const rows = await db.select().from(voucherHolders).where(eq(voucherHolders.enterpriseId, enterpriseId));
  return rows[0];
}

export async function insertHolders(tx: Executor, rows: (typeof voucherHolders.$inferInsert)[]) {
  const out: HolderRow[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    out.push(
      ...(await tx
        .insert(voucherHolders)
        .values(rows.slice(i, i + 1000))
        .returning()),
    );
  }
  return out;
}

export async function listHolders(db: Executor, opts: { where: SQL | undefined; afterId?: number; limit: number }) {
  const rows = await db
    .select(holderSelection)
    .from(voucherHolders)
    .innerJoin(districts, eq(districts.id, voucherHolders.districtId))
    .leftJoin(enterprises, eq(enterprises.id, voucherHolders.enterpriseId))
    .where(both(opts.where, opts.afterId ? lt(voucherHolders.id, opts.afterId) : undefined))
    .orderBy(desc(voucherHolders.id))
    .limit(opts.limit);
  return rows.map(flatHolder);
}

export function holderFilter(f: { q?: string; districtId?: number; kind?: 'enterprise' | 'team' }): SQL | undefined {
  return all(
    f.q ? or(ilike(voucherHolders.name, `%${likeEscape(f.q)}%`), ilike(enterprises.uscc, `${likeEscape(f.q.toUpperCase())}%`)) : undefined,
    f.districtId ? eq(voucherHolders.districtId, f.districtId) : undefined,
    f.kind ? eq(voucherHolders.kind, f.kind) : undefined,
  );
}

export async function ensureGrants(tx: Executor, rows: { policyId: number; holderId: number; capFen: number }[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    await tx
      .insert(voucherGrants)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing();
  }
}

/** Adds to a holder's issued amount only while it stays within the holder's cap. */
export async function addGrantIssued(tx: Executor, policyId: number, holderId: number, fen: number): Promise<boolean> {
  const rows = await tx
    .update(voucherGrants)
    .set({ issuedFen: sql`${voucherGrants.issuedFen} + ${fen}` })
    .where(and(eq(voucherGrants.policyId, policyId), eq(voucherGrants.holderId, holderId), sql`${voucherGrants.issuedFen} + ${fen} <= ${voucherGrants.capFen}`))
    .returning({ holderId: voucherGrants.holderId });
  return rows.length === 1;
}

/** Bulk form of addGrantIssued: returns the holders whose cap would be passed (nothing applied for them). */
export async function addGrantsIssued(tx: Executor, policyId: number, items: { holderId: number; fen: number }[]): Promise<number[]> {
  const merged = new Map<number, number>();
  for (const i of items) {
    merged.set(i.holderId, (merged.get(i.holderId) ?? 0) + i.fen);
  }
  const ids = [...merged.keys()].sort((a, b) => a - b);
  const ok = new Set<number>();
  for (let i = 0; i < ids.length; i += 2000) {
    const chunk = ids.slice(i, i + 2000);
    const values = sql.join(
      chunk.map((h) => sql`(${h}::int, ${merged.get(h)}::bigint)`),
      sql`, `,
    );
    const rows = await tx.execute(sql`
      update voucher_grants g set issued_fen = g.issued_fen + v.fen
      from (values ${values}) as v(holder_id, fen)
      where g.policy_id = ${policyId} and g.holder_id = v.holder_id and g.issued_fen + v.fen <= g.cap_fen
      returning g.holder_id`);
    for (const r of (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { holder_id: number }[]) {
      ok.add(Number(r.holder_id));
    }
  }
  return ids.filter((h) => !ok.has(h));
}

export async function findGrants(db: Executor, holderId: number, policyId?: number) {
  return db
    .select()
    .from(voucherGrants)
    .where(both(eq(voucherGrants.holderId, holderId), policyId ? eq(voucherGrants.policyId, policyId) : undefined));
}

export async function grantHolderIds(db: Executor, policyId: number): Promise<number[]> {
  const rows = await db.select({ holderId: voucherGrants.holderId }).from(voucherGrants).where(eq(voucherGrants.policyId, policyId)).orderBy(asc(voucherGrants.holderId));
  return rows.map((r) => r.holderId);
}

// ── providers and services ──────────────────────────────────────────────────
const providerSelection = { p: voucherProviders, districtName: districts.name };
export type ProviderWithNames = ProviderRow & { districtName: string };

export async function insertProviders(tx: Executor, rows: (typeof voucherProviders.$inferInsert)[]) {
  return tx.insert(voucherProviders).values(rows).returning();
}

export async function findProvider(db: Executor, id: number): Promise<ProviderWithNames | undefined> {
  const rows = await db
    .select(providerSelection)
    .from(voucherProviders)
    .innerJoin(districts, eq(districts.id, voucherProviders.districtId))
    .where(eq(voucherProviders.id, id))
    .prepare('voucher_provider_by_id')
    .execute();
  return rows[0] ? { ...rows[0].p, districtName: rows[0].districtName } : undefined;
}

/** Providers by id (one prepared statement for any count). */
export async function findProviders(db: Executor, ids: readonly number[]): Promise<ProviderWithNames[]> {
  const q = builtOnce(db, 'voucher_providers_by_ids', () =>
    db
      .select(providerSelection)
      .from(voucherProviders)
      .innerJoin(districts, eq(districts.id, voucherProviders.districtId))
      .where(sql`${voucherProviders.id} = any(${sql.placeholder('ids')}::int[])`)
      .prepare('voucher_providers_by_ids'),
  );
  const rows = await q.execute({ ids: pgArray(ids) });
  return rows.map((r) => ({ ...r.p, districtName: r.districtName }));
}

export async function findProviderByOrg(db: Executor, organizationId: number): Promise<ProviderRow | undefined> {
  const rows = await db.select().from(voucherProviders).where(eq(voucherProviders.organizationId, organizationId));
  return rows[0];
}

export async function listProviders(db: Executor, opts: { where: SQL | undefined; afterId?: number; limit: number }): Promise<ProviderWithNames[]> {
  const rows = await db
    .select(providerSelection)
    .from(voucherProviders)
    .innerJoin(districts, eq(districts.id, voucherProviders.districtId))
    .where(both(opts.where, opts.afterId ? sql`${voucherProviders.id} > ${opts.afterId}` : undefined))
    .orderBy(asc(voucherProviders.id))
    .limit(opts.limit);
  return rows.map((r) => ({ ...r.p, districtName: r.districtName }));
}

export function providerFilter(f: { q?: string; category?: string; districtId?: number; status?: string }): SQL | undefined {
  return all(
    f.q ? ilike(voucherProviders.name, `%${likeEscape(f.q)}%`) : undefined,
    f.category ? sql`${f.category} = any(${voucherProviders.categories})` : undefined,
    f.districtId ? eq(voucherProviders.districtId, f.districtId) : undefined,
    f.status ? eq(voucherProviders.status, f.status as ProviderRow['status']) : undefined,
  );
}

export async function updateProviderStatus(tx: Executor, id: number, status: ProviderRow['status']) {
  const rows = await tx
    .update(voucherProviders)
    .set({
      status,
      updatedAt: new Date(),
      version: sql`${voucherProviders.version} + 1`,
    })
    .where(eq(voucherProviders.id, id))
    .returning();
  return rows[0];
}

export async function insertServices(tx: Executor, rows: (typeof voucherServices.$inferInsert)[]) {
  return tx.insert(voucherServices).values(rows).returning();
}

export async function listServices(db: Executor, providerIds: number[]) {
  if (providerIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(voucherServices)
    .where(and(inArray(voucherServices.providerId, providerIds), eq(voucherServices.active, true)))
    .orderBy(asc(voucherServices.providerId), asc(voucherServices.id));
}

export async function findService(db: Executor, id: number) {
  const rows = await db.select().from(voucherServices).where(eq(voucherServices.id, id));
  return rows[0];
}

// ── bookings ────────────────────────────────────────────────────────────────
const bookingSelection = {
  b: voucherBookings,
  holderName: voucherHolders.name,
  providerName: voucherProviders.name,
  holderDistrictId: voucherHolders.districtId,
  serviceName: voucherServices.name,
};
export type BookingWithNames = BookingRow & {
  holderName: string;
  providerName: string;
  holderDistrictId: number;
  serviceName: string | null;
};
const flatBooking = (r: { b: BookingRow; holderName: string; providerName: string; holderDistrictId: number; serviceName: string | null }): BookingWithNames => ({
  ...r.b,
  holderName: r.holderName,
  providerName: r.providerName,
  holderDistrictId: r.holderDistrictId,
  serviceName: r.serviceName,
});

export async function insertBookings(tx: Executor, rows: (typeof voucherBookings.$inferInsert)[]) {
  if (rows.length === 1) {
    // the booking path: a prepared statement (one round trip, pipelined; see db/prepared.ts)
    return tx.insert(voucherBookings).values(rows[0]).returning().prepare('voucher_booking_insert').execute();
  }
  const out: BookingRow[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    out.push(
      ...(await tx
        .insert(voucherBookings)
        .values(rows.slice(i, i + 1000))
        .returning()),
    );
  }
  return out;
}

export type NewBooking = Omit<typeof voucherBookings.$inferInsert, 'id' | 'status' | 'createdAt' | 'updatedAt'>;

/**
 * Inserts a batch of bookings under ids taken ahead (nextBookingIds; `ids[i]` is `rows[i]`'s) in
 * one prepared statement, the same text for any count (one array per column). Nothing comes back,
 * so it is sent together with the statements that name the bookings.
 */
export async function insertBookingBatch(tx: Executor, rows: readonly NewBooking[], ids: readonly number[]): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const col = <T>(f: (r: NewBooking) => T) => pgArray(rows.map((r) => f(r) as string | number | null));
  await runPrepared(
    tx,
    'voucher_booking_batch_insert_ids',
    sql`insert into voucher_bookings (id, policy_id, holder_id, provider_id, service_id, service_category, contract_amount_fen, amount_fen, booked_on, service_start, service_end, created_by)
        overriding system value
        select * from unnest(${pgArray(ids)}::bigint[], ${col((r) => r.policyId)}::int[], ${col((r) => r.holderId)}::int[], ${col((r) => r.providerId)}::int[], ${col((r) => r.serviceId ?? null)}::int[],
                             ${col((r) => r.serviceCategory)}::text[], ${col((r) => r.contractAmountFen)}::bigint[], ${col((r) => r.amountFen)}::bigint[],
                             ${col((r) => r.bookedOn)}::date[], ${col((r) => r.serviceStart ?? null)}::date[], ${col((r) => r.serviceEnd ?? null)}::date[],
                             ${col((r) => r.createdBy ?? null)}::int[])`,
  );
}

/**
 * `n` new booking ids from the table's sequence, ascending: taken ahead (with the balances, in the
 * same round trip) so the bookings can be written together with everything that names them.
 * An id left unused (a refused booking, a rollback) is a gap, as after any rolled-back insert.
 */
export async function nextBookingIds(tx: Executor, n: number): Promise<number[]> {
  if (n <= 0) {
    return [];
  }
  const rows = await runPrepared<{ id: number | string }>(
    tx,
    'voucher_booking_next_ids',
    sql`select nextval(pg_get_serial_sequence('voucher_bookings', 'id')) as id from generate_series(1, ${n}::int)`,
  );
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

export async function findBooking(db: Executor, id: number, scope?: SQL): Promise<BookingWithNames | undefined> {
  const rows = await db
    .select(bookingSelection)
    .from(voucherBookings)
    .innerJoin(voucherHolders, eq(voucherHolders.id, voucherBookings.holderId))
    .innerJoin(voucherProviders, eq(voucherProviders.id, voucherBookings.providerId))
    .leftJoin(voucherServices, eq(voucherServices.id, voucherBookings.serviceId))
    .where(both(eq(voucherBookings.id, id), scope));
  return rows[0] ? flatBooking(rows[0]) : undefined;
}

export async function listBookings(db: Executor, opts: { where: SQL | undefined; afterId?: number; limit: number }) {
  const rows = await db
    .select(bookingSelection)
    .from(voucherBookings)
    .innerJoin(voucherHolders, eq(voucherHolders.id, voucherBookings.holderId))
    .innerJoin(voucherProviders, eq(voucherProviders.id, voucherBookings.providerId))
    .leftJoin(voucherServices, eq(voucherServices.id, voucherBookings.serviceId))
    .where(both(opts.where, opts.afterId ? lt(voucherBookings.id, opts.afterId) : undefined))
    .orderBy(desc(voucherBookings.id))
    .limit(opts.limit);
  return rows.map(flatBooking);
}

export function bookingFilter(f: { status?: BookingStatus; holderId?: number; providerId?: number; policyId?: number }): SQL | undefined {
  return all(
    f.status ? eq(voucherBookings.status, f.status) : undefined,
    f.holderId ? eq(voucherBookings.holderId, f.holderId) : undefined,
    f.providerId ? eq(voucherBookings.providerId, f.providerId) : undefined,
    f.policyId ? eq(voucherBookings.policyId, f.policyId) : undefined,
  );
}

/** Moves a booking between states only from the expected ones: concurrent transitions lose cleanly. */
export async function transitionBooking(tx: Executor, id: number, from: BookingStatus[], to: BookingStatus) {
  const rows = await tx
    .update(voucherBookings)
    .set({ status: to, updatedAt: new Date() })
    .where(and(eq(voucherBookings.id, id), inArray(voucherBookings.status, from)))
    .returning();
  return rows[0];
}

export async function openBookingsOfPolicy(tx: Executor, policyId: number) {
  return tx
    .select({ b: voucherBookings, holderDistrictId: voucherHolders.districtId })
    .from(voucherBookings)
    .innerJoin(voucherHolders, eq(voucherHolders.id, voucherBookings.holderId))
    .where(and(eq(voucherBookings.policyId, policyId), eq(voucherBookings.status, 'booked')))
    .orderBy(asc(voucherBookings.id))
    .for('update', { of: voucherBookings });
}

export async function markBookingsExpired(tx: Executor, ids: number[]) {
  for (let i = 0; i < ids.length; i += 5000) {
    await tx
      .update(voucherBookings)
      .set({ status: 'expired', updatedAt: new Date() })
      .where(inArray(voucherBookings.id, ids.slice(i, i + 5000)));
  }
}

export async function countRecentBookings(db: Executor, holderId: number, where: SQL) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(voucherBookings)
    .where(and(eq(voucherBookings.holderId, holderId), where));
  return Number(r?.n ?? 0);
}

// ── idempotency keys ────────────────────────────────────────────────────────
/** Stores the answer under the key; false when the key is already taken (waits for a concurrent holder of it). */
export async function insertIdempotencyKey(tx: Executor, row: typeof voucherIdempotencyKeys.$inferInsert): Promise<boolean> {
  const rows = await tx.insert(voucherIdempotencyKeys).values(row).onConflictDoNothing().returning({ key: voucherIdempotencyKeys.key }).prepare('voucher_idempotency_key_insert').execute();
  return rows.length === 1;
}

/**
 * Stores the answers of a batch under their keys (one prepared statement, in key order so two
 * batches sharing keys wait for each other rather than deadlock); returns the keys that were
 * already taken (a concurrent holder of one is waited for).
 */
export async function insertIdempotencyKeys(tx: Executor, rows: readonly { scope: string; key: string; requestHash: string; statusCode: number; response: unknown }[]): Promise<{ scope: string; key: string }[]> {
  if (rows.length === 0) {
    return [];
  }
  const sorted = [...rows].sort((a, b) => (a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const inserted = await runPrepared<{ scope: string; key: string }>(
    tx,
    'voucher_idempotency_key_batch_insert',
    sql`insert into voucher_idempotency_keys (scope, key, request_hash, status_code, response)
        select * from unnest(${pgArray(sorted.map((r) => r.scope))}::text[], ${pgArray(sorted.map((r) => r.key))}::text[], ${pgArray(sorted.map((r) => r.requestHash))}::text[],
                             ${pgArray(sorted.map((r) => r.statusCode))}::int[], ${pgArray(sorted.map((r) => JSON.stringify(r.response)))}::jsonb[])
        on conflict do nothing
        returning scope, key`,
  );
  const got = new Set(inserted.map((r) => `${r.scope}\n${r.key}`));
  return sorted.filter((r) => !got.has(`${r.scope}\n${r.key}`)).map(({ scope, key }) => ({ scope, key }));
}

/**
 * Stored answers by (scope, key) (one prepared statement for any count). Each key is looked up by
 * the primary key in a lateral subquery: its plan stays an index probe per key even when the
 * statement's generic plan was made while the table was new and small (a join of the keys with the
 * table was then planned as a sequential scan, and kept while the table grew).
 */
export async function findIdempotencyKeys(db: Executor, pairs: readonly { scope: string; key: string }[]) {
  return runPreparedOnce<{ scope: string; key: string; requestHash: string; statusCode: number; response: unknown }>(db, 'voucher_idempotency_keys_by_keys', idempotencyKeysQuery, {
    scopes: pgArray(pairs.map((p) => p.scope)),
    keys: pgArray(pairs.map((p) => p.key)),
  });
}

/** The statement of findIdempotencyKeys (its two arrays, `scopes` and `keys`, are $1 and $2). */
export function idempotencyKeysQuery(): SQL {
  return sql`select k.scope, k.key, k.request_hash as "requestHash", k.status_code as "statusCode", k.response
               from unnest(${sql.placeholder('scopes')}::text[], ${sql.placeholder('keys')}::text[]) as u(scope, key)
               cross join lateral (select * from voucher_idempotency_keys k where k.scope = u.scope and k.key = u.key limit 1) k`;
}

export async function findIdempotencyKey(db: Executor, scope: string, key: string) {
  const rows = await db
    .select()
    .from(voucherIdempotencyKeys)
    .where(and(eq(voucherIdempotencyKeys.scope, scope), eq(voucherIdempotencyKeys.key, key)))
    .prepare('voucher_idempotency_key_by_key')
    .execute();
  return rows[0];
}

// ── claims and settlements ──────────────────────────────────────────────────
const claimSelection = {
  c: voucherClaims,
  holderId: voucherBookings.holderId,
  holderName: voucherHolders.name,
  providerId: voucherBookings.providerId,
  providerName: voucherProviders.name,
  serviceCategory: voucherBookings.serviceCategory,
  serviceName: voucherServices.name,
  serviceStart: voucherBookings.serviceStart,
  serviceEnd: voucherBookings.serviceEnd,
  policyId: voucherBookings.policyId,
};
export type ClaimWithNames = ClaimRow & {
  holderId: number;
  holderName: string;
  providerId: number;
  providerName: string;
  serviceCategory: string;
  serviceName: string | null;
  serviceStart: string | null;
  serviceEnd: string | null;
  policyId: number;
};
const flatClaim = (r: { c: ClaimRow } & Omit<ClaimWithNames, keyof ClaimRow>): ClaimWithNames => {
  const { c, ...rest } = r;
  return { ...c, ...rest };
};

export async function insertClaims(tx: Executor, rows: (typeof voucherClaims.$inferInsert)[]) {
  const out: ClaimRow[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    out.push(
      ...(await tx
        .insert(voucherClaims)
        .values(rows.slice(i, i + 1000))
        .returning()),
    );
  }
  return out;
}

export async function findClaim(db: Executor, id: number, scope?: SQL): Promise<ClaimWithNames | undefined> {
  const rows = await db
    .select(claimSelection)
    .from(voucherClaims)
    .innerJoin(voucherBookings, eq(voucherBookings.id, voucherClaims.bookingId))
    .innerJoin(voucherHolders, eq(voucherHolders.id, voucherBookings.holderId))
    .innerJoin(voucherProviders, eq(voucherProviders.id, voucherBookings.providerId))
    .leftJoin(voucherServices, eq(voucherServices.id, voucherBookings.serviceId))
    .where(both(eq(voucherClaims.id, id), scope));
  return rows[0] ? flatClaim(rows[0]) : undefined;
}

export async function listClaims(db: Executor, opts: { where: SQL | undefined; afterId?: number; limit: number }) {
  const rows = await db
    .select(claimSelection)
    .from(voucherClaims)
    .innerJoin(voucherBookings, eq(voucherBookings.id, voucherClaims.bookingId))
    .innerJoin(voucherHolders, eq(voucherHolders.id, voucherBookings.holderId))
    .innerJoin(voucherProviders, eq(voucherProviders.id, voucherBookings.providerId))
    .leftJoin(voucherServices, eq(voucherServices.id, voucherBookings.serviceId))
    .where(both(opts.where, opts.afterId ? lt(voucherClaims.id, opts.afterId) : undefined))
    .orderBy(desc(voucherClaims.id))
    .limit(opts.limit);
  return rows.map(flatClaim);
}

export function claimFilter(f: { status?: ClaimRow['status']; mode?: ClaimRow['mode']; providerId?: number; holderId?: number; settlementId?: number }): SQL | undefined {
  return all(
    f.status ? eq(voucherClaims.status, f.status) : undefined,
    f.mode ? eq(voucherClaims.mode, f.mode) : undefined,
    f.providerId ? eq(voucherBookings.providerId, f.providerId) : undefined,
    f.holderId ? eq(voucherBookings.holderId, f.holderId) : undefined,
    f.settlementId ? eq(voucherClaims.settlementId, f.settlementId) : undefined,
  );
}

export async function decideClaim(
  tx: Executor,
  id: number,
  set: Partial<typeof voucherClaims.$inferInsert> & {
    status: 'approved' | 'rejected';
  },
) {
  const rows = await tx
    .update(voucherClaims)
    .set(set)
    .where(and(eq(voucherClaims.id, id), eq(voucherClaims.status, 'submitted')))
    .returning();
  return rows[0];
}

/** Approved → reversed, only while the claim is in no settlement batch. */
export async function reverseClaimRow(tx: Executor, id: number, note: string) {
  const rows = await tx
    .update(voucherClaims)
    .set({ status: 'reversed', decisionNote: note })
    .where(and(eq(voucherClaims.id, id), eq(voucherClaims.status, 'approved'), sql`${voucherClaims.settlementId} is null`))
    .returning();
  return rows[0];
}

/** Approved claims of one provider and policy not yet in a batch, locked for the new batch. */
export async function unsettledClaims(tx: Executor, policyId: number, providerId: number) {
  return tx
    .select({ id: voucherClaims.id, amountFen: voucherClaims.amountFen })
    .from(voucherClaims)
    .innerJoin(voucherBookings, eq(voucherBookings.id, voucherClaims.bookingId))
    .where(
      and(eq(voucherClaims.status, 'approved'), sql`${voucherClaims.settlementId} is null`, eq(voucherBookings.policyId, policyId), eq(voucherBookings.providerId, providerId)),
    )
    .orderBy(asc(voucherClaims.id))
    .for('update', { of: voucherClaims });
}

export async function insertSettlement(tx: Executor, row: typeof voucherSettlements.$inferInsert) {
  const [s] = await tx.insert(voucherSettlements).values(row).returning();
  return s;
}

export async function insertSettlements(tx: Executor, rows: (typeof voucherSettlements.$inferInsert)[]) {
  return rows.length ? tx.insert(voucherSettlements).values(rows).returning() : [];
}

/** Sets each claim's batch in one statement (claim id → settlement id). */
export async function attachClaimsMany(tx: Executor, pairs: { claimId: number; settlementId: number }[]) {
  for (let i = 0; i < pairs.length; i += 5000) {
    const values = sql.join(
      pairs.slice(i, i + 5000).map((p) => sql`(${p.claimId}::bigint, ${p.settlementId}::int)`),
      sql`, `,
    );
    await tx.execute(sql`update voucher_claims c set settlement_id = v.sid from (values ${values}) as v(cid, sid) where c.id = v.cid and c.settlement_id is null`);
  }
}

export async function attachClaims(tx: Executor, settlementId: number, claimIds: number[]) {
  for (let i = 0; i < claimIds.length; i += 5000) {
    await tx
      .update(voucherClaims)
      .set({ settlementId })
      .where(and(inArray(voucherClaims.id, claimIds.slice(i, i + 5000)), sql`${voucherClaims.settlementId} is null`));
  }
}

const settlementSelection = {
  s: voucherSettlements,
  providerName: voucherProviders.name,
};
export type SettlementWithNames = SettlementRow & { providerName: string };

export async function findSettlement(db: Executor, id: number, scope?: SQL): Promise<SettlementWithNames | undefined> {
  const rows = await db
    .select(settlementSelection)
    .from(voucherSettlements)
    .innerJoin(voucherProviders, eq(voucherProviders.id, voucherSettlements.providerId))
    .where(both(eq(voucherSettlements.id, id), scope));
  return rows[0] ? { ...rows[0].s, providerName: rows[0].providerName } : undefined;
}

export async function listSettlements(db: Executor, opts: { where: SQL | undefined; afterId?: number; limit: number }): Promise<SettlementWithNames[]> {
  const rows = await db
    .select(settlementSelection)
    .from(voucherSettlements)
    .innerJoin(voucherProviders, eq(voucherProviders.id, voucherSettlements.providerId))
    .where(both(opts.where, opts.afterId ? lt(voucherSettlements.id, opts.afterId) : undefined))
    .orderBy(desc(voucherSettlements.id))
    .limit(opts.limit);
  return rows.map((r) => ({ ...r.s, providerName: r.providerName }));
}

export async function markSettlementPaid(tx: Executor, id: number, paidBy: number | null) {
  const rows = await tx
    .update(voucherSettlements)
    .set({ status: 'paid', paidAt: new Date(), paidBy })
    .where(and(eq(voucherSettlements.id, id), eq(voucherSettlements.status, 'pending')))
    .returning();
  return rows[0];
}

// ── fraud flags ─────────────────────────────────────────────────────────────
export async function insertFlags(tx: Executor, rows: (typeof voucherFlags.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) {
    return 0;
  }
  const out = await tx.insert(voucherFlags).values(rows).onConflictDoNothing().returning({ id: voucherFlags.id });
  return out.length;
}

export async function listFlags(db: Executor, opts: { where: SQL | undefined; afterId?: number; limit: number }) {
  return db
    .select({
      f: voucherFlags,
      holderName: voucherHolders.name,
      providerName: voucherProviders.name,
    })
    .from(voucherFlags)
    .leftJoin(voucherHolders, eq(voucherHolders.id, voucherFlags.holderId))
    .leftJoin(voucherProviders, eq(voucherProviders.id, voucherFlags.providerId))
    .where(both(opts.where, opts.afterId ? lt(voucherFlags.id, opts.afterId) : undefined))
    .orderBy(desc(voucherFlags.id))
    .limit(opts.limit);
}

export async function resolveFlag(
  tx: Executor,
  id: number,
  set: {
    status: 'dismissed' | 'confirmed';
    resolutionNote: string;
    resolvedBy: number | null;
  },
) {
  const rows = await tx
    .update(voucherFlags)
    .set({ ...set, resolvedAt: new Date() })
    .where(and(eq(voucherFlags.id, id), eq(voucherFlags.status, 'open')))
    .returning();
  return rows[0];
}

export async function findFlag(db: Executor, id: number) {
  const rows = await db.select().from(voucherFlags).where(eq(voucherFlags.id, id));
  return rows[0];
}
