import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { multipartFile, uniqueUscc, xlsxOf } from '../../test/factories.js';
import { verifyAuditChain } from '../audit/index.js';
import { whenJobSettled } from '../jobs/index.js';
import { actorFor, ctxOf } from '../vouchers/vouchers.fixtures.js';
import { COLUMNS } from './enterprises.excel.js';
import { importEnterprises, WRITE_BATCH } from './enterprises.import.js';
import { USCC_UNAVAILABLE } from './enterprises.service.js';

let t: TestApp;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t.app, 'officer');
});
afterAll(async () => {
  await t.close();
});

const header = COLUMNS.map((c) => c.title);
const row = (values: Record<string, string | number | Date | null>) => COLUMNS.map((c) => (values[c.field] ?? null) as string | number | null);
const post = (buffer: Buffer, filename?: string, type?: string) => {
  const { payload, headers } = multipartFile(buffer, filename, type);
  return officer.request('POST', '/api/enterprises/import', payload, headers);
};
interface Job {
  status: string;
  progress: number;
  result: { imported: number } | null;
  error: string | null;
  rowErrors: { row: number; column: string; message: string }[];
  rowErrorTotal: number;
}
/** Posts the file (202, a running job), waits for the job and reads it as its creator does. */
const upload = async (buffer: Buffer): Promise<Job> => {
  const res = await post(buffer);
  expect(res.statusCode, res.body.slice(0, 500)).toBe(202);
  const { id, status } = res.json<{ id: number; status: string }>();
  expect(status).toBe('running');
  await whenJobSettled(t.deps.database, id);
  return (await officer.request('GET', `/api/jobs/${id}`)).json<Job>();
};
const base = { name: '杭州表格测试有限公司', district: '西湖区', industry: '电子信息' };
const load = async (buffer: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb.worksheets[0];
};

describe('the registry spreadsheet', () => {
  it('when the template is downloaded, then codes and ID numbers are text columns, the capital a thousands-formatted number in yuan, the date a date, and it prints landscape one page wide with the header repeated', async () => {
    const ws = await load((await officer.request('GET', '/api/enterprises/import-template')).rawPayload);
    const col = (title: string) => ws.getColumn(header.indexOf(title) + 1);
    for (const title of ['统一社会信用代码', '法定代表人身份证号', '联系电话']) {
      expect(col(title).numFmt, title).toBe('@');
    }
    expect(col('注册资本（元）').numFmt).toBe('#,##0.00');
    expect(col('成立日期').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getRow(2).getCell(header.indexOf('成立日期') + 1).value).toBeInstanceOf(Date);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
  });

  it('when the registry is exported, then it has the template columns, so the exported file edited into new enterprises imports; only the existing codes are refused', async () => {
    const res = await officer.request('GET', `/api/enterprises/export?district=${encodeURIComponent('西湖区')}&limit=50`);
    expect(res.statusCode).toBe(200);
    const ws = await load(res.rawPayload);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(header);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
    // As exported: every row is a known enterprise, and nothing else is wrong with it.
    const asExported = await upload(res.rawPayload);
    expect(asExported.status).toBe('failed');
    expect(asExported.rowErrors.length).toBeGreaterThan(0);
    expect(new Set(asExported.rowErrors.map((e) => e.message))).toEqual(new Set(['该统一社会信用代码已在企业库中']));
    // Edited: two rows become new enterprises (new code and name), the rest deleted; it imports.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const codes = [uniqueUscc(), uniqueUscc()];
    codes.forEach((code, i) => {
      sheet.getRow(i + 2).getCell(1).value = code;
      sheet.getRow(i + 2).getCell(2).value = `杭州回环导入${i + 1}号科技有限公司`;
    });
    for (let r = 4; r <= sheet.rowCount; r++) {
      sheet.getRow(r).values = [];
    }
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const imported = await upload(edited);
    expect(imported).toMatchObject({ status: 'done', progress: 100, result: { imported: 2 } });
  });

  it('when dates are written 2015/6/1, 2015年6月1日, 2015.6.1 or as a date cell, then they import; a bad date is reported once', async () => {
    const codes = [uniqueUscc(), uniqueUscc(), uniqueUscc(), uniqueUscc()];
    const ok = await upload(
      await xlsxOf(header, [
        row({ ...base, uscc: codes[0], registeredOn: '2015/6/1' }),
        row({ ...base, uscc: codes[1], registeredOn: '2015年6月1日' }),
        row({ ...base, uscc: codes[2], registeredOn: '2015.6.1' }),
        row({ ...base, uscc: codes[3], registeredOn: new Date(Date.UTC(2015, 5, 1)) }),
      ]),
    );
    expect(ok.status, ok.error ?? '').toBe('done');
    const [{ n }] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from enterprises where uscc in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)}) and registered_on = '2015-06-01'`);
    expect(n).toBe(4);
    const bad = await upload(await xlsxOf(header, [row({ ...base, uscc: uniqueUscc(), registeredOn: '2015/2/30' }), row({ ...base, uscc: uniqueUscc(), registeredOn: '去年' })]));
    expect(bad.status).toBe('failed');
    const errors = bad.rowErrors;
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, '成立日期'],
      [3, '成立日期'],
    ]);
    expect(errors[0].message).toContain('2015年6月1日');
  });

  it('when an 18-digit code was turned into a number by Excel, then the row says the digits were lost and how to keep them, once', async () => {
    const res = await upload(await xlsxOf(header, [row({ ...base, uscc: 913301061234567900, registeredOn: '2015-06-01' })]));
    expect(res.status).toBe('failed');
    const errors = res.rowErrors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ column: '统一社会信用代码' });
    expect(errors[0].message).toContain('文本格式');
  });

  it('when an .xls or a CSV is uploaded, then 415 with the steps to save it as .xlsx', async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const a = await post(xls, '名单.xls', 'application/vnd.ms-excel');
    expect(a.statusCode).toBe(415);
    expect(a.json().error.message).toMatch(/另存为[\s\S]*xlsx/);
    const gbkCsv = Buffer.from([0xcd, 0xb3, 0xd2, 0xbb, 0x2c, 0x0a]); // "统一," in GBK
    const b = await post(gbkCsv, '名单.csv', 'text/csv');
    expect(b.statusCode).toBe(415);
    expect(b.json().error.message).toMatch(/CSV[\s\S]*GBK[\s\S]*另存为/);
  });

  it('when an xlsx declares more than it can hold (a zip bomb), then it is refused at once, before inflating', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(4 * 1024 * 1024, 0x20));
    const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    // Forge the central directory: the sheet says it inflates to 4 GB.
    const cd = buffer.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml')) - 46;
    expect(buffer.readUInt32LE(cd)).toBe(0x02014b50);
    buffer.writeUInt32LE(0xfffffff0, cd + 24);
    const started = process.hrtime.bigint();
    const res = await post(buffer);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/异常|过大/);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2000);
  });

  it('when 10,000 rows are imported (more than one statement can bind), then the job registers all with their timeline events and audit rows, in batches', async () => {
    const prefix = `杭州批量导入${Date.now()}`;
    const rows = Array.from({ length: 10_000 }, (_, i) => row({ ...base, name: `${prefix}-${i}号有限公司`, uscc: uniqueUscc(), registeredOn: '2016-03-01', legalRepPhone: '13900001111' }));
    const started = process.hrtime.bigint();
    const job = await upload(await xlsxOf(header, rows));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(job, job.error ?? '').toMatchObject({ status: 'done', progress: 100, result: { imported: 10_000 } });
    const [{ n, events, audits, masked, clear }] = await t.deps.database.rows<{ n: number; events: number; audits: number; masked: number; clear: number }>(sql`
      with e as (select id, id::text as oid from enterprises where name like ${prefix + '%'})
      select (select count(*)::int from e) as n,
             (select count(*)::int from timeline_events where kind = 'imported' and enterprise_id in (select id from e)) as events,
             (select count(distinct a.id)::int from audit_log a, jsonb_array_elements(a.after->'enterprises') x
               where a.action = 'enterprise.import' and a.object_type = 'enterprise_import' and (x->>'id')::bigint in (select id from e)) as audits,
             (select count(*)::int from audit_log a, jsonb_array_elements(a.after->'enterprises') x
               where a.action = 'enterprise.import' and (x->>'id')::bigint in (select id from e) and x->>'legalRepPhone' = '139****1111') as masked,
             (select count(*)::int from audit_log where action = 'enterprise.import' and after::text like '%13900001111%') as clear`);
    // one audit row per batch of 5,000, listing every enterprise of it with its phone masked, never in clear
    expect({ n, events, audits, masked, clear }).toEqual({ n: 10_000, events: 10_000, audits: 2, masked: 10_000, clear: 0 });
    expect((await verifyAuditChain({ db: t.deps.database.db })).intact).toBe(true);
    console.log(`enterprise import job: 10000 rows in ${Math.round(ms)} ms (${Math.round(10_000 / (ms / 1000))} rows/s)`);
  }, 300_000);

  it('when a row fails, then nothing of the file is written and the error is listed once', async () => {
    const prefix = `杭州全无导入${Date.now()}`;
    const rows = Array.from({ length: 1500 }, (_, i) => row({ ...base, name: `${prefix}-${i}`, uscc: uniqueUscc(), registeredOn: i === 1400 ? '2015-13-01' : '2016-03-01' }));
    const job = await upload(await xlsxOf(header, rows));
    expect(job.status).toBe('failed');
    expect(job.rowErrors).toEqual([{ row: 1402, column: '成立日期', message: expect.stringContaining('2015年6月1日') }]);
    expect(job.rowErrorTotal).toBe(1);
    const [{ n }] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from enterprises where name like ${prefix + '%'}`);
    expect(n).toBe(0);
  });

  it('when a later batch fails after the first was written, then the whole import is rolled back: no enterprise, timeline event or audit row of the file', async () => {
    const prefix = `杭州中途失败${Date.now()}`;
    const rows = Array.from({ length: WRITE_BATCH + 20 }, (_, i) => row({ ...base, name: `${prefix}-${i}号有限公司`, uscc: uniqueUscc(), registeredOn: '2016-03-01' }));
    const ctx = ctxOf(await actorFor(t.deps.database.db, 'officer'));
    let batchesWritten = 0;
    const interrupted = importEnterprises({
      database: t.deps.database,
      ctx,
      pii: t.deps.pii,
      buffer: await xlsxOf(header, rows),
      filename: 'half.xlsx',
      control: {
        progress: (percent) => {
          if (percent > 55) {
            batchesWritten++;
            throw new Error('第二批写入前中断');
          }
        },
      },
    });
    await expect(interrupted).rejects.toThrow('第二批写入前中断');
    expect(batchesWritten).toBe(1);
    const [{ n, events, audits }] = await t.deps.database.rows<{ n: number; events: number; audits: number }>(sql`
      select (select count(*)::int from enterprises where name like ${prefix + '%'}) as n,
             (select count(*)::int from timeline_events where title like ${'%half.xlsx%'}) as events,
             (select count(*)::int from audit_log a where action = 'enterprise.import' and exists (select 1 from jsonb_array_elements(a.after->'enterprises') x where x->>'name' like ${prefix + '%'})) as audits`);
    expect({ n, events, audits }).toEqual({ n: 0, events: 0, audits: 0 });
  }, 300_000);

  it('when a valid file holds codes already registered, in the first batch and in a later one, then each is refused once, named only as far as the district officer may see it, and nothing is written', async () => {
    const prefix = `杭州已登记导入${Date.now()}`;
    const [inXihu] = await t.deps.database.rows<{ uscc: string }>(sql`select e.uscc from enterprises e join districts d on d.id = e.district_id where d.name = '西湖区' order by e.id limit 1`);
    const [elsewhere] = await t.deps.database.rows<{ uscc: string }>(sql`select e.uscc from enterprises e join districts d on d.id = e.district_id where d.name <> '西湖区' order by e.id limit 1`);
    const rows = Array.from({ length: WRITE_BATCH + 10 }, (_, i) => row({ ...base, name: `${prefix}-${i}号有限公司`, uscc: uniqueUscc(), registeredOn: '2016-03-01' }));
    rows[1][header.indexOf('统一社会信用代码')] = elsewhere.uscc;
    rows[WRITE_BATCH + 5][header.indexOf('统一社会信用代码')] = inXihu.uscc;
    const ctx = ctxOf(await actorFor(t.deps.database.db, 'xihu'));
    const failed = importEnterprises({ database: t.deps.database, ctx, pii: t.deps.pii, buffer: await xlsxOf(header, rows), filename: 'known.xlsx' });
    await expect(failed).rejects.toMatchObject({
      details: {
        total: 2,
        errors: [
          { row: 3, column: '统一社会信用代码', message: USCC_UNAVAILABLE },
          { row: WRITE_BATCH + 7, column: '统一社会信用代码', message: '该统一社会信用代码已在企业库中' },
        ],
      },
    });
    const [{ n, events, audits }] = await t.deps.database.rows<{ n: number; events: number; audits: number }>(sql`
      select (select count(*)::int from enterprises where name like ${prefix + '%'}) as n,
             (select count(*)::int from timeline_events where title like ${'%known.xlsx%'}) as events,
             (select count(*)::int from audit_log a where action = 'enterprise.import' and exists (select 1 from jsonb_array_elements(a.after->'enterprises') x where x->>'name' like ${prefix + '%'})) as audits`);
    expect({ n, events, audits }).toEqual({ n: 0, events: 0, audits: 0 });
  }, 300_000);

  it('when someone else asks for the job, then 404', async () => {
    const res = await post(await xlsxOf(header, [row({ ...base, uscc: uniqueUscc(), registeredOn: '2016-03-01' })]));
    const { id } = res.json<{ id: number }>();
    await whenJobSettled(t.deps.database, id);
    const xihu = await loginAs(t.app, 'xihu');
    expect((await xihu.request('GET', `/api/jobs/${id}`)).statusCode).toBe(404);
  });
});
