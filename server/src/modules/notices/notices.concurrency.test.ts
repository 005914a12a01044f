import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, recognitions } from '../../db/schema/index.js';
import { fixedClock, setBusinessClock } from '../../lib/clock.js';
import { insertCall, insertRecognitionCase } from '../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t.app, 'officer');
});
afterAll(async () => {
  setBusinessClock({ now: () => new Date() });
  await t.close();
});

describe('decisions under concurrency', () => {
  it('when two bulk approvals and single decisions race on one notice, then each application is approved once with one certificate', async () => {
    setBusinessClock(fixedClock(new Date('2015-09-28T10:00:00+08:00')));
    const db = t.deps.database.db;
    const firms = await t.deps.database.rows<{ id: number; districtId: number }>(sql`select id, district_id as "districtId" from enterprises order by id desc limit 6`);
    // a type the city decides itself: the approval issues the certificate
    const callId = await insertCall(db, { type: 'municipal_hte', year: 2015, batch: 91, opensOn: '2015-03-01', closesOn: '2015-06-30' });
    const apps = [];
    for (const f of firms) {
      apps.push(await insertRecognitionCase(db, { callId, type: 'municipal_hte', year: 2015, enterpriseId: f.id, districtId: f.districtId, status: 'scored', panelScore: '80.00' }));
    }
    const ids = apps.map((a) => a.id);
    const pub = await officer.request('POST', '/api/notices', { subject: 'municipal_hte', year: 2015, title: '并发测试公示', applicationIds: ids, workingDays: 10 });
    expect(pub.statusCode, pub.body).toBe(201);
    const noticeId = pub.json<{ id: number }>().id;
    setBusinessClock(fixedClock(new Date('2015-10-16T09:00:00+08:00')));

    const results = await Promise.all([
      officer.request('POST', `/api/notices/${noticeId}/approve-all`),
      officer.request('POST', `/api/notices/${noticeId}/approve-all`),
      officer.request('POST', `/api/recognition-applications/${ids[0]}/decision`, { approve: true }),
      officer.request('POST', `/api/recognition-applications/${ids[5]}/decision`, { approve: false, comment: '经研究，不予认定。' }),
    ]);
    for (const r of results.slice(0, 3)) {
      expect([200, 409], r.body).toContain(r.statusCode);
    }
    expect(results.slice(0, 2).map((r) => r.statusCode)).toEqual([200, 200]);
    expect([200, 409]).toContain(results[3].statusCode);
    const approvedByBulk = results.slice(0, 2).flatMap((r) => r.json<{ approved: { applicationId: number }[] }>().approved.map((a) => a.applicationId));
    expect(new Set(approvedByBulk).size).toBe(approvedByBulk.length);

    const certs = await db.select().from(recognitions).where(inArray(recognitions.applicationId, ids));
    const perApp = new Map<number, number>();
    certs.forEach((c) => perApp.set(c.applicationId!, (perApp.get(c.applicationId!) ?? 0) + 1));
    expect([...perApp.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(certs.map((c) => c.certificateNo)).size).toBe(certs.length);

    const rows = await db.select().from(cases).where(inArray(cases.id, ids));
    const declined = rows.filter((r) => r.status === 'rejected').map((r) => r.id);
    const approved = rows.filter((r) => r.status === 'approved').map((r) => r.id);
    expect(approved.length + declined.length).toBe(6);
    expect(approved.sort()).toEqual([...perApp.keys()].sort());
    // the decline either won the race for ids[5] or found it approved already (409): never both
    const declineRes = results[3];
    expect(declined.includes(ids[5])).toBe(declineRes.statusCode === 200);
    const [events] = await t.deps.database.rows<{ n: number }>(
      sql`select count(*)::int as n from case_events where action in ('approve','decline') and case_id in ${sql.raw(`(${ids.join(',')})`)}`,
    );
    expect(events.n).toBe(6);
    expect((await db.select().from(cases).where(eq(cases.id, ids[0])))[0].status).toBe('approved');
  });
});
