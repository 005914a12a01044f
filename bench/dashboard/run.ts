/**
 * Dashboard benchmark (QUALITY.md: all indicators of a year on tier M, p95 ≤ 100 ms, never an
 * unbounded GROUP BY over raw tables per request). Loads tier-M-sized indicator sources into its
 * own database — 10M voucher ledger movements over 16 years and 1M registered technology contracts,
 * with the rollups their write paths keep (voucher_stats_monthly, voucher_holder_counts,
 * tm_stats_yearly) — then times, in the same run:
 *   - app:      yearFigures(2015), what GET /api/indicators?year=2015 computes (every registered
 *               source through the owning modules' index.ts, plus reported figures and targets);
 *   - sources:  each module's share of it;
 *   - baseline: the direct GROUP BY over the raw tables (movements and registrations) for the year.
 *
 *   npx tsx bench/dashboard/run.ts [--url postgres://…/kc_bench_dashboard] [--reset] [--movements 10000000] [--contracts 1000000] [--iterations 40]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../server/src/db/client.js';
import { isEmpty, seedDemo } from '../../server/src/db/seed/demo.js';
import { PiiCipher } from '../../server/src/lib/pii.js';
import { registeredSources } from '../../server/src/modules/indicators/indicators.registry.js';
import { yearFigures } from '../../server/src/modules/indicators/index.js';
import { BENCH_PASSWORD, BENCH_PII_KEY, ensureDatabase, fmt, parseArgs } from '../lib/common.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = parseArgs<{ url: string; reset: boolean; movements: string; contracts: string; iterations: string; out: string }>({ url: '', reset: false, movements: '10000000', contracts: '1000000', iterations: '40', out: join(HERE, '..', 'results') });
const url = args.url || process.env.BENCH_DASHBOARD_URL || 'postgres://postgres@127.0.0.1:5432/kc_bench_dashboard';
const log = (m: string) => console.log(`[dashboard] ${m}`);
const YEAR = 2015;
const CHUNK = 1_000_000;

const count = async (db: Database, table: string, where = 'true') =>
  Number((await db.rows<{ n: string }>(sql.raw(`select count(*) as n from ${table} where ${where}`)))[0].n);

async function load(db: Database) {
  const wantMovements = Number(args.movements);
  const wantContracts = Number(args.contracts);
  let loaded = false;
  let have = await count(db, 'voucher_movements', `memo = 'bench'`);
  if (have < wantMovements) {
    loaded = true;
    const t0 = performance.now();
    // Spread over 2010–2025, 13 districts, 200k holders; 40% issue, 30% redeem, 30% book (not counted).
    for (let from = have + 1; from <= wantMovements; from += CHUNK) {
      const to = Math.min(from + CHUNK - 1, wantMovements);
      // Statistics-only movements (no entries): the ledger's commit-time triggers, which would refuse
      // a movement without entries, are off for this synthetic load (replica role, this transaction only).
      await db.db.transaction(async (tx) => {
        await db.rows(sql`set local session_replication_role = replica`, tx);
        await db.rows(
          sql`
          with src as (
            select nextval(pg_get_serial_sequence('ledger_movements', 'id')) as id, i,
                   case when i % 10 < 4 then 'issue' when i % 10 < 7 then 'redeem' else 'book' end as kind,
                   date '2010-01-01' + ((i * 104729) % 5844)::int as value_date
            from generate_series(${from}::bigint, ${to}::bigint) i),
          lm as (
            insert into ledger_movements (id, book_id, kind, value_date, memo) overriding system value
            select src.id, b.id, src.kind, src.value_date, 'bench' from src, ledger_books b where b.code = 'vouchers')
          insert into voucher_movements (id, policy_id, kind, amount_fen, value_date, holder_id, district_id, category, memo)
          select src.id, p.id, src.kind, 100 + (i * 7919) % 2000000, src.value_date, 1 + (i * 15485863) % 200000,
                 d.ids[1 + i % array_length(d.ids, 1)], 'testing', 'bench'
          from src,
               (select min(id) as id from voucher_policies) p,
               (select array_agg(id order by id) as ids from districts where code like '3301%') d`,
          tx,
        );
      });
      log(`movements ${fmt(to)} / ${fmt(wantMovements)}`);
    }
    // The rollup as the write path keeps it (issue/redeem per month, district, provider, category).
    await db.rows(sql`delete from voucher_stats_monthly`);
    await db.rows(sql`
      insert into voucher_stats_monthly (month, district_id, provider_id, category, issued_fen, redeemed_fen, expired_fen, redemptions)
      select date_trunc('month', value_date)::date, district_id, coalesce(provider_id, 0), coalesce(category, ''),
             coalesce(sum(amount_fen) filter (where kind = 'issue'), 0), coalesce(sum(amount_fen) filter (where kind = 'redeem'), 0),
             coalesce(sum(amount_fen) filter (where kind = 'expire'), 0), count(*) filter (where kind = 'redeem')
      from voucher_movements where district_id is not null group by 1, 2, 3, 4`);
    log(`movements loaded in ${fmt((performance.now() - t0) / 1000, 1)} s`);
  }
  have = await count(db, 'tm_deals', `title = 'bench'`);
  if (have < wantContracts) {
    loaded = true;
    const t0 = performance.now();
    for (let from = have + 1; from <= wantContracts; from += CHUNK) {
      const to = Math.min(from + CHUNK - 1, wantContracts);
      await db.rows(sql`
        with deals as (
          insert into tm_deals (source, title, seller_name, buyer_name, district_id, domain, amount_fen, signed_on)
          select 'offline', 'bench', '卖方' || i, '买方' || i, d.ids[1 + i % array_length(d.ids, 1)], '电子信息',
                 10000 + (i * 7919) % 500000000, date '2016-01-01' - ((i * 104729) % 3650)::int
          from generate_series(${from}::bigint, ${to}::bigint) i, (select array_agg(id order by id) as ids from districts where code like '3301%') d
          returning id, seller_name, buyer_name, amount_fen, signed_on)
        insert into tm_contract_registrations (deal_id, status, contract_type, contract_title, seller_name, buyer_name, signed_on, deadline_on, rule_version, amount_fen, technical_income_fen, registration_no, registered_on, registered_at)
        select id, 'registered', 'service', '基准合同', seller_name, buyer_name, signed_on, signed_on + 30, (select min(version) from tm_registration_rules),
               amount_fen, amount_fen, 'BENCH' || id, signed_on + (id % 20)::int, (signed_on + (id % 20)::int)::timestamptz
        from deals`);
      log(`contracts ${fmt(to)} / ${fmt(wantContracts)}`);
    }
    log(`contracts loaded in ${fmt((performance.now() - t0) / 1000, 1)} s`);
  }
  if (loaded) {
    // The other rollups as their write paths keep them (the same statements as their migrations' backfill).
    await db.rows(sql`delete from tm_stats_yearly`);
    await db.rows(sql`
      insert into tm_stats_yearly (year, district_id, deals, amount_fen, income_fen)
      select extract(year from r.registered_on)::smallint, d.district_id, count(*), sum(r.amount_fen), coalesce(sum(r.technical_income_fen), 0)
      from tm_contract_registrations r join tm_deals d on d.id = r.deal_id where r.status = 'registered' and r.registered_on is not null group by 1, 2`);
    await db.rows(sql`delete from voucher_holder_counts`);
    await db.rows(sql`delete from voucher_holder_years`);
    await db.rows(sql`
      insert into voucher_holder_years (year, holder_id, district_id)
      select distinct on (extract(year from value_date), holder_id) extract(year from value_date)::smallint, holder_id, district_id
      from voucher_movements where kind = 'issue' and holder_id is not null and district_id is not null
      order by extract(year from value_date), holder_id, value_date, id`);
    await db.rows(sql`insert into voucher_holder_counts (year, district_id, holders) select year, district_id, count(*) from voucher_holder_years group by 1, 2`);
  }
  await db.rows(sql`analyze`);
}

async function time(iterations: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) {
    await fn();
  }
  const ms: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)];
  return { p50: q(0.5), p95: q(0.95), max: ms[ms.length - 1] };
}

async function main() {
  await ensureDatabase(url, args.reset);
  const db = await openDatabase({ databaseUrl: url, poolSize: 4 });
  await db.migrate();
  if (await isEmpty(db.db)) {
    log('demo seed');
    await seedDemo({ db: db.db, pii: new PiiCipher(BENCH_PII_KEY), password: BENCH_PASSWORD });
  }
  await load(db);
  const n = Number(args.iterations);
  const sizes = {
    movements: await count(db, 'voucher_movements'),
    movementsInYear: await count(db, 'voucher_movements', `value_date >= '${YEAR}-01-01' and value_date < '${YEAR + 1}-01-01'`),
    rollupRows: await count(db, 'voucher_stats_monthly'),
    registrations: await count(db, 'tm_contract_registrations', `status = 'registered'`),
  };
  log(`sizes ${JSON.stringify(sizes)}`);
  const results: Record<string, { p50: number; p95: number; max: number }> = {};
  results['app: yearFigures (all indicators of the year)'] = await time(n, () => yearFigures({ database: db, year: YEAR }));
  for (const s of registeredSources()) {
    results[`  source ${s.module}.values (city)`] = await time(n, () => s.values({ database: db, year: YEAR }));
  }
  const from = `${YEAR}-01-01`;
  const to = `${YEAR + 1}-01-01`;
  results['baseline: direct GROUP BY over raw tables'] = await time(n, async () => {
    await db.rows(sql`select district_id, sum(amount_fen) filter (where kind = 'issue'), sum(amount_fen) filter (where kind = 'redeem'),
                             count(distinct holder_id) filter (where kind = 'issue')
                      from voucher_movements where value_date >= ${from} and value_date < ${to} group by district_id`);
    await db.rows(sql`select d.district_id, count(*), sum(r.amount_fen) from tm_contract_registrations r join tm_deals d on d.id = r.deal_id
                      where r.status = 'registered' and r.registered_on >= ${from}::date and r.registered_on < ${to}::date group by 1`);
  });
  // The rollups must give the direct count's figures (city-wide) on this data too.
  const app = new Map((await yearFigures({ database: db, year: YEAR })).map((f) => [f.code, f.value]));
  const [v] = await db.rows<{ issued: string; used: string; holders: string }>(sql`
    select sum(amount_fen) filter (where kind = 'issue') as issued, sum(amount_fen) filter (where kind = 'redeem') - coalesce(sum(amount_fen) filter (where kind = 'reverse' and claim_id is not null), 0) as used,
           count(distinct holder_id) filter (where kind = 'issue') as holders
    from voucher_movements where value_date >= ${from} and value_date < ${to}`);
  const [m] = await db.rows<{ deals: string; amount: string }>(sql`
    select count(*) as deals, sum(r.amount_fen) as amount from tm_contract_registrations r
    where r.status = 'registered' and r.registered_on >= ${from}::date and r.registered_on < ${to}::date`);
  const check = {
    'voucher.issued': [app.get('voucher.issued'), Number(v.issued) / 100],
    'voucher.used': [app.get('voucher.used'), Number(v.used) / 100],
    'voucher.holders': [app.get('voucher.holders'), Number(v.holders)],
    'techmarket.deals': [app.get('techmarket.deals'), Number(m.deals)],
    'techmarket.amount': [app.get('techmarket.amount'), Number(m.amount) / 100],
  };
  for (const [code, [a, b]] of Object.entries(check)) {
    log(`${code}: rollup ${a} · direct ${b}${Math.abs(Number(a) - Number(b)) < 0.005 ? '' : '  MISMATCH'}`);
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GB, load ${loadavg()
    .map((x) => x.toFixed(2))
    .join('/')}`;
  console.log(`\n${new Date().toISOString()} · ${machine}\n`);
  console.log('| what | p50 ms | p95 ms | max ms |\n|---|---|---|---|');
  for (const [k, v] of Object.entries(results)) {
    console.log(`| ${k} | ${fmt(v.p50, 1)} | ${fmt(v.p95, 1)} | ${fmt(v.max, 1)} |`);
  }
  mkdirSync(args.out, { recursive: true });
  writeFileSync(join(args.out, `dashboard-${Date.now()}.json`), JSON.stringify({ at: new Date().toISOString(), machine, sizes, results, check }, null, 2));
  await db.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
