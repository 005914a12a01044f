import { setImmediate as nextTurn } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import { pgArray } from '../../db/bulk.js';
import type { Executor } from '../../db/client.js';
import { enterprises } from '../../db/schema/index.js';
import type { JobRowError } from '../../db/schema/jobs.js';
import { voucherHolders } from '../../db/schema/vouchers.js';
import { AppError } from '../../http/errors.js';
import { hasAtMostTwoDecimals } from '../../lib/money.js';
import { cellCode, cellValue } from '../../lib/xlsx.js';
import { readXlsxRows } from '../../lib/xlsx.stream.js';
import type { JobControl } from '../jobs/index.js';
import { ISSUE_HEADERS } from './vouchers.excel.js';

export const MAX_ISSUANCE_ROWS = 50_000;
/** Holders issued to per ledger call and per statement (a few bind parameters each). */
export const ISSUE_BATCH = 2000;
const MAX_LISTED_ERRORS = 200;
const LOST_DIGITS = '该单元格被 Excel 存成了数字，末几位已丢失：请把本列设为文本格式后重新填写（或粘贴时选“只粘贴值”）';

/** What issuance needs of a holder: its district, its kind (the cap) and its enterprise (the timeline). */
export interface IssueHolder {
  id: number;
  kind: 'enterprise' | 'team';
  districtId: number;
  enterpriseId: number | null;
}

/** Holders by id: one query however many (the ids as one array parameter). */
export async function holdersById(db: Executor, ids: number[]): Promise<Map<number, IssueHolder>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ id: voucherHolders.id, kind: voucherHolders.kind, districtId: voucherHolders.districtId, enterpriseId: voucherHolders.enterpriseId })
    .from(voucherHolders)
    .where(sql`${voucherHolders.id} = any(${pgArray(unique)}::int[])`);
  return new Map(rows.map((r) => [r.id, r]));
}

/** Holders of the enterprises with these credit codes: one query however many. */
async function holdersByUscc(db: Executor, usccs: string[]): Promise<Map<string, number>> {
  const unique = [...new Set(usccs)];
  if (unique.length === 0) {
    return new Map();
  }
  const found = await db
    .select({ uscc: enterprises.uscc, holderId: voucherHolders.id })
    .from(enterprises)
    .innerJoin(voucherHolders, eq(voucherHolders.enterpriseId, enterprises.id))
    .where(sql`${enterprises.uscc} = any(${pgArray(unique)}::text[])`);
  return new Map(found.map((f) => [f.uscc, f.holderId]));
}

interface ListRow {
  row: number;
  holderId: number | null;
  uscc: string | null;
  lostDigits: boolean;
  amount: number;
}

/**
 * Reads an approved issuance list, streamed: each row names the holder by its number or the
 * enterprise's credit code, and the amount in yuan. Any bad row fails the whole list; every
 * problem is listed once, naming the row and the column.
 */
export async function parseIssuanceList(db: Executor, buffer: Buffer, control?: JobControl): Promise<{ holderId: number; amount: number }[]> {
  const raw: ListRow[] = [];
  for await (const line of readXlsxRows(buffer, { onProgress: (f) => control?.progress(f * 40, `正在读取名单（已读 ${raw.length} 行）`) })) {
    if (line.n === 1) {
      continue;
    }
    const hid = cellValue(line.cells[0] ?? null);
    const code = cellCode(line.cells[1] ?? null);
    const amountCell = cellValue(line.cells[2] ?? null);
    if (hid === null && code.value === null && !code.lostDigits && amountCell === null) {
      continue;
    }
    if (raw.length >= MAX_ISSUANCE_ROWS) {
      throw new AppError('import_invalid', `单次最多发放 ${MAX_ISSUANCE_ROWS} 行，请拆分名单`, { errors: [] });
    }
    raw.push({
      row: line.n,
      holderId: hid === null ? null : Number(hid),
      uscc: code.value,
      lostDigits: code.lostDigits,
      amount: typeof amountCell === 'string' ? Number(amountCell.replace(/[,，\s]/g, '')) : typeof amountCell === 'number' ? amountCell : NaN,
    });
  }
  if (raw.length === 0) {
    throw new AppError('import_invalid', '名单为空', { errors: [] });
  }
  control?.progress(40, '正在核对持有人');
  const byUscc = await holdersByUscc(db, raw.filter((r) => r.holderId === null && r.uscc).map((r) => r.uscc!));
  const known = await holdersById(db, raw.map((r) => r.holderId ?? (r.uscc ? byUscc.get(r.uscc) : undefined)).filter((id): id is number => Number.isSafeInteger(id) && id! > 0 && id! <= 2_147_483_647));
  const errors: JobRowError[] = [];
  const out: { holderId: number; amount: number }[] = [];
  for (const r of raw) {
    const holderId = r.holderId ?? (r.uscc ? byUscc.get(r.uscc) : undefined);
    if (r.holderId === null && r.lostDigits) {
      errors.push({ row: r.row, column: ISSUE_HEADERS[1], message: LOST_DIGITS });
    } else if (holderId === undefined || !known.has(holderId)) {
      errors.push({ row: r.row, column: r.holderId === null ? ISSUE_HEADERS[1] : ISSUE_HEADERS[0], message: '找不到该持有人（请先登记为创新券持有人）' });
    } else if (!Number.isFinite(r.amount) || r.amount <= 0 || !hasAtMostTwoDecimals(r.amount)) {
      errors.push({ row: r.row, column: ISSUE_HEADERS[2], message: '金额应为大于0、最多两位小数的数字' });
    } else {
      out.push({ holderId, amount: r.amount });
    }
  }
  if (errors.length) {
    throw new AppError('import_invalid', `名单有${errors.length}处错误，未发放任何创新券`, { errors: errors.slice(0, MAX_LISTED_ERRORS), total: errors.length });
  }
  return out;
}

/** Gives the event loop a turn between batches and reports how far the issuance is. */
export async function issuedBatch(control: JobControl | undefined, done: number, of: number): Promise<void> {
  control?.progress(50 + (done / of) * 50, `正在发放（${done} / ${of}）`);
  await nextTurn();
}
