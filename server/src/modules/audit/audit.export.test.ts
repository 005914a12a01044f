import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { recordAudit } from './audit.service.js';

let t: TestApp;
let auditor: Session;

beforeAll(async () => {
  t = await createTestApp();
  auditor = await loginAs(t.app, 'auditor');
});
afterAll(async () => {
  await t.close();
});

async function exportSheet(query: string) {
  const res = await auditor.request('GET', `/api/audit/export?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe('the audit export follows the platform Excel convention', () => {
  it('when rows are exported, then the time is a real date in China time, numbers are numbers and the sheet prints landscape, fit to width', async () => {
    await recordAudit(t.deps.database.db, { actor: null, requestId: 'export-test', ip: '127.0.0.1', system: 'test' }, { action: 'test.export', objectType: 'export_probe', objectId: 7, after: { a: 1 } });
    const [stored] = await t.deps.database.rows<{ id: number; at: Date }>(
      sql`select id, at from audit_log where object_type = 'export_probe'`,
    );
    const ws = await exportSheet('objectType=export_probe');
    expect(ws.getRow(1).getCell(2).value).toBe('时间（北京时间）');
    const row = ws.getRow(2);
    expect(row.getCell(1).value).toBe(Number(stored.id));
    const at = row.getCell(2).value;
    expect(at).toBeInstanceOf(Date);
    // The cell's wall clock is Beijing time: UTC + 8 h.
    expect((at as Date).getTime()).toBe(new Date(stored.at).getTime() + 8 * 3600_000);
    expect(row.getCell(2).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(row.getCell(8).value).toBe('{"a":1}');
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
  });

  it('when a change is longer than an Excel cell holds, then it is cut with a mark instead of breaking the file', async () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ holderId: i + 1, amount: 1000 }));
    await recordAudit(t.deps.database.db, { actor: null, requestId: 'export-long', ip: '127.0.0.1', system: 'test' }, { action: 'test.long', objectType: 'export_long', objectId: 1, after: { items } });
    const ws = await exportSheet('objectType=export_long');
    const after = String(ws.getRow(2).getCell(8).value);
    expect(after.length).toBeLessThanOrEqual(32_767);
    expect(after).toMatch(/已截断/);
  });
});
