import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caseEvents, objections, recognitions, type ApplicationStatus, type RecognitionType } from '../../db/schema/index.js';
import { fixedClock, setBusinessClock } from '../../lib/clock.js';
import { insertCall, insertRecognitionCase, readCase } from '../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let officer: Session, xihu: Session, binjiang: Session, auditor: Session, enterprise: Session;
const pool: Record<'xihu' | 'binjiang', { id: number; districtId: number; name: string }[]> = { xihu: [], binjiang: [] };
const calls = new Map<RecognitionType, number>();
let ip = 0;

/** China time: `at('2015-10-15', '23:59')` is that wall-clock moment in Hangzhou. */
const at = (day: string, hm = '10:00') => new Date(`${day}T${hm}:00+08:00`);
let restoreClock: (() => void) | undefined;
const setNow = (d: Date) => {
  restoreClock?.();
  restoreClock = setBusinessClock(fixedClock(d));
};

beforeAll(async () => {
  t = await createTestApp();
  [officer, xihu, binjiang, auditor, enterprise] = await Promise.all(['officer', 'xihu', 'binjiang', 'auditor', 'enterprise'].map((u) => loginAs(t.app, u)));
  for (const [key, name] of [['xihu', '西湖区'], ['binjiang', '滨江区']] as const) {
    pool[key] = await t.deps.database.rows<{ id: number; districtId: number; name: string }>(
      sql`select e.id, e.district_id as "districtId", e.name from enterprises e join districts d on d.id = e.district_id where d.name = ${name} order by e.id desc limit 40`,
    );
  }
});
afterAll(async () => {
  restoreClock?.();
  await t.close();
});
beforeEach(() => setNow(at('2015-09-28')));

/** An application in the given state, written directly (the applications API is another module). */
async function application(type: RecognitionType, status: ApplicationStatus, where: 'xihu' | 'binjiang' = 'xihu', panelScore: string | null = '82.50') {
  const db = t.deps.database.db;
  if (!calls.has(type)) {
    calls.set(type, await insertCall(db, { type, year: 2015, opensOn: '2015-03-01', closesOn: '2015-06-30' }));
  }
  const e = pool[where].pop()!;
  const row = await insertRecognitionCase(db, { callId: calls.get(type)!, type, year: 2015, enterpriseId: e.id, districtId: e.districtId, status, panelScore, applicationDate: '2015-06-01' });
  return { id: row.id, enterpriseName: e.name };
}

async function publish(type: RecognitionType, ids: number[], extra: Record<string, unknown> = {}) {
  const res = await officer.request('POST', '/api/notices', { subject: type, year: 2015, title: '2015年度第一批认定名单公示', applicationIds: ids, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; endsOn: string; items: { id: number; name: string }[] }>();
}

/** Files an objection as the public from its own IP (the per-IP rate limit is tested on its own). */
function object(noticeId: number, payload: Record<string, unknown>, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: `/api/notices/${noticeId}/objections`, payload: payload as object, headers, remoteAddress: `10.1.${Math.floor(++ip / 250)}.${ip % 250}` });
}
const objection = (itemId: number, over: Record<string, unknown> = {}) => ({
  itemId,
  name: '张三',
  phone: '13812345678',
  idNumber: '11010519491231002X',
  reason: '该企业申报的知识产权与其核心技术无关，研发费用归集不实。',
  ...over,
});

const statusOf = async (id: number) => readCase(t.deps.database.db, id);
const decide = (id: number, body: Record<string, unknown>) => officer.request('POST', `/api/recognition-applications/${id}/decision`, body);

describe('publishing a notice', () => {
  it('when a notice is published on 2015-09-28 for 10 working days, then it ends on 2015-10-15, as the calendar counts across National Day and the worked Saturday', async () => {
    const a = await application('hnte', 'scored');
    const b = await application('hnte', 'scored', 'binjiang', null);
    const n = await publish('hnte', [a.id, b.id]);
    const cal = (await t.app.inject({ method: 'GET', url: '/api/calendar/working-days?from=2015-09-28&days=10' })).json<{ end: string }>();
    expect(n.endsOn).toBe('2015-10-15');
    expect(cal.end).toBe(n.endsOn);
    for (const id of [a.id, b.id]) {
      const app = await statusOf(id);
      expect(app).toMatchObject({ status: 'in_notice', noticeId: n.id, dueOn: '2015-10-15' });
    }
    expect(n.items.map((i) => i.name).sort()).toEqual([a.enterpriseName, b.enterpriseName].sort());
    const pub = await t.app.inject({ method: 'GET', url: `/api/notices/${n.id}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ state: 'open', workingDays: 10, objectionDeadline: '2015-10-15 24:00', itemCount: 2 });
    // the public reads the type (and domain), never the expert score
    const summaries = pub.json<{ items: { summary: string }[] }>().items.map((i) => i.summary);
    expect(summaries.every((x) => x.startsWith('国家高新技术企业') && !x.includes('82.50'))).toBe(true);
    const list = (await t.app.inject({ method: 'GET', url: '/api/notices?state=open' })).json<{ items: { id: number }[] }>();
    expect(list.items.map((i) => i.id)).toContain(n.id);
    const [audit] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'notice.publish' and object_id = ${String(n.id)}`);
    expect(audit.n).toBe(1);
  });

  it('when one listed application is not ready (hnte only passed the city review), then 409 names it and nothing is published', async () => {
    const ok = await application('hnte', 'scored');
    const early = await application('hnte', 'city_passed');
    const before = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from public_notices`);
    const res = await officer.request('POST', '/api/notices', { subject: 'hnte', year: 2015, title: '2015年度第二批认定名单公示', applicationIds: [ok.id, early.id] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain(`#${early.id}`);
    expect(res.json().error.message).toContain(early.enterpriseName);
    expect(await t.deps.database.rows(sql`select count(*)::int as n from public_notices`)).toEqual(before);
    expect((await statusOf(ok.id)).status).toBe('scored');
  });

  it('when a type has no expert review, then city_passed is ready and the default period follows the type (tech SME 10, technology-advanced service 7)', async () => {
    const sme = await application('tech_sme', 'city_passed', 'xihu', null);
    expect((await publish('tech_sme', [sme.id])).endsOn).toBe('2015-10-15');
    const tase = await application('tase', 'city_passed', 'xihu', null);
    const n = await publish('tase', [tase.id]);
    const cal = (await t.app.inject({ method: 'GET', url: '/api/calendar/working-days?from=2015-09-28&days=7' })).json<{ end: string }>();
    expect(n.endsOn).toBe(cal.end);
    expect(n.endsOn).toBe('2015-10-12');
    const scoredSme = await application('tech_sme', 'scored', 'xihu', null);
    expect((await officer.request('POST', '/api/notices', { subject: 'tech_sme', year: 2015, title: '科技型中小企业公示', applicationIds: [scoredSme.id] })).statusCode).toBe(409);
  });

  it('when a district officer or the auditor publishes, or the date is backdated, then it is refused', async () => {
    const a = await application('hnte', 'scored');
    const body = { subject: 'hnte', year: 2015, title: '2015年度认定名单公示', applicationIds: [a.id] };
    expect((await xihu.request('POST', '/api/notices', body)).statusCode).toBe(403);
    expect((await auditor.request('POST', '/api/notices', body)).statusCode).toBe(403);
    const back = await officer.request('POST', '/api/notices', { ...body, publishedOn: '2015-09-20' });
    expect(back.statusCode).toBe(400);
    expect(back.json().error.details.fields[0].field).toBe('publishedOn');
    expect((await statusOf(a.id)).status).toBe('scored');
  });

  it('when the officer lists candidates, then only ready applications of the type and year appear', async () => {
    const ready = await application('hnte', 'scored');
    const notReady = await application('hnte', 'expert_review');
    const res = await officer.request('GET', '/api/notices/candidates?type=hnte&year=2015');
    expect(res.statusCode).toBe(200);
    const ids = res.json<{ items: { applicationId: number }[] }>().items.map((i) => i.applicationId);
    expect(ids).toContain(ready.id);
    expect(ids).not.toContain(notReady.id);
    expect(res.json()).toMatchObject({ expertReview: true, defaultWorkingDays: 10 });
  });
});

describe('objections', () => {
  it('when the public objects before 24:00 of the end day, then it is accepted with a receipt, PII encrypted, and the applicant timeline shows it; after 24:00 it is refused', async () => {
    const a = await application('hnte', 'scored');
    const n = await publish('hnte', [a.id]);
    setNow(at('2015-10-15', '23:59'));
    const res = await object(n.id, objection(n.items[0].id));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().receiptNo).toMatch(/^YY20151015\d{6}$/);
    const [row] = await t.deps.database.db.select().from(objections).where(eq(objections.id, res.json<{ id: number }>().id));
    expect(row.phoneEnc).not.toContain('13812345678');
    expect(t.deps.pii.decrypt(row.phoneEnc)).toBe('13812345678');
    expect(row.phoneHash).toBe(t.deps.pii.lookupHash('13812345678'));
    expect(t.deps.pii.decrypt(row.idNumberEnc!)).toBe('11010519491231002X');
    const events = await t.deps.database.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, a.id), eq(caseEvents.action, 'objection_filed')));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ fromStatus: 'in_notice', toStatus: 'in_notice', comment: expect.stringMatching(/^异议受理回执号 YY\d{14}/), actorId: null });
    const [audit] = await t.deps.database.rows<{ actor_name: string; after: unknown }>(sql`select actor_name, after from audit_log where action = 'objection.file' and object_id = ${String(row.id)}`);
    expect(audit.actor_name).toBe('public');
    expect(JSON.stringify(audit.after)).not.toContain('13812345678');
    setNow(at('2015-10-16', '00:00'));
    const late = await object(n.id, objection(n.items[0].id));
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('notice_closed');
  });

  it('when the real-name fields are wrong, then 400 names the field and nothing is stored', async () => {
    const a = await application('hnte', 'scored');
    const n = await publish('hnte', [a.id]);
    const other = await publish('hnte', [(await application('hnte', 'scored')).id]);
    const cases: [Record<string, unknown>, string][] = [
      [{ phone: '1381234567' }, 'phone'],
      [{ idNumber: '110105194912310021' }, 'idNumber'],
      [{ reason: '不实' }, 'reason'],
      [{ name: '' }, 'name'],
    ];
    for (const [over, field] of cases) {
      const res = await object(n.id, objection(n.items[0].id, over));
      expect(res.statusCode, field).toBe(400);
      expect(JSON.stringify(res.json().error.details), field).toContain(field);
    }
    const wrongItem = await object(n.id, objection(other.items[0].id));
    expect(wrongItem.statusCode).toBe(400);
    const landline = await object(n.id, objection(n.items[0].id, { phone: '0571-87654321', idNumber: '' }));
    expect(landline.statusCode, landline.body).toBe(201);
    const stored = await t.deps.database.db.select().from(objections).where(eq(objections.itemId, n.items[0].id));
    expect(stored).toHaveLength(1);
    expect(stored[0].idNumberEnc).toBeNull();
  });

  it('when an objection comes as multipart with a PDF, then the evidence is kept for the officers; a file that is not PDF/JPG/PNG is refused', async () => {
    const a = await application('hnte', 'scored');
    const n = await publish('hnte', [a.id]);
    const form = (file: Buffer, name: string) => {
      const boundary = '----kcnotice';
      const fields = objection(n.items[0].id, { evidence: '见附件专利证书' });
      const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${String(v)}\r\n`);
      const body = Buffer.concat([
        Buffer.from(parts.join('')),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
    };
    const pdf = Buffer.from('%PDF-1.4\n% 证据\n%%EOF');
    const ok = form(pdf, 'evidence.pdf');
    const res = await t.app.inject({ method: 'POST', url: `/api/notices/${n.id}/objections`, payload: ok.payload, headers: ok.headers, remoteAddress: '10.9.0.1' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: number }>().id;
    const detail = await officer.request('GET', `/api/objections/${id}`);
    expect(detail.json()).toMatchObject({ status: 'open', statusName: '待处理', evidence: '见附件专利证书', evidenceFileName: 'evidence.pdf', phone: '138****5678', idNumber: '110105********002X', name: '张三' });
    const file = await officer.request('GET', `/api/objections/${id}/evidence`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(pdf)).toBe(true);
    const bad = form(Buffer.from('MZ not a document'), 'evidence.pdf');
    const refused = await t.app.inject({ method: 'POST', url: `/api/notices/${n.id}/objections`, payload: bad.payload, headers: bad.headers, remoteAddress: '10.9.0.2' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('attachment_invalid');
  });

  it('when one IP files too many objections, then it is rate limited', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push((await t.app.inject({ method: 'POST', url: '/api/notices/999999/objections', payload: {}, remoteAddress: '10.99.0.1' })).statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 400)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
  });

  it('when officers read objections, then each sees its scope: the city all, a district its own applications, the enterprise nothing', async () => {
    const mine = await application('hnte', 'scored', 'xihu');
    const theirs = await application('hnte', 'scored', 'binjiang');
    const n = await publish('hnte', [mine.id, theirs.id]);
    const itemOf = (name: string) => n.items.find((i) => i.name === name)!.id;
    const o1 = (await object(n.id, objection(itemOf(mine.enterpriseName)))).json<{ id: number }>().id;
    const o2 = (await object(n.id, objection(itemOf(theirs.enterpriseName)))).json<{ id: number }>().id;
    const ids = async (s: Session) => (await s.request('GET', `/api/objections?noticeId=${n.id}`)).json<{ items: { id: number }[] }>().items.map((i) => i.id);
    expect((await ids(officer)).sort()).toEqual([o1, o2].sort());
    expect((await ids(auditor)).sort()).toEqual([o1, o2].sort());
    expect(await ids(xihu)).toEqual([o1]);
    expect(await ids(binjiang)).toEqual([o2]);
    expect((await binjiang.request('GET', `/api/objections/${o1}`)).statusCode).toBe(404);
    expect((await enterprise.request('GET', '/api/objections')).statusCode).toBe(403);
    expect((await xihu.request('POST', `/api/objections/${o1}/resolve`, { outcome: 'dismissed', resolution: '经核查，异议理由不成立。' })).statusCode).toBe(403);
    expect((await officer.request('GET', `/api/objections?noticeId=${n.id}&status=open`)).json().items).toHaveLength(2);
  });
});

describe('decisions', () => {
  it('when the decision comes on the last day of the notice, then notice_open; on the next day it is taken and the certificate issued', async () => {
    // a type the city decides itself (hnte is recommended to the upper body instead, see the next test)
    const a = await application('municipal_hte', 'scored');
    await publish('municipal_hte', [a.id], { workingDays: 10 });
    setNow(at('2015-10-15', '23:59'));
    const early = await decide(a.id, { approve: true });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('notice_open');
    expect((await statusOf(a.id)).status).toBe('in_notice');
    setNow(at('2015-10-16', '09:00'));
    const res = await decide(a.id, { approve: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', recognition: { issuedOn: '2015-10-16', validUntil: '2018-10-15' } });
    expect(res.json().recognition.certificateNo).toMatch(/^HZGX20153301\d{5}$/);
    expect((await statusOf(a.id)).decidedAt).not.toBeNull();
    const again = await decide(a.id, { approve: true });
    expect(again.statusCode).toBe(409);
    expect(await t.deps.database.db.select().from(recognitions).where(eq(recognitions.applicationId, a.id))).toHaveLength(1);
  });

  it('when a type decided above the city is approved after its notice, then the instrument’s hook turns the approval into a recommendation and no certificate is issued', async () => {
    const a = await application('hnte', 'scored');
    await publish('hnte', [a.id]);
    setNow(at('2015-10-16', '09:00'));
    const res = await decide(a.id, { approve: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'recommended', recognition: null, outcome: { recommendation: { recommendedOn: '2015-10-16' } } });
    expect(await t.deps.database.db.select().from(recognitions).where(eq(recognitions.applicationId, a.id))).toHaveLength(0);
    const events = await t.deps.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, a.id));
    expect(events.at(-1)).toMatchObject({ action: 'recommend', toStatus: 'recommended' });
  });

  it('when an objection is open, then the decision waits until it is resolved; dismissed → approval allowed', async () => {
    const a = await application('hnte', 'scored');
    const n = await publish('hnte', [a.id]);
    const o = (await object(n.id, objection(n.items[0].id))).json<{ id: number }>().id;
    setNow(at('2015-10-20'));
    const blocked = await decide(a.id, { approve: true });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('objection_open');
    const items = (await officer.request('GET', `/api/notices/${n.id}/items`)).json<{ state: string; stateName: string; items: { blockedReason: string | null; objections: { open: number } }[] }>();
    expect(items).toMatchObject({ state: 'closed', stateName: '公示期满' });
    expect(items.items[0].objections.open).toBe(1);
    expect(items.items[0].blockedReason).toContain('异议');
    const r = await officer.request('POST', `/api/objections/${o}/resolve`, { outcome: 'dismissed', resolution: '经核查，该企业知识产权与核心技术相关，异议不成立。' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'dismissed', statusName: '异议不成立', resolvedBy: expect.any(String) });
    expect((await officer.request('POST', `/api/objections/${o}/resolve`, { outcome: 'upheld', resolution: '再次处理同一异议' })).statusCode).toBe(409);
    const events = await t.deps.database.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, a.id), eq(caseEvents.action, 'objection_resolved')));
    expect(events[0].comment).toContain('异议不成立');
    expect((await decide(a.id, { approve: true })).statusCode).toBe(200);
  });

  it('when an objection is upheld, then approval is refused with a clear message and only a decline with a reason is possible', async () => {
    const a = await application('hnte', 'scored');
    const n = await publish('hnte', [a.id]);
    const o = (await object(n.id, objection(n.items[0].id))).json<{ id: number }>().id;
    setNow(at('2015-10-20'));
    expect((await officer.request('POST', `/api/objections/${o}/resolve`, { outcome: 'upheld', resolution: '经核查，研发费用归集不实，异议成立。' })).statusCode).toBe(200);
    const approve = await decide(a.id, { approve: true });
    expect(approve.statusCode).toBe(409);
    expect(approve.json().error.message).toContain('只能作出不予认定');
    expect((await decide(a.id, { approve: false })).statusCode).toBe(400);
    const decline = await decide(a.id, { approve: false, comment: '公示异议经核查成立，不予认定。' });
    expect(decline.statusCode, decline.body).toBe(200);
    expect(decline.json()).toMatchObject({ status: 'rejected', recognition: null });
  });

  it('when the officer approves a whole notice, then the clean items are approved in one go and the blocked ones listed with their reasons', async () => {
    const clean = await application('hnte', 'scored');
    const open = await application('hnte', 'scored');
    const upheld = await application('hnte', 'scored', 'binjiang');
    const n = await publish('hnte', [clean.id, open.id, upheld.id]);
    const itemOf = (name: string) => n.items.find((i) => i.name === name)!.id;
    await object(n.id, objection(itemOf(open.enterpriseName)));
    const u = (await object(n.id, objection(itemOf(upheld.enterpriseName)))).json<{ id: number }>().id;
    expect((await officer.request('POST', `/api/notices/${n.id}/approve-all`)).json().error.code).toBe('notice_open');
    setNow(at('2015-10-16'));
    await officer.request('POST', `/api/objections/${u}/resolve`, { outcome: 'upheld', resolution: '经核查，异议成立，须不予认定。' });
    expect((await xihu.request('POST', `/api/notices/${n.id}/approve-all`)).statusCode).toBe(403);
    const res = await officer.request('POST', `/api/notices/${n.id}/approve-all`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ approved: { applicationId: number }[]; skipped: { applicationId: number; reason: string }[] }>();
    expect(body.approved.map((x) => x.applicationId)).toEqual([clean.id]);
    expect(body.skipped.map((x) => x.applicationId).sort()).toEqual([open.id, upheld.id].sort());
    expect(body.skipped.find((x) => x.applicationId === open.id)!.reason).toContain('未处理');
    expect(body.skipped.find((x) => x.applicationId === upheld.id)!.reason).toContain('不予认定');
    expect((await statusOf(clean.id)).status).toBe('recommended');
    expect((await statusOf(open.id)).status).toBe('in_notice');
    const second = (await officer.request('POST', `/api/notices/${n.id}/approve-all`)).json<{ approved: unknown[] }>();
    expect(second.approved).toEqual([]);
  });
});
