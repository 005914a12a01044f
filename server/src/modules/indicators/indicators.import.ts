import type ExcelJS from 'exceljs';
import type { Database } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, forbidden } from '../../http/errors.js';
import { assertXlsxFormat, assertXlsxWithinLimits, cellDate, cellValue, writeXlsxSheets, type XlsxKind } from '../../lib/xlsx.js';
import { readXlsxRows } from '../../lib/xlsx.stream.js';
import { recordAudit } from '../audit/index.js';
import { startJob, type JobControl } from '../jobs/index.js';
import { CATALOGUE, CATALOGUE_BY_CODE } from './indicators.catalogue.js';
import { assertCanManage } from './indicators.policy.js';
import * as repo from './indicators.repo.js';

export type ImportKind = 'reported' | 'targets';

interface Column {
  key: 'code' | 'year' | 'district' | 'value' | 'source' | 'documentDate' | 'note';
  title: string;
  required: boolean;
  width: number;
  note: string;
}

/** The template's columns per kind, matched by header title (so columns may be reordered). */
export const IMPORT_COLUMNS: Record<ImportKind, Column[]> = {
  reported: [
    { key: 'code', title: '指标代码', required: true, width: 32, note: '见“指标代码”工作表，只能填报告类指标（stat.*等）' },
    { key: 'year', title: '年度', required: true, width: 8, note: '如 2015' },
    { key: 'district', title: '区县', required: false, width: 12, note: '留空表示全市；区县名称或6位代码' },
    { key: 'value', title: '数值', required: true, width: 18, note: '金额以元计，比率填小数（3% 填 0.03）；不能为负' },
    { key: 'source', title: '数据来源', required: true, width: 40, note: '发布机关及文件名称' },
    { key: 'documentDate', title: '文件日期', required: false, width: 12, note: '如 2016-01-20、2016/1/20 或 2016年1月20日' },
  ],
  targets: [
    { key: 'code', title: '指标代码', required: true, width: 32, note: '见“指标代码”工作表' },
    { key: 'year', title: '年度', required: true, width: 8, note: '目标年度，如 2016' },
    { key: 'district', title: '区县', required: false, width: 12, note: '留空表示全市目标' },
    { key: 'value', title: '目标值', required: true, width: 18, note: '金额以元计；不能为负' },
    { key: 'source', title: '依据', required: false, width: 40, note: '目标出处（文件名称）' },
    { key: 'note', title: '说明', required: false, width: 30, note: '' },
  ],
};

export interface RowError {
  row: number;
  column: string;
  message: string;
}

const MAX_ROWS = 10_000;
const MAX_LISTED_ERRORS = 200;

const KIND_OF: Record<Column['key'], XlsxKind> = { code: 'text', year: 'number', district: 'text', value: 'number', source: 'text', documentDate: 'date', note: 'text' };
type TemplateRow = Partial<Record<Column['key'], string | number>>;
type CodeRow = (typeof CATALOGUE)[number];

/** The import template under the Excel conventions (lib/xlsx): codes and districts text, the date a date; the codes and the help on their own sheets. */
export function importTemplate(kind: ImportKind): Promise<Buffer> {
  const example: TemplateRow =
    kind === 'reported'
      ? { code: 'stat.patent_applications', year: 2015, value: 60839, source: '市知识产权局 2015年专利统计', documentDate: '2016-01-20' }
      : { code: 'hnte.new', year: 2016, value: 150, source: '2016年工作思路' };
  return writeXlsxSheets<[TemplateRow, CodeRow]>(
    [
      {
        sheet: kind === 'reported' ? '统计数据' : '目标',
        columns: IMPORT_COLUMNS[kind].map((c) => ({ header: c.title, kind: KIND_OF[c.key], width: c.width, required: c.required, note: c.note, value: (r: TemplateRow) => r[c.key] })),
        rows: [example],
      },
      {
        sheet: '指标代码',
        columns: [
          { header: '指标代码', width: 36, value: (e) => e.code },
          { header: '名称', width: 40, value: (e) => e.name },
          { header: '单位', width: 8, value: (e) => e.unit },
          { header: '类别', width: 8, value: (e) => (e.kind === 'computed' ? '计算' : '报告') },
        ],
        rows: CATALOGUE.filter((x) => kind === 'targets' || x.kind === 'reported'),
      },
    ],
    {
      sheet: '填写说明',
      lines: [
        '第一行为表头，请勿修改列名；示例行请替换后再导入。带底色的列为必填。',
        '整个文件校验通过才会导入，任何一行有误则全部不导入，并列出错误所在的行和列。',
        '导入会整体替换文件中出现的每个“指标代码 + 年度”原有的全部数据（含各区县），并记入审计日志。',
        '也可以上传 CSV 文件（UTF-8 或 Excel/WPS 默认的 GBK 编码均可），列名相同。旧版 .xls 请先另存为 .xlsx。',
        '文件日期可写 2016-01-20、2016/1/20 或 2016年1月20日。',
      ],
    },
  );
}

type Cell = string | number | null;

/** A cell as text or number; a date cell as YYYY-MM-DD. */
function cellOf(v: ExcelJS.CellValue): Cell {
  const c = cellValue(v);
  return c instanceof Date ? c.toISOString().slice(0, 10) : c;
}

/**
 * A CSV's text: UTF-8 (with or without BOM), else GB18030/GBK, which Chinese Excel and WPS save
 * by default; null when it is neither (a binary file).
 */
export function decodeCsv(buffer: Buffer): string | null {
  const head = buffer.subarray(0, 4096);
  if (head.includes(0)) {
    return null;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(buffer);
    } catch {
      return null;
    }
  }
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF), enough for what Excel and WPS save. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') {
        i++;
      }
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Before any job starts: an .xlsx within the zip limits, or a CSV in UTF-8 or GBK; else 415 (the steps to save an .xls as .xlsx) or 400. */
function assertReadable(buffer: Buffer): void {
  if (buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50) {
    assertXlsxWithinLimits(buffer);
  } else if (decodeCsv(buffer) === null || buffer.readUInt32BE(0) === 0xd0cf11e0) {
    assertXlsxFormat(buffer);
    throw new AppError('unsupported_media_type', '只支持 .xlsx 或 .csv 文件', { fields: [{ field: 'file', message: '只支持 .xlsx 或 .csv' }] });
  }
}

/** The table of a workbook's first sheet or a CSV file: header + rows with their 1-based row numbers. */
async function readTable(buffer: Buffer, control?: JobControl): Promise<{ header: Cell[]; rows: { n: number; cells: Cell[] }[] }> {
  const isXlsx = buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50;
  if (!isXlsx) {
    const text = buffer.length >= 4 && buffer.readUInt32BE(0) === 0xd0cf11e0 ? null : decodeCsv(buffer);
    if (text === null) {
      assertXlsxFormat(buffer); // .xls and other binaries: 415 with the steps to save as .xlsx
      throw new AppError('unsupported_media_type', '只支持 .xlsx 或 .csv 文件', { fields: [{ field: 'file', message: '只支持 .xlsx 或 .csv' }] });
    }
    const all = parseCsv(text).map((r) => r.map((c): Cell => c.trim() || null));
    if (all.length > MAX_ROWS + 1) {
      throw new AppError('import_invalid', `一次最多导入 ${MAX_ROWS} 行，请拆分文件`, { errors: [] });
    }
    return { header: all[0] ?? [], rows: all.slice(1).map((cells, i) => ({ n: i + 2, cells })) };
  }
  let header: Cell[] | null = null;
  const rows: { n: number; cells: Cell[] }[] = [];
  for await (const line of readXlsxRows(buffer, { onProgress: (f) => control?.progress(f * 50, `正在读取（已读 ${rows.length} 行）`) })) {
    if (header === null) {
      header = line.cells.map(cellOf);
      continue;
    }
    const cells = line.cells.map(cellOf);
    if (cells.some((c) => c !== null)) {
      // Stop reading past the limit (the check below names the row).
      if (rows.length > MAX_ROWS) {
        break;
      }
      rows.push({ n: line.n, cells });
    }
  }
  if (header === null) {
    throw new AppError('import_invalid', '文件中没有工作表', { errors: [] });
  }
  return { header, rows };
}

export interface ParsedRow {
  code: string;
  year: number;
  districtId: number | null;
  value: number;
  source: string | null;
  documentDate: string | null;
  note: string | null;
}

/** Validates the whole file; every problem of every row is listed (up to 200), nothing is written. */
export async function parseImport(db: Database['db'], kind: ImportKind, buffer: Buffer, control?: JobControl): Promise<{ rows: ParsedRow[]; errors: RowError[] }> {
  const { header, rows } = await readTable(buffer, control);
  const cols = IMPORT_COLUMNS[kind];
  const idx = new Map<Column['key'], number>();
  header.forEach((h, i) => {
    const col = cols.find((c) => c.title === String(h ?? '').replace(/[*＊\s]/g, ''));
    if (col) {
      idx.set(col.key, i);
    }
  });
  const errors: RowError[] = [];
  for (const c of cols.filter((x) => x.required && !idx.has(x.key))) {
    errors.push({ row: 1, column: c.title, message: `缺少“${c.title}”列（请使用模板）` });
  }
  if (errors.length > 0) {
    return { rows: [], errors };
  }
  const data = rows.filter((r) => r.cells.some((c) => c !== null));
  if (data.length === 0) {
    return { rows: [], errors: [{ row: 2, column: '', message: '文件中没有数据行' }] };
  }
  if (data.length > MAX_ROWS) {
    return { rows: [], errors: [{ row: MAX_ROWS + 2, column: '', message: `一次最多导入 ${MAX_ROWS} 行` }] };
  }
  const districts = await repo.listDistricts(db);
  const findDistrict = (t: string) => districts.find((d) => d.code === t || d.name === t || d.name.replace(/[区县市]$/, '') === t);
  const title = (k: Column['key']) => cols.find((c) => c.key === k)?.title ?? k;
  const get = (cells: Cell[], k: Column['key']): Cell => {
    const i = idx.get(k);
    return i === undefined ? null : (cells[i] ?? null);
  };
  const seen = new Map<string, number>();
  const out: ParsedRow[] = [];
  for (const { n, cells } of data) {
    const err = (k: Column['key'], message: string) => errors.push({ row: n, column: title(k), message });
    const before = errors.length;
    const code = String(get(cells, 'code') ?? '').trim();
    const entry = CATALOGUE_BY_CODE.get(code);
    if (!code) {
      err('code', '必填');
    } else if (!entry) {
      err('code', `未知的指标代码“${code}”`);
    } else if (kind === 'reported' && entry.kind !== 'reported') {
      err('code', `“${code}”是平台根据业务记录计算的指标，不能导入数值`);
    }
    const yearRaw = get(cells, 'year');
    const year = Number(yearRaw);
    if (yearRaw === null) {
      err('year', '必填');
    } else if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      err('year', `年度“${yearRaw}”无效（2000–2100 的整数）`);
    }
    const dRaw = get(cells, 'district');
    let districtId: number | null = null;
    if (dRaw !== null && !['全市', '杭州市', '市本级'].includes(String(dRaw).trim())) {
      const d = findDistrict(String(dRaw).trim());
      if (!d) {
        err('district', `区县“${dRaw}”不存在`);
      } else {
        districtId = d.id;
      }
    }
    const vRaw = get(cells, 'value');
    const value = typeof vRaw === 'number' ? vRaw : vRaw === null ? NaN : Number(String(vRaw).replace(/[,，\s]/g, ''));
    if (vRaw === null) {
      err('value', '必填');
    } else if (!Number.isFinite(value)) {
      err('value', `“${vRaw}”不是数字`);
    } else if (value < 0) {
      err('value', '不能为负数');
    } else if (value > 1e15) {
      err('value', '数值过大');
    }
    const source = get(cells, 'source') === null ? null : String(get(cells, 'source')).slice(0, 300);
    if (kind === 'reported' && !source) {
      err('source', '必填：请注明数据来源');
    }
    const dd = get(cells, 'documentDate');
    const documentDate = dd === null ? null : cellDate(dd);
    if (dd !== null && documentDate === null) {
      err('documentDate', `日期“${dd}”无法识别（如 2016-01-20、2016/1/20 或 2016年1月20日）`);
    }
    if (errors.length === before) {
      const key = `${code}|${year}|${districtId ?? 0}`;
      const first = seen.get(key);
      if (first !== undefined) {
        err('code', `与第 ${first} 行重复（同一指标、年度、区县）`);
      } else {
        seen.set(key, n);
        out.push({ code, year, districtId, value, source, documentDate, note: get(cells, 'note') === null ? null : String(get(cells, 'note')).slice(0, 500) });
      }
    }
    if (errors.length >= MAX_LISTED_ERRORS) {
      break;
    }
  }
  return { rows: errors.length > 0 ? [] : out, errors };
}

/**
 * Imports reported statistics or targets all-or-nothing: each (code, year) in the file replaces
 * every row it had (all districts), with one audit row naming what was replaced.
 */
export async function importFigures(opts: { database: Database; ctx: RequestContext; kind: ImportKind; buffer: Buffer; filename: string | null; control?: JobControl }) {
  const actor = opts.ctx.actor;
  if (!actor) {
    throw forbidden();
  }
  assertCanManage(actor);
  const { rows, errors } = await parseImport(opts.database.db, opts.kind, opts.buffer, opts.control);
  if (errors.length > 0) {
    throw new AppError('import_invalid', `文件有 ${errors.length} 处错误，未导入任何数据`, { errors });
  }
  opts.control?.progress(60, `正在写入 ${rows.length} 行`);
  const pairs = [...new Map(rows.map((r) => [`${r.code}|${r.year}`, { code: r.code, year: r.year }])).values()];
  return opts.database.db.transaction(async (tx) => {
    const before = opts.kind === 'reported' ? await repo.deleteReported(tx, pairs) : await repo.deleteTargets(tx, pairs);
    const batch = await repo.insertImport(tx, { kind: opts.kind, filename: opts.filename, rows: rows.length, replaced: before.length, importedBy: actor.userId, importedByName: actor.displayName });
    if (opts.kind === 'reported') {
      await repo.insertReported(
        tx,
        rows.map((r) => ({ code: r.code, year: r.year, districtId: r.districtId, value: r.value, source: r.source ?? '', documentDate: r.documentDate, importId: batch.id })),
      );
    } else {
      await repo.insertTargets(
        tx,
        rows.map((r) => ({ code: r.code, year: r.year, districtId: r.districtId, value: r.value, source: r.source, note: r.note, importId: batch.id, setBy: actor.userId })),
      );
    }
    await recordAudit(tx, opts.ctx, {
      action: opts.kind === 'reported' ? 'indicators.reported.import' : 'indicators.targets.import',
      objectType: 'indicator_import',
      objectId: batch.id,
      before: before.length > 0 ? { replaced: before } : null,
      after: { filename: opts.filename, rows: rows.length, pairs },
    });
    return { importId: batch.id, rows: rows.length, replaced: before.length, pairs };
  });
}

/**
 * Starts the import as a background job (the POST answers 202 with it): the file is read, checked
 * and written in the job, which holds the counts or the row errors.
 */
export function startFiguresImport(opts: { database: Database; ctx: RequestContext; kind: ImportKind; buffer: Buffer; filename: string | null; log?: { error(o: object, m: string): void } }) {
  const actor = opts.ctx.actor;
  if (!actor) {
    throw forbidden();
  }
  assertCanManage(actor);
  assertReadable(opts.buffer);
  return startJob({ database: opts.database, actor, kind: 'indicator_import', filename: opts.filename, log: opts.log, run: (control) => importFigures({ ...opts, control }) });
}
