import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { enterprises } from '../../db/schema/index.js';
import { voucherHolders } from '../../db/schema/vouchers.js';
import { AppError } from '../../http/errors.js';
import { hasAtMostTwoDecimals } from '../../lib/money.js';
import { cellCode, readXlsx, writeXlsxBuffer } from '../../lib/xlsx.js';

export const ISSUE_HEADERS = ['持有人编号', '统一社会信用代码', '发放金额（元）'] as const;

/** The issuance list template: the holder number and credit code as text, the amount in yuan with a thousands format. */
export async function issuanceTemplate(): Promise<Buffer> {
  return writeXlsxBuffer<{ holder: string; uscc: string; amount: number }>({
    sheet: '发放名单',
    columns: [
      { header: ISSUE_HEADERS[0], kind: 'text', width: 14, note: '持有人编号与统一社会信用代码填一项即可', value: (r) => r.holder },
      { header: ISSUE_HEADERS[1], kind: 'text', width: 24, note: '18位，本列为文本格式（粘贴时请选“只粘贴值”）', value: (r) => r.uscc },
      { header: ISSUE_HEADERS[2], kind: 'money', width: 18, required: true, note: '单位：元，最多两位小数', value: (r) => r.amount },
    ],
    rows: [{ holder: '', uscc: '91330106MA27XXXXXX', amount: 50000 }],
    help: ['第一行为表头，请勿修改；示例行请删除后再导入。', '每行填持有人编号或统一社会信用代码（企业须已登记为创新券持有人）和发放金额（元）。', '整个名单校验通过才会发放，任何一行有误则全部不发放，并列出错误所在的行和列。', '只接受 .xlsx 文件：旧版 .xls 或 CSV 请先用 Excel/WPS“另存为 → Excel 工作簿（*.xlsx）”。'],
  });
}

/**
 * Reads an approved issuance list: each row names the holder by its number or the enterprise's
 * credit code, and the amount. Any bad row fails the whole list, naming the row and the field.
 */
export async function parseIssuanceList(db: Db, buffer: Buffer): Promise<{ holderId: number; amount: number }[]> {
  const wb = await readXlsx(buffer);
  const ws = wb.worksheets[0];
  if (!ws) {
    throw new AppError('import_invalid', 'Excel 文件没有工作表', { errors: [] });
  }
  const raw: {
    row: number;
    holderId: number | null;
    uscc: string | null;
    lostDigits: boolean;
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
    const code = cellCode(row.getCell(2).value);
    raw.push({
      row: n,
      holderId: hid === null ? null : Number(hid),
      uscc: code.value,
      lostDigits: code.lostDigits,
      amount: typeof cell(3) === 'string' ? String(cell(3)).replace(/[,，\s]/g, '') : cell(3),
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
    if (r.holderId === null && r.lostDigits) {
      errors.push({ row: r.row, column: ISSUE_HEADERS[1], message: '该单元格被 Excel 存成了数字，末几位已丢失：请把本列设为文本格式后重新填写（或粘贴时选“只粘贴值”）' });
      continue;
    }
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
