import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { parseStatsWorkbook } from '../../modules/carriers/stats.import.js';
import { whenJobSettled } from '../../modules/jobs/index.js';
import { multipartFile } from '../factories.js';
import { convert, officeTools, pdfPages, pythonPath, readXlsxStructure, save, officeSession, type XlsxSheetStructure } from './office.js';
import { loginAs } from '../harness.js';


const column = (s: XlsxSheetStructure, header: string) => {
  const i = s.header.indexOf(header);
  expect(i, `${s.name}: ${header} in ${s.header.join('|')}`).toBeGreaterThanOrEqual(0);
  return i;
};
/** The data rows (the totals row left out). */
const dataRows = (s: XlsxSheetStructure) => s.rows.map((r, i) => i).filter((i) => s.rows[i][0] !== '合计');

/** Every data row of the column holds a value of this type and number format (empty cells aside). */
function expectColumn(s: XlsxSheetStructure, header: string, type: 'str' | 'int|float' | 'datetime', format: string) {
  const i = column(s, header);
  const rows = dataRows(s).filter((r) => s.rows[r][i] !== null);
  expect(rows.length, `${s.name}: ${header} has values`).toBeGreaterThan(0);
  for (const r of rows) {
    expect(type.split('|'), `${s.name}: ${header} row ${r + 2} = ${String(s.rows[r][i])}`).toContain(s.types[r][i]);
    expect(s.formats[r][i], `${s.name}: ${header} row ${r + 2}`).toBe(format);
  }
}

/** A4 landscape, one page wide, header row repeated and frozen. */
function expectPrintSetup(s: XlsxSheetStructure) {
  expect(s, s.name).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToPage: true, frozen: 'A2' });
  expect(s.printTitleRows, s.name).toMatch(/^\$?1:\$?1$/);
}

/** The totals row sums the data rows of each money column. */
function expectTotals(s: XlsxSheetStructure, headers: string[]) {
  const last = s.rows.at(-1)!;
  expect(last[0], s.name).toBe('合计');
  for (const h of headers) {
    const i = column(s, h);
    const sum = dataRows(s).reduce((acc, r) => acc + Number(s.rows[r][i] ?? 0), 0);
    expect(Number(last[i]), `${s.name}: ${h}`).toBeCloseTo(sum, 2);
  }
}

describe.skipIf(!officeTools)('exports opened with openpyxl and LibreOffice Calc', () => {
  const o = officeSession();

  const download = async (url: string, name: string) => {
    const res = await o.officer.request('GET', url);
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    const path = save(o.dir, name, res.rawPayload);
    // LibreOffice prints it on whole pages (a broken print setup would spill sideways).
    expect(pdfPages(convert(path, 'pdf', join(o.dir, 'pdf'))), name).toBeGreaterThan(0);
    return { path, sheets: readXlsxStructure(path) };
  };

  it('when the performance evaluation is exported, then amounts are numbers in yuan with totals, rates are percentages, and the programmes and the method have their own sheets', async () => {
    const { sheets } = await download('/api/projects/performance.xlsx', 'performance.xlsx');
    expect(sheets.map((s) => s.name)).toEqual(['项目得分', '计划得分', '评价方法']);
    const [projects, programmes] = sheets;
    for (const h of ['立项金额（元）', '已拨付（元）']) {
      expectColumn(projects, h, 'int|float', '#,##0.00');
    }
    expectColumn(projects, '立项年度', 'int|float', 'General');
    expectColumn(projects, '考核指标完成度', 'int|float', '0.0%');
    expectTotals(projects, ['立项金额（元）', '已拨付（元）', '已支出（元）']);
    expectTotals(programmes, ['项目数', '立项金额（元）']);
    expect(projects.pageHeader).toContain('绩效评价');
    expectPrintSetup(projects);
    expectPrintSetup(programmes);
    expect(sheets[2].header[0]).toContain('绩效评价');
  });

  it('when a voucher settlement batch is exported, then the contract number is text, the amount a number in yuan with its total, the review date a date', async () => {
    const [b] = await o.t.deps.database.rows<{ id: number }>(sql`select settlement_id as id from voucher_claims where settlement_id is not null and contract_no is not null order by settlement_id limit 1`);
    const { sheets } = await download(`/api/vouchers/settlements/${b.id}/export`, 'settlement.xlsx');
    const [s] = sheets;
    expectColumn(s, '合同编号', 'str', '@');
    expectColumn(s, '兑付申请号', 'str', '@');
    expectColumn(s, '金额（元）', 'int|float', '#,##0.00');
    expectColumn(s, '审核日期', 'datetime', 'yyyy-mm-dd');
    expectTotals(s, ['金额（元）']);
    expect(s.pageHeader).toContain(`结算批次 ${b.id}`);
    expectPrintSetup(s);
  });

  it('when a 推荐上报 list is exported, then the credit code is text, the date a date and every page is headed by the batch title', async () => {
    let [b] = await o.t.deps.database.rows<{ id: number; title: string }>(sql`select id, title from recognition_batches order by id limit 1`);
    if (!b) {
      const pending = (await o.officer.request('GET', '/api/recognition-recommendations?type=hnte&state=pending')).json<{ items: { applicationId: number; year: number }[] }>().items;
      const created = await o.officer.request('POST', '/api/recognition-batches', { type: 'hnte', year: pending[0].year, title: `${pending[0].year}年度高新技术企业推荐名单`, applicationIds: pending.slice(0, 5).map((p) => p.applicationId) });
      expect(created.statusCode, created.body).toBe(201);
      b = created.json();
    }
    const { sheets } = await download(`/api/recognition-batches/${b.id}/list.xlsx`, 'recommendation-list.xlsx');
    const [s] = sheets;
    expectColumn(s, '统一社会信用代码', 'str', '@');
    expectColumn(s, '推荐日期', 'datetime', 'yyyy-mm-dd');
    expectColumn(s, '序号', 'int|float', '#,##0');
    expect(s.pageHeader).toBe(b.title);
    expectPrintSetup(s);
  });

  it('when the recognitions register and the applications are exported, then codes and certificate numbers are text and dates are dates', async () => {
    const [register] = (await download('/api/recognitions/export.xlsx?type=hnte&year=2015', 'recognitions.xlsx')).sheets;
    expectColumn(register, '证书编号', 'str', '@');
    expectColumn(register, '统一社会信用代码', 'str', '@');
    expectColumn(register, '发证日期', 'datetime', 'yyyy-mm-dd');
    expectColumn(register, '有效期至', 'datetime', 'yyyy-mm-dd');
    expectPrintSetup(register);
    const [apps] = (await download('/api/recognition-applications/export.xlsx?type=hnte', 'recognition-applications.xlsx')).sheets;
    expectColumn(apps, '统一社会信用代码', 'str', '@');
    expectColumn(apps, '申请日期', 'datetime', 'yyyy-mm-dd');
    expectPrintSetup(apps);
  });

  it('when the indicator dashboard and a drill-down are exported, then each figure has the format of its unit and the records their amounts in yuan with a total', async () => {
    const { sheets } = await download('/api/indicators/export?year=2015', 'indicators-2015.xlsx');
    const [overview, districts] = sheets;
    const unit = column(overview, '单位');
    const value = column(overview, '2015年');
    const yuan = overview.rows.findIndex((r) => r[unit] === '元' && r[value] !== null);
    const firms = overview.rows.findIndex((r) => r[unit] === '家' && r[value] !== null);
    expect(overview.formats[yuan][value]).toBe('#,##0.00');
    expect(overview.formats[firms][value]).toBe('#,##0');
    expect(overview.types[firms][value]).toBe('int');
    expectColumn(overview, '同比', 'int|float', '0.0%');
    expect(districts.rows.at(-1)![0]).toBe('合计');
    expectPrintSetup(overview);
    const [records] = (await download('/api/indicators/techmarket.amount/records/export?year=2015', 'techmarket-amount-2015.xlsx')).sheets;
    expectColumn(records, '金额（元）', 'int|float', '#,##0.00');
    expectColumn(records, '日期', 'datetime', 'yyyy-mm-dd');
    expectTotals(records, ['金额（元）']);
  });

  it('when the carriers’ annual statistics are exported and saved again by LibreOffice Calc, then money is in yuan with totals and the file still reads back', async () => {
    const { path, sheets } = await download('/api/carrier-stats/export.xlsx?year=2015', 'carrier-stats-2015.xlsx');
    const [s] = sheets;
    expectColumn(s, '在孵企业总收入（元）', 'int|float', '#,##0.00');
    expectColumn(s, '在孵企业数', 'int|float', '#,##0');
    expectTotals(s, ['在孵企业总收入（元）', '在孵企业数']);
    expectPrintSetup(s);
    const resaved = convert(path, 'xlsx:Calc MS Excel 2007 XML', join(o.dir, 'pdf'));
    const rows = await parseStatsWorkbook(readFileSync(resaved));
    expect(rows).toHaveLength(dataRows(s).length);
  });

  it('when the indicator import template is saved again by LibreOffice Calc and filled in, then the code column is text, the date a date, and it imports', async () => {
    const res = await o.officer.request('GET', '/api/indicators/imports/reported/template');
    const template = save(o.dir, 'indicator-template.xlsx', res.rawPayload);
    const [data, codes] = readXlsxStructure(template);
    expect(data.header).toEqual(['指标代码', '年度', '区县', '数值', '数据来源', '文件日期']);
    expect(data.columnFormats[0]).toBe('@');
    expect(data.columnFormats[2]).toBe('@');
    expectColumn(data, '文件日期', 'datetime', 'yyyy-mm-dd');
    expect(codes.rows.length).toBeGreaterThan(5);
    expectPrintSetup(data);
    const resaved = convert(template, 'xlsx:Calc MS Excel 2007 XML', join(o.dir, 'pdf'));
    execFileSync(pythonPath(), ['-c', String.raw`
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
for col, v in zip('ABCDEF', ['stat.patent_grants', 2013, '330106', 1234, '办公软件回环测试', '2014/1/20']):
    ws[col + '2'] = v
wb.save(sys.argv[1])
`, resaved]);
    const { payload, headers } = multipartFile(readFileSync(resaved), 'template.xlsx');
    const imported = await o.officer.request('POST', '/api/indicators/imports/reported', payload, headers);
    expect(imported.statusCode, imported.body).toBe(202);
    await whenJobSettled(o.t.deps.database, imported.json().id);
    expect((await o.officer.request('GET', `/api/jobs/${imported.json().id}`)).json()).toMatchObject({ status: 'done' });
  });

  it('when the audit log is exported, then the time is a real date-time', async () => {
    const auditor = await loginAs(o.t.app, 'auditor');
    const res = await auditor.request('GET', '/api/audit/export?objectType=recognition_import');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const [s] = readXlsxStructure(save(o.dir, 'audit.xlsx', res.rawPayload));
    expectColumn(s, '时间（北京时间）', 'datetime', 'yyyy-mm-dd hh:mm:ss');
    expectPrintSetup(s);
  });
});
