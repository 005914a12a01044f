import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessToday, fixedClock, setBusinessClock } from '../../lib/clock.js';
import { multipartFile } from '../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { addWorkingDays } from '../calendar/index.js';
import { lockCase, moveCase } from '../cases/index.js';
import { whenJobSettled } from '../jobs/index.js';
import { MAX_STATS_ROWS, parseStatsWorkbook } from './stats.import.js';

let t: TestApp;
let operator: Session, officer: Session, xihu: Session, binjiang: Session, enterprise: Session;
let xihuId: number, yunqiId: number;
let restore: () => void;

type Detail = { id: number; status: string; statusName: string; certificateNo: string | null; actions: { action: string }[]; criteria: { met: boolean }[] };
type Err = { error: { code: string; details: { fields: { field: string; message: string }[] } } };

const FORM = { areaM2: 900, publicAreaM2: 300, firms: 12, mentors: 6, services: ['创业辅导', '投融资对接', '技术支撑'], operatingSince: '2016-01-10', plan: '面向大学生创业团队提供工位、辅导和路演服务。' };
const STATS = { areaM2: 900, firmsInIncubation: 12, newFirms: 12, graduatedFirms: 0, revenue: 1_250_000.5, jobs: 60, investment: 3_000_000, ipCount: 9, events: 24 };

beforeAll(async () => {
  restore = setBusinessClock(fixedClock('2016-09-12'));
  t = await createTestApp();
  [operator, officer, xihu, binjiang, enterprise] = await Promise.all(['carrier', 'officer', 'xihu', 'binjiang', 'enterprise'].map((u) => loginAs(t.app, u)));
  const [d] = await t.deps.database.rows<{ id: number }>(sql`select id from districts where code = '330106'`);
  const [p] = await t.deps.database.rows<{ id: number }>(sql`select id from parks where code = 'yunqi'`);
  [xihuId, yunqiId] = [d.id, p.id];
});
afterAll(async () => {
  restore();
  await t.close();
});

const act = (s: Session, url: string, action: string, comment?: string) => s.request('POST', url, { action, ...(comment ? { comment } : {}) });

describe('a makerspace from its application to its first annual statistics', () => {
  let carrierId: number;
  let appId: number;
  let statsId: number;

  it('when the operator registers a makerspace, then it is its own, the district sees it and another district does not', async () => {
    const res = await operator.request('POST', '/api/carriers', { kind: 'makerspace', name: '云栖小镇·测试众创空间', address: '杭州市西湖区云栖小镇1号', districtId: xihuId, parkId: yunqiId, areaM2: 900, services: ['创业辅导'], managers: [{ name: '周洁', title: '总经理' }] });
    expect(res.statusCode, res.body).toBe(201);
    carrierId = res.json<{ id: number }>().id;
    expect(res.json()).toMatchObject({ parkName: '云栖小镇', districtName: '西湖区', municipalSince: null });
    expect((await xihu.request('GET', `/api/carriers/${carrierId}`)).statusCode).toBe(200);
    expect((await binjiang.request('GET', `/api/carriers/${carrierId}`)).statusCode).toBe(404);
    expect((await enterprise.request('GET', '/api/carriers')).statusCode).toBe(403);
    expect((await xihu.request('PATCH', `/api/carriers/${carrierId}`, { version: 1, areaM2: 1000 })).statusCode).toBe(403);
  });

  it('when the operator admits a firm and it graduates, then the list names its status (statusName)', async () => {
    const admitted = await operator.request('POST', `/api/carriers/${carrierId}/firms`, { firmName: '杭州测试孵化科技有限公司', enteredOn: '2016-03-01' });
    expect(admitted.statusCode, admitted.body).toBe(201);
    expect(admitted.json()).toMatchObject({ status: 'incubating', statusName: '在孵' });
    const ended = await operator.request('POST', `/api/carriers/${carrierId}/firms/${admitted.json<{ id: number }>().id}/end`, { outcome: 'graduated', on: '2016-09-01' });
    expect(ended.statusCode, ended.body).toBe(200);
    const list = await operator.request('GET', `/api/carriers/${carrierId}/firms`);
    expect(list.json<{ items: unknown[] }>().items).toEqual([expect.objectContaining({ status: 'graduated', statusName: '已毕业' })]);
  });

  it('when the form misses the criteria, then submitting is refused on the fields and nothing moves', async () => {
    const res = await operator.request('POST', `/api/carriers/${carrierId}/applications`, { form: { ...FORM, mentors: 2, publicAreaM2: 50 } });
    expect(res.statusCode, res.body).toBe(201);
    appId = res.json<Detail>().id;
    expect(res.json<Detail>().criteria.filter((c) => !c.met)).toHaveLength(2);
    const refused = await act(operator, `/api/carrier-applications/${appId}/actions`, 'submit');
    expect(refused.statusCode).toBe(400);
    expect(refused.json<Err>().error.details.fields.map((f) => f.field).sort()).toEqual(['form.mentors', 'form.publicAreaM2']);
    expect((await operator.request('GET', `/api/carrier-applications/${appId}`)).json<Detail>().status).toBe('draft');
    const again = await operator.request('POST', `/api/carriers/${carrierId}/applications`, { form: FORM });
    expect(again.statusCode).toBe(409);
  });

  it('when the form is corrected, then it goes operator → district → city → notice → decision and the carrier is recognised from the decision date', async () => {
    expect((await operator.request('PATCH', `/api/carrier-applications/${appId}`, { form: FORM })).statusCode).toBe(200);
    expect((await act(operator, `/api/carrier-applications/${appId}/actions`, 'submit')).json<Detail>().status).toBe('submitted');
    expect((await act(binjiang, `/api/carrier-applications/${appId}/actions`, 'district_pass')).statusCode).toBe(404);
    expect((await act(xihu, `/api/carrier-applications/${appId}/actions`, 'district_return')).statusCode).toBe(400);
    expect((await act(xihu, `/api/carrier-applications/${appId}/actions`, 'district_pass')).json<Detail>().status).toBe('district_passed');
    expect((await act(operator, `/api/carrier-applications/${appId}/actions`, 'city_pass')).statusCode).toBe(403);
    const passed = await act(officer, `/api/carrier-applications/${appId}/actions`, 'city_pass');
    expect(passed.json<Detail>().status).toBe('city_passed');

    const pub = await officer.request('POST', '/api/notices', { instrument: 'makerspace', subject: 'municipal', year: 2016, title: '2016年度第二批市级众创空间拟认定名单公示', applicationIds: [appId] });
    expect(pub.statusCode, pub.body).toBe(201);
    const notice = pub.json<{ endsOn: string; items: { summary: string }[] }>();
    expect(notice.items[0].summary).toContain('云栖小镇·测试众创空间');

    const decisionDay = await addWorkingDays(notice.endsOn, 2, t.deps.database.db);
    setBusinessClock(fixedClock(decisionDay));
    const before = (await officer.request('GET', '/api/indicators?year=2016')).json<{ items: { code: string; value: number }[] }>().items.find((i) => i.code === 'makerspace.municipal.new')!.value;
    const decided = await officer.request('POST', `/api/cases/${appId}/decision`, { approve: true });
    expect(decided.statusCode, decided.body).toBe(200);
    const detail = (await operator.request('GET', `/api/carrier-applications/${appId}`)).json<Detail>();
    expect(detail.status).toBe('recognised');
    expect(detail.certificateNo).toMatch(/^杭众创认〔2016〕\d{3}号$/);
    const carrier = (await operator.request('GET', `/api/carriers/${carrierId}`)).json<{ municipalSince: string }>();
    expect(carrier.municipalSince).toBe(businessToday());
    const after = (await officer.request('GET', '/api/indicators?year=2016')).json<{ items: { code: string; value: number }[] }>().items.find((i) => i.code === 'makerspace.municipal.new')!.value;
    expect(after).toBe(before + 1);
    const listed = (await t.app.inject({ method: 'GET', url: `/api/carriers/public?parkId=${yunqiId}` })).json<{ items: { id: number }[] }>().items;
    expect(listed.map((i) => i.id)).toContain(carrierId);
  });

  it('when the first annual statistics are inconsistent, then they are refused on the field; consistent ones go through district and city review', async () => {
    const bad = await operator.request('POST', `/api/carriers/${carrierId}/stats`, { year: 2016, fields: { ...STATS, graduatedFirms: 13 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Err>().error.details.fields[0]).toMatchObject({ field: 'fields.graduatedFirms' });
    const future = await operator.request('POST', `/api/carriers/${carrierId}/stats`, { year: 2017, fields: STATS });
    expect(future.json<Err>().error.details.fields[0]).toMatchObject({ field: 'year' });
    const res = await operator.request('POST', `/api/carriers/${carrierId}/stats`, { year: 2016, fields: STATS });
    expect(res.statusCode, res.body).toBe(201);
    statsId = res.json<{ id: number }>().id;
    expect(res.json()).toMatchObject({ status: 'draft', fields: STATS, previous: null, flags: [] });
    expect((await act(operator, `/api/carrier-stats/${statsId}/actions`, 'submit')).json<Detail>().status).toBe('submitted');
    expect((await operator.request('PATCH', `/api/carrier-stats/${statsId}`, { fields: STATS })).statusCode).toBe(409);
    expect((await act(xihu, `/api/carrier-stats/${statsId}/actions`, 'district_return', '请核实从业人员数')).json<Detail>().status).toBe('returned');
    expect((await operator.request('PATCH', `/api/carrier-stats/${statsId}`, { fields: { ...STATS, jobs: 58 } })).statusCode).toBe(200);
    await act(operator, `/api/carrier-stats/${statsId}/actions`, 'submit');
    await act(xihu, `/api/carrier-stats/${statsId}/actions`, 'district_pass');
    const accepted = await act(officer, `/api/carrier-stats/${statsId}/actions`, 'city_accept');
    expect(accepted.json()).toMatchObject({ status: 'accepted', fields: { jobs: 58 } });
  });
});

describe('an incubator is reviewed by an expert panel before the city decides', () => {
  const INCUBATOR_FORM = { areaM2: 5200, publicAreaM2: 800, firms: 26, mentors: 8, services: ['创业辅导', '投融资对接', '技术支撑', '知识产权'], operatingSince: '2014-05-01', plan: '面向物联网初创企业提供场地、中试和投融资服务。' };

  /** The scoring is the experts kernel's (tested there): here the last score's system step with its mean. */
  async function panelScored(id: number) {
    await t.deps.database.db.transaction(async (tx) => {
      const ctx = { actor: null, requestId: 'test', ip: '127.0.0.1', system: 'test' };
      const c = await lockCase(tx, ctx, id);
      await moveCase(tx, ctx, c, { action: 'panel_scored', bySystem: true, set: { panelScore: '84.60' } });
    });
  }

  it('when the district has passed an incubator, then the city cannot pass it before a panel; the panel is drawn from the pool and the scored case goes to the notice', async () => {
    const created = await operator.request('POST', '/api/carriers', { kind: 'incubator', name: '云栖小镇·测试孵化器', address: '杭州市西湖区云栖小镇8号', districtId: xihuId, parkId: yunqiId, areaM2: 5200, services: ['创业辅导'], managers: [] });
    expect(created.statusCode, created.body).toBe(201);
    const opened = await operator.request('POST', `/api/carriers/${created.json<{ id: number }>().id}/applications`, { form: INCUBATOR_FORM });
    const id = opened.json<Detail>().id;
    await act(operator, `/api/carrier-applications/${id}/actions`, 'submit');
    const passed = await act(xihu, `/api/carrier-applications/${id}/actions`, 'district_pass');
    expect(passed.json<Detail>().actions.map((a) => a.action)).toEqual([]);
    const early = await act(officer, `/api/carrier-applications/${id}/actions`, 'city_pass');
    expect(early.statusCode).toBe(409);
    expect((await officer.request('GET', `/api/carrier-applications/${id}`)).json<Detail>().actions.map((a) => a.action).sort()).toEqual(['city_reject', 'city_return']);

    expect((await xihu.request('POST', `/api/cases/${id}/panel`, {})).statusCode).toBe(403);
    const drawn = await officer.request('POST', `/api/cases/${id}/panel`, {});
    expect(drawn.statusCode, drawn.body).toBe(201);
    const panel = drawn.json<{ members: { category: string }[]; draws: { seed: string }[] }>();
    expect(panel.members).toHaveLength(5);
    expect(panel.members.filter((m) => m.category === 'technical').length).toBeGreaterThanOrEqual(3);
    expect(panel.draws[0].seed).toMatch(/^\d+$/);
    expect((await officer.request('GET', `/api/carrier-applications/${id}`)).json<Detail>()).toMatchObject({ status: 'expert_review', statusName: '专家评审中' });

    await panelScored(id);
    const scored = await officer.request('GET', `/api/carrier-applications/${id}`);
    expect(scored.json<Detail>()).toMatchObject({ status: 'scored', actions: [{ action: 'city_pass' }, { action: 'city_return' }, { action: 'city_reject' }] });
    expect((await act(officer, `/api/carrier-applications/${id}/actions`, 'city_pass')).json<Detail>().status).toBe('city_passed');
    const pub = await officer.request('POST', '/api/notices', { instrument: 'incubator', subject: 'municipal', year: 2016, title: '2016年度第二批市级科技企业孵化器拟认定名单公示', applicationIds: [id] });
    expect(pub.statusCode, pub.body).toBe(201);
    expect(pub.json<{ items: { summary: string }[] }>().items[0].summary).toContain('云栖小镇·测试孵化器');
  });

  it('when the makerspace is passed by the district, then no panel is drawn for it', async () => {
    const [c] = await t.deps.database.rows<{ id: number }>(sql`select id from cases where instrument = 'makerspace' and status = 'district_passed' order by id limit 1`);
    const res = await officer.request('POST', `/api/cases/${c.id}/panel`, {});
    expect(res.statusCode).toBe(409);
  });
});

describe('national status: the city recommends, the upper body\'s result is recorded', () => {
  type National = { id: number; status: string; statusName: string; carrierId: number; recommendedOn: string; resultDocNo: string | null; events: { action: string; comment: string | null }[] };
  const value = async (code: string, year: number) => (await officer.request('GET', `/api/indicators?year=${year}`)).json<{ items: { code: string; value: number }[] }>().items.find((i) => i.code === code)!.value;

  it('when a carrier is not a recognised municipal one, then it cannot be recommended; a recognised one can, once', async () => {
    const [platform] = await t.deps.database.rows<{ id: number }>(sql`select id from carriers where kind = 'platform' order by id limit 1`);
    expect((await officer.request('POST', `/api/carriers/${platform.id}/national-recommendations`, {})).statusCode).toBe(400);
    const [unrecognised] = await t.deps.database.rows<{ id: number }>(sql`
      select c.id from carriers c where c.kind = 'makerspace' and not exists (select 1 from carrier_recognitions r where r.carrier_id = c.id) order by c.id limit 1`);
    expect((await officer.request('POST', `/api/carriers/${unrecognised.id}/national-recommendations`, {})).statusCode).toBe(409);
    const [ok] = await t.deps.database.rows<{ id: number }>(sql`
      select c.id from carriers c where c.kind = 'incubator' and c.exited_on is null
        and exists (select 1 from carrier_recognitions r where r.carrier_id = c.id and r.level = 'municipal' and r.revoked_on is null)
        and not exists (select 1 from carrier_recognitions r where r.carrier_id = c.id and r.level = 'national')
        and not exists (select 1 from carrier_national_cases n where n.carrier_id = c.id)
      order by c.id desc limit 1`);
    expect((await xihu.request('POST', `/api/carriers/${ok.id}/national-recommendations`, {})).statusCode).toBe(403);
    const res = await officer.request('POST', `/api/carriers/${ok.id}/national-recommendations`, { docNo: '杭科高〔2016〕120号' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<National>()).toMatchObject({ status: 'recommended', recommendedOn: businessToday(), carrierId: ok.id });
    expect((await officer.request('POST', `/api/carriers/${ok.id}/national-recommendations`, {})).statusCode).toBe(409);
  });

  it('when 科技部 recognises a recommended incubator, then the national recognition is issued from the document date and counts; a second result is refused', async () => {
    const pending = (await officer.request('GET', '/api/carrier-national?status=recommended')).json<{ items: (National & { type: string })[] }>().items.filter((n) => n.type === 'incubator');
    expect(pending.length).toBeGreaterThanOrEqual(2);
    const n = pending.find((p) => p.recommendedOn === '2016-07-08')!;
    const before = await value('incubator.national.new', 2016);
    const early = await officer.request('POST', `/api/carrier-national/${n.id}/result`, { recognised: true, docNo: '国科发高〔2016〕301号', resultOn: '2016-07-01' });
    expect(early.statusCode).toBe(400);
    expect((await xihu.request('POST', `/api/carrier-national/${n.id}/result`, { recognised: true, docNo: '国科发高〔2016〕301号', resultOn: '2016-09-01' })).statusCode).toBe(403);
    const res = await officer.request('POST', `/api/carrier-national/${n.id}/result`, { recognised: true, docNo: '国科发高〔2016〕301号', resultOn: '2016-09-01' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<National>()).toMatchObject({ status: 'recognised', resultDocNo: '国科发高〔2016〕301号' });
    expect(res.json<National>().events.at(-1)!.comment).toContain('国科发高〔2016〕301号');
    const carrier = (await officer.request('GET', `/api/carriers/${n.carrierId}`)).json<{ nationalSince: string; recognitions: { level: string; reference: string; caseId: number | null }[] }>();
    expect(carrier.nationalSince).toBe('2016-09-01');
    expect(carrier.recognitions.find((r) => r.level === 'national')).toMatchObject({ reference: '国科发高〔2016〕301号', caseId: n.id });
    expect(await value('incubator.national.new', 2016)).toBe(before + 1);
    expect((await officer.request('POST', `/api/carrier-national/${n.id}/result`, { recognised: false, docNo: '国科发高〔2016〕302号', resultOn: '2016-09-02' })).statusCode).toBe(409);
  });

  it('when 科技部 does not recognise one, then the case ends and no recognition is issued', async () => {
    const pending = (await officer.request('GET', '/api/carrier-national?status=recommended')).json<{ items: National[] }>().items;
    const n = pending.find((p) => p.recommendedOn === '2016-07-08')!;
    const res = await officer.request('POST', `/api/carrier-national/${n.id}/result`, { recognised: false, docNo: '国科发高〔2016〕305号', resultOn: '2016-09-05', comment: '孵化绩效指标未达到国家级要求' });
    expect(res.json<National>()).toMatchObject({ status: 'not_recognised' });
    const carrier = (await officer.request('GET', `/api/carriers/${n.carrierId}`)).json<{ nationalSince: string | null }>();
    expect(carrier.nationalSince).toBeNull();
  });
});

describe('an enterprise\'s park', () => {
  it('when the city officer sets an enterprise\'s park, then its profile reads it, the park lists it, and another district cannot read it', async () => {
    const [e] = await t.deps.database.rows<{ id: number }>(sql`select id from enterprises where district_id = ${xihuId} order by id desc limit 1`);
    expect((await xihu.request('PUT', `/api/carriers/parks/enterprises/${e.id}`, { parkId: yunqiId })).statusCode).toBe(403);
    expect((await officer.request('PUT', `/api/carriers/parks/enterprises/${e.id}`, { parkId: 999999 })).statusCode).toBe(400);
    const set = await officer.request('PUT', `/api/carriers/parks/enterprises/${e.id}`, { parkId: yunqiId });
    expect(set.json()).toEqual({ enterpriseId: e.id, parkId: yunqiId, parkName: '云栖小镇' });
    expect((await xihu.request('GET', `/api/carriers/parks/enterprises/${e.id}`)).json()).toMatchObject({ parkName: '云栖小镇' });
    expect((await binjiang.request('GET', `/api/carriers/parks/enterprises/${e.id}`)).statusCode).toBe(404);
    expect((await officer.request('GET', `/api/carriers/parks/${yunqiId}/enterprises`)).json<{ items: { id: number }[] }>().items.map((i) => i.id)).toContain(e.id);
    const cleared = await officer.request('PUT', `/api/carriers/parks/enterprises/${e.id}`, { parkId: null });
    expect(cleared.json()).toMatchObject({ parkId: null, parkName: null });
  });
});

describe('the annual statistics in Excel', () => {
  it('when the statistics are exported and read back, then every row and field is the same', async () => {
    const list = (await officer.request('GET', '/api/carrier-stats?year=2015')).json<{ items: { carrierId: number; year: number; fields: Record<string, number> }[] }>().items;
    expect(list.length).toBeGreaterThan(100);
    const file = await officer.request('GET', '/api/carrier-stats/export.xlsx?year=2015');
    expect(file.statusCode).toBe(200);
    const parsed = await parseStatsWorkbook(file.rawPayload);
    expect(parsed.map((r) => ({ carrierId: r.carrierId, year: r.year, fields: r.fields }))).toEqual(list.map((r) => ({ carrierId: r.carrierId, year: r.year, fields: r.fields })));
  });

  type Job = { status: string; error: string | null; result: { saved: number; created: number; flagged: number } | null; rowErrors: { row: number; column: string; message: string }[]; rowErrorTotal: number };
  /** Posts the file (202, a running job), waits for the job and reads it as the operator does. */
  const importFile = async (buffer: Buffer, filename = '统计.xlsx'): Promise<Job> => {
    const mp = multipartFile(buffer, filename);
    const res = await operator.request('POST', '/api/carrier-stats/import', mp.payload, mp.headers);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ kind: 'carrier_stats_import', status: 'running', filename });
    const { id } = res.json<{ id: number }>();
    await whenJobSettled(t.deps.database, id);
    return (await operator.request('GET', `/api/jobs/${id}`)).json<Job>();
  };
  const sheetOf = async (buffer: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const col = (title: string) => [...Array(ws.columnCount).keys()].map((i) => i + 1).find((i) => ws.getRow(1).getCell(i).value === title)!;
    return { wb, ws, col, buffer: async () => Buffer.from(await wb.xlsx.writeBuffer()) };
  };
  const HEADER = ['载体编号', '年度', '场地面积（平方米）', '在孵企业数', '当年新孵企业数', '当年毕业企业数', '在孵企业总收入（元）', '从业人员数', '获得投融资额（元）', '知识产权数', '创业活动场次'];
  const fileOf = async (rows: (number | null)[][]) => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('统计').addRows([HEADER, ...rows]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const mine = async () => (await operator.request('GET', '/api/carriers')).json<{ items: { id: number; name: string }[] }>().items;

  it('when the operator imports its file, then the job saves all rows or, with one refused row, none', async () => {
    const fresh = (await mine()).find((c) => c.name === '云栖小镇·青年创业苑')!;
    const draft = await operator.request('POST', `/api/carriers/${fresh.id}/stats`, { year: 2016, fields: { ...STATS, firmsInIncubation: 14, newFirms: 14 } });
    expect(draft.statusCode, draft.body).toBe(201);
    const draftId = draft.json<{ id: number }>().id;
    const file = await operator.request('GET', '/api/carrier-stats/export.xlsx?year=2016');
    const rows = await parseStatsWorkbook(file.rawPayload);
    // the operator's own carriers only: the accepted test makerspace and the new draft
    expect(rows).toHaveLength(2);

    // the accepted report in the file refuses the whole file: the draft is not changed either
    const { ws, col, buffer } = await sheetOf(file.rawPayload);
    const freshRow = [2, 3].find((n) => Number(ws.getRow(n).getCell(1).value) === fresh.id)!;
    const acceptedRow = freshRow === 2 ? 3 : 2;
    ws.getRow(freshRow).getCell(col('从业人员数')).value = 77;
    const refused = await importFile(await buffer());
    expect(refused).toMatchObject({ status: 'failed', error: '文件有 1 处错误，未导入任何数据', rowErrorTotal: 1 });
    expect(refused.rowErrors).toEqual([{ row: acceptedRow, column: '年度', message: '2016年度统计报表状态为“已审核”，不能再修改' }]);
    expect((await operator.request('GET', `/api/carrier-stats/${draftId}`)).json()).toMatchObject({ fields: { jobs: STATS.jobs } });

    // without that row, the draft is saved from the file, audited with what it was before
    ws.spliceRows(acceptedRow, 1);
    const ok = await importFile(await buffer());
    expect(ok).toMatchObject({ status: 'done', error: null, result: { saved: 1, created: 0 } });
    expect((await operator.request('GET', `/api/carrier-stats/${draftId}`)).json()).toMatchObject({ status: 'draft', fields: { jobs: 77 } });
    const [audit] = await t.deps.database.rows<{ before: { jobs: number }; after: { jobs: number } }>(
      sql`select before, after from audit_log where action = 'carrier_stats_case.update' and object_id = ${String(draftId)} order by id desc limit 1`,
    );
    expect(audit).toMatchObject({ before: { jobs: STATS.jobs }, after: { jobs: 77 } });
  });

  it('when the file has a year without a report, then the job opens it as a draft case with its create event and its year-on-year flags', async () => {
    const chuangke = (await mine()).find((c) => c.name === '梦想小镇·创客邦众创空间')!;
    const [prev] = await t.deps.database.rows<{ firms: number }>(sql`select firms_in_incubation as firms from carrier_stats where carrier_id = ${chuangke.id} and year = 2015`);
    expect(prev, 'the demo makerspace has its 2015 report').toBeDefined();
    const firms = prev.firms * 3;
    // the columns in the file's order (HEADER): 2016, area, firms tripled, 1 new, 0 graduated, revenue, jobs, investment, IP, events
    const done = await importFile(await fileOf([[chuangke.id, 2016, STATS.areaM2, firms, 1, 0, STATS.revenue, firms * 5, STATS.investment, STATS.ipCount, STATS.events]]));
    expect(done, JSON.stringify(done.rowErrors)).toMatchObject({ status: 'done', result: { saved: 1, created: 1, flagged: 1 } });
    const list = (await operator.request('GET', '/api/carrier-stats?year=2016')).json<{ items: { id: number; carrierId: number }[] }>().items;
    const id = list.find((x) => x.carrierId === chuangke.id)!.id;
    const detail = (await operator.request('GET', `/api/carrier-stats/${id}`)).json<{ status: string; title: string; fields: { firmsInIncubation: number }; flags: { field: string }[]; events: { action: string }[]; actions: { action: string }[] }>();
    expect(detail).toMatchObject({ status: 'draft', fields: { firmsInIncubation: firms } });
    expect(detail.flags.map((f) => f.field)).toContain('firmsInIncubation');
    expect(detail.events.map((e) => e.action)).toEqual(['创建']);
    // the case behaves as one opened by the form: the operator submits it
    const submitted = await act(operator, `/api/carrier-stats/${id}/actions`, 'submit');
    expect(submitted.statusCode, submitted.body).toBe(200);
  });

  it('when rows have several problems, then the job fails listing each problem once with its row, and writes nothing', async () => {
    const [other] = await t.deps.database.rows<{ id: number }>(sql`
      select c.id from carriers c join users u on u.organization_id <> c.organization_id where u.username = 'carrier' order by c.id limit 1`);
    const fresh = (await mine()).find((c) => c.name === '云栖小镇·青年创业苑')!;
    const good = [900, 12, 2, 1, 100000, 60, 0, 3, 10];
    const before = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from carrier_stats`);
    const failed = await importFile(
      await fileOf([
        [fresh.id, 2016, ...good], // row 2: fine
        [other.id, 2016, ...good], // row 3: not the operator's (checked once the file reads well)
        [fresh.id, 2016, ...good], // row 4: the same carrier and year again
        [fresh.id, 2015, 900, 12, 2, 13, 100000, 60, 0, 3, 10], // row 5: more graduated than in incubation
        [fresh.id, 2014, 900, 12, 2, 1, 100000, 60, 0, 3, null], // row 6: an empty figure
      ]),
    );
    expect(failed.status).toBe('failed');
    expect(failed.rowErrors.map((e) => [e.row, e.column])).toEqual([
      [4, '载体编号'],
      [5, '当年毕业企业数'],
      [6, '创业活动场次'],
    ]);
    expect(failed.rowErrors[0].message).toBe('与第2行是同一载体同一年度');
    expect(failed.rowErrors[2].message).toBe('必填');

    // once the file reads well, the records are checked: another operator's carrier, a future year, a year before the founding
    const checked = await importFile(await fileOf([[fresh.id, 2016, ...good], [other.id, 2016, ...good], [fresh.id, 2030, ...good], [fresh.id, 2010, ...good]]));
    expect(checked.rowErrors.map((e) => [e.row, e.column])).toEqual([
      [3, '载体编号'],
      [4, '年度'],
      [5, '年度'],
    ]);
    expect(checked.rowErrors[0].message).toMatch(/不是本单位运营的载体/);
    expect(checked.rowErrors[1].message).toBe('统计年度不能晚于2016年');
    expect(await t.deps.database.rows(sql`select count(*)::int as n from carrier_stats`)).toEqual(before);
  });

  it('when a file is over the row limit, an .xls or a CSV, then it is refused (the limit by the job, the format at once with the steps to convert)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('统计');
    ws.addRow(HEADER);
    for (let i = 0; i <= MAX_STATS_ROWS; i++) {
      ws.addRow([i + 1, 2016, 900, 12, 2, 1, 100000, 60, 0, 3, 10]);
    }
    const big = await importFile(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(big).toMatchObject({ status: 'failed', error: `一次最多导入 ${MAX_STATS_ROWS} 行，请拆分文件` });
    for (const [content, name] of [[Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '统计.xls'], [Buffer.from('载体编号,年度\n1,2016\n'), '统计.csv']] as const) {
      const mp = multipartFile(content, name);
      const res = await operator.request('POST', '/api/carrier-stats/import', mp.payload, mp.headers);
      expect(res.statusCode, name).toBe(415);
      expect(res.json<Err>().error.details.fields[0].message).toMatch(/另存为/);
    }
  });
});

describe('annual assessment, subsidies and exit', () => {
  const sheet = (scores: number[]) => ['management', 'services', 'performance', 'finance'].map((code, i) => ({ code, score: scores[i] }));

  it('when the city scores a carrier, then the grade follows the score and the subsidy is a payment order from the carriers book', async () => {
    const [c] = await t.deps.database.rows<{ id: number; org: number }>(sql`
      select c.id, c.organization_id as org from carriers c
      where c.kind = 'incubator' and c.exited_on is null
        and exists (select 1 from carrier_recognitions r where r.carrier_id = c.id and r.revoked_on is null)
        and not exists (select 1 from carrier_assessments a where a.carrier_id = c.id and a.year = 2015)
      order by c.id limit 1`);
    const badItem = await officer.request('POST', `/api/carriers/${c.id}/assessments`, { year: 2015, items: sheet([25, 20, 30, 15]) });
    expect(badItem.statusCode).toBe(400);
    expect(badItem.json<Err>().error.details.fields[0].field).toBe('items.0.score');
    expect((await operator.request('POST', `/api/carriers/${c.id}/assessments`, { year: 2015, items: sheet([18, 20, 30, 15]) })).statusCode).toBe(403);
    const res = await officer.request('POST', `/api/carriers/${c.id}/assessments`, { year: 2015, items: sheet([18, 22, 31, 15]) });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json<{ score: number; grade: string; subsidy: number; paymentOrderId: number }>();
    expect(a).toMatchObject({ score: 86, grade: 'good', subsidy: 200_000 });
    const [order] = await t.deps.database.rows<{ amount_fen: number; status: string; party_id: number; payable: string }>(sql`select amount_fen::int, status, party_id, payable from payment_orders where id = ${a.paymentOrderId}`);
    expect(order).toMatchObject({ amount_fen: 20_000_000, status: 'prepared', party_id: c.org, payable: 'carrier_subsidy' });
    expect((await officer.request('POST', `/api/carriers/${c.id}/assessments`, { year: 2015, items: sheet([18, 22, 31, 15]) })).statusCode).toBe(409);
  });

  it('when a service platform is appraised and accepted, then its own score sheets apply, the grade gives its subsidy and acceptance passes at 60', async () => {
    const sheets = (await officer.request('GET', '/api/carriers/score-sheets')).json<{ items: { carrierKind: string; kind: string; items: { code: string; max: number }[] }[] }>().items;
    const platformAnnual = sheets.find((x) => x.carrierKind === 'platform' && x.kind === 'annual')!;
    const acceptance = sheets.find((x) => x.carrierKind === 'platform' && x.kind === 'acceptance')!;
    expect(platformAnnual.items.reduce((n, i) => n + i.max, 0)).toBe(100);
    expect(acceptance.items.reduce((n, i) => n + i.max, 0)).toBe(100);
    const [p] = await t.deps.database.rows<{ id: number }>(sql`
      select c.id from carriers c where c.kind = 'platform'
        and not exists (select 1 from carrier_assessments a where a.carrier_id = c.id and a.kind = 'acceptance')
      order by c.id limit 1`);
    // the incubators' sheet is not the platform's
    const wrong = await officer.request('POST', `/api/carriers/${p.id}/assessments`, { year: 2016, items: sheet([18, 22, 31, 15]) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<Err>().error.details.fields.map((f) => f.field)).toContain('items.0.code');
    const scores = (codes: { code: string }[], values: number[]) => codes.map((c, i) => ({ code: c.code, score: values[i] }));
    const annual = await officer.request('POST', `/api/carriers/${p.id}/assessments`, { year: 2016, items: scores(platformAnnual.items, [19, 33, 23, 18]) });
    expect(annual.statusCode, annual.body).toBe(201);
    expect(annual.json()).toMatchObject({ score: 93, grade: 'excellent', subsidy: 500_000 });
    const accepted = await officer.request('POST', `/api/carriers/${p.id}/assessments`, { year: 2016, kind: 'acceptance', items: scores(acceptance.items, [30, 12, 15, 8]) });
    expect(accepted.json()).toMatchObject({ kind: 'acceptance', score: 65, grade: 'pass', subsidy: 0, paymentOrderId: null });
  });

  it('when a carrier fails two years in a row, then it exits and its recognitions end that day', async () => {
    const [c] = await t.deps.database.rows<{ id: number }>(sql`
      select c.id from carriers c
      where c.kind = 'makerspace' and c.exited_on is null
        and exists (select 1 from carrier_recognitions r where r.carrier_id = c.id and r.revoked_on is null and r.recognised_on < '2015-12-31')
        and not exists (select 1 from carrier_assessments a where a.carrier_id = c.id)
      order by c.id limit 1`);
    // recognised in 2015: not assessed for 2014
    expect((await officer.request('POST', `/api/carriers/${c.id}/assessments`, { year: 2014, items: sheet([10, 10, 15, 10]) })).statusCode).toBe(409);
    // it fails 2015 and (at the next year's date) 2016
    const y2015 = await officer.request('POST', `/api/carriers/${c.id}/assessments`, { year: 2015, items: sheet([10, 10, 15, 10]) });
    expect(y2015.json()).toMatchObject({ grade: 'fail', subsidy: 0, paymentOrderId: null, exited: false });
    setBusinessClock(fixedClock('2017-03-20'));
    const y2016 = await officer.request('POST', `/api/carriers/${c.id}/assessments`, { year: 2016, items: sheet([12, 10, 15, 10]) });
    expect(y2016.json()).toMatchObject({ grade: 'fail', exited: true });
    const detail = (await officer.request('GET', `/api/carriers/${c.id}`)).json<{ exitedOn: string; recognitions: { revokedOn: string | null }[] }>();
    expect(detail.exitedOn).toBe('2017-03-20');
    expect(detail.recognitions.every((r) => r.revokedOn === '2017-03-20')).toBe(true);
    expect((await officer.request('POST', `/api/carriers/${c.id}/assessments`, { year: 2017, items: sheet([20, 25, 35, 20]) })).statusCode).toBe(409);
  });
});
