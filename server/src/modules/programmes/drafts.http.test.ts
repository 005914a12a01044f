import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, setBusinessClock } from '../../lib/clock.js';
import { multipartFile } from '../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';

type Call = { id: number; invitedOnly: boolean; invited: { enterpriseId: number }[] | null; invitedYou: boolean | null };
type View = { id: number; status: string; canWithdraw: boolean; attachments: { id: number; code: string; fileName: string; size: number }[]; attachmentRules: { codes: { code: string }[]; types: string[]; maxBytes: number } };
type Err = { error: { code: string; details: { fields: { field: string; message: string }[] } | null } };

let t: TestApp;
let officer: Session, enterprise: Session, xihu: Session;
let restore: () => void;
let callId: number, enterpriseId: number;
const PDF = Buffer.from('%PDF-1.4\n% 可行性研究报告\n%%EOF\n');
const upload = (s: Session, id: number, code: string, content: Buffer, name: string) => {
  const f = multipartFile(content, name, 'application/octet-stream');
  return s.request('POST', `/api/project-applications/${id}/attachments?code=${code}`, f.payload, f.headers);
};

beforeAll(async () => {
  t = await createTestApp();
  restore = setBusinessClock(fixedClock('2026-03-02'));
  [officer, enterprise, xihu] = await Promise.all(['officer', 'enterprise', 'xihu'].map((u) => loginAs(t.app, u)));
  enterpriseId = (await enterprise.request('GET', '/api/auth/me')).json<{ organization: { enterpriseId: number } }>().organization.enterpriseId;
  const p = (await officer.request('POST', '/api/programmes', { code: 'test_designed', name: '测试主动设计项目', type: 'major', selection: 'designed' })).json<{ id: number }>();
  await officer.request('POST', `/api/programmes/${p.id}/years`, { year: 2026, budget: 5_000_000 });
  const call = await officer.request('POST', '/api/programme-calls', {
    programmeId: p.id,
    year: 2026,
    title: '2026年度主动设计重大项目指南（测试）',
    eligibility: '受邀企业',
    topics: [{ code: 'M1', title: '集成电路设计', description: '' }],
    ceiling: 2_000_000,
    totalBudget: 5_000_000,
    opensOn: '2026-03-01',
    closesOn: '2026-04-30',
  });
  expect(call.statusCode, call.body).toBe(201);
  callId = call.json<Call>().id;
});
afterAll(async () => {
  restore();
  await t.close();
});

describe('invitations of a designed call', () => {
  it('when the enterprise is not invited, then it sees that and cannot apply; once the officer invites it, it can', async () => {
    expect((await enterprise.request('GET', `/api/programme-calls/${callId}`)).json<Call>()).toMatchObject({ invitedOnly: true, invited: null, invitedYou: false });
    const refused = await enterprise.request('POST', '/api/project-applications', { callId, title: '高性能模数转换芯片设计' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<Err>().error.code).toBe('forbidden');

    expect((await xihu.request('POST', `/api/programme-calls/${callId}/invitations`, { enterpriseIds: [enterpriseId] })).statusCode).toBe(403);
    const none = await officer.request('POST', `/api/programme-calls/${callId}/invitations`, { enterpriseIds: [] });
    expect(none.json<Err>().error.details!.fields[0].field).toBe('enterpriseIds');
    const unknown = await officer.request('POST', `/api/programme-calls/${callId}/invitations`, { enterpriseIds: [enterpriseId, 99_999_999] });
    expect(unknown.json<Err>().error.details!.fields[0].field).toBe('enterpriseIds.1');
    const invited = await officer.request('POST', `/api/programme-calls/${callId}/invitations`, { enterpriseIds: [enterpriseId] });
    expect(invited.statusCode, invited.body).toBe(200);
    expect(invited.json<Call>().invited!.map((i) => i.enterpriseId)).toEqual([enterpriseId]);

    const listed = (await enterprise.request('GET', '/api/programme-calls?year=2026')).json<{ items: Call[] }>().items.find((c) => c.id === callId);
    expect(listed).toMatchObject({ invitedYou: true, invited: null });
    expect((await t.app.inject({ method: 'GET', url: `/api/programme-calls/${callId}` })).json<Call>().invitedYou).toBeNull();
    expect((await enterprise.request('POST', '/api/project-applications', { callId, title: '高性能模数转换芯片设计' })).statusCode).toBe(201);
  });
});

describe('attachments and withdrawal of a draft', () => {
  let id: number;
  it('when the applicant uploads, lists and deletes attachments, then only allowed files land and only it may delete them', async () => {
    id = (await enterprise.request('GET', `/api/project-applications?callId=${callId}`)).json<{ items: { id: number }[] }>().items[0].id;
    const view = (await enterprise.request('GET', `/api/project-applications/${id}`)).json<View>();
    expect(view.attachmentRules).toMatchObject({ types: ['pdf', 'jpg', 'png', 'docx', 'xlsx'], maxBytes: 20 * 1024 * 1024 });
    expect(view.attachmentRules.codes.map((c) => c.code)).toContain('feasibility');
    expect(view.canWithdraw).toBe(true);

    const up = await upload(enterprise, id, 'feasibility', PDF, '可行性研究报告.pdf');
    expect(up.statusCode, up.body).toBe(201);
    const attachmentId = up.json<{ id: number }>().id;
    const fake = await upload(enterprise, id, 'licence', Buffer.from('MZ not a pdf'), '营业执照.pdf');
    expect(fake.statusCode).toBe(400);
    expect(fake.json<Err>().error.details!.fields[0]).toMatchObject({ field: 'file' });
    expect((await upload(enterprise, id, 'other', PDF, '说明.exe')).statusCode).toBe(400);
    expect((await upload(enterprise, id, 'nonsense', PDF, '说明.pdf')).json<Err>().error.details!.fields[0].field).toBe('code');

    const listed = (await enterprise.request('GET', `/api/project-applications/${id}`)).json<View>().attachments;
    expect(listed).toEqual([expect.objectContaining({ id: attachmentId, code: 'feasibility', fileName: '可行性研究报告.pdf', size: PDF.length })]);
    const file = await enterprise.request('GET', `/api/project-applications/${id}/attachments/${attachmentId}`);
    expect(file.rawPayload.equals(PDF)).toBe(true);

    expect((await officer.request('DELETE', `/api/project-applications/${id}/attachments/${attachmentId}`)).statusCode).toBe(403);
    expect((await enterprise.request('DELETE', `/api/project-applications/${id}/attachments/99999999`)).statusCode).toBe(404);
    const del = await enterprise.request('DELETE', `/api/project-applications/${id}/attachments/${attachmentId}`);
    expect(del.statusCode, del.body).toBe(200);
    expect((await enterprise.request('GET', `/api/project-applications/${id}`)).json<View>().attachments).toEqual([]);
    const [audit] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'project_case.detach' and object_id = ${String(id)}`);
    expect(audit.n).toBe(1);
  });

  it('when the applicant withdraws its draft, then the case, its events and files are gone, the audit keeps it, and it may apply again', async () => {
    await upload(enterprise, id, 'feasibility', PDF, '可行性研究报告.pdf');
    expect((await officer.request('DELETE', `/api/project-applications/${id}`)).statusCode).toBe(403);
    const gone = await enterprise.request('DELETE', `/api/project-applications/${id}`);
    expect(gone.statusCode, gone.body).toBe(200);
    expect((await enterprise.request('GET', `/api/project-applications/${id}`)).statusCode).toBe(404);
    const [left] = await t.deps.database.rows<{ cases: number; files: number; events: number; detail: number }>(
      sql`select (select count(*)::int from cases where id = ${id}) as cases, (select count(*)::int from case_attachments where case_id = ${id}) as files,
                 (select count(*)::int from case_events where case_id = ${id}) as events, (select count(*)::int from project_applications where id = ${id}) as detail`,
    );
    expect(left).toEqual({ cases: 0, files: 0, events: 0, detail: 0 });
    const [audit] = await t.deps.database.rows<{ before: { title: string } }>(sql`select before from audit_log where action = 'project_case.withdraw' and object_id = ${String(id)}`);
    expect(audit.before.title).toBe('高性能模数转换芯片设计');
    expect((await enterprise.request('DELETE', `/api/project-applications/${id}`)).statusCode).toBe(404);
    expect((await enterprise.request('POST', '/api/project-applications', { callId, title: '高性能模数转换芯片设计（重新申报）' })).statusCode).toBe(201);
  });

  it('when the application was submitted and returned, then it can no longer be withdrawn', async () => {
    const [c] = await t.deps.database.rows<{ id: number }>(sql`select id from cases where call_id = ${callId} and enterprise_id = ${enterpriseId}`);
    await t.deps.database.rows(sql`update cases set status = 'returned' where id = ${c.id}`);
    const view = (await enterprise.request('GET', `/api/project-applications/${c.id}`)).json<View>();
    expect(view.canWithdraw).toBe(false);
    const refused = await enterprise.request('DELETE', `/api/project-applications/${c.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Err>().error.code).toBe('invalid_state');
  });
});
