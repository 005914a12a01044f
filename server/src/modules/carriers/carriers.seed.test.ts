import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { CARRIER_TARGETS_2015 as T } from './index.js';

let t: TestApp;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t.app, 'officer');
});
afterAll(async () => t.close());

type Item = { code: string; value: number | null };
const figures = async (year: number, q = '') => {
  const res = await officer.request('GET', `/api/indicators?year=${year}${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries(res.json<{ items: Item[] }>().items.map((i) => [i.code, i.value]));
};

describe('carrier figures from the demo records', () => {
  it('when the demo is seeded, then the 2015 carrier indicators equal the published figures by counting records', async () => {
    const f = await figures(2015);
    expect(f).toMatchObject({
      'incubator.national.valid': T.nationalIncubatorsValid,
      'incubator.national.new': T.nationalIncubatorsNew,
      'incubator.municipal.valid': T.municipalIncubatorsValid,
      'incubator.municipal.new': T.municipalIncubatorsNew,
      'incubator.area.total': T.areaTotal,
      'incubator.area.new': T.areaNew,
      'incubator.firms_cum': T.firmsCum,
      'makerspace.municipal.valid': T.makerspacesValid,
      'makerspace.national_system': T.makerspacesNational,
    });
  });

  it('when the figures are split by district, then the districts add up to the city', async () => {
    const res = await officer.request('GET', '/api/indicators/incubator.municipal.valid/records?year=2015&limit=100');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ total: number }>().total).toBe(T.municipalIncubatorsValid);
    const firms = await officer.request('GET', '/api/indicators/incubator.firms_cum/records?year=2015&limit=5');
    expect(firms.json<{ total: number }>().total).toBe(T.firmsCum);
  });

  it('when 2016 is read at the demo date, then the year has new makerspaces and incubators from decided 2016 applications', async () => {
    const f = await figures(2016);
    expect(f['makerspace.municipal.new']).toBe(12);
    expect(f['incubator.municipal.new']).toBe(5);
    // the incubator that failed two assessments in a row exited on 2016-03-25
    expect(f['incubator.municipal.valid']).toBe(T.municipalIncubatorsValid - 1 + 5);
  });

  it('when the public lists recognised carriers, then exited ones are absent and statistics-only makerspaces are not listed', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/carriers/public?kind=makerspace' });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: { municipalReference: string | null; nationalReference: string | null }[] }>().items;
    expect(items.length).toBe(T.makerspacesValid + 12);
    expect(items.every((i) => i.municipalReference || i.nationalReference)).toBe(true);
  });
});

describe('the 2016 recognition cases in the demo', () => {
  it('when the demo is read, then one incubator application is in an open notice of the notices kernel and every reviewed incubator has a scored panel', async () => {
    const open = (await t.app.inject({ method: 'GET', url: '/api/notices?instrument=incubator&state=open' })).json<{ items: { id: number; title: string }[] }>().items;
    expect(open).toHaveLength(1);
    const notice = (await t.app.inject({ method: 'GET', url: `/api/notices/${open[0].id}` })).json<{ items: { caseId?: number; summary: string }[] }>();
    expect(notice.items).toHaveLength(1);
    const inNotice = (await officer.request('GET', '/api/carrier-applications?status=in_notice')).json<{ items: { id: number; instrument: string; statusName: string }[] }>().items;
    expect(inNotice).toEqual([expect.objectContaining({ instrument: 'incubator', statusName: '公示中' })]);
    const [counts] = await t.deps.database.rows<{ reviewed: number; scored: number; unscored: number }>(sql`
      select count(distinct c.id)::int as reviewed,
             count(*) filter (where m.status = 'scored')::int as scored,
             count(*) filter (where c.panel_score is null)::int as unscored
      from cases c join panel_members m on m.case_id = c.id
      where c.instrument = 'incubator'`);
    // five recognised in the spring and the one in the open notice, five experts each
    expect(counts).toEqual({ reviewed: 6, scored: 30, unscored: 0 });
    const events = (await officer.request('GET', `/api/carrier-applications/${inNotice[0].id}`)).json<{ events: { action: string }[] }>().events.map((e) => e.action);
    expect(events).toEqual(['创建', '提交申请', '区县审核推荐', '抽取评审专家', '专家评审完成', '市科委审定通过', '进入公示']);
  });
});

describe('national status in the demo', () => {
  it('when the 2015 national recognitions are read, then each is the recorded result of a recommendation case with its document number', async () => {
    const rows = await t.deps.database.rows<{ kind: string; reference: string; result_doc_no: string | null; status: string | null; recognised_on: string; recommended_on: string | null }>(sql`
      select r.kind, r.reference, n.result_doc_no, c.status, r.recognised_on::text, n.recommended_on::text
      from carrier_recognitions r
      left join carrier_national_cases n on n.id = r.case_id
      left join cases c on c.id = n.id
      where r.level = 'national' and r.recognised_on between '2015-01-01' and '2015-12-31'`);
    expect(rows.filter((r) => r.kind === 'incubator')).toHaveLength(T.nationalIncubatorsNew);
    expect(rows.every((r) => r.status === 'recognised' && r.result_doc_no === r.reference && r.recommended_on! < r.recognised_on)).toBe(true);
    const pending = (await officer.request('GET', '/api/carrier-national?status=recommended')).json<{ items: unknown[] }>().items;
    expect(pending).toHaveLength(3);
  });
});
