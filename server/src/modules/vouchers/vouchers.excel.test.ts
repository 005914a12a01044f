import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import { xlsxOf } from '../../test/factories.js';
import { ISSUE_HEADERS, issuanceTemplate } from './vouchers.excel.js';
import { parseIssuanceList } from './vouchers.issuance.js';

describe('the voucher issuance list', () => {
  it('when the template is downloaded, then the holder number and credit code are text, the amount a thousands-formatted number in yuan', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await issuanceTemplate()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...ISSUE_HEADERS]);
    expect(ws.getColumn(1).numFmt).toBe('@');
    expect(ws.getColumn(2).numFmt).toBe('@');
    expect(ws.getColumn(3).numFmt).toBe('#,##0.00');
    expect(ws.getRow(2).getCell(3).value).toBe(50000);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
  });

  it('when a credit code was turned into a number by Excel, then the row says its digits were lost, and nothing is issued', async () => {
    const file = await xlsxOf([...ISSUE_HEADERS], [[null, 913301061234567900, 1000]]);
    const err = await parseIssuanceList(undefined as unknown as Db, file).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'import_invalid', details: { errors: [{ row: 2, column: '统一社会信用代码', message: expect.stringContaining('文本格式') }] } });
  });
});
