import { writeXlsxBuffer, writeXlsxStream, type XlsxColumn, type XlsxKind } from '../../lib/xlsx.js';
import { INDUSTRIES, type CreateEnterpriseInput } from './enterprises.schema.js';
import type { presentItem } from './enterprises.service.js';

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
