import type ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { actorOf } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { cellValue, headerOf, writeXlsxBuffer, type XlsxColumn, type XlsxKind } from '../../lib/xlsx.js';
import { readXlsxRows } from '../../lib/xlsx.stream.js';
import { statsFields, type StatsFields } from './carriers.schema.js';
import { listStats, saveStatsTx, STAT_LABELS } from './stats.service.js';

type Line = Awaited<ReturnType<typeof listStats>>['items'][number];
const SHEET = '孵化载体年度统计';
const FIELD_KINDS: Record<keyof StatsFields, XlsxKind> = {
  areaM2: 'integer',
  firmsInIncubation: 'integer',
  newFirms: 'integer',
  graduatedFirms: 'integer',
  revenue: 'money',
  jobs: 'integer',
  investment: 'money',
  ipCount: 'integer',
  events: 'integer',
};
const FIELD_KEYS = Object.keys(FIELD_KINDS) as (keyof StatsFields)[];
const label = (k: keyof StatsFields) => STAT_LABELS[k].replace('（元）', '');

const COLUMNS: XlsxColumn<Line>[] = [
  { header: '载体编号', kind: 'number', value: (r) => r.carrierId, required: true, note: '平台中的载体编号（导出文件自带，勿改）' },
  { header: '载体名称', value: (r) => r.carrierName, width: 30 },
  { header: '区县', value: (r) => r.districtName },
  { header: '年度', kind: 'number', value: (r) => r.year, required: true },
  { header: '状态', value: (r) => r.statusName },
  ...FIELD_KEYS.map((k): XlsxColumn<Line> => ({ header: label(k), kind: FIELD_KINDS[k], value: (r) => r.fields[k], required: true, total: true })),
  { header: '同比异常提示', value: (r) => r.flags.map((f) => f.message).join('；'), width: 40 },
];

/** The statistics in the actor's scope as a workbook (the same columns the import reads). */
export async function exportStats(db: Db, ctx: RequestContext, year: number): Promise<Buffer> {
  const { items } = await listStats(db, actorOf(ctx), { year });
  return writeXlsxBuffer({
    sheet: SHEET,
    title: `${year}年度孵化载体统计报表（火炬统计）`,
    columns: COLUMNS,
    rows: items,
    help: ['孵化载体年度统计（火炬统计）导入说明：', '1. 每行一个载体一个年度；“载体编号”“年度”及各统计项必填，金额单位为元。', '2. 导入只修改本单位处于“填报中”或“退回修改”的报表，没有的报表新建为“填报中”；提交仍在页面上逐份办理。', '3. 全部校验通过才导入，任何一行有误则整份不导入，并列出行号和原因；末尾的“合计”行导入时忽略。', `4. 一个文件最多 ${MAX_STATS_ROWS} 行。`],
  });
}

export interface ParsedStatsRow {
  row: number;
  carrierId: number;
  year: number;
  fields: StatsFields;
}

const num = (v: ExcelJS.CellValue): number | null => {
  const c = cellValue(v);
  if (c === null) {
    return null;
  }
  const n = typeof c === 'number' ? c : Number(String(c).replace(/[,，\s]/g, ''));
  return Number.isFinite(n) ? n : NaN;
};

/** Most rows one file may hold (a city has a few hundred carriers), and most row errors listed. */
export const MAX_STATS_ROWS = 500;
const MAX_LISTED_ERRORS = 200;

const refuse = (errors: { row: number; column: string; message: string }[]) =>
  new AppError('import_invalid', `文件有 ${errors.length} 处错误，未导入任何数据`, { errors: errors.slice(0, MAX_LISTED_ERRORS), total: errors.length });

/**
 * Reads the workbook back with the streamed reader (the zip's bounds checked before anything is
 * inflated, the first worksheet row by row, reading stops past 500 rows): every row's carrier,
 * year and fields, or the list of row errors.
 */
export async function parseStatsWorkbook(buffer: Buffer): Promise<ParsedStatsRow[]> {
  const headers = new Map<string, number>();
  const needed = ['载体编号', '年度', ...FIELD_KEYS.map((k) => headerOf({ header: label(k), kind: FIELD_KINDS[k] }))];
  const errors: { row: number; column: string; message: string }[] = [];
  const out: ParsedStatsRow[] = [];
  const seen = new Set<string>();
  for await (const { n, cells } of readXlsxRows(buffer)) {
    if (headers.size === 0) {
      cells.forEach((cell, i) => {
        const h = cellValue(cell);
        if (typeof h === 'string') {
          headers.set(h, i);
        }
      });
      const missing = needed.filter((h) => !headers.has(h)).map((h) => ({ row: n, column: h, message: `缺少“${h}”列（请使用导出的文件）` }));
      if (missing.length) {
        throw refuse(missing);
      }
      continue;
    }
    if (cellValue(cells[headers.get('载体编号')!] ?? null) === '合计') {
      continue; // the export's totals row
    }
    const get = (h: string) => num(cells[headers.get(h)!] ?? null);
    const carrierId = get('载体编号');
    const year = get('年度');
    if (carrierId === null && year === null) {
      continue; // an empty row
    }
    if (out.length + errors.length >= MAX_STATS_ROWS) {
      throw new AppError('import_invalid', `一次最多导入 ${MAX_STATS_ROWS} 行，请拆分文件`, { errors: [] });
    }
    if (!carrierId || !Number.isInteger(carrierId) || carrierId <= 0) {
      errors.push({ row: n, column: '载体编号', message: '载体编号须为正整数' });
      continue;
    }
    if (!year || !Number.isInteger(year)) {
      errors.push({ row: n, column: '年度', message: '年度须为整数' });
      continue;
    }
    const key = `${carrierId}:${year}`;
    if (seen.has(key)) {
      errors.push({ row: n, column: '载体编号', message: '同一载体同一年度重复' });
      continue;
    }
    seen.add(key);
    const raw: Record<string, number | null> = {};
    for (const k of FIELD_KEYS) {
      raw[k] = get(headerOf({ header: label(k), kind: FIELD_KINDS[k] }));
    }
    const parsed = statsFields.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const k = issue.path[0] as keyof StatsFields;
        errors.push({ row: n, column: STAT_LABELS[k] ?? String(k), message: raw[k] === null ? '必填' : issue.message });
      }
      continue;
    }
    out.push({ row: n, carrierId, year, fields: parsed.data });
  }
  if (headers.size === 0) {
    throw new AppError('import_invalid', '文件中没有工作表或表头', { errors: [] });
  }
  if (errors.length) {
    throw refuse(errors);
  }
  if (!out.length) {
    throw new AppError('import_invalid', '文件中没有数据行', { errors: [] });
  }
  return out;
}

/** The operator's import: all rows saved in one transaction, or none (each row's error with its number). */
export async function importStats(db: Db, ctx: RequestContext, buffer: Buffer) {
  const rows = await parseStatsWorkbook(buffer);
  return db.transaction(async (tx) => {
    const items: { id: number; carrierId: number; flags: number }[] = [];
    let created = 0;
    for (const r of rows) {
      try {
        const saved = await tx.transaction(async (sp) => saveStatsTx(sp, ctx, r.carrierId, r.year, r.fields));
        created += saved.created ? 1 : 0;
        items.push({ id: saved.id, carrierId: r.carrierId, flags: saved.flags.length });
      } catch (err) {
        if (err instanceof AppError) {
          const fields = (err.details as { fields?: { field: string; message: string }[] } | undefined)?.fields;
          throw new AppError('import_invalid', `第 ${r.row} 行：${err.message}，未导入任何数据`, {
            errors: fields?.length ? fields.map((f) => ({ row: r.row, column: f.field, message: f.message })) : [{ row: r.row, column: '载体编号', message: err.message }],
          });
        }
        throw err;
      }
    }
    return { saved: items.length, created, items };
  });
}
