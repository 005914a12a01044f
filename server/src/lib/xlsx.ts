import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../http/errors.js';

/**
 * The platform's Excel conventions, one writer and one reader for every module:
 * - codes and ID numbers (统一社会信用代码, 身份证号, 证书编号) are text columns ('@'), so Excel and
 *   LibreOffice never turn 18 digits into a float;
 * - money is a number with a thousands format and the unit in the header (金额（元）);
 * - dates are real dates (yyyy-mm-dd), instants are China time (Asia/Shanghai, no DST: +8 h);
 * - print setup: A4 landscape, fit to one page wide, the header row repeated, frozen and filtered.
 * Imports are bounded before parsing (entry count and declared decompressed size of the zip),
 * accept the common date forms, and refuse .xls and CSV with the steps to convert them.
 */
export type XlsxKind = 'text' | 'money' | 'integer' | 'number' | 'percent' | 'date' | 'datetime';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxColumn<T> {
  header: string;
  kind?: XlsxKind;
  width?: number;
  /** money: yuan (a number) or null; integer: a count (#,##0); number: General (years, ids, scores); percent: a fraction (0.85 shows 85.0%); date: 'YYYY-MM-DD' (other text, e.g. 长期, stays text); datetime: a Date or ISO string */
  value: (row: T) => string | number | Date | null | undefined;
  /** shown as the header cell's comment (what to enter) */
  note?: string;
  /** header filled as a required column */
  required?: boolean;
  /** add the column's sum in a totals row (money, integer, number) */
  total?: boolean;
  /** a row's own number format where the column mixes units (a figure in 元 beside one in 家) */
  numFmt?: (row: T) => string | undefined;
}

/** The number format of a figure by its unit: yuan with cents, ratios as percentages, counts with thousands. */
export const numFmtOfUnit = (unit: string): string => (unit === '元' || unit.endsWith('元') ? '#,##0.00' : unit === '比率' ? '0.00%' : unit === '分' ? '0.0' : '#,##0');

const FORMATS: Record<XlsxKind, string | undefined> = {
  text: '@',
  money: '#,##0.00',
  integer: '#,##0',
  number: undefined,
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
};
const CHINA_OFFSET_MS = 8 * 3600_000;
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE7BA' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };

/** The header as written: money columns carry their unit. */
export const headerOf = (c: { header: string; kind?: XlsxKind }) => (c.kind === 'money' && !/（元）$/.test(c.header) ? `${c.header}（元）` : c.header);

/** 'YYYY-MM-DD' → a Date Excel shows as that day (UTC midnight: exceljs writes dates in UTC). */
export const excelDate = (d: string) => new Date(`${d.slice(0, 10)}T00:00:00Z`);
/** An instant → a Date whose UTC fields are the China wall-clock time. */
export const excelChinaTime = (t: Date | string) => new Date(new Date(t).getTime() + CHINA_OFFSET_MS);

function cellOf(kind: XlsxKind, v: string | number | Date | null | undefined): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') {
    return null;
  }
  switch (kind) {
    case 'text':
      return String(v);
    case 'money':
    case 'integer':
    case 'number':
    case 'percent':
      return typeof v === 'number' ? v : Number(v);
    case 'date':
      return v instanceof Date ? v : /^\d{4}-\d{2}-\d{2}/.test(String(v)) ? excelDate(String(v)) : String(v);
    case 'datetime':
      return excelChinaTime(typeof v === 'number' ? new Date(v) : v);
  }
}

function setUpSheet<T>(ws: ExcelJS.Worksheet, columns: XlsxColumn<T>[]) {
  ws.columns = columns.map((c, i) => ({ header: headerOf(c), key: String(i), width: c.width ?? 16, style: FORMATS[c.kind ?? 'text'] ? { numFmt: FORMATS[c.kind ?? 'text'] } : {} }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.numFmt = '@';
    cell.fill = c.required ? REQUIRED_FILL : HEADER_FILL;
    if (c.note) {
      cell.note = `${c.required ? '必填。' : ''}${c.note}`;
    }
  });
}

const PRINT: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: '1:1',
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
};

/** The page header prints the sheet's title (its name unless given), the footer 第 n 页，共 N 页. */
function sheetOptions(title?: string): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: PRINT,
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页', oddHeader: `&C${title ? title.replace(/&/g, '&&') : '&A'}` },
  };
}

/** Gives the cells of the columns with a per-row format their format. */
function formatRow<T>(columns: XlsxColumn<T>[], row: T, added: ExcelJS.Row): ExcelJS.Row {
  columns.forEach((c, i) => {
    const f = c.numFmt?.(row);
    if (f) {
      added.getCell(i + 1).numFmt = f;
    }
  });
  return added;
}

/** Sums a row's values into the columns that ask for a total. */
function rowValues<T>(columns: XlsxColumn<T>[], row: T, sums: number[]): ExcelJS.CellValue[] {
  return columns.map((c, i) => {
    const v = cellOf(c.kind ?? 'text', c.value(row));
    if (c.total && typeof v === 'number') {
      sums[i] += v;
    }
    return v;
  });
}

function totalsRow<T>(columns: XlsxColumn<T>[], sums: number[]): ExcelJS.CellValue[] {
  return columns.map((c, i) => (i === 0 ? '合计' : c.total ? Math.round(sums[i] * 100) / 100 : null));
}

/** One sheet of a workbook: its name (≤ 31 characters), printed title, columns and rows. */
export interface XlsxSheet<T> {
  sheet: string;
  /** printed at the top of every page (default: the sheet's name) */
  title?: string;
  columns: XlsxColumn<T>[];
  rows: T[];
}

/**
 * Streams rows into a one-sheet workbook with the conventions above; a totals row at the end when
 * a column asks for one. The caller's iterable decides scope and filters.
 */
export function writeXlsxStream<T>(sheet: string, columns: XlsxColumn<T>[], rows: AsyncIterable<T> | Iterable<T>, opts: { title?: string } = {}): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheet, sheetOptions(opts.title));
  setUpSheet(ws, columns);
  ws.getRow(1).commit();
  const sums = columns.map(() => 0);
  const wantsTotals = columns.some((c) => c.total);
  void (async () => {
    try {
      let n = 0;
      for await (const row of rows) {
        formatRow(columns, row, ws.addRow(rowValues(columns, row, sums))).commit();
        n++;
      }
      if (wantsTotals && n > 0) {
        const r = ws.addRow(totalsRow(columns, sums));
        r.font = { bold: true };
        r.commit();
      }
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
      ws.commit();
      await wb.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return out;
}

function addSheet<T>(wb: ExcelJS.Workbook, s: XlsxSheet<T>): void {
  const ws = wb.addWorksheet(s.sheet, sheetOptions(s.title));
  setUpSheet(ws, s.columns);
  const sums = s.columns.map(() => 0);
  for (const row of s.rows) {
    formatRow(s.columns, row, ws.addRow(rowValues(s.columns, row, sums)));
  }
  if (s.columns.some((c) => c.total) && s.rows.length > 0) {
    ws.addRow(totalsRow(s.columns, sums)).font = { bold: true };
  }
  // Text columns stay text on the empty rows the user fills in (pasted codes keep their digits).
  s.columns.forEach((c, i) => {
    if ((c.kind ?? 'text') === 'text') {
      ws.getColumn(i + 1).numFmt = '@';
    }
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.columns.length } };
}

/**
 * Sheets in memory (templates, small files), each with the conventions above, then an optional
 * sheet of notes (a template's 填写说明, an export's formula).
 */
export async function writeXlsxSheets<T extends unknown[]>(sheets: readonly [...{ [K in keyof T]: XlsxSheet<T[K]> }], notes?: { sheet: string; lines: string[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets as readonly XlsxSheet<unknown>[]) {
    addSheet(wb, s);
  }
  if (notes?.lines.length) {
    const ws = wb.addWorksheet(notes.sheet, { pageSetup: PRINT, headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' } });
    ws.getColumn(1).width = 100;
    for (const line of notes.lines) {
      ws.addRow([line]).getCell(1).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One sheet in memory: columns, rows, optional help sheet. */
export const writeXlsxBuffer = <T>(opts: XlsxSheet<T> & { help?: string[] }): Promise<Buffer> => writeXlsxSheets<[T]>([opts], opts.help && { sheet: '填写说明', lines: opts.help });

// ---------------------------------------------------------------------------------------------
// Reading

export interface XlsxLimits {
  /** most zip entries an .xlsx may hold (a normal workbook has a dozen or two) */
  maxEntries: number;
  /** most bytes the entries may inflate to, as the zip declares them */
  maxInflatedBytes: number;
}
export const DEFAULT_LIMITS: XlsxLimits = { maxEntries: 200, maxInflatedBytes: 150 * 1024 * 1024 };

const XLS_STEPS = '这是旧版 Excel 97-2003 工作簿（.xls），平台只接受 .xlsx。请用 Excel 或 WPS 打开该文件，点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”；LibreOffice 选“Excel 2007-365 (.xlsx)”。然后上传新保存的 .xlsx 文件。';
const CSV_STEPS = '这是 CSV 文本文件，平台只接受 .xlsx（中文 Excel 保存的 CSV 为 GBK 编码，直接导入会乱码）。请用 Excel 或 WPS 打开该 CSV，点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再上传；或下载导入模板，把数据粘贴进模板（模板中的代码、证件号码等列已设为文本，粘贴时请选“只粘贴值”）。';

/**
 * 415 unless the upload is an .xlsx (a zip), by its first bytes, not its name: a legacy .xls
 * (OLE compound file) or a CSV (text, GBK when Chinese Excel saved it) is refused with the steps
 * to convert it.
 */
export function assertXlsxFormat(buffer: Buffer): void {
  if (buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50) {
    return;
  }
  const refuse = (message: string) => new AppError('unsupported_media_type', message, { fields: [{ field: 'file', message }] });
  if (buffer.length >= 8 && buffer.readUInt32BE(0) === 0xd0cf11e0) {
    throw refuse(XLS_STEPS);
  }
  const head = buffer.subarray(0, 4096);
  const textual = head.length > 0 && !head.includes(0) && !head.subarray(0, 5).equals(Buffer.from('%PDF-'));
  throw refuse(textual ? CSV_STEPS : '只支持 .xlsx 格式的 Excel 文件（可先下载导入模板）');
}

/**
 * Checks an upload before anything is inflated: an .xlsx is a zip, so the end-of-central-directory
 * record gives the entry count and every entry's declared inflated size, so a zip bomb is refused
 * within a second and before any memory is spent on it.
 */
export function assertXlsxWithinLimits(buffer: Buffer, limits: XlsxLimits = DEFAULT_LIMITS): void {
  const invalid = (message: string) => new AppError('import_invalid', message, { errors: [] });
  assertXlsxFormat(buffer);
  // The end-of-central-directory record: within the last 65557 bytes (22 + a comment of ≤ 65535).
  const from = Math.max(0, buffer.length - 65557);
  let eocd = -1;
  for (let i = buffer.length - 22; i >= from; i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    throw invalid('文件不完整或已损坏，请重新保存为 .xlsx 后再上传');
  }
  const entries = buffer.readUInt16LE(eocd + 10);
  const cdSize = buffer.readUInt32LE(eocd + 12);
  const cdOffset = buffer.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff) {
    throw invalid('文件过大（ZIP64），请拆分后再上传');
  }
  if (entries > limits.maxEntries) {
    throw invalid(`文件结构异常（包含 ${entries} 个部件），请用 Excel 另存为 .xlsx 后再上传`);
  }
  if (cdOffset + cdSize > buffer.length) {
    throw invalid('文件不完整或已损坏，请重新保存为 .xlsx 后再上传');
  }
  let p = cdOffset;
  let inflated = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buffer.length || buffer.readUInt32LE(p) !== 0x02014b50) {
      throw invalid('文件不完整或已损坏，请重新保存为 .xlsx 后再上传');
    }
    const compressed = buffer.readUInt32LE(p + 20);
    const size = buffer.readUInt32LE(p + 24);
    // Deflate cannot expand more than ~1032:1; a larger declared ratio is a forged header.
    if (size > compressed * 1100 + 1024) {
      throw invalid('文件结构异常（压缩比异常），请用 Excel 另存为 .xlsx 后再上传');
    }
    inflated += size;
    p += 46 + buffer.readUInt16LE(p + 28) + buffer.readUInt16LE(p + 30) + buffer.readUInt16LE(p + 32);
  }
  if (inflated > limits.maxInflatedBytes) {
    throw invalid(`文件解压后超过 ${Math.round(limits.maxInflatedBytes / 1024 / 1024)} MB，数据量过大，请拆分后分批导入`);
  }
}

/** A cell as text or number (rich text, formulas' results and hyperlinks flattened); null when empty. */
export function cellValue(v: ExcelJS.CellValue): string | number | Date | null {
  if (v === null || v === undefined) {
    return null;
  }
  if (v instanceof Date) {
    return v;
  }
  if (typeof v === 'number') {
    return v;
  }
  if (typeof v === 'string') {
    return v.trim() || null;
  }
  if (typeof v === 'boolean') {
    return String(v);
  }
  if ('richText' in v) {
    return v.richText.map((t) => t.text).join('').trim() || null;
  }
  if ('result' in v) {
    return cellValue(v.result as ExcelJS.CellValue);
  }
  if ('text' in v) {
    return String(v.text).trim() || null;
  }
  return null;
}

/**
 * A code or ID number from a cell: text as is; a number Excel made of typed digits is given back
 * in full when it is exact (≤ 15 digits), else null — 18 digits as a float have lost their last ones.
 */
export function cellCode(v: ExcelJS.CellValue): { value: string | null; lostDigits: boolean } {
  const c = cellValue(v);
  if (c === null) {
    return { value: null, lostDigits: false };
  }
  if (typeof c === 'number') {
    return Number.isSafeInteger(c) && c < 1e15 ? { value: String(c), lostDigits: false } : { value: null, lostDigits: true };
  }
  if (c instanceof Date) {
    return { value: c.toISOString().slice(0, 10), lostDigits: false };
  }
  return { value: c.replace(/\s+/g, '').toUpperCase(), lostDigits: false };
}

const pad = (n: number) => String(n).padStart(2, '0');
const validYmd = (y: number, m: number, d: number): string | null => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2200 && dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
};

/**
 * A date from a cell in the forms people type: a real date cell, an Excel serial number,
 * 2015-06-01, 2015/6/1, 2015.6.1, 2015年6月1日, 20150601. 'YYYY-MM-DD', or null when it is not a date.
 */
export function cellDate(v: ExcelJS.CellValue): string | null {
  const c = cellValue(v);
  if (c === null) {
    return null;
  }
  if (c instanceof Date) {
    return Number.isNaN(c.getTime()) ? null : c.toISOString().slice(0, 10);
  }
  if (typeof c === 'number') {
    if (c >= 19000101 && c <= 22001231 && Number.isInteger(c)) {
      return validYmd(Math.floor(c / 10000), Math.floor(c / 100) % 100, c % 100);
    }
    // Excel serial (1900 system): day 25569 is 1970-01-01.
    if (c > 0 && c < 150_000) {
      return new Date(Math.round((c - 25569) * 86400_000)).toISOString().slice(0, 10);
    }
    return null;
  }
  const s = c.replace(/\s+/g, '');
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  return m ? validYmd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}
