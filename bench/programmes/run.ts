/**
 * Programmes ranking benchmark: the call ranking (GET /api/programme-calls/:id/ranking's service:
 * the call's scored cases by panel score with the cumulative request and the funding line, and the
 * moderation reasons) over 100,000 project cases in 20 calls, against a bare `select` of the same
 * rows as the baseline, in the same run.
 *
 *   npx tsx bench/programmes/run.ts [--url postgres://…/kc_bench_programmes] [--reset] [--projects 100000] [--calls 20] [--iterations 40]
 */
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../server/src/db/client.js';
import { getRanking } from '../../server/src/modules/programmes/ranking.js';
import { ensureDatabase, fmt, parseArgs } from '../lib/common.js';
import { time } from '../lib/timing.js';

const args = parseArgs<{ url: string; reset: boolean; projects: string; calls: string; iterations: string }>({ url: '', reset: false, projects: '100000', calls: '20', iterations: '40' });
const url = args.url || process.env.BENCH_PROGRAMMES_URL || 'postgres://postgres@127.0.0.1:5432/kc_bench_programmes';
const log = (m: string) => console.log(`[programmes] ${m}`);
/** The status of generated case i (k = its place in its call): 14 of 20 hold a ranking place (scored and after), the rest are earlier in the workflow. */
const statusOf = (k: string) => `(array['scored','scored','scored','scored','ranked','ranked','not_selected','not_selected','not_selected','in_notice','approved','approved','in_progress','in_progress','checked','checked','pending_check','submitted','draft','rejected'])[1 + (${k}) % 20]`;

/** Enterprises, one programme with its 2016 year, the calls and the project cases with their applications, in SQL (generate_series). */
async function load(db: Database, want: number, nCalls: number): Promise<number[]> {
  const existing = await db.rows<{ id: number }>(sql`select c.id from calls c join programme_calls p on p.id = c.id where c.title like '基准指南%' order by c.id`);
  const [{ n }] = await db.rows<{ n: string }>(sql`select count(*) as n from cases where instrument = 'programmes'`);
  if (existing.length === nCalls && Number(n) >= want) {
    return existing.map((c) => c.id);
  }
  if (Number(n) > 0) {
    throw new Error('the bench database holds another shape of data: run with --reset');
  }
  const t0 = performance.now();
  const perCall = Math.ceil(want / nCalls);
  await db.db.transaction(async (tx) => {
    const [district] = await db.rows<{ id: number }>(sql`insert into districts (code, name) values ('B00001', '基准区') returning id`, tx);
    await db.rows(
      sql`insert into enterprises (uscc, name, district_id, registered_on, industry)
          select 'BENCH' || lpad(i::text, 13, '0'), '基准企业' || i, ${district.id}::int, date '2010-01-01' + (i % 2000), '电子信息' from generate_series(1, ${perCall}::int) i`,
      tx,
    );
    const [p] = await db.rows<{ id: number }>(
      sql`insert into programmes (code, name, type, selection, score_items) values ('bench_general', '基准一般项目', 'general', 'district', '[{"code":"innovation","label":"创新性","max":100}]'::jsonb) returning id`,
      tx,
    );
    const [y] = await db.rows<{ id: number }>(sql`insert into programme_years (programme_id, year, budget_fen) values (${p.id}, 2016, 1000000000000) returning id`, tx);
    await db.rows(
      sql`insert into calls (instrument, type, year, batch, title, opens_on, closes_on)
          select 'programmes', 'general', 2016, b, '基准指南第' || b || '批', date '2016-03-01', date '2016-04-30' from generate_series(1, ${nCalls}::int) b`,
      tx,
    );
    await db.rows(
      sql`insert into programme_calls (id, programme_id, programme_year_id, topics, eligibility, ceiling_fen, total_budget_fen)
          select id, ${p.id}::int, ${y.id}::int, '[]'::jsonb, '基准', 100000000, 50000000000 from calls where title like '基准指南%'`,
      tx,
    );
    // case i sits in call (i % calls) for enterprise (i / calls): one live case per call and enterprise
    await db.rows(
      sql.raw(`insert into cases (instrument, type, year, title, call_id, enterprise_id, district_id, status, panel_score)
          select 'programmes', 'general', 2016, '基准项目' || i, c.ids[1 + i % ${nCalls}], (select min(id) from enterprises) + i / ${nCalls}, ${district.id},
                 s.status, case when s.status in ('scored','ranked','not_selected','in_notice','approved','in_progress') then round((60 + (i * 7919 % 4000) / 100.0)::numeric, 2) end
          from generate_series(0, ${want - 1}) i,
               (select array_agg(id order by id) as ids from calls where title like '基准指南%') c,
               lateral (select ${statusOf(`i / ${nCalls}`)} as status) s`),
      tx,
    );
    await db.rows(
      sql`insert into project_applications (id, programme_id, programme_year_id, plan, budget_lines, kpis, milestones, requested_fen, self_raised_fen, moderation_reason)
          select id, ${p.id}::int, ${y.id}::int, '{}'::jsonb, '[]'::jsonb, '[]'::jsonb, '[]'::jsonb, 10000000 + (id::bigint * 104729) % 90000000, 20000000,
                 case when status = 'not_selected' then '评审得分在资助线以下' end
          from cases where instrument = 'programmes'`,
      tx,
    );
  });
  await db.rows(sql`analyze`);
  log(`${fmt(want)} project cases in ${nCalls} calls loaded in ${fmt((performance.now() - t0) / 1000, 1)} s`);
  return (await db.rows<{ id: number }>(sql`select id from calls where title like '基准指南%' order by id`)).map((c) => c.id);
}

async function main() {
  await ensureDatabase(url, args.reset);
  const db = await openDatabase({ databaseUrl: url, poolSize: 4 });
  await db.migrate();
  const callIds = await load(db, Number(args.projects), Number(args.calls));
  const n = Number(args.iterations);
  const call = callIds[Math.floor(callIds.length / 2)];
  const [{ total }] = await db.rows<{ total: string }>(sql`select count(*) as total from cases where instrument = 'programmes'`);
  const [{ ranked }] = await db.rows<{ ranked: string }>(sql`select count(*) as ranked from cases where call_id = ${call} and panel_score is not null`);
  const cases: [string, () => Promise<unknown>][] = [
    [`app: ranking of one call (${fmt(Number(ranked))} ranked cases, with the funding line and reasons)`, () => getRanking({ db: db.db, id: call })],
    [
      'baseline: select the same rows joined, order by score',
      () =>
        db.rows(sql`select c.id, c.title, c.status, c.panel_score, a.requested_fen, a.recommended_fen, e.name, d.name as district
                    from cases c join project_applications a on a.id = c.id left join enterprises e on e.id = c.enterprise_id left join districts d on d.id = c.district_id
                    where c.call_id = ${call} and c.panel_score is not null and c.status in ('scored','ranked','not_selected','in_notice','approved','in_progress','accepting','completed','failed','terminated')
                    order by c.panel_score desc, a.requested_fen, c.id`),
    ],
    ['baseline: select id, panel_score of the call (no join)', () => db.rows(sql`select id, panel_score from cases where call_id = ${call} and panel_score is not null order by panel_score desc, id`)],
  ];
  log(`${fmt(Number(total))} project cases, ${callIds.length} calls; ${n} timed calls each after 3 warm-up calls`);
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
