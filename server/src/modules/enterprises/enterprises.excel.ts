import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import type { PiiCipher } from '../../lib/pii.js';
import { cellCode, cellDate, cellValue, readXlsx, writeXlsxBuffer, writeXlsxStream, type XlsxColumn, type XlsxKind } from '../../lib/xlsx.js';
import { assertCanImport } from './enterprises.policy.js';
import * as repo from './enterprises.repo.js';
import { INDUSTRIES, SIZE_NAMES, createEnterpriseBody, type CreateEnterpriseInput } from './enterprises.schema.js';
import { insertValidatedBatch, toRow, USCC_UNAVAILABLE, type presentItem } from './enterprises.service.js';

type Field = keyof CreateEnterpriseInput;
interface Column {
  field: Field;
  title: string;
  kind: XlsxKind;
  required?: boolean;
  width: number;
  note?: string;
}

/**
 * The registry's columns, in order, shared by the import template and the export (so an exported
 * file, edited, imports again); the header row is matched by title. Codes and ID numbers are text
 * columns, the date a real date, the capital a number in yuan.
 */
export const COLUMNS: Column[] = [
  { field: 'uscc', title: '统一社会信用代码', kind: 'text', required: true, width: 22, note: '18位，含校验位（本列为文本格式，粘贴时请选“只粘贴值”）' },
  { field: 'name', title: '企业名称', kind: 'text', required: true, width: 30 },
  { field: 'district', title: '所属区县', kind: 'text', required: true, width: 12, note: '区县名称或6位代码' },
  { field: 'registeredOn', title: '成立日期', kind: 'date', required: true, width: 12, note: '日期，如 2015-06-01、2015/6/1 或 2015年6月1日' },
  { field: 'industry', title: '行业领域', kind: 'text', required: true, width: 16, note: INDUSTRIES.join('/') },
  { field: 'size', title: '企业规模', kind: 'text', width: 10, note: '微型/小型/中型/大型' },
  { field: 'registeredCapital', title: '注册资本（元）', kind: 'money', width: 18, note: '单位：元' },
  { field: 'employees', title: '职工人数', kind: 'integer', width: 10 },
  { field: 'address', title: '地址', kind: 'text', width: 30 },
  { field: 'website', title: '网址', kind: 'text', width: 20 },
  { field: 'legalRepName', title: '法定代表人', kind: 'text', width: 12 },
  { field: 'legalRepPhone', title: '法定代表人电话', kind: 'text', width: 16 },
  { field: 'legalRepIdNumber', title: '法定代表人身份证号', kind: 'text', width: 22, note: '18位（本列为文本格式）' },
  { field: 'contactName', title: '联系人', kind: 'text', width: 12 },
  { field: 'contactPhone', title: '联系电话', kind: 'text', width: 16 },
];

export const MAX_IMPORT_ROWS = 50_000;
const MAX_LISTED_ERRORS = 200;
const SIZE_BY_NAME: Record<string, string> = Object.fromEntries(Object.entries(SIZE_NAMES).map(([k, v]) => [v, k]));

export interface RowError {
  row: number;
  column: string;
  message: string;
}

const HELP = [
  '第一行为表头，请勿修改列名；示例行请删除后再导入。',
  '带底色的列为必填。整个文件校验通过才会导入，任何一行有误则全部不导入，并列出错误所在的行和列（每处错误列一次）。',
  '统一社会信用代码、身份证号、电话列已设为文本格式：从别处复制时请用“选择性粘贴 → 只粘贴值（数值）”，以免 Excel 把18位数字变成科学计数法而丢失末几位。',
  '成立日期可填 2015-06-01、2015/6/1、2015.6.1 或 2015年6月1日，也可以是 Excel 日期单元格。注册资本单位为元，填数字。',
  `行业领域可选：${INDUSTRIES.join('、')}`,
  '企业规模可选：微型、小型、中型、大型',
  '只接受 .xlsx 文件：旧版 .xls 或 CSV 请先用 Excel/WPS“另存为 → Excel 工作簿（*.xlsx）”。从本系统导出的企业名单与本模板列相同，可直接修改后导入新企业。',
];

const EXAMPLE: Partial<Record<Field, string | number>> = {
  uscc: '91330106MA2CFXXXXX（示例，请替换）',
  name: '杭州示例科技有限公司',
  district: '西湖区',
  registeredOn: '2015-06-01',
  industry: '电子信息',
  size: '小型',
  registeredCapital: 5000000,
  employees: 45,
};

const sheetColumns = <T>(value: (field: Field, row: T) => string | number | null | undefined): XlsxColumn<T>[] =>
  COLUMNS.map((c) => ({ header: c.title, kind: c.kind, width: c.width, note: c.note, required: c.required, value: (row: T) => value(c.field, row) }));

export async function templateWorkbook(): Promise<Buffer> {
  return writeXlsxBuffer({ sheet: '企业名单', columns: sheetColumns<typeof EXAMPLE>((f, r) => r[f]), rows: [EXAMPLE], help: HELP });
}

const NUMERIC: Field[] = ['registeredCapital', 'employees'];
const CODES: Field[] = ['uscc', 'legalRepIdNumber', 'legalRepPhone', 'contactPhone'];

/** Parses and validates a whole workbook; returns rows ready to insert or every error found (each once). */
/** `scopeDistrictId`: the importer sees only this district, so codes taken elsewhere are not said to exist. */
export async function parseImport(db: Db, buffer: Buffer, pii: PiiCipher, scopeDistrictId?: number): Promise<{ rows: repo.NewEnterpriseRow[]; rowNumbers: number[]; errors: RowError[] }> {
  const wb = await readXlsx(buffer);
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
    const cellErrors: RowError[] = [];
    for (const [field, idx] of colIndex) {
      const cell = row.getCell(idx).value;
      let v: unknown = cellValue(cell);
      if (v !== null) {
        empty = false;
      }
      if (v !== null && CODES.includes(field)) {
        const code = cellCode(cell);
        if (code.lostDigits) {
          cellErrors.push({ row: r, column: titleOf(field), message: '该单元格被 Excel 存成了数字，末几位已丢失：请把本列设为文本格式后重新填写（或粘贴时选“只粘贴值”）' });
          v = undefined;
        } else {
          v = code.value;
        }
      } else if (v !== null && field === 'registeredOn') {
        const d = cellDate(cell);
        if (d === null) {
          cellErrors.push({ row: r, column: titleOf(field), message: '日期无法识别，请填写如 2015-06-01、2015/6/1 或 2015年6月1日' });
          v = undefined;
        } else {
          v = d;
        }
      } else if (v instanceof Date) {
        v = v.toISOString().slice(0, 10);
      }
      if (v !== null && v !== undefined && NUMERIC.includes(field) && typeof v === 'string') {
        v = Number(v.replace(/[,，\s]/g, ''));
      }
      if (v !== null && v !== undefined && !NUMERIC.includes(field) && typeof v === 'number') {
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
    // One error per column: the cell's own problem first, else zod's first issue for the field.
    const rowErrors: RowError[] = [...cellErrors];
    const reported = new Set(cellErrors.map((e) => e.column));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const f = String(issue.path[0] ?? '');
        const column = titleOf(f);
        if (reported.has(column)) {
          continue;
        }
        reported.add(column);
        const message = raw[f] === null || raw[f] === undefined ? '必填项为空' : f === 'size' ? '企业规模应为：微型、小型、中型、大型' : issue.message;
        rowErrors.push({ row: r, column, message });
      }
    }
    if (districtRef && !d) {
      rowErrors.push({ row: r, column: titleOf('district'), message: `区县“${districtRef}”不存在` });
    }
    if (!parsed.success || !d || cellErrors.length) {
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
  const visible = scopeDistrictId === undefined ? existing : await repo.existingUsccs(db, [...existing], scopeDistrictId);
  rows.forEach((x, i) => {
    if (existing.has(x.uscc)) {
      errors.push({ row: rowNumbers[i], column: titleOf('uscc'), message: visible.has(x.uscc) ? '该统一社会信用代码已在企业库中' : USCC_UNAVAILABLE });
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
  const scopeDistrictId = actor.roles.includes('city_officer') ? undefined : (actor.districtId ?? -1);
  const { rows, rowNumbers, errors } = await parseImport(opts.db, opts.buffer, opts.pii, scopeDistrictId);
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

/**
 * Streams an .xlsx of the given items (already scoped and filtered by the caller) with the
 * template's columns: what the list holds is filled in; contact details and ID numbers are not
 * exported (personal data stays in the registry).
 */
export function exportWorkbook(items: AsyncIterable<ReturnType<typeof presentItem>>) {
  const pick = (f: Field, e: ReturnType<typeof presentItem>): string | number | null => {
    switch (f) {
      case 'uscc':
        return e.uscc;
      case 'name':
        return e.name;
      case 'district':
        return e.districtName;
      case 'registeredOn':
        return e.registeredOn;
      case 'industry':
        return e.industry;
      case 'size':
        return e.sizeName;
      case 'employees':
        return e.employees;
      default:
        return null;
    }
  };
  return writeXlsxStream('企业名单', sheetColumns(pick), items);
}
