import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whenJobSettled } from '../jobs/index.js';
import { COLUMNS } from './enterprises.excel.js';
import { enterpriseInput, multipartFile, uniqueUscc, xlsxOf } from '../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let xihu: Session;
let officer: Session;
let binjiangCode: string;
let xihuCode: string;

beforeAll(async () => {
  t = await createTestApp();
  [xihu, officer] = await Promise.all(['xihu', 'officer'].map((u) => loginAs(t.app, u)));
  const codeIn = async (name: string) =>
    (await t.deps.database.rows<{ uscc: string }>(sql`select e.uscc from enterprises e join districts d on d.id = e.district_id where d.name = ${name} order by e.id limit 1`))[0].uscc;
  binjiangCode = await codeIn('滨江区');
  xihuCode = await codeIn('西湖区');
}, 120_000);
afterAll(async () => t?.close());

const revealing = /已存在|已在企业库中/;

describe('a district officer does not learn that another district’s credit code exists', () => {
  it('when it creates an enterprise with another district’s code, then 409 uscc_unavailable that does not say the code exists', async () => {
    const res = await xihu.request('POST', '/api/enterprises', enterpriseInput({ uscc: binjiangCode }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('uscc_unavailable');
    expect(JSON.stringify(res.json())).not.toMatch(revealing);
  });

  it('when it creates one with its own district’s code, or a city officer with any, then 409 uscc_exists', async () => {
    const own = await xihu.request('POST', '/api/enterprises', enterpriseInput({ uscc: xihuCode }));
    expect(own.json().error.code).toBe('uscc_exists');
    const city = await officer.request('POST', '/api/enterprises', enterpriseInput({ uscc: binjiangCode, district: '滨江区' }));
    expect(city.json().error.code).toBe('uscc_exists');
  });

  it('when it imports a row with another district’s code, then the row error does not say the code exists', async () => {
    const values: Record<string, string> = { uscc: binjiangCode, name: '杭州存在性测试有限公司', district: '西湖区', registeredOn: '2015-05-05', industry: '电子信息' };
    const { payload, headers } = multipartFile(await xlsxOf(COLUMNS.map((c) => c.title), [COLUMNS.map((c) => values[c.field] ?? null)]));
    const res = await xihu.request('POST', '/api/enterprises/import', payload, headers);
    expect(res.statusCode).toBe(202);
    await whenJobSettled(t.deps.database, res.json().id);
    const job = (await xihu.request('GET', `/api/jobs/${res.json().id}`)).json();
    expect(job.status).toBe('failed');
    expect(JSON.stringify(job)).not.toMatch(revealing);
    expect(JSON.stringify(job)).toMatch(/联系市科委核实/);
  });

  it('when it imports a row of another district, then the job fails naming its own district, and nothing is written', async () => {
    const values: Record<string, string> = { uscc: uniqueUscc('330108'), name: '杭州越区导入测试有限公司', district: '滨江区', registeredOn: '2015-05-05', industry: '电子信息' };
    const { payload, headers } = multipartFile(await xlsxOf(COLUMNS.map((c) => c.title), [COLUMNS.map((c) => values[c.field] ?? null)]));
    const res = await xihu.request('POST', '/api/enterprises/import', payload, headers);
    expect(res.statusCode).toBe(202);
    await whenJobSettled(t.deps.database, res.json().id);
    const job = (await xihu.request('GET', `/api/jobs/${res.json().id}`)).json();
    expect(job).toMatchObject({ status: 'failed', rowErrors: [{ row: 2, column: '所属区县', message: expect.stringContaining('只能导入本区县') }] });
    expect(await t.deps.database.rows(sql`select 1 from enterprises where name = '杭州越区导入测试有限公司'`)).toEqual([]);
  });
});
