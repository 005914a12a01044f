import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { actorOf } from '../../http/context.js';
import { writeXlsxBuffer, type XlsxColumn } from '../../lib/xlsx.js';
import { FIELD_KEYS, FIELD_KINDS, MAX_STATS_ROWS, statsLabel } from './stats.import.js';
import { listStats } from './stats.service.js';

type Line = Awaited<ReturnType<typeof listStats>>['items'][number];
const SHEET = '孵化载体年度统计';

const COLUMNS: XlsxColumn<Line>[] = [
  { header: '载体编号', kind: 'number', value: (r) => r.carrierId, required: true, note: '平台中的载体编号（导出文件自带，勿改）' },
  { header: '载体名称', value: (r) => r.carrierName, width: 30 },
  { header: '区县', value: (r) => r.districtName },
  { header: '年度', kind: 'number', value: (r) => r.year, required: true },
  { header: '状态', value: (r) => r.statusName },
  ...FIELD_KEYS.map((k): XlsxColumn<Line> => ({ header: statsLabel(k), kind: FIELD_KINDS[k], value: (r) => r.fields[k], required: true, total: true })),
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
