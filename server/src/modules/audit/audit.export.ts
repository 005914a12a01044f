import { writeXlsxStream, type XlsxColumn } from '../../lib/xlsx.js';
import type { AuditRow } from './audit.repo.js';

/** Excel holds at most 32,767 characters in a cell; a longer change (a bulk issuance) is cut with a mark. */
const CELL_MAX = 32_767;
const CUT = '…（内容过长已截断，完整记录见系统审计日志）';
const json = (v: unknown) => {
  if (v === null || v === undefined) {
    return null;
  }
  const s = JSON.stringify(v);
  return s.length > CELL_MAX ? s.slice(0, CELL_MAX - CUT.length) + CUT : s;
};

/**
 * The audit log's columns under the platform's Excel convention (lib/xlsx): the time a real
 * date-time in China time, numbers as numbers, identifiers as text, A4 landscape fit to width
 * with the header repeated on every page.
 */
const COLUMNS: XlsxColumn<AuditRow>[] = [
  { header: '编号', kind: 'number', width: 10, value: (r) => r.id },
  { header: '时间（北京时间）', kind: 'datetime', width: 20, value: (r) => r.at },
  { header: '操作人', width: 14, value: (r) => r.actorName },
  { header: '操作', width: 24, value: (r) => r.action },
  { header: '对象类型', width: 14, value: (r) => r.objectType },
  { header: '对象编号', width: 12, value: (r) => r.objectId },
  { header: '变更前', width: 40, value: (r) => json(r.before) },
  { header: '变更后', width: 40, value: (r) => json(r.after) },
  { header: '请求编号', width: 38, value: (r) => r.requestId },
  { header: 'IP', width: 16, value: (r) => r.ip },
  { header: '链序号', kind: 'number', width: 10, value: (r) => r.seq },
  { header: '哈希', width: 66, value: (r) => r.hash },
];

/** Streams the rows (already filtered and bounded by the caller) as the audit log workbook. */
export const auditWorkbook = (rows: AsyncIterable<AuditRow>) => writeXlsxStream('审计日志', COLUMNS, rows);
