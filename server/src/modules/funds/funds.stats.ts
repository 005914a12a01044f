import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { FundProgramme } from '../../db/schema/index.js';
import { fenToYuan } from '../../lib/money.js';
import { PROGRAMME_NAMES } from './funds.schema.js';

async function raw<T>(db: Executor, q: SQL): Promise<T[]> {
  const r = await db.execute(q);
  return (Array.isArray(r) ? r : ((r as { rows?: unknown[] }).rows ?? [])) as T[];
}

/** Investments count once their quarterly report is accepted. */
const ACCEPTED = sql`exists (select 1 from cases c where c.id = i.report_id and c.status = 'accepted')`;
const yearEnd = (year: number) => `${year}-12-31`;

/** Accepted investments per fund: distinct portfolio companies and the amount. */
export async function investmentTotalsByFund(db: Executor, fundId?: number) {
  const rows = await raw<{ fund_id: number; projects: number; amount: string }>(
    db,
    sql`select i.fund_id, count(distinct coalesce(i.uscc, i.company_name))::int as projects, sum(i.amount_fen)::text as amount
        from fund_investments i where ${ACCEPTED}${fundId === undefined ? sql`` : sql` and i.fund_id = ${fundId}`} group by i.fund_id`,
  );
  return new Map(rows.map((r) => [Number(r.fund_id), { projects: Number(r.projects), amountFen: Number(r.amount) }]));
}

export const FUND_INDICATOR_CODES = [
  'guidance_fund.partner_funds',
  'guidance_fund.scale',
  'guidance_fund.new_partners',
  'guidance_fund.invested_projects',
  'guidance_fund.invested_amount',
  'angel_fund.partner_funds',
  'angel_fund.new',
  'angel_fund.scale',
  'overseas.projects_invested',
  'overseas.projects_returned',
] as const;
export type FundIndicatorCode = (typeof FUND_INDICATOR_CODES)[number];

const ALIVE = (year: number) => sql`f.set_up_on <= ${yearEnd(year)}::date and (f.exited_on is null or f.exited_on > ${yearEnd(year)}::date)`;
const NEW = (year: number) => sql`f.set_up_on between ${`${year}-01-01`}::date and ${yearEnd(year)}::date`;

/** Every code's figure of a year, city-wide or for one district, or for every district (districtId → code → value). */
async function figures(db: Executor, year: number, districtId?: number): Promise<Map<number | null, Record<FundIndicatorCode, number>>> {
  const fd = districtId === undefined ? sql`` : sql` and f.district_id = ${districtId}`;
  const id = districtId === undefined ? sql`` : sql` and i.district_id = ${districtId}`;
  const od = districtId === undefined ? sql`` : sql` and o.returned_district_id = ${districtId}`;
  const funds = await raw<{ district_id: number | null; programme: FundProgramme; alive: number; scale: string; new: number }>(
    db,
    sql`select f.district_id, f.programme, (count(*) filter (where ${ALIVE(year)}))::int as alive,
          coalesce(sum(f.scale_fen) filter (where ${ALIVE(year)}), 0)::text as scale, (count(*) filter (where ${NEW(year)}))::int as new
        from partner_funds f where true${fd} group by f.district_id, f.programme`,
  );
  const inv = await raw<{ district_id: number | null; g: number; projects: number; amount: string }>(
    db,
    sql`select i.district_id, grouping(i.district_id)::int as g, count(distinct (i.fund_id, coalesce(i.uscc, i.company_name)))::int as projects, coalesce(sum(i.amount_fen), 0)::text as amount
        from fund_investments i join partner_funds f on f.id = i.fund_id
        where f.programme = 'guidance' and i.invested_on <= ${yearEnd(year)}::date and ${ACCEPTED}${id} group by rollup (i.district_id)`,
  );
  const overseas = await raw<{ district_id: number | null; invested: number; returned: number }>(
    db,
    sql`select o.returned_district_id as district_id, (count(*) filter (where o.invested_on <= ${yearEnd(year)}::date))::int as invested,
          (count(*) filter (where o.returned_on <= ${yearEnd(year)}::date))::int as returned
        from overseas_projects o where true${od} group by o.returned_district_id`,
  );
  const out = new Map<number | null, Record<FundIndicatorCode, number>>();
  const at = (d: number | null) => {
    let v = out.get(d);
    if (!v) {
      v = Object.fromEntries(FUND_INDICATOR_CODES.map((c) => [c, 0])) as Record<FundIndicatorCode, number>;
      out.set(d, v);
    }
    return v;
  };
  const city = at(null);
  for (const r of funds) {
    const prefix = r.programme === 'guidance' ? 'guidance_fund' : 'angel_fund';
    for (const v of districtId === undefined ? [city, at(r.district_id === null ? -1 : Number(r.district_id))] : [city]) {
      v[`${prefix}.partner_funds`] += Number(r.alive);
      v[`${prefix}.scale`] += fenToYuan(Number(r.scale));
      v[r.programme === 'guidance' ? 'guidance_fund.new_partners' : 'angel_fund.new'] += Number(r.new);
    }
  }
  // rollup: the grouping row is the total (distinct projects are not additive over districts)
  const total = inv.find((r) => Number(r.g) === 1);
  city['guidance_fund.invested_projects'] = Number(total?.projects ?? 0);
  city['guidance_fund.invested_amount'] = fenToYuan(Number(total?.amount ?? 0));
  if (districtId === undefined) {
    for (const r of inv) {
      if (Number(r.g) === 0 && r.district_id !== null) {
        const v = at(Number(r.district_id));
        v['guidance_fund.invested_projects'] = Number(r.projects);
        v['guidance_fund.invested_amount'] = fenToYuan(Number(r.amount));
      }
    }
  }
  // an overseas project belongs to a district only once it has come back to Hangzhou
  for (const r of overseas) {
    city['overseas.projects_returned'] += Number(r.returned);
    city['overseas.projects_invested'] += districtId === undefined ? Number(r.invested) : 0;
    if (districtId === undefined && r.district_id !== null) {
      at(Number(r.district_id))['overseas.projects_returned'] += Number(r.returned);
    }
  }
  out.delete(-1);
  return out;
}

export async function fundIndicators(db: Executor, opts: { year: number; districtId?: number }): Promise<Record<string, number>> {
  return (await figures(db, opts.year, opts.districtId)).get(null)!;
}

export async function fundIndicatorsByDistrict(db: Executor, year: number): Promise<Map<number, Record<string, number>>> {
  const all = await figures(db, year);
  all.delete(null);
  return all as Map<number, Record<string, number>>;
}

export interface FundIndicatorRecord {
  id: number;
  type: string;
  name: string;
  districtId: number | null;
  date: string;
  amount: number | null;
  enterpriseId: number | null;
}

/** The records behind a code, by date and id (keyset). */
export async function fundIndicatorRecords(
  db: Executor,
  opts: { code: FundIndicatorCode; year: number; districtId?: number; limit: number; after?: { date: string; id: number } },
): Promise<{ total: number; items: FundIndicatorRecord[] }> {
  const { code, year } = opts;
  let base: SQL;
  if (code.startsWith('guidance_fund.invested')) {
    base = sql`select i.id, '合作基金投资（' || f.name || '，' || i.round || '）' as type, i.company_name as name, i.district_id, i.invested_on as date, i.amount_fen as amount_fen, i.enterprise_id
      from fund_investments i join partner_funds f on f.id = i.fund_id
      where f.programme = 'guidance' and i.invested_on <= ${yearEnd(year)}::date and ${ACCEPTED}${opts.districtId === undefined ? sql`` : sql` and i.district_id = ${opts.districtId}`}`;
  } else if (code.startsWith('overseas.')) {
    const returned = code === 'overseas.projects_returned';
    base = sql`select o.id, case when o.returned_on is null then '海外投资项目（' || o.country || '）' else '回杭落户：' || o.returned_name end as type, o.name,
        o.returned_district_id as district_id, ${returned ? sql`o.returned_on` : sql`o.invested_on`} as date, o.amount_fen, o.returned_enterprise_id as enterprise_id
      from overseas_projects o where ${returned ? sql`o.returned_on` : sql`o.invested_on`} <= ${yearEnd(year)}::date${opts.districtId === undefined ? sql`` : sql` and o.returned_district_id = ${opts.districtId}`}`;
  } else {
    const programme: FundProgramme = code.startsWith('guidance') ? 'guidance' : 'angel';
    const when = code.endsWith('.new') || code.endsWith('new_partners') ? NEW(year) : ALIVE(year);
    base = sql`select f.id, ${PROGRAMME_NAMES[programme]} || '合作基金' as type, f.name, f.district_id, f.set_up_on as date, f.scale_fen as amount_fen, null::int as enterprise_id
      from partner_funds f where f.programme = ${programme} and ${when}${opts.districtId === undefined ? sql`` : sql` and f.district_id = ${opts.districtId}`}`;
  }
  const [t] = await raw<{ n: number }>(db, sql`select count(*)::int as n from (${base}) b`);
  const after = opts.after ? sql` where (b.date, b.id) > (${opts.after.date}::date, ${opts.after.id}::int)` : sql``;
  const rows = await raw<{ id: number; type: string; name: string; district_id: number | null; date: string; amount_fen: string | null; enterprise_id: number | null }>(
    db,
    sql`select b.id, b.type, b.name, b.district_id, b.date::text as date, b.amount_fen::text as amount_fen, b.enterprise_id from (${base}) b${after} order by b.date, b.id limit ${opts.limit}`,
  );
  return {
    total: Number(t?.n ?? 0),
    items: rows.map((r) => ({
      id: Number(r.id),
      type: r.type,
      name: r.name,
      districtId: r.district_id === null ? null : Number(r.district_id),
      date: r.date,
      amount: r.amount_fen === null ? null : fenToYuan(Number(r.amount_fen)),
      enterpriseId: r.enterprise_id === null ? null : Number(r.enterprise_id),
    })),
  };
}

/** Charts: the programmes' scale at each year end, and accepted investments by district and industry up to a year's end. */
export async function fundCharts(db: Executor, year: number) {
  const years = await raw<{ year: number; programme: FundProgramme; funds: number; scale: string }>(
    db,
    sql`select y.year::int as year, f.programme, count(*)::int as funds, sum(f.scale_fen)::text as scale
        from generate_series(2009, ${year}::int) y(year)
        join partner_funds f on f.set_up_on <= make_date(y.year, 12, 31) and (f.exited_on is null or f.exited_on > make_date(y.year, 12, 31))
        group by y.year, f.programme order by y.year, f.programme`,
  );
  const byDistrict = await raw<{ district_name: string | null; projects: number; amount: string }>(
    db,
    sql`select d.name as district_name, count(*)::int as projects, sum(i.amount_fen)::text as amount
        from fund_investments i left join districts d on d.id = i.district_id
        where i.invested_on <= ${yearEnd(year)}::date and ${ACCEPTED} group by d.name, d.sort_order order by d.sort_order nulls last`,
  );
  const byIndustry = await raw<{ industry: string; projects: number; amount: string }>(
    db,
    sql`select i.industry, count(*)::int as projects, sum(i.amount_fen)::text as amount
        from fund_investments i where i.invested_on <= ${yearEnd(year)}::date and ${ACCEPTED} group by i.industry order by sum(i.amount_fen) desc`,
  );
  return {
    year,
    scaleByYear: years.map((r) => ({ year: Number(r.year), programme: r.programme, funds: Number(r.funds), scale: fenToYuan(Number(r.scale)) })),
    byDistrict: byDistrict.map((r) => ({ districtName: r.district_name ?? '市外/未登记', projects: Number(r.projects), amount: fenToYuan(Number(r.amount)) })),
    byIndustry: byIndustry.map((r) => ({ industry: r.industry, projects: Number(r.projects), amount: fenToYuan(Number(r.amount)) })),
  };
}
