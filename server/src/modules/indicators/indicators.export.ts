import ExcelJS from 'exceljs';
import type { Database } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { availableIndicators } from './indicators.registry.js';
import { getDistrictBreakdown, getTargetOverview, listIndicators, listRecords } from './indicators.service.js';

const MAX_RECORD_ROWS = 50_000;

const growth = (now: number | null, before: number | null) => (now !== null && before !== null && before !== 0 ? Math.round(((now - before) / before) * 10000) / 10000 : null);

/** The dashboard as a workbook: overview (value, target, progress, year-on-year), district comparison, targets. Same scope as the screen. */
export async function dashboardWorkbook(opts: { database: Database; actor: Actor; year: number; district?: string }): Promise<Buffer> {
  const [now, before] = await Promise.all([listIndicators(opts), listIndicators({ ...opts, year: opts.year - 1 })]);
  const prev = new Map(before.items.map((i) => [i.code, i.value]));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${opts.year}年指标`);
  ws.columns = [
    { header: '指标代码', width: 30 },
    { header: '指标', width: 36 },
    { header: '单位', width: 8 },
    { header: '类别', width: 8 },
    { header: `${opts.year}年`, width: 18 },
    { header: '目标', width: 16 },
    { header: '完成率', width: 10 },
    { header: `${opts.year - 1}年`, width: 18 },
    { header: '同比', width: 10 },
    { header: '来源', width: 40 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const i of now.items) {
    const p = prev.get(i.code) ?? null;
    ws.addRow([i.code, i.name, i.unit, i.kind === 'computed' ? '计算' : '报告', i.value, i.target, i.target && i.value !== null ? Math.round((i.value / i.target) * 10000) / 10000 : null, p, growth(i.value, p), i.source]);
  }
  ws.getColumn(7).numFmt = '0.00%';
  ws.getColumn(9).numFmt = '0.00%';
  const computed = availableIndicators().filter((i) => i.kind === 'computed');
  if (computed.length > 0) {
    const ds = wb.addWorksheet('区县对比');
    const breakdowns = [];
    for (const i of computed) {
      breakdowns.push(await getDistrictBreakdown({ database: opts.database, actor: opts.actor, code: i.code, year: opts.year }));
    }
    ds.columns = [{ header: '区县', width: 12 }, ...computed.map((i) => ({ header: `${i.name}（${i.unit}）`, width: 20 }))];
    ds.getRow(1).font = { bold: true };
    for (const [k, d] of (breakdowns[0]?.items ?? []).entries()) {
      ds.addRow([d.district, ...breakdowns.map((b) => b.items[k]?.value ?? null)]);
    }
  }
  const targets = await getTargetOverview({ database: opts.database, actor: opts.actor, year: opts.year });
  if (targets.items.length > 0) {
    const ts = wb.addWorksheet('目标');
    ts.columns = [
      { header: '指标代码', width: 30 },
      { header: '指标', width: 36 },
      { header: '目标', width: 16 },
      { header: '区县目标合计', width: 16 },
      { header: '差额', width: 12 },
      { header: '实际', width: 16 },
      { header: '上年实际', width: 16 },
      { header: '提示', width: 30 },
    ];
    ts.getRow(1).font = { bold: true };
    for (const t of targets.items) {
      ts.addRow([t.code, t.name, t.target, t.districtSum, t.difference, t.actual, t.previousActual, t.flags.map((f) => FLAG_NAMES[f]).join('、')]);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const FLAG_NAMES: Record<string, string> = {
  met: '已完成',
  already_met: '上年已达到',
  below_previous_actual: '低于上年实际（与现状冲突）',
  district_sum_mismatch: '区县目标合计与全市不符',
  not_measured: '业务模块未上线，暂无实际值',
};

/** The records behind a computed figure (drill-down view) as a workbook, capped at 50,000 rows. */
export async function recordsWorkbook(opts: { database: Database; actor: Actor; code: string; year: number; district?: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('明细');
  ws.columns = [
    { header: '编号', width: 10 },
    { header: '类型', width: 14 },
    { header: '名称', width: 48 },
    { header: '区县', width: 10 },
    { header: '日期', width: 12 },
    { header: '金额（元）', width: 16 },
  ];
  ws.getRow(1).font = { bold: true };
  let cursor: string | undefined;
  let n = 0;
  do {
    const page = await listRecords({ ...opts, limit: 500, cursor });
    for (const r of page.items) {
      ws.addRow([r.id, r.type, r.name, r.district, r.date, r.amount]);
    }
    n += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && n < MAX_RECORD_ROWS);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
