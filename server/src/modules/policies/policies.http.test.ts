import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let officer: Session, xihu: Session, enterprise: Session;
type Page = { total: number; items: { id: number; title: string; docNo: string | null; statusName: string; snippet: string | null }[] };
const anon = (url: string) => t.app.inject({ method: 'GET', url });

beforeAll(async () => {
  t = await createTestApp();
  [officer, xihu, enterprise] = await Promise.all(['officer', 'xihu', 'enterprise'].map((u) => loginAs(t.app, u)));
});
afterAll(async () => {
  await t.close();
});

describe('the policy library', () => {
  it('when the public searches the seeded library, then a Chinese word finds the titles, a document number finds its policy, and numbers are never invented', async () => {
    const res = await anon('/api/policies?limit=100');
    expect(res.statusCode, res.body).toBe(200);
    const all = res.json<Page>();
    expect(all.total).toBeGreaterThanOrEqual(10);
    const makerspace = all.items.find((p) => p.title === '关于发展众创空间推进大众创业万众创新的若干意见')!;
    expect(makerspace).toMatchObject({ docNo: null, statusName: '现行有效' });
    expect(all.items.find((p) => p.title.includes('助保贷'))!.docNo).toBeNull();

    const found = (await anon(`/api/policies?q=${encodeURIComponent('众创空间')}`)).json<Page>();
    expect(found.items.map((p) => p.title)).toContain(makerspace.title);
    const byNo = (await anon(`/api/policies?q=${encodeURIComponent('国科发火〔2016〕32号')}`)).json<Page>();
    // the number's own policy first; the 2008 rules name it in their summary (replaced by it)
    expect(byNo.items.map((p) => p.docNo)).toEqual(['国科发火〔2016〕32号', '国科发火〔2008〕172号']);
    // two words must both occur; a word nowhere finds nothing
    expect((await anon(`/api/policies?q=${encodeURIComponent('众创空间 助保贷')}`)).json<Page>().total).toBe(0);
    expect((await anon(`/api/policies?q=${encodeURIComponent('%')}`)).json<Page>().total).toBe(0);
    expect((await anon('/api/policies?status=repealed')).json<Page>().items.map((p) => p.docNo)).toEqual(['国科发火〔2008〕172号']);

    // the hnte type and the 2016 hnte calls cite the 2016 rules, the 2015 calls the 2008 ones
    const cited = (await anon('/api/policies/cited?objectType=recognition_type&objectId=hnte')).json<{ items: { title: string }[] }>();
    expect(cited.items.map((p) => p.title).sort()).toEqual(['高新技术企业认定管理办法', '高新技术企业认定管理工作指引']);
    const [call2016] = await t.deps.database.rows<{ id: number }>(sql`select id from calls where instrument = 'recognitions' and type = 'hnte' and year = 2016 order by id limit 1`);
    const byCall = (await anon(`/api/policies/cited?objectType=call&objectId=${call2016.id}`)).json<{ items: { docNo: string }[] }>();
    expect(byCall.items.map((p) => p.docNo)).toEqual(['国科发火〔2016〕32号']);
  });

  it('when the officer adds a policy with its full text and file, then the public finds it by a phrase of the text and downloads the file; others may not write', async () => {
    const input = { title: '杭州市测试科技政策管理办法', docNo: '杭科测〔2016〕1号', issuer: '杭州市科学技术委员会', issuedOn: '2016-03-01', effectiveOn: '2016-04-01', body: '第一条 为规范科技型小微企业的研发投入后补助，制定本办法。' };
    expect((await xihu.request('POST', '/api/policies', input)).statusCode).toBe(403);
    expect((await enterprise.request('POST', '/api/policies', input)).statusCode).toBe(403);
    const bad = await officer.request('POST', '/api/policies', { ...input, effectiveOn: '2016-05-01', expiresOn: '2016-04-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('expiresOn');
    const created = await officer.request('POST', '/api/policies', input);
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json<{ id: number; version: number; statusName: string }>();
    expect(p.statusName).toBe('现行有效');

    const hit = (await anon(`/api/policies?q=${encodeURIComponent('研发投入后补助')}`)).json<Page>();
    expect(hit.items[0]).toMatchObject({ id: p.id });
    expect(hit.items[0].snippet).toContain('研发投入后补助');

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    const notPdf = multipartFile(Buffer.from('hello'), '办法.pdf', 'application/pdf');
    expect((await officer.request('POST', `/api/policies/${p.id}/file`, notPdf.payload, notPdf.headers)).statusCode).toBe(400);
    const m = multipartFile(pdf, '测试办法.pdf', 'application/pdf');
    expect((await xihu.request('POST', `/api/policies/${p.id}/file`, m.payload, m.headers)).statusCode).toBe(403);
    const up = await officer.request('POST', `/api/policies/${p.id}/file`, m.payload, m.headers);
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ hasFile: true, fileName: '测试办法.pdf' });
    const file = await anon(`/api/policies/${p.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(pdf)).toBe(true);

    // repealed with an optimistic version; a stale version is a conflict
    const v = up.json<{ version: number }>().version;
    const patched = await officer.request('PATCH', `/api/policies/${p.id}`, { version: v, status: 'repealed', expiresOn: '2016-08-31' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ statusName: '已废止', expiresOn: '2016-08-31' });
    expect((await officer.request('PATCH', `/api/policies/${p.id}`, { version: v, status: 'in_force' })).statusCode).toBe(409);
  });

  it('when the officer links a policy to a call and a recognition type, then both are listed on the policy and an unknown call is a field error', async () => {
    const [policy] = (await anon(`/api/policies?q=${encodeURIComponent('科技创新服务平台')}`)).json<Page>().items;
    const [call] = await t.deps.database.rows<{ id: number; title: string }>(sql`select id, title from calls order by id limit 1`);
    const url = `/api/policies/${policy.id}/citations`;
    expect((await officer.request('POST', url, { objectType: 'call', objectId: '99999999' })).json().error.details.fields[0].field).toBe('objectId');
    expect((await officer.request('POST', url, { objectType: 'recognition_type', objectId: 'nope' })).statusCode).toBe(400);
    expect((await officer.request('POST', url, { objectType: 'call', objectId: String(call.id) })).statusCode).toBe(200);
    const res = await officer.request('POST', url, { objectType: 'recognition_type', objectId: 'municipal_hte' });
    expect(res.json<{ citations: { label: string }[] }>().citations.map((c) => c.label).sort()).toEqual([call.title, '杭州市高新技术企业'].sort());
    const del = await officer.request('DELETE', `${url}/call/${call.id}`);
    expect(del.json<{ citations: unknown[] }>().citations).toHaveLength(1);
    expect((await officer.request('DELETE', `${url}/call/${call.id}`)).statusCode).toBe(404);
    expect((await anon(`/api/policies/${policy.id}`)).json<{ citations: { objectId: string }[] }>().citations.map((c) => c.objectId)).toEqual(['municipal_hte']);
  });

  it('when the officer links a policy to a programme, then the programme lists it publicly and an unknown programme is a field error', async () => {
    const [policy] = (await anon(`/api/policies?q=${encodeURIComponent('科技发展资金')}`)).json<Page>().items;
    const [programme] = await t.deps.database.rows<{ id: number; name: string }>(sql`select id, name from programmes order by id limit 1`);
    const url = `/api/policies/${policy.id}/citations`;
    const unknown = await officer.request('POST', url, { objectType: 'programme', objectId: '99999999' });
    expect(unknown.json().error.details.fields[0]).toMatchObject({ field: 'objectId', message: '科技计划 99999999 不存在' });
    const res = await officer.request('POST', url, { objectType: 'programme', objectId: String(programme.id) });
    expect(res.json<{ citations: { objectTypeName: string; label: string }[] }>().citations).toContainEqual(expect.objectContaining({ objectTypeName: '科技计划', label: programme.name }));
    const cited = (await anon(`/api/policies/cited?objectType=programme&objectId=${programme.id}`)).json<{ items: { id: number }[] }>();
    expect(cited.items.map((p) => p.id)).toContain(policy.id);
  });
});
