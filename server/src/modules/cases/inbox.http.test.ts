import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessToday } from '../../lib/clock.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { addWorkingDays } from '../calendar/index.js';
import { walkInbox } from './inbox.fixtures.js';

interface Item {
  id: number;
  instrument: string;
  status: string;
  statusName: string;
  dueOn: string | null;
  dueState: string | null;
  enterprise: { id: number; name: string } | null;
  district: { code: string; name: string } | null;
  href: string;
}

let t: TestApp;
const s = {} as Record<'officer' | 'xihu' | 'enterprise' | 'expert' | 'provider' | 'auditor', Session>;

/** Every page of the inbox, following nextCursor. */
const walk = (session: Session, query: string, limit = 7) => walkInbox<Item>(session, query, limit);

const ids = (items: Item[]) => items.map((i) => i.id).sort((a, b) => a - b);
const rows = <T>(q: ReturnType<typeof sql>) => t.deps.database.rows<T>(q);

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['officer', 'xihu', 'enterprise', 'expert', 'provider', 'auditor'] as const) {
    s[u] = await loginAs(t.app, u);
  }
});
afterAll(async () => {
  await t.close();
});

describe('the inbox (待办)', () => {
  it('when each role opens its inbox, then it holds exactly the cases of its scope, most urgent first, over keyset pages', async () => {
    const all = await rows<{ id: number; district_id: number; enterprise_id: number; instrument: string }>(sql`select id, district_id, enterprise_id, instrument from cases`);
    const officer = await walk(s.officer, '', 100);
    expect(ids(officer)).toEqual(all.map((r) => r.id).sort((a, b) => a - b));
    expect(ids(await walk(s.auditor, '', 100))).toEqual(ids(officer));
    const dues = officer.map((i) => i.dueOn ?? '9999-12-31');
    expect(dues).toEqual([...dues].sort());
    // small keyset pages of one instrument
    expect(ids(await walk(s.officer, '&instrument=recognitions'))).toEqual(all.filter((r) => r.instrument === 'recognitions').map((r) => r.id).sort((a, b) => a - b));

    const [xihu] = await rows<{ id: number }>(sql`select id from districts where name = '西湖区'`);
    const xihuItems = await walk(s.xihu, '', 100);
    expect(ids(xihuItems)).toEqual(all.filter((r) => r.district_id === xihu.id).map((r) => r.id).sort((a, b) => a - b));
    expect(xihuItems.every((i) => i.district?.name === '西湖区')).toBe(true);

    const me = (await s.enterprise.request('GET', '/api/auth/me')).json<{ organization: { enterpriseId: number } }>();
    const own = await walk(s.enterprise, '');
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((i) => i.enterprise?.id === me.organization.enterpriseId)).toBe(true);
    expect(own.filter((i) => i.instrument === 'recognitions').every((i) => i.href.startsWith('/recognitions/apply/'))).toBe(true);

    expect(await walk(s.provider, '')).toEqual([]);
  });

  it('when "mine" is asked, then each sees what waits for its own step: the district its submissions, the enterprise its drafts and returns, the expert its live seats', async () => {
    const recognitions = '&mine=true&instrument=recognitions';
    expect((await walk(s.xihu, recognitions)).every((i) => i.status === 'submitted')).toBe(true);
    expect((await walk(s.xihu, recognitions)).length).toBeGreaterThan(0);
    expect((await walk(s.enterprise, recognitions)).every((i) => ['draft', 'returned'].includes(i.status))).toBe(true);
    const officerMine = await walk(s.officer, recognitions, 100);
    expect(new Set(officerMine.map((i) => i.status))).toEqual(new Set(officerMine.map((i) => i.status).filter((st) => ['district_passed', 'city_passed', 'scored', 'in_notice', 'recommended'].includes(st))));

    const seats = await rows<{ case_id: number }>(sql`
      select m.case_id from panel_members m join experts x on x.id = m.expert_id join users u on u.id = x.user_id join cases c on c.id = m.case_id
      where u.username = 'expert' and m.status in ('assigned', 'accepted') and c.instrument = 'recognitions' and c.status = 'expert_review'`);
    const expert = await walk(s.expert, '&instrument=recognitions');
    expect(ids(expert)).toEqual(seats.map((r) => r.case_id).sort((a, b) => a - b));
    expect(expert.every((i) => i.href.startsWith('/expert/assignments?application='))).toBe(true);
  });

  it('when due dates are near or past, then items say overdue or due soon, and the summary counts them per instrument', async () => {
    const today = businessToday();
    const soon = await addWorkingDays(today, 3, t.deps.database.db);
    const items = await walk(s.officer, '', 100);
    for (const i of items) {
      expect(i.dueState).toBe(i.dueOn === null ? null : i.dueOn < today ? 'overdue' : i.dueOn <= soon ? 'due_soon' : 'ok');
    }
    const sum = (await s.officer.request('GET', '/api/cases/summary')).json<{ total: number; overdue: number; dueSoon: number; byInstrument: { instrument: string; instrumentName: string; count: number }[] }>();
    expect(sum.total).toBe(items.length);
    expect(sum.overdue).toBe(items.filter((i) => i.dueState === 'overdue').length);
    expect(sum.dueSoon).toBe(items.filter((i) => i.dueState === 'due_soon').length);
    expect(sum.byInstrument).toContainEqual(expect.objectContaining({ instrument: 'recognitions', instrumentName: '资质认定', count: items.filter((i) => i.instrument === 'recognitions').length }));
    expect(sum.byInstrument.reduce((n, b) => n + b.count, 0)).toBe(items.length);
  });

  it('when filters or a cursor are wrong, then 400 names the field; without a session, 401', async () => {
    expect((await s.officer.request('GET', '/api/cases?district=火星区')).json().error.details.fields[0].field).toBe('district');
    expect((await s.officer.request('GET', '/api/cases?cursor=bad')).statusCode).toBe(400);
    expect((await s.officer.request('GET', '/api/cases?instrument=NoSuch')).statusCode).toBe(400);
    expect((await s.officer.request('GET', '/api/cases?dueBefore=2016-13-01')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/cases' })).statusCode).toBe(401);
    const filtered = await walk(s.officer, '&instrument=recognitions&type=hnte&status=submitted&district=330106');
    expect(filtered.every((i) => i.status === 'submitted' && i.district?.code === '330106')).toBe(true);
  });
});
