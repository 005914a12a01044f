import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';

export const CARRIER_INDICATOR_CODES = [
  'incubator.national.valid',
  'incubator.national.new',
  'incubator.municipal.valid',
  'incubator.municipal.new',
  'incubator.area.total',
  'incubator.area.new',
  'incubator.firms_cum',
  'makerspace.municipal.valid',
  'makerspace.municipal.new',
  'makerspace.national_system',
] as const;
export type CarrierIndicatorCode = (typeof CARRIER_INDICATOR_CODES)[number];

const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? (r as T[]) : ((r as { rows: T[] }).rows ?? []));

/**
 * Every carrier figure of a year per district, counted from the records: recognitions valid on
 * Dec 31 (recognised by then, not revoked by then) and new in the year; the area of incubators
 * valid at any level, and of those first recognised in the year; the firms ever entered (by Dec 31)
 * in incubators valid on Dec 31.
 */
async function figuresByDistrict(db: Executor, year: number, districtId?: number): Promise<Map<number, Record<CarrierIndicatorCode, number>>> {
  const end = `${year}-12-31`;
  const start = `${year}-01-01`;
  const districtFilter = districtId === undefined ? sql`true` : sql`c.district_id = ${districtId}`;
  const res = await db.execute(sql`
    with rec as (
      select r.carrier_id, r.level, r.kind, r.recognised_on,
             (r.recognised_on <= ${end}::date and (r.revoked_on is null or r.revoked_on > ${end}::date)) as valid,
             (r.recognised_on between ${start}::date and ${end}::date) as is_new
      from carrier_recognitions r
    ),
    inc as (
      select c.id, c.district_id, c.area_m2,
             bool_or(rec.valid) as valid,
             min(rec.recognised_on) as first_on
      from carriers c join rec on rec.carrier_id = c.id
      where c.kind = 'incubator' and ${districtFilter}
      group by c.id
    ),
    firms as (
      select inc.district_id, count(*)::int as n
      from carrier_firms f join inc on inc.id = f.carrier_id
      where inc.valid and f.entered_on <= ${end}::date
      group by inc.district_id
    ),
    counts as (
      select c.district_id,
        count(*) filter (where rec.kind = 'incubator' and rec.level = 'national' and rec.valid)::int as inv,
        count(*) filter (where rec.kind = 'incubator' and rec.level = 'national' and rec.is_new)::int as inn,
        count(*) filter (where rec.kind = 'incubator' and rec.level = 'municipal' and rec.valid)::int as imv,
        count(*) filter (where rec.kind = 'incubator' and rec.level = 'municipal' and rec.is_new)::int as imn,
        count(*) filter (where rec.kind = 'makerspace' and rec.level = 'municipal' and rec.valid)::int as mmv,
        count(*) filter (where rec.kind = 'makerspace' and rec.level = 'municipal' and rec.is_new)::int as mmn,
        count(*) filter (where rec.kind = 'makerspace' and rec.level = 'national' and rec.valid)::int as mns
      from rec join carriers c on c.id = rec.carrier_id
      where ${districtFilter}
      group by c.district_id
    ),
    area as (
      select district_id,
        coalesce(sum(area_m2) filter (where valid), 0)::bigint as total,
        coalesce(sum(area_m2) filter (where first_on between ${start}::date and ${end}::date), 0)::bigint as added
      from inc group by district_id
    )
    select d.id as district_id,
      coalesce(counts.inv, 0) as inv, coalesce(counts.inn, 0) as inn, coalesce(counts.imv, 0) as imv, coalesce(counts.imn, 0) as imn,
      coalesce(counts.mmv, 0) as mmv, coalesce(counts.mmn, 0) as mmn, coalesce(counts.mns, 0) as mns,
      coalesce(area.total, 0)::text as area_total, coalesce(area.added, 0)::text as area_new, coalesce(firms.n, 0) as firms
    from districts d
    left join counts on counts.district_id = d.id
    left join area on area.district_id = d.id
    left join firms on firms.district_id = d.id
  `);
  type Row = { district_id: number; inv: number; inn: number; imv: number; imn: number; mmv: number; mmn: number; mns: number; area_total: string; area_new: string; firms: number };
  const out = new Map<number, Record<CarrierIndicatorCode, number>>();
  for (const r of rowsOf<Row>(res)) {
    if (districtId !== undefined && r.district_id !== districtId) {
      continue;
    }
    out.set(Number(r.district_id), {
      'incubator.national.valid': Number(r.inv),
      'incubator.national.new': Number(r.inn),
      'incubator.municipal.valid': Number(r.imv),
      'incubator.municipal.new': Number(r.imn),
      'incubator.area.total': Number(r.area_total),
      'incubator.area.new': Number(r.area_new),
      'incubator.firms_cum': Number(r.firms),
      'makerspace.municipal.valid': Number(r.mmv),
      'makerspace.municipal.new': Number(r.mmn),
      'makerspace.national_system': Number(r.mns),
    });
  }
  return out;
}

export async function carrierIndicatorsByDistrict(db: Executor, year: number) {
  return figuresByDistrict(db, year);
}

export async function carrierIndicators(db: Executor, opts: { year: number; districtId?: number }): Promise<Record<CarrierIndicatorCode, number>> {
  const by = await figuresByDistrict(db, opts.year, opts.districtId);
  const sum = Object.fromEntries(CARRIER_INDICATOR_CODES.map((c) => [c, 0])) as Record<CarrierIndicatorCode, number>;
  for (const v of by.values()) {
    for (const c of CARRIER_INDICATOR_CODES) {
      sum[c] += v[c];
    }
  }
  return sum;
}

/** The same figures per park (the second geography), for the carriers' page. */
export async function carrierFiguresByPark(db: Executor, year: number) {
  const end = `${year}-12-31`;
  const res = await db.execute(sql`
    select p.id as park_id, p.name as park_name,
      count(distinct c.id) filter (where c.kind = 'incubator')::int as incubators,
      count(distinct c.id) filter (where c.kind = 'makerspace')::int as makerspaces,
      count(distinct c.id) filter (where c.kind = 'platform')::int as platforms,
      coalesce(sum(c.area_m2) filter (where c.kind = 'incubator'), 0)::bigint::text as incubator_area,
      (select count(*)::int from enterprise_parks ep where ep.park_id = p.id) as enterprises
    from parks p
    left join carriers c on c.park_id = p.id and c.exited_on is null and (c.kind = 'platform' or exists (
      select 1 from carrier_recognitions r where r.carrier_id = c.id and r.recognised_on <= ${end}::date and (r.revoked_on is null or r.revoked_on > ${end}::date)
    ))
    group by p.id, p.name, p.sort_order
    order by p.sort_order, p.id
  `);
  type Row = { park_id: number; park_name: string; incubators: number; makerspaces: number; platforms: number; incubator_area: string; enterprises: number };
  return rowsOf<Row>(res).map((r) => ({ parkId: Number(r.park_id), parkName: r.park_name, incubators: Number(r.incubators), makerspaces: Number(r.makerspaces), platforms: Number(r.platforms), incubatorArea: Number(r.incubator_area), enterprises: Number(r.enterprises) }));
}

/** The records behind one figure (drill-down), newest first by (date, id). */
export async function carrierIndicatorRecords(db: Executor, q: { code: CarrierIndicatorCode; year: number; districtId?: number; limit: number; after?: { date: string; id: number } }) {
  const end = `${q.year}-12-31`;
  const start = `${q.year}-01-01`;
  const valid = sql`r.recognised_on <= ${end}::date and (r.revoked_on is null or r.revoked_on > ${end}::date)`;
  const isNew = sql`r.recognised_on between ${start}::date and ${end}::date`;
  const district = q.districtId === undefined ? sql`true` : sql`c.district_id = ${q.districtId}`;
  let base;
  if (q.code === 'incubator.firms_cum') {
    base = sql`select f.id, 'carrier_firm' as type, f.firm_name || '（' || c.name || '）' as name, c.district_id, f.entered_on::text as date, null::bigint as amount, f.enterprise_id
      from carrier_firms f join carriers c on c.id = f.carrier_id
      where c.kind = 'incubator' and f.entered_on <= ${end}::date and ${district}
        and exists (select 1 from carrier_recognitions r where r.carrier_id = c.id and ${valid})`;
  } else if (q.code === 'incubator.area.total' || q.code === 'incubator.area.new') {
    const cond = q.code === 'incubator.area.total' ? sql`bool_or(${valid})` : sql`min(r.recognised_on) between ${start}::date and ${end}::date`;
    base = sql`select c.id, 'carrier' as type, c.name, c.district_id, min(r.recognised_on)::text as date, c.area_m2::bigint as amount, null::int as enterprise_id
      from carriers c join carrier_recognitions r on r.carrier_id = c.id
      where c.kind = 'incubator' and ${district}
      group by c.id having ${cond}`;
  } else {
    const [kind, level, what] = q.code === 'makerspace.national_system' ? ['makerspace', 'national', 'valid'] : q.code.split('.');
    base = sql`select r.id, r.reference as type, c.name, c.district_id, r.recognised_on::text as date, null::bigint as amount, null::int as enterprise_id
      from carrier_recognitions r join carriers c on c.id = r.carrier_id
      where r.kind = ${kind} and r.level = ${level} and ${what === 'new' ? isNew : valid} and ${district}`;
  }
  const after = q.after ? sql`where (date, id) < (${q.after.date}, ${q.after.id})` : sql``;
  const [totalRes, pageRes] = [
    await db.execute(sql`select count(*)::int as n from (${base}) b`),
    await db.execute(sql`select * from (${base}) b ${after} order by date desc, id desc limit ${q.limit}`),
  ];
  type Row = { id: number; type: string; name: string; district_id: number; date: string; amount: string | number | null; enterprise_id: number | null };
  return {
    total: Number(rowsOf<{ n: number }>(totalRes)[0]?.n ?? 0),
    items: rowsOf<Row>(pageRes).map((r) => ({ id: Number(r.id), type: r.type, name: r.name, districtId: Number(r.district_id), date: r.date, amount: r.amount === null ? null : Number(r.amount), enterpriseId: r.enterprise_id === null ? null : Number(r.enterprise_id) })),
  };
}
