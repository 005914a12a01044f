import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, recognitions, recognitionFlows } from '../../db/schema/index.js';
import { fixedClock, setBusinessClock } from '../../lib/clock.js';
import { insertCall, insertRecognitionCase, readXlsx } from '../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let officer: Session, xihu: Session, binjiang: Session, auditor: Session;
let restore: (() => void) | undefined;
const setNow = (day: string) => {
  restore?.();
  restore = setBusinessClock(fixedClock(new Date(`${day}T10:00:00+08:00`)));
};
let pool: { id: number; districtId: number; name: string; district: string }[] = [];
let callId = 0;

beforeAll(async () => {
  t = await createTestApp();
  [officer, xihu, binjiang, auditor] = await Promise.all(['officer', 'xihu', 'binjiang', 'auditor'].map((u) => loginAs(t.app, u)));
  pool = await t.deps.database.rows(
    sql`select e.id, e.district_id as "districtId", e.name, d.name as district from enterprises e join districts d on d.id = e.district_id where d.name in ('西湖区', '滨江区') order by e.id desc limit 20`,
  );
  callId = await insertCall(t.deps.database.db, { type: 'hnte', year: 2015, batch: 77, opensOn: '2015-03-01', closesOn: '2015-06-30' });
});
afterAll(async () => {
  restore?.();
  await t.close();
});

/** Three hnte applications through their notice and the officer's decision (a recommendation). */
async function recommended(n: number) {
  setNow('2015-09-28');
  const firms = pool.splice(0, n);
  const ids: number[] = [];
  for (const f of firms) {
    ids.push((await insertRecognitionCase(t.deps.database.db, { callId, type: 'hnte', year: 2015, enterpriseId: f.id, districtId: f.districtId, status: 'scored', panelScore: '80.00', applicationDate: '2015-06-01' })).id);
  }
  const pub = await officer.request('POST', '/api/notices', { subject: 'hnte', year: 2015, title: '2015年度高新技术企业拟推荐名单公示', applicationIds: ids });
  expect(pub.statusCode, pub.body).toBe(201);
  setNow('2015-10-16');
  const all = await officer.request('POST', `/api/notices/${pub.json<{ id: number }>().id}/approve-all`);
  expect(all.json<{ approved: unknown[] }>().approved).toHaveLength(n);
  return { ids, firms };
}

const hnteNew2015 = async () => {
  const [r] = await t.deps.database.rows<{ n: number }>(sql`select coalesce(sum(starts), 0)::int as n from ${recognitionFlows} where type = 'hnte' and year = 2015`);
  return r.n;
};

describe('recommend, then record', () => {
  it('when the officer decides hnte applications after their notice, then they are recommended (no certificate), listed as pending and sent in a batch list that exports to Excel', async () => {
    const before = await hnteNew2015();
    const { ids, firms } = await recommended(3);
    expect(await t.deps.database.db.select().from(recognitions).where(eq(recognitions.applicationId, ids[0]))).toHaveLength(0);
    expect(await hnteNew2015()).toBe(before);

    const pending = (await officer.request('GET', '/api/recognition-recommendations?type=hnte&year=2015&state=pending')).json<{ items: { applicationId: number; statusName: string; upperBody: string; batchId: number | null }[] }>();
    expect(pending.items.filter((i) => ids.includes(i.applicationId))).toHaveLength(3);
    expect(pending.items[0]).toMatchObject({ statusName: '已推荐上报，待上级认定', upperBody: '浙江省高新技术企业认定管理机构', batchId: null });

    // a district officer reads its own district's recommendations only
    const own = (await xihu.request('GET', '/api/recognition-recommendations?type=hnte')).json<{ items: { districtName: string }[] }>().items;
    expect(own.every((i) => i.districtName === '西湖区')).toBe(true);

    // only the city officer makes the batch; a type the city decides itself is never recommended
    const body = { type: 'hnte', year: 2015, title: '2015年度第一批高新技术企业推荐名单', applicationIds: ids };
    expect((await xihu.request('POST', '/api/recognition-batches', body)).statusCode).toBe(403);
    expect((await auditor.request('POST', '/api/recognition-batches', body)).statusCode).toBe(403);
    const municipal = await officer.request('POST', '/api/recognition-batches', { ...body, type: 'municipal_hte' });
    expect(municipal.statusCode).toBe(400);
    expect(municipal.json().error.details.fields[0].field).toBe('type');
    const batch = await officer.request('POST', '/api/recognition-batches', body);
    expect(batch.statusCode, batch.body).toBe(201);
    expect(batch.json()).toMatchObject({ total: 3, submittedOn: '2015-10-16', upperBody: '浙江省高新技术企业认定管理机构' });
    const again = await officer.request('POST', '/api/recognition-batches', body);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details.fields[0].message).toContain('已列入另一推荐上报批次');

    const file = await officer.request('GET', `/api/recognition-batches/${batch.json<{ id: number }>().id}/list.xlsx`);
    expect(file.statusCode).toBe(200);
    const rows = await readXlsx(file.rawPayload);
    expect(rows[0]).toEqual(['序号', '企业名称', '统一社会信用代码', '所属区县', '认定类型', '推荐日期', '上级认定结果', '认定文号', '证书编号']);
    expect(rows.slice(1).map((r) => r[1]).sort()).toEqual(firms.map((f) => f.name).sort());
  });

  it('when the upper body’s result is recorded, then a recognised case gets its certificate valid from the result date and a refused one is rejected, with the document number on the case', async () => {
    const { ids } = await recommended(2);
    const before = await hnteNew2015();
    setNow('2015-12-20');
    const url = (id: number) => `/api/recognition-applications/${id}/upper-result`;
    const result = { recognised: true, docNo: '浙科发高〔2015〕120号', resultOn: '2015-11-30', certificateNo: 'GR201533000123' };

    // who and what: the district cannot, a date before the recommendation or in the future is a field error
    expect((await xihu.request('POST', url(ids[0]), result)).statusCode).toBe(403);
    expect((await auditor.request('POST', url(ids[0]), result)).statusCode).toBe(403);
    const early = await officer.request('POST', url(ids[0]), { ...result, resultOn: '2015-10-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.fields[0]).toMatchObject({ field: 'resultOn' });
    expect((await officer.request('POST', url(ids[0]), { ...result, resultOn: '2016-01-05' })).statusCode).toBe(400);
    expect((await officer.request('POST', url(ids[0]), { ...result, docNo: '' })).statusCode).toBe(400);

    const ok = await officer.request('POST', url(ids[0]), result);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', certificateNo: 'GR201533000123', validUntil: '2018-11-29' });
    const [rec] = await t.deps.database.db.select().from(recognitions).where(eq(recognitions.applicationId, ids[0]));
    expect(rec).toMatchObject({ issuedOn: '2015-11-30', validUntil: '2018-11-29', certificateNo: 'GR201533000123' });
    expect(await hnteNew2015()).toBe(before + 1);
    expect((await officer.request('POST', url(ids[0]), result)).statusCode).toBe(409);

    // the same certificate number twice is refused on the field
    const dup = await officer.request('POST', url(ids[1]), result);
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details.fields[0].field).toBe('certificateNo');

    const no = await officer.request('POST', url(ids[1]), { recognised: false, docNo: '浙科发高〔2015〕120号', resultOn: '2015-11-30' });
    expect(no.statusCode, no.body).toBe(200);
    expect(no.json()).toMatchObject({ status: 'rejected', certificateNo: null });
    const [event] = await t.deps.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, ids[1])).orderBy(sql`id desc`).limit(1);
    expect(event).toMatchObject({ action: 'record_not_recognised', toStatus: 'rejected' });
    expect(event.comment).toContain('浙科发高〔2015〕120号');

    const recorded = (await officer.request('GET', '/api/recognition-recommendations?state=recorded')).json<{ items: { applicationId: number; resultName: string; resultDocNo: string }[] }>().items;
    expect(recorded.filter((i) => ids.includes(i.applicationId)).map((i) => i.resultName).sort()).toEqual(['已认定', '未予认定']);
    expect((await binjiang.request('GET', '/api/recognition-batches')).statusCode).toBe(200);
  });
});
