import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecognitionType } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import { fixedClock, setBusinessClock } from '../../lib/clock.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { recordExpiries } from './expiry.js';
import { issueRecognition } from './register.js';

let t: TestApp;
let officer: Session;
let xihu: Session;
let binjiang: Session;
let enterprise: Session;
let provider: Session;
const f = {} as { own: number; xihuOther: number; binjiangEnt: number; xihuDistrict: number; binjiangDistrict: number };
const system: RequestContext = { actor: null, requestId: 'register-test', ip: '127.0.0.1', system: 'test' };

/** Issues a recognition through the shared issueRecognition (certificate number, rollup, audit, timeline). */
async function issue(enterpriseId: number, districtId: number, type: RecognitionType, issuedOn: string, validityYears: number | null = 3) {
  return t.deps.database.db.transaction((tx) => issueRecognition(tx, system, { type, enterpriseId, districtId, applicationId: null, issuedOn, validityYears }));
}

const hnteValid2015 = async (s: Session) => {
  const res = await s.request('GET', '/api/indicators?year=2015');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { code: string; value: number | null }[] }>().items.find((i) => i.code === 'hnte.valid')!.value;
};

beforeAll(async () => {
  t = await createTestApp();
  // the register's cases are dated around the platform's present, not the demo's business date (2016)
  setBusinessClock(fixedClock('2026-06-30'));
  [officer, xihu, binjiang, enterprise, provider] = await Promise.all(['officer', 'xihu', 'binjiang', 'enterprise', 'provider'].map((u) => loginAs(t.app, u)));
  const me = (await enterprise.request('GET', '/api/auth/me')).json<{ organization: { enterpriseId: number } }>();
  f.own = me.organization.enterpriseId;
  const rows = await t.deps.database.rows<{ id: number; district_id: number; name: string }>(sql`
    (select e.id, e.district_id, d.name from enterprises e join districts d on d.id = e.district_id where d.name = '西湖区' and e.id <> ${f.own} order by e.id limit 1)
    union all (select e.id, e.district_id, d.name from enterprises e join districts d on d.id = e.district_id where d.name = '滨江区' order by e.id limit 1)`);
  f.xihuOther = rows[0].id;
  f.xihuDistrict = rows[0].district_id;
  f.binjiangEnt = rows[1].id;
  f.binjiangDistrict = rows[1].district_id;
});
afterAll(async () => {
  await t.close();
});

describe('the register list and detail', () => {
  it('when a district officer lists the register, then it sees only recognitions attributed to its district', async () => {
    const mine = await issue(f.own, f.xihuDistrict, 'eagle', '2021-03-01');
    const theirs = await issue(f.binjiangEnt, f.binjiangDistrict, 'eagle', '2021-03-01');
    const page = (await xihu.request('GET', '/api/recognitions?type=eagle&year=2021&limit=500')).json<{ items: { id: number; districtName: string }[] }>();
    expect(page.items.map((i) => i.id)).toContain(mine.id);
    expect(page.items.map((i) => i.id)).not.toContain(theirs.id);
    expect(new Set(page.items.map((i) => i.districtName))).toEqual(new Set(['西湖区']));
    expect((await binjiang.request('GET', `/api/recognitions/${mine.id}`)).statusCode).toBe(404);
    expect((await xihu.request('GET', `/api/recognitions/${mine.id}`)).statusCode).toBe(200);
  });

  it('when the enterprise user lists the register, then it sees only its own enterprise, not a neighbour in its district', async () => {
    const own = await issue(f.own, f.xihuDistrict, 'municipal_hte', '2022-05-10');
    const neighbour = await issue(f.xihuOther, f.xihuDistrict, 'municipal_hte', '2022-05-10');
    const page = (await enterprise.request('GET', '/api/recognitions?limit=500')).json<{ items: { id: number; enterpriseId: number }[] }>();
    expect(page.items.map((i) => i.id)).toContain(own.id);
    expect(new Set(page.items.map((i) => i.enterpriseId))).toEqual(new Set([f.own]));
    expect((await enterprise.request('GET', `/api/recognitions/${neighbour.id}`)).statusCode).toBe(404);
    expect((await enterprise.request('GET', `/api/recognitions/${neighbour.id}/certificate.docx`)).statusCode).toBe(404);
    expect((await provider.request('GET', '/api/recognitions')).statusCode).toBe(403);
  });

  it('when the detail is read, then it names the enterprise, district, certificate, dates and today\'s status', async () => {
    const r = await issue(f.binjiangEnt, f.binjiangDistrict, 'hnte', '2016-12-01');
    const d = (await officer.request('GET', `/api/recognitions/${r.id}`)).json();
    expect(d).toMatchObject({ id: r.id, type: 'hnte', typeName: '国家高新技术企业', certificateNo: r.certificateNo, districtName: '滨江区', issuedOn: '2016-12-01', validUntil: '2019-11-30', status: 'expired', statusName: '已过期', revocation: null });
    expect(d.certificateNo).toMatch(/^GR20163301\d{5}$/);
    expect(d.enterpriseName.length).toBeGreaterThan(1);
  });

  it('when the status filter is given with a date, then only the recognitions in that state on that date are listed', async () => {
    const r = await issue(f.binjiangEnt, f.binjiangDistrict, 'qinglan', '2030-02-01', 2); // valid 2030-02-01 .. 2032-01-31
    const ids = async (q: string) => (await officer.request('GET', `/api/recognitions?type=qinglan&year=2030&limit=500&${q}`)).json<{ items: { id: number; status: string }[] }>().items;
    expect((await ids('status=valid&on=2031-06-01')).map((i) => i.id)).toContain(r.id);
    expect((await ids('status=expired&on=2031-06-01')).map((i) => i.id)).not.toContain(r.id);
    expect((await ids('status=expired&on=2032-02-01')).map((i) => i.id)).toContain(r.id);
    expect((await ids('status=valid&on=2032-01-31')).map((i) => i.id)).toContain(r.id);
    expect((await ids('on=2032-02-01')).find((i) => i.id === r.id)?.status).toBe('expired');
  });

  it('when the list is walked with limit 2, then the pages hold every row once, newest issue date first', async () => {
    for (const day of ['2040-01-05', '2040-03-05', '2040-03-05', '2040-07-01', '2040-12-31']) {
      await issue(f.own, f.xihuDistrict, 'agri_enterprise', day, null);
    }
    const seen: { id: number; issuedOn: string }[] = [];
    let cursor: string | null = null;
    do {
      const res = await officer.request('GET', `/api/recognitions?type=agri_enterprise&year=2040&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const page = res.json<{ items: { id: number; issuedOn: string }[]; nextCursor: string | null }>();
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen.map((s) => s.id)).size).toBe(5);
    const sorted = [...seen].sort((a, b) => (a.issuedOn === b.issuedOn ? b.id - a.id : b.issuedOn.localeCompare(a.issuedOn)));
    expect(seen).toEqual(sorted);
    expect((await officer.request('GET', '/api/recognitions?cursor=bm90LWEtY3Vyc29y')).statusCode).toBe(400);
  });

  it('when a filter is malformed, then 400 with a Chinese field message', async () => {
    const res = await officer.request('GET', '/api/recognitions?type=nope&status=gone&on=2020-02-30');
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/认定类型|状态|日期/);
    expect((await officer.request('GET', `/api/recognitions?district=${encodeURIComponent('火星区')}`)).statusCode).toBe(400);
  });

  it('when the counts of a year are read, then they follow the rollup: valid on Dec 31 and new in the year, per type', async () => {
    const before = (await officer.request('GET', '/api/recognitions/counts?year=2050')).json<{ items: { type: string; valid: number; issued: number }[] }>();
    await issue(f.own, f.xihuDistrict, 'rd_center_municipal', '2050-06-01', 3);
    await issue(f.own, f.xihuDistrict, 'rd_center_municipal', '2047-12-31', 3); // valid until 2050-12-30: not valid on Dec 31
    const after = (await officer.request('GET', '/api/recognitions/counts?year=2050')).json<typeof before>();
    const of = (c: typeof before) => c.items.find((i) => i.type === 'rd_center_municipal')!;
    expect(of(after).issued - of(before).issued).toBe(1);
    expect(of(after).valid - of(before).valid).toBe(1);
    const mineOnly = (await xihu.request('GET', '/api/recognitions/counts?year=2050')).json<typeof before & { districtId: number }>();
    expect(mineOnly.districtId).toBe(f.xihuDistrict);
    expect((await xihu.request('GET', `/api/recognitions/counts?year=2050&district=${encodeURIComponent('滨江区')}`)).statusCode).toBe(403);
    expect((await enterprise.request('GET', '/api/recognitions/counts?year=2050')).statusCode).toBe(403);
  });

  it('when the register is exported, then the workbook holds the filtered, scoped rows', async () => {
    await issue(f.own, f.xihuDistrict, 'agri_social_rd_center', '2041-04-01', null);
    await issue(f.binjiangEnt, f.binjiangDistrict, 'agri_social_rd_center', '2041-04-01', null);
    const res = await xihu.request('GET', '/api/recognitions/export.xlsx?type=agri_social_rd_center&year=2041');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(5).value).toBe('西湖区');
    expect(ws.getRow(2).getCell(2).value).toBe('市级农业和社会发展企业研发中心');
  });
});

describe('the certificate', () => {
  const documentXml = async (body: Buffer) => (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');

  it('when the owner enterprise downloads its certificate, then a Word file names the title, enterprise, code, number, dates and the issuing authority', async () => {
    const r = await issue(f.own, f.xihuDistrict, 'eagle', '2023-09-15', 3);
    const res = await enterprise.request('GET', `/api/recognitions/${r.id}/certificate.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = await documentXml(res.rawPayload);
    for (const text of ['杭州市雏鹰计划企业证书', '杭州西溪智芯科技有限公司', r.certificateNo, '2023年09月15日', '2026年09月14日', '杭州市科学技术委员会']) {
      expect(xml).toContain(text);
    }
    expect(xml).not.toContain('已撤销');
  });

  it('when a revoked certificate is downloaded by an officer, then it is still served and marked 已撤销 with the reason', async () => {
    const r = await issue(f.own, f.xihuDistrict, 'hnte', '2024-01-10', 3);
    expect((await officer.request('POST', `/api/recognitions/${r.id}/revoke`, { reason: '提供虚假申报材料', effectiveOn: '2024-06-01' })).statusCode).toBe(200);
    const res = await xihu.request('GET', `/api/recognitions/${r.id}/certificate.docx`);
    expect(res.statusCode).toBe(200);
    const xml = await documentXml(res.rawPayload);
    expect(xml).toContain('高新技术企业证书');
    expect(xml).toContain('已撤销');
    expect(xml).toContain('提供虚假申报材料');
  });
});

describe('revocation', () => {
  it('when someone other than a city officer revokes, then 403 and nothing changes', async () => {
    const r = await issue(f.own, f.xihuDistrict, 'tech_sme', '2020-04-01', null);
    for (const s of [xihu, enterprise]) {
      expect((await s.request('POST', `/api/recognitions/${r.id}/revoke`, { reason: '不再符合条件', effectiveOn: '2021-01-01' })).statusCode).toBe(403);
    }
    expect((await officer.request('GET', `/api/recognitions/${r.id}`)).json().revocation).toBeNull();
  });

  it('when the reason is short or the date is before the issue date or malformed, then 400 on that field', async () => {
    const r = await issue(f.own, f.xihuDistrict, 'tech_sme', '2020-04-01', null);
    const cases: [unknown, string][] = [
      [{ reason: '不符', effectiveOn: '2021-01-01' }, 'reason'],
      [{ reason: '   不符合   ', effectiveOn: '2021-01-01' }, 'reason'],
      [{ effectiveOn: '2021-01-01' }, 'reason'],
      [{ reason: '不再符合条件', effectiveOn: '2020-03-31' }, 'effectiveOn'],
      [{ reason: '不再符合条件', effectiveOn: '2021-02-30' }, 'effectiveOn'],
      [{ reason: '不再符合条件' }, 'effectiveOn'],
    ];
    for (const [payload, field] of cases) {
      const res = await officer.request('POST', `/api/recognitions/${r.id}/revoke`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(res.json().error.details), JSON.stringify(payload)).toContain(field);
    }
    const expiring = await issue(f.own, f.xihuDistrict, 'eagle', '2020-04-01', 1);
    const late = await officer.request('POST', `/api/recognitions/${expiring.id}/revoke`, { reason: '不再符合条件', effectiveOn: '2021-04-01' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.message).toContain('2021-03-31');
  });

  it('when a city officer revokes, then the record, audit row and timeline entry are written, and a second revoke is 409', async () => {
    const r = await issue(f.own, f.xihuDistrict, 'municipal_hte', '2019-07-01', 3);
    const res = await officer.request('POST', `/api/recognitions/${r.id}/revoke`, { reason: '企业迁出本市', effectiveOn: '2020-10-01' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'revoked', statusName: '已撤销', revokedOn: '2020-10-01', revocation: { effectiveOn: '2020-10-01', reason: '企业迁出本市' } });
    expect(res.json().revocation.revokedBy).toBeTruthy();
    const [audit] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'recognition.revoke' and object_id = ${String(r.id)}`);
    expect(audit.n).toBe(1);
    const timeline = (await officer.request('GET', `/api/enterprises/${f.own}`)).json<{ timeline: { kind: string; module: string; title: string }[] }>().timeline;
    const entry = timeline.find((e) => e.module === 'recognitions' && e.kind === 'revoked' && e.title.includes(r.certificateNo));
    expect(entry?.title).toContain('企业迁出本市');
    expect(entry?.title).toContain('2020-10-01');
    const again = await officer.request('POST', `/api/recognitions/${r.id}/revoke`, { reason: '再次撤销试试', effectiveOn: '2020-11-01' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('invalid_state');
  });

  it('when a 2015 hnte recognition is revoked effective in 2015, then hnte.valid of 2015 drops by one at once', async () => {
    const r = await issue(f.binjiangEnt, f.binjiangDistrict, 'hnte', '2015-03-01', 3);
    const before = await hnteValid2015(officer);
    const binjiangBefore = await hnteValid2015(binjiang);
    const res = await officer.request('POST', `/api/recognitions/${r.id}/revoke`, { reason: '发现申报材料造假', effectiveOn: '2015-11-20' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await hnteValid2015(officer)).toBe(before! - 1);
    expect(await hnteValid2015(binjiang)).toBe(binjiangBefore! - 1);
    // and the drill-down no longer lists it among the 2015 valid ones
    const drill = (await officer.request('GET', '/api/indicators/hnte.valid/records?year=2015&limit=500')).json<{ items: { id: string }[] }>();
    expect(drill.items.map((i) => i.id)).not.toContain(String(r.id));
  });
});

describe('expiry', () => {
  it('when recordExpiries runs, then each expired certificate gets one timeline entry and one audit row, once, and a certificate revoked before expiring gets none', async () => {
    const expired = await issue(f.own, f.xihuDistrict, 'qinglan', '2060-01-10', 2); // until 2062-01-09
    const revoked = await issue(f.own, f.xihuDistrict, 'qinglan', '2060-01-10', 2);
    const stillValid = await issue(f.own, f.xihuDistrict, 'qinglan', '2061-01-10', 2); // until 2063-01-09
    await officer.request('POST', `/api/recognitions/${revoked.id}/revoke`, { reason: '主动申请撤销', effectiveOn: '2061-05-01' });
    await recordExpiries({ db: t.deps.database.db, today: '2062-01-10' });
    const second = await recordExpiries({ db: t.deps.database.db, today: '2062-01-10' });
    expect(second.recorded).toBe(0);
    const count = async (id: number) => {
      const [r] = await t.deps.database.rows<{ tl: number; au: number; marked: boolean }>(sql`
        select (select count(*)::int from timeline_events where module = 'recognitions' and kind = 'expired' and ref_id = ${String(id)}) as tl,
               (select count(*)::int from audit_log where action = 'recognition.expire' and object_id = ${String(id)}) as au,
               (select expiry_recorded_at is not null from recognitions where id = ${id}) as marked`);
      return r;
    };
    expect(await count(expired.id)).toEqual({ tl: 1, au: 1, marked: true });
    expect(await count(revoked.id)).toEqual({ tl: 0, au: 0, marked: true });
    expect(await count(stillValid.id)).toEqual({ tl: 0, au: 0, marked: false });
    const [tl] = await t.deps.database.rows<{ title: string; at: string }>(sql`select title, to_char(occurred_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as at from timeline_events where kind = 'expired' and ref_id = ${String(expired.id)}`);
    expect(tl.title).toContain('有效期至 2062-01-09');
    expect(tl.at).toBe('2062-01-10 00:00');
    expect((await officer.request('GET', `/api/recognitions/${stillValid.id}`)).json().status).toBe('pending');
  });
});
