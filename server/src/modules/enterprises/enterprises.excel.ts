import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { xlsxStream } from '../../http/xlsx.js';
import type { PiiCipher } from '../../lib/pii.js';
import { assertCanImport } from './enterprises.policy.js';
import * as repo from './enterprises.repo.js';
import { INDUSTRIES, SIZE_NAMES, createEnterpriseBody, type CreateEnterpriseInput } from './enterprises.schema.js';
import { insertValidatedBatch, toRow, type presentItem } from './enterprises.service.js';

type Field = keyof CreateEnterpriseInput;
interface Column {
  field: Field;
  title: string;
  required?: boolean;
  width: number;
  note?: string;
}

/** The import template's columns, in order; the header row is matched by title. */
export const COLUMNS: Column[] = [
  { field: 'uscc', title: '统一社会信用代码', required: true, width: 22, note: '18位，含校验位' },
  { field: 'name', title: '企业名称', required: true, width: 30 },
  { field: 'district', title: '所属区县', required: true, width: 12, note: '区县名称或6位代码' },
  { field: 'registeredOn', title: '成立日期', required: true, width: 12, note: 'YYYY-MM-DD' },
  { field: 'industry', title: '行业领域', required: true, width: 16, note: INDUSTRIES.join('/') },
  { field: 'size', title: '企业规模', width: 10, note: '微型/小型/中型/大型' },
  { field: 'registeredCapital', title: '注册资本（元）', width: 16 },
  { field: 'employees', title: '职工人数', width: 10 },
  { field: 'address', title: '地址', width: 30 },
  { field: 'website', title: '网址', width: 20 },
  { field: 'legalRepName', title: '法定代表人', width: 12 },
  { field: 'legalRepPhone', title: '法定代表人电话', width: 16 },
  { field: 'legalRepIdNumber', title: '法定代表人身份证号', width: 22 },
  { field: 'contactName', title: '联系人', width: 12 },
  { field: 'contactPhone', title: '联系电话', width: 16 },
];

export const MAX_IMPORT_ROWS = 50_000;
const MAX_LISTED_ERRORS = 200;
const SIZE_BY_NAME: Record<string, string> = Object.fromEntries(Object.entries(SIZE_NAMES).map(([k, v]) => [v, k]));

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export async function templateWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名单');
  ws.columns = COLUMNS.map((c) => ({ header: c.required ? `${c.title}` : c.title, key: c.field, width: c.width }));
  ws.getRow(1).font = { bold: true };
  COLUMNS.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1);
    if (c.required) {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE7BA' } };
    }
    if (c.note) {
      cell.note = `${c.required ? '必填。' : ''}${c.note}`;
    }
  });
  ws.addRow({
    uscc: '91330106MA2CFXXXXX（示例，请替换）',
    name: '杭州示例科技有限公司',
    district: '西湖区',
    registeredOn: '2015-06-01',
    industry: '电子信息',
    size: '小型',
    registeredCapital: 5000000,
    employees: 45,
  });
  const help = wb.addWorksheet('填写说明');
  help.addRows([
    ['第一行为表头，请勿修改列名；示例行请删除后再导入。'],
    ['带底色的列为必填。整个文件校验通过才会导入，任何一行有误则全部不导入，并列出错误所在的行和列。'],
    [`行业领域可选：${INDUSTRIES.join('、')}`],
    ['企业规模可选：微型、小型、中型、大型'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellValue(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined) {
    return null;
  }
  if (v instanceof Date) {
    return v.toISOString().slice(0, 10);
  }
  if (typeof v === 'number' || typeof v === 'string') {
    return typeof v === 'string' ? v.trim() || null : v;
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

const NUMERIC: Field[] = ['registeredCapital', 'employees'];

/** Parses and validates a whole workbook; returns rows ready to insert or every error found. */
export async function parseImport(db: Db, buffer: Buffer, pii: PiiCipher): Promise<{ rows: repo.NewEnterpriseRow[]; rowNumbers: number[]; errors: RowError[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('import_invalid', '文件无法读取，请上传 .xlsx 格式的 Excel 文件（可先下载模板）', { errors: [] });
  }
  const ws = wb.worksheets[0];
  if (!ws) {
    throw new AppError('import_invalid', '文件中没有工作表', { errors: [] });
  }
  const header = ws.getRow(1);
  const colIndex = new Map<Field, number>();
  header.eachCell((cell, idx) => {
    const title = String(cellValue(cell.value) ?? '').replace(/[*＊\s]/g, '');
    const col = COLUMNS.find((c) => c.title === title);
    if (col) {
      colIndex.set(col.field, idx);
    }
  });
  const missing = COLUMNS.filter((c) => c.required && !colIndex.has(c.field));
  if (missing.length) {
    throw new AppError('import_invalid', `表头缺少必填列：${missing.map((m) => m.title).join('、')}`, {
      errors: missing.map((m) => ({ row: 1, column: m.title, message: '缺少此列' })),
    });
  }
  const districts = await repo.districtMap(db);
  const errors: RowError[] = [];
  const rows: repo.NewEnterpriseRow[] = [];
  const seen = new Map<string, number>();
  const rowNumbers: number[] = [];
  const titleOf = (f: string) => COLUMNS.find((c) => c.field === f)?.title ?? f;

  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const raw: Record<string, unknown> = {};
    let empty = true;
    for (const [field, idx] of colIndex) {
      let v = cellValue(row.getCell(idx).value);
      if (v !== null) {
        empty = false;
      }
      if (v !== null && NUMERIC.includes(field) && typeof v === 'string') {
        v = Number(v.replace(/,/g, ''));
      }
      if (v !== null && !NUMERIC.includes(field) && typeof v === 'number') {
        v = String(v);
      }
      if (field === 'size' && typeof v === 'string') {
        v = SIZE_BY_NAME[v] ?? v;
      }
      raw[field] = v;
    }
    if (empty) {
      continue;
    }
    if (rows.length + errors.length >= MAX_IMPORT_ROWS) {
      throw new AppError('import_invalid', `单次最多导入 ${MAX_IMPORT_ROWS} 行，请拆分文件`, { errors: [] });
    }
    // Every problem of the row is reported at once: the zod issues and an unknown district.
    const parsed = createEnterpriseBody.safeParse(raw);
    const districtRef = typeof raw.district === 'string' ? raw.district : null;
    const d = districtRef ? (districts.get(districtRef) ?? districts.get(districtRef.replace(/[(（].*$/, ''))) : undefined;
    const rowErrors: RowError[] = parsed.success
      ? []
      : parsed.error.issues.map((issue) => {
          const f = String(issue.path[0] ?? '');
          const message = raw[f] === null || raw[f] === undefined ? '必填项为空' : f === 'size' ? '企业规模应为：微型、小型、中型、大型' : issue.message;
          return { row: r, column: titleOf(f), message };
        });
    if (districtRef && !d) {
      rowErrors.push({ row: r, column: titleOf('district'), message: `区县“${districtRef}”不存在` });
    }
    if (!parsed.success || !d) {
      errors.push(...rowErrors);
      continue;
    }
    const { district: _district, ...rest } = parsed.data;
    const firstRow = seen.get(rest.uscc);
    if (firstRow) {
      errors.push({ row: r, column: titleOf('uscc'), message: `与第${firstRow}行的统一社会信用代码重复` });
      continue;
    }
    seen.set(rest.uscc, r);
    rows.push(toRow({ ...rest, districtId: d.id }, pii));
    rowNumbers.push(r);
  }
  const existing = await repo.existingUsccs(db, rows.map((x) => x.uscc));
  rows.forEach((x, i) => {
    if (existing.has(x.uscc)) {
      errors.push({ row: rowNumbers[i], column: titleOf('uscc'), message: '该统一社会信用代码已在企业库中' });
    }
  });
  if (rows.length === 0 && errors.length === 0) {
    throw new AppError('import_invalid', '文件中没有数据行', { errors: [] });
  }
  return { rows, rowNumbers, errors };
}

export async function importEnterprises(opts: { db: Db; ctx: RequestContext; pii: PiiCipher; buffer: Buffer; filename: string }) {
  const actor = opts.ctx.actor;
  if (!actor) {
    throw new AppError('unauthenticated', '请先登录');
  }
  assertCanImport(actor);
  const { rows, rowNumbers, errors } = await parseImport(opts.db, opts.buffer, opts.pii);
  // A district officer may import only its own district's enterprises.
  if (!actor.roles.includes('city_officer')) {
    rows.forEach((r, i) => {
      if (r.districtId !== actor.districtId) {
        errors.push({ row: rowNumbers[i], column: '所属区县', message: `只能导入本区县（${actor.districtName ?? ''}）的企业` });
      }
    });
  }
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    throw new AppError('import_invalid', `校验未通过：共 ${errors.length} 处错误，未导入任何数据`, {
      errors: errors.slice(0, MAX_LISTED_ERRORS),
      total: errors.length,
    });
  }
  const ids = await insertValidatedBatch({ db: opts.db, ctx: opts.ctx, pii: opts.pii, rows, source: opts.filename });
  return { imported: ids.length, ids };
}

/** Streams an .xlsx of the given items (already scoped and filtered by the caller). */
export function exportWorkbook(items: AsyncIterable<ReturnType<typeof presentItem>>) {
  return xlsxStream<ReturnType<typeof presentItem>>('企业名单', [
    { header: '统一社会信用代码', width: 22, value: (e) => e.uscc },
    { header: '企业名称', width: 32, value: (e) => e.name },
    { header: '所属区县', width: 12, value: (e) => e.districtName },
    { header: '成立日期', width: 12, value: (e) => e.registeredOn },
    { header: '行业领域', width: 16, value: (e) => e.industry },
    { header: '企业规模', width: 10, value: (e) => e.sizeName },
    { header: '职工人数', width: 10, value: (e) => e.employees },
  ], items);
}
