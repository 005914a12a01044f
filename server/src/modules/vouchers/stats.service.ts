import { sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { fenToYuan } from '../../lib/money.js';
import { actorOf, categoryName } from './vouchers.common.js';
import { isCityReader } from './vouchers.policy.js';

/**
 * What counts (docs/vouchers.md): voucher.issued for year Y is the sum of `issue` movements whose
 * value date falls in Y; voucher.used is the sum of `redeem` movements (claims approved) whose
 * value date falls in Y; voucher.holders is the number of distinct holders issued to in Y. A
 * movement is attributed to the holder's district at the time it happened. Both sums are read
 * from the monthly rollup that the same transactions keep exact.
 */
export interface VoucherFigures {
  issued: number;
  used: number;
  holders: number;
}

const yearRange = (year: number) => ({
  from: `${year}-01-01`,
  to: `${year + 1}-01-01`,
});

/** The indicators of one year per district (districtId → figures, in yuan); the indicators module calls this. */
export async function voucherIndicatorsByDistrict(database: Database, year: number, executor?: Executor): Promise<Map<number, VoucherFigures>> {
  const { from, to } = yearRange(year);
  const sums = await database.rows<{
    district_id: number;
    issued: string | number;
    used: string | number;
  }>(
    sql`select district_id, sum(issued_fen) as issued, sum(redeemed_fen) as used from voucher_stats_monthly
        where month >= ${from} and month < ${to} group by district_id`,
    executor,
  );
  const holders = await database.rows<{
    district_id: number;
    n: string | number;
  }>(sql`select district_id, holders as n from voucher_holder_counts where year = ${year}`, executor);
  const out = new Map<number, VoucherFigures>();
  for (const s of sums) {
    out.set(Number(s.district_id), {
      issued: fenToYuan(Number(s.issued)),
      used: fenToYuan(Number(s.used)),
      holders: 0,
    });
  }
  for (const h of holders) {
    const f = out.get(Number(h.district_id)) ?? {
      issued: 0,
      used: 0,
      holders: 0,
    };
    f.holders = Number(h.n);
    out.set(Number(h.district_id), f);
  }
  return out;
}

/** The city-wide (or one district's) indicators of a year: voucher.issued, voucher.used, voucher.holders. */
export async function voucherIndicators(database: Database, opts: { year: number; districtId?: number }, executor?: Executor): Promise<VoucherFigures> {
  const { from, to } = yearRange(opts.year);
  const d = opts.districtId === undefined ? sql`` : sql` and district_id = ${opts.districtId}`;
  const [s] = await database.rows<{
    issued: string | number | null;
    used: string | number | null;
  }>(sql`select sum(issued_fen) as issued, sum(redeemed_fen) as used from voucher_stats_monthly where month >= ${from} and month < ${to}${d}`, executor);
  const [h] = await database.rows<{ n: string | number | null }>(
    sql`select sum(holders) as n from voucher_holder_counts where year = ${opts.year}${d}`,
    executor,
  );
  return {
    issued: fenToYuan(Number(s?.issued ?? 0)),
    used: fenToYuan(Number(s?.used ?? 0)),
    holders: Number(h?.n ?? 0),
  };
}

type By = 'district' | 'provider' | 'category' | 'month';

function districtScope(ctx: RequestContext): number | undefined {
  const actor = actorOf(ctx);
  if (isCityReader(actor)) {
    return undefined;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return actor.districtId;
  }
  throw forbidden('无权查看创新券统计');
}

const usage = (issued: number, redeemed: number) => (issued > 0 ? Math.round((redeemed / issued) * 10000) / 10000 : null);

/** Issued, used (redeemed), usage rate and holders by district / provider / category / month, from the rollup. */
export async function statistics(opts: { database: Database; ctx: RequestContext; year: number; by: By }) {
  const districtId = districtScope(opts.ctx);
  const { from, to } = yearRange(opts.year);
  const scope: SQL = districtId === undefined ? sql`` : sql` and s.district_id = ${districtId}`;
  const keyExpr = {
    district: sql`s.district_id::text`,
    provider: sql`s.provider_id::text`,
    category: sql`s.category`,
    month: sql`to_char(s.month, 'YYYY-MM')`,
  }[opts.by];
  const labelExpr = {
    district: sql`max(d.name)`,
    provider: sql`coalesce(max(p.name), '（未涉及服务机构）')`,
    category: sql`max(s.category)`,
    month: sql`to_char(s.month, 'YYYY-MM')`,
  }[opts.by];
  const rows = await opts.database.rows<{
    key: string;
    label: string;
    issued: string;
    redeemed: string;
    expired: string;
  }>(sql`
    select ${keyExpr} as key, ${labelExpr} as label, sum(s.issued_fen) as issued, sum(s.redeemed_fen) as redeemed, sum(s.expired_fen) as expired
    from voucher_stats_monthly s
    left join districts d on d.id = s.district_id
    left join voucher_providers p on p.id = s.provider_id
    where s.month >= ${from} and s.month < ${to}${scope}
    group by ${keyExpr}${opts.by === 'month' ? sql`, s.month` : sql``}
    order by 1`);
  const holders = await opts.database.rows<{ key: string; n: string }>(sql`
    select ${opts.by === 'district' ? sql`m.district_id::text` : opts.by === 'month' ? sql`to_char(m.value_date, 'YYYY-MM')` : sql`''`} as key, count(distinct m.holder_id) as n
    from voucher_movements m
    where m.kind = 'issue' and m.value_date >= ${from} and m.value_date < ${to}${districtId === undefined ? sql`` : sql` and m.district_id = ${districtId}`}
    group by 1`);
  const holderMap = new Map(holders.map((h) => [h.key, Number(h.n)]));
  const [total] = await opts.database.rows<{ n: string }>(sql`
    select count(distinct m.holder_id) as n from voucher_movements m
    where m.kind = 'issue' and m.value_date >= ${from} and m.value_date < ${to}${districtId === undefined ? sql`` : sql` and m.district_id = ${districtId}`}`);
  const out = rows
    .filter((r) => !(opts.by === 'provider' && r.key === '0') && !(opts.by === 'category' && r.key === ''))
    .map((r) => {
      const issued = fenToYuan(Number(r.issued));
      const redeemed = fenToYuan(Number(r.redeemed));
      return {
        key: r.key,
        label: opts.by === 'category' ? categoryName(r.label) : r.label,
        issued,
        redeemed,
        expired: fenToYuan(Number(r.expired)),
        usageRate: opts.by === 'district' || opts.by === 'month' ? usage(issued, redeemed) : null,
        holders: opts.by === 'district' || opts.by === 'month' ? (holderMap.get(r.key) ?? 0) : null,
      };
    });
  const issued = fenToYuan(rows.reduce((s, r) => s + Number(r.issued), 0));
  const redeemed = fenToYuan(rows.reduce((s, r) => s + Number(r.redeemed), 0));
  return {
    year: opts.year,
    by: opts.by,
    totals: {
      issued,
      redeemed,
      expired: fenToYuan(rows.reduce((s, r) => s + Number(r.expired), 0)),
      usageRate: usage(issued, redeemed),
      holders: Number(total?.n ?? 0),
    },
    rows: out,
  };
}

/** One record behind voucher.issued / voucher.used (a movement) or voucher.holders (a holder and its first issue of the year). */
export interface VoucherIndicatorRecord {
  id: number;
  kind: 'issue' | 'redeem' | 'holder';
  holderName: string;
  enterpriseId: number | null;
  districtId: number | null;
  date: string;
  /** yuan; for a holder, what it was issued in the year */
  amount: number;
}

/**
 * The records behind one voucher indicator of a year (indicators drill-down), keyset-paged on
 * (date, id): issue movements for 'issued', redeem movements for 'used', holders issued to for
 * 'holders'. Same filters as voucherIndicators, so the total equals the figure's count basis.
 */
export async function voucherIndicatorRecords(
  database: Database,
  opts: { figure: 'issued' | 'used' | 'holders'; year: number; districtId?: number; limit: number; after?: { date: string; id: number } },
  executor?: Executor,
): Promise<{ total: number; items: VoucherIndicatorRecord[] }> {
  const { from, to } = yearRange(opts.year);
  const d = opts.districtId === undefined ? sql`` : sql` and m.district_id = ${opts.districtId}`;
  const kind = opts.figure === 'used' ? 'redeem' : 'issue';
  const base = sql`from voucher_movements m join voucher_holders h on h.id = m.holder_id
    where m.kind = ${kind} and m.value_date >= ${from} and m.value_date < ${to}${d}`;
  if (opts.figure === 'holders') {
    const [t] = await database.rows<{ n: string | number }>(sql`select count(distinct m.holder_id) as n ${base}`, executor);
    const after = opts.after ? sql` having (min(m.value_date)::text, h.id) > (${opts.after.date}::text, ${opts.after.id}::int)` : sql``;
    const rows = await database.rows<{ id: number; name: string; enterprise_id: number | null; district_id: number | null; date: string; amount: string | number }>(
      sql`select h.id, max(h.name) as name, max(h.enterprise_id) as enterprise_id, min(m.district_id) as district_id, min(m.value_date)::text as date, sum(m.amount_fen) as amount
          ${base} group by h.id${after} order by 5, 1 limit ${opts.limit}`,
      executor,
    );
    return {
      total: Number(t?.n ?? 0),
      items: rows.map((r) => ({ id: Number(r.id), kind: 'holder', holderName: r.name, enterpriseId: r.enterprise_id === null ? null : Number(r.enterprise_id), districtId: r.district_id === null ? null : Number(r.district_id), date: r.date, amount: fenToYuan(Number(r.amount)) })),
    };
  }
  const [t] = await database.rows<{ n: string | number }>(sql`select count(*) as n ${base}`, executor);
  const after = opts.after ? sql` and (m.value_date, m.id) > (${opts.after.date}::date, ${opts.after.id})` : sql``;
  const rows = await database.rows<{ id: number; name: string; enterprise_id: number | null; district_id: number | null; date: string; amount: string | number }>(
    sql`select m.id, h.name, h.enterprise_id, m.district_id, m.value_date::text as date, m.amount_fen as amount
        ${base}${after} order by m.value_date, m.id limit ${opts.limit}`,
    executor,
  );
  return {
    total: Number(t?.n ?? 0),
    items: rows.map((r) => ({ id: Number(r.id), kind, holderName: r.name, enterpriseId: r.enterprise_id === null ? null : Number(r.enterprise_id), districtId: r.district_id === null ? null : Number(r.district_id), date: r.date, amount: fenToYuan(Number(r.amount)) })),
  };
}
