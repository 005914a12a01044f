import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { whenJobSettled } from '../jobs/index.js';
import { decodeCsv } from './indicators.import.js';

let t: TestApp;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t.app, 'officer');
});
afterAll(async () => {
  await t.close();
});

/** "指标代码,年度,区县,数值,数据来源,文件日期" and one row, as Chinese Excel saves a CSV (GBK), the date written 2013/1/20. */
const GBK_CSV = Buffer.from(
  'd6b8b1eab4fac2eb2cc4eab6c82cc7f8cfd82ccafdd6b52ccafdbeddc0b4d4b42ccec4bcfec8d5c6da0d0a737461742e706174656e745f6772616e74732c323031322ccef7bafec7f82c3132332cd6aacab6b2fac8a8bed62032303132c4eacdb3bcc62c323031332f312f32300d0a',
  'hex',
);

describe('indicator imports from the files offices have', () => {
  it('when a CSV is GBK (Chinese Excel\'s default), then it is read as such; UTF-8 with a BOM too; a binary file is not text', () => {
    expect(decodeCsv(GBK_CSV)).toContain('指标代码,年度,区县');
    expect(decodeCsv(Buffer.from('\uFEFF指标代码,年度\r\n', 'utf8'))).toContain('指标代码');
    expect(decodeCsv(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBeNull();
  });

  it('when a GBK CSV with the date written 2013/1/20 is imported, then the figure is stored with its date', async () => {
    const file = multipartFile(GBK_CSV, '统计.csv', 'text/csv');
    const res = await officer.request('POST', '/api/indicators/imports/reported', file.payload, file.headers);
    expect(res.statusCode, res.body).toBe(202);
    await whenJobSettled(t.deps.database, res.json().id);
    expect((await officer.request('GET', `/api/jobs/${res.json().id}`)).json()).toMatchObject({ status: 'done', result: { rows: 1 } });
    const [r] = await t.deps.database.rows<{ value: number; source: string; document_date: string }>(
      sql`select value::float8 as value, source, document_date::text from indicator_reported where code = 'stat.patent_grants' and year = 2012`,
    );
    expect(r).toMatchObject({ value: 123, source: '知识产权局 2012年统计', document_date: '2013-01-20' });
  });

  it('when an .xls is uploaded, then 415 with the steps to save it as .xlsx', async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const file = multipartFile(xls, '统计.xls', 'application/vnd.ms-excel');
    const res = await officer.request('POST', '/api/indicators/imports/reported', file.payload, file.headers);
    expect(res.statusCode).toBe(415);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/另存为[\s\S]*xlsx/);
  });
});
