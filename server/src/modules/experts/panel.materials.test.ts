import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casesRepo } from '../cases/index.js';
import { enterpriseInput, insertCall, insertRecognitionCase } from '../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';

/** The expert reads the case's uploaded materials only from a live seat, after declaring no conflict. */
let t: TestApp;
let officer: Session, enterprise: Session;
const expertSession = new Map<number, Session>();
const PDF = Buffer.from('%PDF-1.4\n% 审计报告\n%%EOF\n');

async function json(s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const r = await s.request(method, url, payload);
  expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
  return r.json();
}

beforeAll(async () => {
  t = await createTestApp();
  [officer, enterprise] = await Promise.all(['officer', 'enterprise'].map((u) => loginAs(t.app, u)));
  const admin = await loginAs(t.app, 'admin');
  const orgId = (await json(await loginAs(t.app, 'expert'), 'GET', '/api/auth/me')).organization.id as number;
  await t.deps.database.db.execute(sql`update experts set active = false`);
  const kinds = [...Array<string>(4).fill('technical'), 'finance', 'management'];
  for (const [i, category] of kinds.entries()) {
    const username = `mat.${i}.${Date.now() % 100000}`;
    const user = await json(admin, 'POST', '/api/users', { username, displayName: `材料专家${i}`, organizationId: orgId, roles: ['expert'], password: 'Expert#Pass2026' });
    const e = await json(officer, 'POST', '/api/experts', { name: `材料专家${i}`, organization: '浙江工业大学', title: '研究员', category, fields: ['电子信息', '财务审计', '科技管理'], userId: user.id });
    expertSession.set(e.id as number, await loginAs(t.app, username, 'Expert#Pass2026'));
  }
});
afterAll(async () => {
  await t?.close();
});

/** A case under expert review with one uploaded audit report; its panel's seats. */
async function reviewedCase() {
  const db = t.deps.database.db;
  const ent = await json(officer, 'POST', '/api/enterprises', enterpriseInput());
  const callId = await insertCall(db, { type: 'rd_center_municipal', year: 2016, batch: 60 + (Date.now() % 30), opensOn: '2016-05-01', closesOn: '2016-07-31' });
  const c = await insertRecognitionCase(db, { callId, type: 'rd_center_municipal', year: 2016, enterpriseId: ent.id, districtId: ent.districtId, status: 'city_passed', data: {}, applicationDate: '2016-06-01', submittedAt: new Date('2016-06-01T02:00:00Z') });
  const file = await casesRepo.insertAttachment(db, { caseId: c.id, code: 'auditReport', fileName: '2015年度审计报告.pdf', mimeType: 'application/pdf', size: PDF.length, sha256: 'x', content: PDF, uploadedBy: null });
  const panel = await json(officer, 'POST', `/api/recognition-applications/${c.id}/panel`, {});
  const seats = (panel.members as { id: number; expertId: number }[]).map((m) => ({ id: m.id, s: expertSession.get(m.expertId)! }));
  return { caseId: c.id, fileId: file.id, seats };
}

describe('case materials in the expert workspace', () => {
  it('when the expert has declared no conflict, then its case view lists the materials and it downloads them (audited); before, or from another seat, it cannot', async () => {
    const { fileId, seats } = await reviewedCase();
    const [me, other] = seats;
    const url = (seat: number) => `/api/expert/assignments/${seat}/materials/${fileId}`;
    expect((await me.s.request('GET', url(me.id))).json().error.code).toBe('conflict_not_declared');
    await json(me.s, 'POST', `/api/expert/assignments/${me.id}/declaration`, { noConflict: true });
    const view = await json(me.s, 'GET', `/api/expert/assignments/${me.id}`);
    expect(view.materials).toMatchObject({ open: true, items: [{ id: fileId, code: 'auditReport', fileName: '2015年度审计报告.pdf' }] });
    const dl = await me.s.request('GET', url(me.id));
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    const [audit] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'panel.material_download' and object_id = ${String(me.id)}`);
    expect(audit.n).toBe(1);
    expect((await other.s.request('GET', url(me.id))).statusCode).toBe(404);
    expect((await me.s.request('GET', `/api/expert/assignments/${me.id}/materials/${fileId + 100000}`)).statusCode).toBe(404);
    expect((await officer.request('GET', url(me.id))).statusCode).toBe(403);
    expect((await enterprise.request('GET', url(me.id))).statusCode).toBe(403);
  });

  it('when the expert declared a conflict, scored, or the case left review, then the materials are closed', async () => {
    const { caseId, fileId, seats } = await reviewedCase();
    const [conflicted, scored, reviewing] = seats;
    await json(conflicted.s, 'POST', `/api/expert/assignments/${conflicted.id}/declaration`, { noConflict: false, note: '曾任该企业顾问' });
    expect((await conflicted.s.request('GET', `/api/expert/assignments/${conflicted.id}/materials/${fileId}`)).statusCode).toBe(403);

    await json(scored.s, 'POST', `/api/expert/assignments/${scored.id}/declaration`, { noConflict: true });
    await json(scored.s, 'POST', `/api/expert/assignments/${scored.id}/score`, { total: 82, comment: '研发条件较好' });
    expect((await json(scored.s, 'GET', `/api/expert/assignments/${scored.id}`)).materials).toEqual({ open: false, items: [] });
    expect((await scored.s.request('GET', `/api/expert/assignments/${scored.id}/materials/${fileId}`)).statusCode).toBe(403);

    await json(reviewing.s, 'POST', `/api/expert/assignments/${reviewing.id}/declaration`, { noConflict: true });
    expect((await reviewing.s.request('GET', `/api/expert/assignments/${reviewing.id}/materials/${fileId}`)).statusCode).toBe(200);
    await t.deps.database.db.execute(sql`update cases set status = 'scored' where id = ${caseId}`);
    const closed = await reviewing.s.request('GET', `/api/expert/assignments/${reviewing.id}/materials/${fileId}`);
    expect(closed.statusCode).toBe(403);
    expect(closed.json().error.message).toMatch(/已结束/);
  });
});
