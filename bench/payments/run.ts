/**
 * Payment desk benchmark: the payment-order list (GET /api/payments' service: keyset page, the
 * reviewer's limit, the worked-by names) over 100,000 orders, against a bare `select` of the same
 * page as the baseline, in the same run.
 *
 *   npx tsx bench/payments/run.ts [--url postgres://…/kc_bench_payments] [--reset] [--orders 100000] [--iterations 60]
 */
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../server/src/db/client.js';
import type { Actor } from '../../server/src/http/context.js';
import { listPayments } from '../../server/src/modules/payments/payments.service.js';
import { ensureDatabase, fmt, parseArgs } from '../lib/common.js';
import { time } from '../lib/timing.js';

const args = parseArgs<{ url: string; reset: boolean; orders: string; iterations: string }>({ url: '', reset: false, orders: '100000', iterations: '60' });
const url = args.url || process.env.BENCH_PAYMENTS_URL || 'postgres://postgres@127.0.0.1:5432/kc_bench_payments';
const log = (m: string) => console.log(`[payments] ${m}`);

async function load(db: Database, want: number): Promise<{ userId: number }> {
  const [{ n }] = await db.rows<{ n: string }>(sql`select count(*) as n from payment_orders`);
  let [user] = await db.rows<{ id: number }>(sql`select id from users where username = 'bench.treasurer'`);
  if (!user) {
    const [org] = await db.rows<{ id: number }>(sql`insert into organizations (name, kind) values ('基准测试市科委', 'bureau') returning id`);
    [user] = await db.rows<{ id: number }>(sql`insert into users (username, display_name, password_hash, organization_id, roles) values ('bench.treasurer', '基准复核', 'x', ${org.id}, array['finance_officer']) returning id`);
    await db.rows(sql`insert into users (username, display_name, password_hash, organization_id, roles) values ('bench.officer', '基准经办', 'x', ${org.id}, array['city_officer'])`);
    await db.rows(sql`insert into payment_limits (user_id, limit_fen) values (${user.id}, 500000000)`);
  }
  if (Number(n) >= want) {
    return { userId: user.id };
  }
  const t0 = performance.now();
  const [officer] = await db.rows<{ id: number }>(sql`select id from users where username = 'bench.officer'`);
  // one ledger movement for the approved orders to point at (the list never reads it)
  await db.db.transaction(async (tx) => {
    await db.rows(sql`set local session_replication_role = replica`, tx);
    await db.rows(sql`insert into ledger_books (code, name, account_kinds) values ('bench_payments', '基准', '{}') on conflict do nothing`, tx);
    await db.rows(sql`insert into ledger_movements (book_id, kind, value_date, memo) select id, 'pay', '2016-01-04', 'bench' from ledger_books where code = 'bench_payments'`, tx);
  });
  const [m] = await db.rows<{ id: number }>(sql`select max(id)::int as id from ledger_movements`);
  await db.rows(sql`
    insert into payment_orders (payable, direction, party_type, party_id, party_name, amount_fen, purpose, book_code, movement_kind, debit, credit,
      idempotency_key, status, prepared_by, prepared_by_name, prepared_at, approved_by, approved_at, sent_by, sent_at, confirmed_by, confirmed_at,
      cancelled_by, cancelled_at, ledger_movement_id, bank_reference, paid_on, cancel_reason)
    select p.payable, 'out', 'enterprise', (1 + (i * 7919) % 50000)::int, '基准企业' || (i % 50000), 1000000 + (i * 104729) % 500000000, '第' || (1 + i % 3) || '笔拨款',
      'bench_payments', 'pay', jsonb_build_object('kind', 'committed', 'scope', i, 'owner', null),
      jsonb_build_object('kind', 'paid', 'scope', i, 'owner', jsonb_build_object('type', 'enterprise', 'id', 1 + (i * 7919) % 50000)),
      'bench:' || i, s.status, ${officer.id}::int, '基准经办', now() - (i || ' minutes')::interval,
      case when s.status in ('approved','sent','confirmed') then ${user.id}::int end, case when s.status in ('approved','sent','confirmed') then now() end,
      case when s.status in ('sent','confirmed') then ${user.id}::int end, case when s.status in ('sent','confirmed') then now() end,
      case when s.status = 'confirmed' then ${user.id}::int end, case when s.status = 'confirmed' then now() end,
      case when s.status = 'cancelled' then ${user.id}::int end, case when s.status = 'cancelled' then now() end,
      case when s.status in ('approved','sent','confirmed') then ${m.id}::bigint end,
      case when s.status = 'confirmed' then 'BENCH' || i end, case when s.status = 'confirmed' then date '2016-01-04' + (i % 250)::int end,
      case when s.status = 'cancelled' then '基准取消' end
    from generate_series(${Number(n) + 1}::bigint, ${want}::bigint) i,
      lateral (select (array['project_tranche','project_tranche','interest_subsidy','carrier_subsidy','allocation'])[1 + i % 5] as payable) p,
      lateral (select case when i % 20 < 4 then 'prepared' when i % 20 < 6 then 'approved' when i % 20 < 8 then 'sent' when i % 20 < 19 then 'confirmed' else 'cancelled' end as status) s`);
  await db.rows(sql`analyze payment_orders`);
  log(`${fmt(want - Number(n))} orders loaded in ${fmt((performance.now() - t0) / 1000, 1)} s`);
  return { userId: user.id };
}

async function main() {
  await ensureDatabase(url, args.reset);
  const db = await openDatabase({ databaseUrl: url, poolSize: 4 });
  await db.migrate();
  const { userId } = await load(db, Number(args.orders));
  const actor: Actor = { userId, username: 'bench.treasurer', displayName: '基准复核', roles: ['finance_officer'], organizationId: 1, organizationName: '基准', organizationKind: 'bureau', districtId: null, districtCode: null, districtName: null, enterpriseId: null, via: 'session', credentialId: 'bench', csrfToken: null };
  const n = Number(args.iterations);
  const [{ total }] = await db.rows<{ total: string }>(sql`select count(*) as total from payment_orders`);
  const mid = await db.rows<{ id: number }>(sql`select id from payment_orders order by id desc offset 50000 limit 1`);
  const cursor = Buffer.from(JSON.stringify([null, mid[0].id])).toString('base64url');
  const cases: [string, () => Promise<unknown>][] = [
    ['app: first page, all (20)', () => listPayments({ db: db.db, actor, query: { limit: 20 } })],
    ['baseline: select … order by id desc limit 21', () => db.rows(sql`select * from payment_orders order by id desc limit 21`)],
    ['app: status=prepared (20)', () => listPayments({ db: db.db, actor, query: { limit: 20, status: 'prepared' } })],
    ['baseline: … where status = prepared limit 21', () => db.rows(sql`select * from payment_orders where status = 'prepared' order by id desc limit 21`)],
    ['app: payable=interest_subsidy & status=sent (20)', () => listPayments({ db: db.db, actor, query: { limit: 20, payable: 'interest_subsidy', status: 'sent' } })],
    ['baseline: … where payable and status limit 21', () => db.rows(sql`select * from payment_orders where payable = 'interest_subsidy' and status = 'sent' order by id desc limit 21`)],
    ['app: page at row 50,000 (cursor, 100)', () => listPayments({ db: db.db, actor, query: { limit: 100, cursor } })],
    ['baseline: … where id < cursor limit 101', () => db.rows(sql`select * from payment_orders where id < ${mid[0].id} order by id desc limit 101`)],
  ];
  log(`${fmt(Number(total))} orders; ${n} timed calls each after 3 warm-up calls`);
  console.log('| what | p50 ms | p95 ms | max ms |\n|---|---|---|---|');
  for (const [name, f] of cases) {
    const r = await time(n, f);
    console.log(`| ${name} | ${fmt(r.p50, 2)} | ${fmt(r.p95, 2)} | ${fmt(r.max, 2)} |`);
  }
  await db.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
