import ExcelJS from 'exceljs';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { enterprises } from '../../db/schema/index.js';
import { voucherHolders } from '../../db/schema/vouchers.js';
import { AppError } from '../../http/errors.js';
import { hasAtMostTwoDecimals } from '../../lib/money.js';

export const ISSUE_HEADERS = ['持有人编号', '统一社会信用代码', '发放金额（元）'] as const;

export async function issuanceTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('发放名单');
  ws.addRow([...ISSUE_HEADERS]);
  ws.addRow(['', '91330106MA27XXXXXX', 50000]);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 24));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Reads an approved issuance list: each row names the holder by its number or the enterprise's
 * credit code, and the amount. Any bad row fails the whole list, naming the row and the field.
 */
export async function parseIssuanceList(db: Db, buffer: Buffer): Promise<{ holderId: number; amount: number }[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('import_invalid', '无法读取 Excel 文件', { errors: [] });
  }
  const ws = wb.worksheets[0];
  if (!ws) {
    throw new AppError('import_invalid', 'Excel 文件没有工作表', { errors: [] });
  }
  const raw: {
    row: number;
    holderId: number | null;
    uscc: string | null;
    amount: unknown;
  }[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) {
      return;
    }
    const cell = (i: number) => {
      const v = row.getCell(i).value;
      return v === null || v === undefined || v === '' ? null : typeof v === 'object' && 'result' in v ? v.result : v;
    };
    const hid = cell(1);
    raw.push({
      row: n,
      holderId: hid === null ? null : Number(hid),
      uscc: cell(2) === null ? null : String(cell(2)).trim().toUpperCase(),
      amount: cell(3),
    });
  });
  if (raw.length === 0) {
    throw new AppError('import_invalid', '名单为空', { errors: [] });
  }
  if (raw.length > 20_000) {
    throw new AppError('import_invalid', '单次最多导入20000行', { errors: [] });
  }
  const usccs = raw.filter((r) => r.holderId === null && r.uscc).map((r) => r.uscc!);
  const byUscc = new Map<string, number>();
  if (usccs.length) {
    const found = await db
      .select({ uscc: enterprises.uscc, holderId: voucherHolders.id })
      .from(enterprises)
      .innerJoin(voucherHolders, eq(voucherHolders.enterpriseId, enterprises.id))
      .where(inArray(enterprises.uscc, usccs));
    for (const f of found) {
      byUscc.set(f.uscc, f.holderId);
    }
  }
  const errors: { row: number; column: string; message: string }[] = [];
  const out: { holderId: number; amount: number }[] = [];
  for (const r of raw) {
    const holderId = r.holderId ?? (r.uscc ? byUscc.get(r.uscc) : undefined);
    if (holderId === undefined || !Number.isSafeInteger(holderId) || holderId <= 0) {
      errors.push({
        row: r.row,
        column: r.holderId === null ? ISSUE_HEADERS[1] : ISSUE_HEADERS[0],
        message: '找不到该持有人（请先登记为创新券持有人）',
      });
      continue;
    }
    const amount = typeof r.amount === 'number' ? r.amount : Number(r.amount);
    if (!Number.isFinite(amount) || amount <= 0 || !hasAtMostTwoDecimals(amount)) {
      errors.push({
        row: r.row,
        column: ISSUE_HEADERS[2],
        message: '金额应为大于0、最多两位小数的数字',
      });
      continue;
    }
    out.push({ holderId, amount });
  }
  if (errors.length) {
    throw new AppError('import_invalid', `名单有${errors.length}处错误，未发放任何创新券`, { errors: errors.slice(0, 200) });
  }
  return out;
}
