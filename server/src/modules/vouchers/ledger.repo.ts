import { sql } from 'drizzle-orm';
import { bulkInsert } from '../../db/bulk.js';
import type { Database, Executor } from '../../db/client.js';
import { MOVEMENT_KINDS, voucherMovements, voucherStatsMonthly, type LedgerAccountKind } from '../../db/schema/vouchers.js';
import * as ledger from '../ledger/index.js';

const NEVER_POSITIVE = { mayGoNegative: true, mayGoPositive: false };

/**
 * The voucher book of the shared ledger (scope = the policy; owners are holders and providers).
 * Contra accounts (appropriation, spent, returned) hold the other side of the bureau's entries and
 * are never positive; every other balance is never negative.
 */
export const VOUCHER_BOOK = ledger.defineBook({
  code: 'vouchers',
  name: '创新券',
  accountKinds: {
    appropriation: NEVER_POSITIVE,
    budget: {},
    available: { owner: 'holder' },
    frozen: { owner: 'holder' },
    redeemed: { owner: 'holder' },
    expired: { owner: 'holder' },
    payable: { owner: 'provider' },
    paid: { owner: 'provider' },
    spent: NEVER_POSITIVE,
    returned: NEVER_POSITIVE,
  } satisfies Record<LedgerAccountKind, ledger.AccountKindRule>,
  movementKinds: MOVEMENT_KINDS,
});

export const HOLDER_KINDS = ['available', 'frozen', 'redeemed', 'expired'] as const;

export interface AccountKey {
  policyId: number;
  kind: LedgerAccountKind;
  holderId?: number | null;
  providerId?: number | null;
}

export interface Leg {
  accountId: number;
  amountFen: number;
}

export type NewMovement = Omit<typeof voucherMovements.$inferInsert, 'id'>;

const refOf = (k: AccountKey): ledger.AccountRef<LedgerAccountKind> => ({
  kind: k.kind,
  scope: k.policyId,
  owner: k.holderId !== null && k.holderId !== undefined ? { type: 'holder', id: k.holderId } : k.providerId !== null && k.providerId !== undefined ? { type: 'provider', id: k.providerId } : null,
});

/**
 * Returns the ledger account ids for the keys, creating missing accounts (a concurrency-safe
 * upsert). Call it outside the business transaction with the database handle as the cache root,
 * so the ids are cached once their rows are committed.
 */
export async function accountIds(executor: Executor, root: object, keys: AccountKey[]): Promise<number[]> {
  return ledger.accountIds(executor, VOUCHER_BOOK, keys.map(refOf), { root });
}

/** Balances by account id; with `lock`, locked in ascending id for the rest of the transaction. */
export async function accountBalances(executor: Executor, ids: readonly number[], lock: boolean): Promise<Map<number, number>> {
  return ledger.balancesById(executor, ids, { lock });
}

export interface PostedMovement {
  movement: NewMovement;
  legs: Leg[];
  /** The voucher movement this one undoes (a claim reversal undoes its redemption). */
  reverses?: number | null;
}

const kernelItems = (items: PostedMovement[]) =>
  items.map(({ movement: m, legs, reverses }) => ({
    kind: m.kind,
    valueDate: m.valueDate,
    memo: m.memo ?? null,
    actorId: m.actorId ?? null,
    reverses: reverses ?? null,
    entries: legs.map((l) => ({ account: l.accountId, amountFen: l.amountFen })),
  }));

/** The voucher details of ledger movements, under the same ids (prepared statements: one round trip). */
async function insertDetails(tx: Executor, items: PostedMovement[], ids: number[]): Promise<void> {
  if (items.length === 1) {
    await tx
      .insert(voucherMovements)
      .values({ ...items[0].movement, id: ids[0] })
      .prepare('voucher_movement_insert')
      .execute();
    return;
  }
  // one statement of one array per column (db/bulk.ts): no per-value work in the ORM
  for (let i = 0; i < items.length; i += 5000) {
    await bulkInsert(
      tx,
      voucherMovements,
      items.slice(i, i + 5000).map((c, j) => ({ ...c.movement, id: ids[i + j] })),
      { prepared: true },
    );
  }
}

/**
 * Posts balanced movements to the voucher book (see the ledger kernel: rows first, then the
 * balances by conditional updates) and records their voucher details under the same ids.
 */
export async function postMovements(tx: Executor, root: object, items: PostedMovement[]): Promise<number[]> {
  if (items.length === 0) {
    return [];
  }
  const ids = (await ledger.postMovements(tx, VOUCHER_BOOK, kernelItems(items), { root })).map((p) => p.id);
  await insertDetails(tx, items, ids);
  return ids;
}

/**
 * Writes the movements and their entries; their voucher details and the balances follow at
 * `settle()` (see ledger.stageMovements), sent together: the details insert, then the balances'
 * conditional statement right behind it on the same connection, so the two cost one round trip
 * and the accounts are still locked last. A failed details insert fails settle() with its error.
 */
export async function stageMovements(tx: Executor, root: object, items: PostedMovement[]): Promise<{ ids: number[]; settle(): Promise<void> }> {
  const staged = await ledger.stageMovements(tx, VOUCHER_BOOK, kernelItems(items), { root });
  const ids = staged.posted.map((p) => p.id);
  return {
    ids,
    settle: async () => {
      // both issued before either is awaited: prepared statements go out back to back, in this order
      const details = insertDetails(tx, items, ids);
      const balances = staged.settle();
      const [d, b] = await Promise.allSettled([details, balances]);
      if (d.status === 'rejected') {
        throw d.reason;
      }
      if (b.status === 'rejected') {
        throw b.reason;
      }
    },
  };
}

/** The redemption a claim's reversal undoes. */
export async function redemptionOf(tx: Executor, claimId: number): Promise<number | null> {
  const rows = await tx.execute(sql`select id from voucher_movements where claim_id = ${claimId} and kind = 'redeem' order by id limit 1`);
  const [r] = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { id: number | string }[];
  return r ? Number(r.id) : null;
}

export interface StatsDelta {
  valueDate: string;
  districtId: number;
  providerId?: number | null;
  category?: string | null;
  issuedFen?: number;
  redeemedFen?: number;
  expiredFen?: number;
  redemptions?: number;
}

/** Keeps the monthly rollup exact in the same transaction as the movements it summarises. */
export async function bumpStats(tx: Executor, deltas: StatsDelta[]): Promise<void> {
  const merged = new Map<string, typeof voucherStatsMonthly.$inferInsert>();
  for (const d of deltas) {
    const month = `${d.valueDate.slice(0, 7)}-01`;
    const providerId = d.providerId ?? 0;
    const category = d.category ?? '';
    const k = `${month}|${d.districtId}|${providerId}|${category}`;
    const row = merged.get(k) ?? {
      month,
      districtId: d.districtId,
      providerId,
      category,
      issuedFen: 0,
      redeemedFen: 0,
      expiredFen: 0,
      redemptions: 0,
    };
    row.issuedFen! += d.issuedFen ?? 0;
    row.redeemedFen! += d.redeemedFen ?? 0;
    row.expiredFen! += d.expiredFen ?? 0;
    row.redemptions! += d.redemptions ?? 0;
    merged.set(k, row);
  }
  // Sorted so concurrent writers touch rollup rows in the same order.
  const rows = [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
  for (let i = 0; i < rows.length; i += 1000) {
    await tx
      .insert(voucherStatsMonthly)
      .values(rows.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: [voucherStatsMonthly.month, voucherStatsMonthly.districtId, voucherStatsMonthly.providerId, voucherStatsMonthly.category],
        set: {
          issuedFen: sql`${voucherStatsMonthly.issuedFen} + excluded.issued_fen`,
          redeemedFen: sql`${voucherStatsMonthly.redeemedFen} + excluded.redeemed_fen`,
          expiredFen: sql`${voucherStatsMonthly.expiredFen} + excluded.expired_fen`,
          redemptions: sql`${voucherStatsMonthly.redemptions} + excluded.redemptions`,
        },
      });
  }
}

/**
 * Records the holders issued to (voucher.holders): each holder once per year, in the district of
 * its first issuance that year, and bumps the per-district count by the holders new to the year.
 * Same transaction as the issue movements.
 */
export async function bumpHolderYears(tx: Executor, items: { valueDate: string; holderId: number; districtId: number }[]): Promise<void> {
  if (items.length === 0) {
    return;
  }
  const years = items.map((i) => Number(i.valueDate.slice(0, 4)));
  await tx.execute(sql`
    with fresh as (
      insert into voucher_holder_years (year, holder_id, district_id)
      select * from unnest(${`{${years.join(',')}}`}::smallint[], ${`{${items.map((i) => i.holderId).join(',')}}`}::int[], ${`{${items.map((i) => i.districtId).join(',')}}`}::int[])
      on conflict do nothing
      returning year, district_id)
    insert into voucher_holder_counts (year, district_id, holders)
    select year, district_id, count(*) from fresh group by 1, 2 order by 1, 2
    on conflict (year, district_id) do update set holders = voucher_holder_counts.holders + excluded.holders`);
}

/** Holders' positive available balances under a policy, locked for expiry. */
export async function availableBalances(tx: Executor, policyId: number) {
  const accounts = await ledger.balances(tx, VOUCHER_BOOK, { scope: policyId, kinds: ['available'], positive: true, forUpdate: true });
  if (accounts.length === 0) {
    return [];
  }
  const ids = accounts.map((a) => a.owner!.id);
  const rows = await tx.execute(sql`select id, district_id from voucher_holders where id in ${ids}`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { id: number; district_id: number }[];
  const district = new Map(list.map((r) => [Number(r.id), Number(r.district_id)]));
  return accounts.map((a) => ({
    holderId: a.owner!.id,
    balanceFen: a.balanceFen,
    districtId: district.get(a.owner!.id)!,
  }));
}

export async function holderBalances(db: Executor, holderId: number, policyId?: number) {
  const accounts = await ledger.balances(db, VOUCHER_BOOK, { owner: { type: 'holder', id: holderId }, kinds: HOLDER_KINDS, scope: policyId });
  return accounts.map((a) => ({ policyId: a.scope, kind: a.kind, balanceFen: a.balanceFen }));
}

/** A policy's unissued budget. */
export async function budgetBalance(db: Executor, policyId: number): Promise<number> {
  const accounts = await ledger.balances(db, VOUCHER_BOOK, { scope: policyId, kinds: ['budget'] });
  return accounts.reduce((s, a) => s + a.balanceFen, 0);
}

export interface LedgerCheck {
  /** Movements whose entries do not sum to zero (or are not a double entry within the book). */
  unbalancedMovements: number;
  /** Accounts whose stored balance differs from the sum of their entries. */
  driftedAccounts: number;
  /** Accounts past zero on the wrong side (the CHECK constraint makes this impossible). */
  negativeAccounts: number;
  /** Holders whose four accounts do not add up to what was issued to them. */
  holderMismatches: number;
  /** Policies whose gross issuance exceeds their budget. */
  overBudgetPolicies: number;
  /** Σ of all balances: zero when the whole ledger balances. */
  totalFen: number;
}

/** The RULES.md §5 invariants, checked over the whole voucher book (tests, auditor's check). */
export async function checkLedger(database: Database, executor?: Executor): Promise<LedgerCheck> {
  const ex = executor ?? database.db;
  const book = await ledger.checkBook(ex, VOUCHER_BOOK);
  const held = await ledger.balanceTotals(ex, VOUCHER_BOOK, { kinds: HOLDER_KINDS, ownerType: 'holder' }, ['scope', 'owner']);
  const sums = new Map(held.map((h) => [`${h.scope}:${h.owner!.id}`, h.balanceFen]));
  const grants = await database.rows<{ policy_id: number; holder_id: number; issued_fen: string | number }>(sql`select policy_id, holder_id, issued_fen from voucher_grants`, executor);
  const [r] = await database.rows<{ over_budget: string | number }>(
    sql`select count(*) as over_budget from voucher_policies p
        where p.issued_fen > p.budget_fen
           or p.issued_fen <> coalesce((select sum(g.issued_fen) from voucher_grants g where g.policy_id = p.id), 0)`,
    executor,
  );
  return {
    unbalancedMovements: book.unbalancedMovements + book.incompleteMovements + book.foreignEntries + book.foreignReversals,
    driftedAccounts: book.driftedAccounts,
    negativeAccounts: book.wrongSideAccounts,
    holderMismatches: grants.filter((g) => Number(g.issued_fen) !== (sums.get(`${g.policy_id}:${g.holder_id}`) ?? 0)).length,
    overBudgetPolicies: Number(r.over_budget),
    totalFen: book.totalFen,
  };
}
