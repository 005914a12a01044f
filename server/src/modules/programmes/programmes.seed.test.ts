import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { checkBook } from '../ledger/index.js';
import { PROJECT_BOOK } from './index.js';

let t: TestApp;
let officer: Session, enterprise: Session, xihu: Session;
beforeAll(async () => {
  t = await createTestApp();
  [officer, enterprise, xihu] = await Promise.all(['officer', 'enterprise', 'xihu'].map((u) => loginAs(t.app, u)));
});
afterAll(async () => t.close());

type Indicators = { items: { code: string; value: number | null; target?: number | null }[] };

describe('the programmes demo data', () => {
  it('when the indicators of 2015 are read, then 35 major projects were approved, counted from the records', async () => {
    const y2015 = (await officer.request('GET', '/api/indicators?year=2015')).json<Indicators>().items.find((i) => i.code === 'major_project.approved');
    expect(y2015?.value).toBe(35);
    const [{ n }] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from cases where instrument = 'programmes' and type = 'major' and year = 2015 and status in ('not_selected', 'rejected')`);
    expect(n).toBeGreaterThan(0);
    const y2016 = (await officer.request('GET', '/api/indicators?year=2016')).json<Indicators>().items.find((i) => i.code === 'major_project.approved');
    expect(y2016?.value).toBeGreaterThan(0);
    expect(y2016!.value!).toBeLessThan(15);
  });

  it('when the 2016 cases are counted by status, then every state of the workflow up to the contract is there', async () => {
    const rows = await t.deps.database.rows<{ status: string }>(sql`select distinct status from cases where instrument = 'programmes' and year = 2016`);
    // the projects module's demo data moves some of them on (mid-term, acceptance)
    expect(rows.map((r) => r.status)).toEqual(expect.arrayContaining(['approved', 'checked', 'draft', 'in_notice', 'in_progress', 'not_selected', 'pending_check', 'ranked', 'rejected', 'returned', 'scored', 'submitted']));
    const orders = await t.deps.database.rows<{ status: string }>(sql`select distinct status from payment_orders where payable = 'project_tranche'`);
    expect(orders.map((o) => o.status)).toEqual(expect.arrayContaining(['confirmed', 'prepared']));
  });

  it('when the project book is checked, then it balances and no programme-year is over-committed', async () => {
    const check = await checkBook(t.deps.database.db, PROJECT_BOOK);
    expect(check).toMatchObject({ unbalancedMovements: 0, driftedAccounts: 0, wrongSideAccounts: 0, totalFen: 0 });
    const programmes = (await officer.request('GET', '/api/programmes')).json<{ items: { years: { available: number; committed: number }[] }[] }>().items;
    expect(programmes).toHaveLength(3);
    const years = programmes.flatMap((p) => p.years);
    expect(years).toHaveLength(6);
    expect(years.every((y) => y.available >= 0 && y.committed >= 0)).toBe(true);
    expect(years.filter((y) => y.committed > 0).length).toBeGreaterThanOrEqual(5);
  });

  it('when a 2016 call is ranked, then each scored case has a logged kernel draw and scored members whose mean is the score shown', async () => {
    const panels = await t.deps.database.rows<{ id: number; type: string; panel_score: string; draws: number; seeds: number; members: number; mean: string }>(sql`
      select c.id, c.type, c.panel_score,
             (select count(*)::int from panel_draws d where d.case_id = c.id) as draws,
             (select count(*)::int from panel_draws d where d.case_id = c.id and d.seed is not null) as seeds,
             count(m.id)::int as members, round(avg(m.total), 2)::text as mean
      from cases c left join panel_members m on m.case_id = c.id and m.status = 'scored'
      where c.instrument = 'programmes' and c.year = 2016 and c.panel_score is not null
      group by c.id`);
    expect(panels.length).toBeGreaterThan(30);
    for (const p of panels) {
      expect(p).toMatchObject({ draws: 1, seeds: 1, members: p.type === 'major' ? 5 : 3 });
      expect(Number(p.mean)).toBeCloseTo(Number(p.panel_score), 1);
    }
    const call = (await officer.request('GET', '/api/programme-calls?year=2016')).json<{ items: { id: number; title: string }[] }>().items.find((c) => c.title.includes('一般科研项目申报指南（第一批）'))!;
    const ranking = (await officer.request('GET', `/api/programme-calls/${call.id}/ranking`)).json<{ items: { id: number; panelScore: number | null }[] }>().items;
    expect(ranking.length).toBeGreaterThan(5);
    const byId = new Map(panels.map((p) => [p.id, Number(p.panel_score)]));
    expect(ranking.every((r) => r.panelScore !== null && r.panelScore === byId.get(r.id))).toBe(true);
  });

  it('when the demo enterprise and its district look, then they see its own projects only', async () => {
    const mine = (await enterprise.request('GET', '/api/project-applications')).json<{ items: { status: string; enterprise: { name: string } }[] }>().items;
    expect(mine.map((i) => i.status).sort()).toEqual(['approved', 'in_progress']);
    const district = (await xihu.request('GET', '/api/project-applications')).json<{ items: { districtName: string }[] }>().items;
    expect(district.length).toBeGreaterThan(0);
    expect(new Set(district.map((d) => d.districtName))).toEqual(new Set(['西湖区']));
  });
});
