import type { Database } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { numFmtOfUnit, writeXlsxSheets, writeXlsxStream, type XlsxColumn } from '../../lib/xlsx.js';
import { CATALOGUE_BY_CODE } from './indicators.catalogue.js';
import { availableIndicators } from './indicators.registry.js';
import { getDistrictBreakdown, getTargetOverview, listIndicators, listRecords } from './indicators.service.js';

const MAX_RECORD_ROWS = 50_000;

const growth = (now: number | null, before: number | null) => (now !== null && before !== null && before !== 0 ? Math.round(((now - before) / before) * 10000) / 10000 : null);

type Figure = Awaited<ReturnType<typeof listIndicators>>['items'][number] & { previous: number | null };
type Breakdown = Awaited<ReturnType<typeof getDistrictBreakdown>>;
type DistrictRow = { district: string; values: (number | null)[] };
type Target = Awaited<ReturnType<typeof getTargetOverview>>['items'][number];

const byUnit = (r: { unit: string }) => numFmtOfUnit(r.unit);

/** The dashboard as a workbook: overview (value, target, progress, year-on-year), district comparison, targets. Same scope as the screen. */
export async function dashboardWorkbook(opts: { database: Database; actor: Actor; year: number; district?: string }): Promise<Buffer> {
  const [now, before] = await Promise.all([listIndicators(opts), listIndicators({ ...opts, year: opts.year - 1 })]);
  const prev = new Map(before.items.map((i) => [i.code, i.value]));
  const figures: Figure[] = now.items.map((i) => ({ ...i, previous: prev.get(i.code) ?? null }));
  const overview: XlsxColumn<Figure>[] = [
    { header: '指标', width: 46, value: (i) => i.name },
    { header: '单位', width: 8, value: (i) => i.unit },
    { header: '类别', width: 8, value: (i) => (i.kind === 'computed' ? '计算' : '报告') },
    { header: `${opts.year}年`, kind: 'number', width: 18, numFmt: byUnit, value: (i) => i.value },
    { header: '目标', kind: 'number', width: 16, numFmt: byUnit, value: (i) => i.target },
    { header: '完成率', kind: 'percent', width: 10, value: (i) => (i.target && i.value !== null ? Math.round((i.value / i.target) * 10000) / 10000 : null) },
    { header: `${opts.year - 1}年`, kind: 'number', width: 18, numFmt: byUnit, value: (i) => i.previous },
    { header: '同比', kind: 'percent', width: 10, value: (i) => growth(i.value, i.previous) },
    { header: '来源', width: 50, value: (i) => i.source },
    { header: '指标代码', width: 30, value: (i) => i.code },
  ];

  const computed = availableIndicators().filter((i) => i.kind === 'computed');
  const breakdowns: Breakdown[] = [];
  for (const i of computed) {
    breakdowns.push(await getDistrictBreakdown({ database: opts.database, actor: opts.actor, code: i.code, year: opts.year }));
  }
  const districtRows: DistrictRow[] = (breakdowns[0]?.items ?? []).map((d, k) => ({ district: d.district, values: breakdowns.map((b) => b.items[k]?.value ?? null) }));
  const districtColumns: XlsxColumn<DistrictRow>[] = [
    { header: '区县', width: 12, value: (d) => d.district },
    ...computed.map((i, k): XlsxColumn<DistrictRow> => ({ header: `${i.name}（${i.unit}）`, kind: 'number', width: 20, total: i.nature !== 'ratio', numFmt: () => numFmtOfUnit(i.unit), value: (d) => d.values[k] })),
  ];

  const targets = (await getTargetOverview({ database: opts.database, actor: opts.actor, year: opts.year })).items;
  const targetColumns: XlsxColumn<Target>[] = [
    { header: '指标', width: 36, value: (t) => t.name },
    { header: '单位', width: 8, value: (t) => t.unit },
    { header: '目标', kind: 'number', width: 16, numFmt: byUnit, value: (t) => t.target },
    { header: '区县目标合计', kind: 'number', width: 16, numFmt: byUnit, value: (t) => t.districtSum },
    { header: '差额', kind: 'number', width: 12, numFmt: byUnit, value: (t) => t.difference },
    { header: '实际', kind: 'number', width: 16, numFmt: byUnit, value: (t) => t.actual },
    { header: '上年实际', kind: 'number', width: 16, numFmt: byUnit, value: (t) => t.previousActual },
    { header: '提示', width: 30, value: (t) => t.flags.map((f) => FLAG_NAMES[f]).join('、') },
    { header: '指标代码', width: 30, value: (t) => t.code },
  ];

  const title = `${opts.year}年科技指标${opts.district ? `（${opts.district}）` : ''}`;
  return writeXlsxSheets<[Figure, DistrictRow, Target]>([
    { sheet: `${opts.year}年指标`, title, columns: overview, rows: figures },
    { sheet: '区县对比', title: `${title}区县对比`, columns: districtColumns, rows: computed.length > 0 ? districtRows : [] },
    { sheet: '目标', title: `${title}目标`, columns: targetColumns, rows: targets },
  ]);
}

export const FLAG_NAMES: Record<string, string> = {
  met: '已完成',
  already_met: '上年已达到',
  below_previous_actual: '低于上年实际（与现状冲突）',
  district_sum_mismatch: '区县目标合计与全市不符',
  not_measured: '业务模块未上线，暂无实际值',
};

type RecordRow = Awaited<ReturnType<typeof listRecords>>['items'][number];

const RECORD_COLUMNS: XlsxColumn<RecordRow>[] = [
  { header: '编号', kind: 'text', width: 10, value: (r) => String(r.id) },
  { header: '类型', width: 14, value: (r) => r.type },
  { header: '名称', width: 48, value: (r) => r.name },
  { header: '区县', width: 10, value: (r) => r.district },
  { header: '日期', kind: 'date', width: 12, value: (r) => r.date },
  { header: '金额', kind: 'money', width: 16, total: true, value: (r) => r.amount },
];

/** The records behind a computed figure (drill-down view), streamed page by page, capped at 50,000 rows. */
export function recordsWorkbook(opts: { database: Database; actor: Actor; code: string; year: number; district?: string }) {
  async function* rows(): AsyncGenerator<RecordRow> {
    let cursor: string | undefined;
    let n = 0;
    do {
      const page = await listRecords({ ...opts, limit: 500, cursor });
      yield* page.items.slice(0, MAX_RECORD_ROWS - n);
      n += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor && n < MAX_RECORD_ROWS);
  }
  return writeXlsxStream('明细', RECORD_COLUMNS, rows(), { title: `${opts.year}年${CATALOGUE_BY_CODE.get(opts.code)?.name ?? opts.code}明细` });
}
