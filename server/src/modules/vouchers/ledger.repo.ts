import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { voucherAccounts, voucherEntries, voucherMovements, voucherStatsMonthly, type LedgerAccountKind, type MovementKind } from '../../db/schema/vouchers.js';

/** Contra accounts hold the other side of the bureau's entries and are never positive. */
export const CONTRA_KINDS: ReadonlySet<LedgerAccountKind> = new Set(['appropriation', 'spent', 'returned']);
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

export type NewMovement = typeof voucherMovements.$inferInsert & {
  kind: MovementKind;
};

/** Raised when a conditional update finds the balance short: nothing of the movement is written. */
export class LedgerShortfall extends Error {
  constructor(
    readonly accountId: number,
    readonly kind: LedgerAccountKind,
  ) {
    super(`ledger account ${accountId} (${kind}) would go past zero`);
  }
}

const keyOf = (k: AccountKey) => `${k.policyId}:${k.kind}:${k.holderId ?? ''}:${k.providerId ?? ''}`;

/**
 * Account ids never change once created, so each database handle keeps a small map of them.
 * This is a cache of immutable facts, not a lock: every balance check happens in the database.
 */
const accountCache = new WeakMap<object, Map<string, { id: number; kind: LedgerAccountKind }>>();
const kindById = new WeakMap<object, Map<number, LedgerAccountKind>>();

function cacheFor(root: object) {
  let m = accountCache.get(root);
  if (!m) {
    m = new Map();
    accountCache.set(root, m);
    kindById.set(root, new Map());
  }
  return m;
}

/**
 * Returns the account ids for the keys, creating missing accounts (a concurrency-safe upsert).
 * Call it outside the business transaction (or with a throwaway cache root inside one), so an
 * id is only cached once its row is committed.
 */
export async function accountIds(executor: Executor, root: object, keys: AccountKey[]): Promise<number[]> {
  const cache = cacheFor(root);
  const missing = [...new Map(keys.filter((k) => !cache.has(keyOf(k))).map((k) => [keyOf(k), k])).values()];
  for (let i = 0; i < missing.length; i += 2000) {
    const chunk = missing.slice(i, i + 2000);
    const values = sql.join(
      chunk.map((k) => sql`(${k.policyId}::int, ${k.kind}::text, ${k.holderId ?? null}::int, ${k.providerId ?? null}::int)`),
      sql`, `,
    );
    const result = await executor.execute(sql`
      insert into voucher_accounts (policy_id, kind, holder_id, provider_id) values ${values}
      on conflict on constraint voucher_accounts_key_uq do update set kind = excluded.kind
      returning id, policy_id, kind, holder_id, provider_id`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      id: number | string;
      policy_id: number;
      kind: LedgerAccountKind;
      holder_id: number | null;
      provider_id: number | null;
    }[];
    for (const r of rows) {
      const id = Number(r.id);
      cache.set(
        keyOf({
          policyId: Number(r.policy_id),
          kind: r.kind,
          holderId: r.holder_id === null ? null : Number(r.holder_id),
          providerId: r.provider_id === null ? null : Number(r.provider_id),
        }),
        { id, kind: r.kind },
      );
      kindById.get(root)!.set(id, r.kind);
    }
  }
  return keys.map((k) => {
    const hit = cache.get(keyOf(k));
    if (!hit) {
      throw new Error(`ledger account ${keyOf(k)} missing`);
    }
    return hit.id;
  });
}

function kindOf(root: object, id: number): LedgerAccountKind {
  const k = kindById.get(root)?.get(id);
  if (!k) {
    throw new Error(`unknown ledger account ${id}`);
  }
  return k;
}

/**
 * Applies the net change of every account touched, in ascending account id (so concurrent
 * movements never deadlock), each as one conditional UPDATE that refuses to cross zero.
 */
async function applyDeltas(tx: Executor, root: object, deltas: Map<number, number>): Promise<void> {
  const ids = [...deltas.keys()].filter((id) => deltas.get(id) !== 0).sort((a, b) => a - b);
  if (ids.length > 4) {
    await tx.execute(sql`select id from voucher_accounts where id in ${ids} order by id for update`);
    const values = sql.join(
      ids.map((id) => sql`(${id}::bigint, ${deltas.get(id)}::bigint)`),
      sql`, `,
    );
    const updated = await tx.execute(sql`
      update voucher_accounts a set balance_fen = a.balance_fen + v.delta
      from (values ${values}) as v(id, delta)
      where a.id = v.id and (case when a.kind in ('appropriation','spent','returned') then a.balance_fen + v.delta <= 0 else a.balance_fen + v.delta >= 0 end)
      returning a.id`);
    const got = new Set((Array.isArray(updated) ? updated : (updated as { rows: { id: number | string }[] }).rows).map((r: { id: number | string }) => Number(r.id)));
    const short = ids.find((id) => !got.has(id));
    if (short !== undefined) {
      throw new LedgerShortfall(short, kindOf(root, short));
    }
    return;
  }
  for (const id of ids) {
    const delta = deltas.get(id)!;
    const contra = CONTRA_KINDS.has(kindOf(root, id));
    const guard = contra ? sql`${voucherAccounts.balanceFen} + ${delta} <= 0` : sql`${voucherAccounts.balanceFen} + ${delta} >= 0`;
    const rows = await tx
      .update(voucherAccounts)
      .set({ balanceFen: sql`${voucherAccounts.balanceFen} + ${delta}` })
      .where(and(eq(voucherAccounts.id, id), guard))
      .returning({ id: voucherAccounts.id });
    if (rows.length === 0) {
      throw new LedgerShortfall(id, kindOf(root, id));
    }
  }
}

export interface PostedMovement {
  movement: NewMovement;
  legs: Leg[];
}

/**
 * Posts balanced movements: balances first (conditional updates, so a shortfall writes nothing),
 * then the movements and their entries. The deferred trigger re-checks Σ entries = 0 at commit.
 */
export async function postMovements(tx: Executor, root: object, items: PostedMovement[]): Promise<number[]> {
  if (items.length === 0) {
    return [];
  }
  const deltas = new Map<number, number>();
  for (const { legs } of items) {
    const sum = legs.reduce((s, l) => s + l.amountFen, 0);
    if (sum !== 0 || legs.length < 2) {
      throw new Error('unbalanced movement');
    }
    for (const l of legs) {
      deltas.set(l.accountId, (deltas.get(l.accountId) ?? 0) + l.amountFen);
    }
  }
  await applyDeltas(tx, root, deltas);
  const ids: number[] = [];
  for (let i = 0; i < items.length; i += 1000) {
    const chunk = items.slice(i, i + 1000);
    const rows = await tx
      .insert(voucherMovements)
      .values(chunk.map((c) => c.movement))
      .returning({ id: voucherMovements.id });
    ids.push(...rows.map((r) => r.id));
  }
  const entries = items.flatMap((item, i) =>
    item.legs
      .filter((l) => l.amountFen !== 0)
      .map((l) => ({
        movementId: ids[i],
        accountId: l.accountId,
        amountFen: l.amountFen,
      })),
  );
  for (let i = 0; i < entries.length; i += 3000) {
    await tx.insert(voucherEntries).values(entries.slice(i, i + 3000));
  }
  return ids;
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
  const rows = await tx.execute(sql`
    select a.holder_id, a.balance_fen, h.district_id from voucher_accounts a join voucher_holders h on h.id = a.holder_id
    where a.policy_id = ${policyId} and a.kind = 'available' and a.balance_fen > 0
    order by a.id for update of a`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as {
    holder_id: number;
    balance_fen: number | string;
    district_id: number;
  }[];
  return list.map((r) => ({
    holderId: Number(r.holder_id),
    balanceFen: Number(r.balance_fen),
    districtId: Number(r.district_id),
  }));
}

export async function holderBalances(db: Executor, holderId: number, policyId?: number) {
  const conds = [eq(voucherAccounts.holderId, holderId), inArray(voucherAccounts.kind, [...HOLDER_KINDS])];
  if (policyId !== undefined) {
    conds.push(eq(voucherAccounts.policyId, policyId));
  }
  return db
    .select({
      policyId: voucherAccounts.policyId,
      kind: voucherAccounts.kind,
      balanceFen: voucherAccounts.balanceFen,
    })
    .from(voucherAccounts)
    .where(and(...conds));
}

export interface LedgerCheck {
  /** Movements whose entries do not sum to zero. */
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

/** The RULES.md §5 invariants, checked over the whole ledger (tests, auditor's check). */
export async function checkLedger(database: Database, executor?: Executor): Promise<LedgerCheck> {
  const [r] = await database.rows<Record<string, string | number>>(
    sql`
    select
      (select count(*) from (select movement_id from voucher_entries group by movement_id having sum(amount_fen) <> 0) x) as unbalanced,
      (select count(*) from voucher_accounts a
         where a.balance_fen <> coalesce((select sum(e.amount_fen) from voucher_entries e where e.account_id = a.id), 0)) as drifted,
      (select count(*) from voucher_accounts a
         where (a.kind in ('appropriation','spent','returned') and a.balance_fen > 0)
            or (a.kind not in ('appropriation','spent','returned') and a.balance_fen < 0)) as negative,
      (select count(*) from voucher_grants g
         where g.issued_fen <> coalesce((select sum(a.balance_fen) from voucher_accounts a
                where a.policy_id = g.policy_id and a.holder_id = g.holder_id and a.kind in ('available','frozen','redeemed','expired')), 0)) as holder_mismatch,
      (select count(*) from voucher_policies p
         where p.issued_fen > p.budget_fen
            or p.issued_fen <> coalesce((select sum(g.issued_fen) from voucher_grants g where g.policy_id = p.id), 0)) as over_budget,
      (select coalesce(sum(balance_fen), 0) from voucher_accounts) as total`,
    executor,
  );
  return {
    unbalancedMovements: Number(r.unbalanced),
    driftedAccounts: Number(r.drifted),
    negativeAccounts: Number(r.negative),
    holderMismatches: Number(r.holder_mismatch),
    overBudgetPolicies: Number(r.over_budget),
    totalFen: Number(r.total),
  };
}
