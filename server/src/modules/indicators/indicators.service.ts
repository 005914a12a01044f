import type { Database, Executor } from '../../db/client.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { AppError, fieldError, forbidden } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import { recordAudit } from '../audit/index.js';
import { CATALOGUE, CATALOGUE_BY_CODE } from './indicators.catalogue.js';
import { assertCanManage, indicatorScope } from './indicators.policy.js';
import { availableIndicators, findIndicator, registeredSources, type RegisteredIndicator } from './indicators.registry.js';
import * as repo from './indicators.repo.js';
import { registerModuleIndicators } from './sources/index.js';

registerModuleIndicators();

export const MODULE_NAMES: Record<string, string> = { vouchers: '创新券', techmarket: '网上技术市场', recognitions: '资质认定', programmes: '科技计划项目', finance: '科技金融', funds: '科技金融（基金）', carriers: '创新载体', outreach: '科技下乡与科技特派员' };
export const computedSourceLabel = (module: string) => `平台记录：${MODULE_NAMES[module] ?? module}`;

/** Resolves a district given by name (西湖区 / 西湖) or GB code; unknown → 400 naming the field. */
export async function resolveDistrict(db: Executor, ref: string | undefined, field = 'district'): Promise<number | undefined> {
  if (ref === undefined) {
    return undefined;
  }
  const all = await repo.listDistricts(db);
  const t = ref.trim();
  const d = all.find((x) => x.code === t || x.name === t || x.name.replace(/[区县市]$/, '') === t);
  if (!d) {
    throw fieldError(field, `区县“${ref}”不存在`);
  }
  return d.id;
}

/** The computed figures of a year, city-wide or for one district, from every registered source (one call per module). */
export async function computedValues(database: Database, year: number, districtId?: number): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const s of registeredSources()) {
    const v = await s.values({ database, year, districtId });
    for (const [code, value] of Object.entries(v)) {
      out.set(code, value);
    }
  }
  return out;
}

/** A reported figure: the row for the district (or the city row), or the sum of district rows when the city published none. */
function reportedValue(rows: repo.FigureRow[], code: string, year: number, districtId: number | undefined): repo.FigureRow | undefined {
  const mine = rows.filter((r) => r.code === code && r.year === year);
  if (districtId !== undefined) {
    return mine.find((r) => r.districtId === districtId);
  }
  const city = mine.find((r) => r.districtId === null);
  if (city || mine.length === 0) {
    return city;
  }
  return { ...mine[0], districtId: null, value: mine.reduce((s, r) => s + r.value, 0), source: `${mine[0].source ?? ''}（区县合计）` };
}

function targetValue(rows: repo.FigureRow[], code: string, year: number, districtId: number | undefined): number | null {
  const t = rows.find((r) => r.code === code && r.year === year && r.districtId === (districtId ?? null));
  return t ? t.value : null;
}

export interface IndicatorFigure {
  code: string;
  name: string;
  unit: string;
  kind: 'computed' | 'reported';
  value: number | null;
  target: number | null;
  source: string | null;
}

/** Every available indicator of a year with its value, target and source (the dashboard's one call). */
export async function yearFigures(opts: { database: Database; year: number; districtId?: number }): Promise<IndicatorFigure[]> {
  const { database, year, districtId } = opts;
  const db = database.db;
  const [computed, reported, targets] = await Promise.all([
    computedValues(database, year, districtId),
    repo.reportedFigures(db, { from: year, to: year, districtId: districtId === undefined ? undefined : districtId }),
    repo.targetFigures(db, { from: year, to: year, districtId: districtId ?? null }),
  ]);
  return availableIndicators().map((i) => {
    if (i.kind === 'computed') {
      return { code: i.code, name: i.name, unit: i.unit, kind: i.kind, value: computed.get(i.code) ?? 0, target: targetValue(targets, i.code, year, districtId), source: computedSourceLabel(i.module) };
    }
    const r = reportedValue(reported, i.code, year, districtId);
    return { code: i.code, name: i.name, unit: i.unit, kind: i.kind, value: r ? r.value : null, target: targetValue(targets, i.code, year, districtId), source: r?.source ?? null };
  });
}

export async function listIndicators(opts: { database: Database; actor: Actor; year: number; district?: string }) {
  const requested = await resolveDistrict(opts.database.db, opts.district);
  const districtId = indicatorScope(opts.actor, requested);
  return { year: opts.year, items: await yearFigures({ database: opts.database, year: opts.year, districtId }) };
}

export function getCatalogue(actor: Actor) {
  indicatorScope(actor, undefined);
  const available = new Map(availableIndicators().map((i) => [i.code, i]));
  return {
    items: CATALOGUE.map((e) => ({ ...e, definition: available.get(e.code)?.definition ?? null, available: available.has(e.code) })),
  };
}

function requireIndicator(code: string): RegisteredIndicator {
  const i = findIndicator(code);
  if (!i) {
    throw new AppError('not_found', CATALOGUE_BY_CODE.has(code) ? `指标 ${code} 所属业务模块尚未上线，暂无数据` : `指标 ${code} 不存在`);
  }
  return i;
}

export async function listRecords(opts: { database: Database; actor: Actor; code: string; year: number; district?: string; limit: number; cursor?: string }) {
  const requested = await resolveDistrict(opts.database.db, opts.district);
  const districtId = indicatorScope(opts.actor, requested);
  const ind = requireIndicator(opts.code);
  if (!ind.computed) {
    throw fieldError('code', '报告类指标来自外部统计，没有可下钻的平台记录');
  }
  let after: { date: string; id: number } | undefined;
  if (opts.cursor) {
    const c = decodeCursor(opts.cursor);
    if (typeof c.value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(c.value)) {
      throw fieldError('cursor', '分页游标无效', 'bad_cursor');
    }
    after = { date: c.value, id: c.id };
  }
  const page = await ind.computed.records({ database: opts.database, year: opts.year, districtId, limit: opts.limit + 1, after });
  const names = new Map((await repo.listDistricts(opts.database.db)).map((d) => [d.id, d.name]));
  const items = page.items.slice(0, opts.limit);
  const last = items.at(-1);
  return {
    code: ind.code,
    year: opts.year,
    total: page.total,
    items: items.map((r) => ({ id: r.id, type: r.type, name: r.name, district: r.districtId === null ? null : (names.get(r.districtId) ?? null), date: r.date, amount: r.amount, enterpriseId: r.enterpriseId })),
    nextCursor: page.items.length > opts.limit && last ? encodeCursor(last.date, Number(last.id)) : null,
  };
}

export async function getSeries(opts: { database: Database; actor: Actor; code: string; from: number; to: number; district?: string }) {
  const requested = await resolveDistrict(opts.database.db, opts.district);
  const districtId = indicatorScope(opts.actor, requested);
  const ind = requireIndicator(opts.code);
  const db = opts.database.db;
  const targets = await repo.targetFigures(db, { from: opts.from, to: opts.to, code: ind.code, districtId: districtId ?? null });
  const items: { year: number; value: number | null; target: number | null }[] = [];
  if (ind.source) {
    for (let y = opts.from; y <= opts.to; y++) {
      const v = await ind.source.values({ database: opts.database, year: y, districtId });
      items.push({ year: y, value: v[ind.code] ?? 0, target: targetValue(targets, ind.code, y, districtId) });
    }
  } else {
    const rows = await repo.reportedFigures(db, { from: opts.from, to: opts.to, code: ind.code });
    for (let y = opts.from; y <= opts.to; y++) {
      items.push({ year: y, value: reportedValue(rows, ind.code, y, districtId)?.value ?? null, target: targetValue(targets, ind.code, y, districtId) });
    }
  }
  return { code: ind.code, unit: ind.unit, items };
}

/** One indicator of a year in every district (the comparison chart); a district officer gets its own row only. */
export async function getDistrictBreakdown(opts: { database: Database; actor: Actor; code: string; year: number }) {
  const own = indicatorScope(opts.actor, undefined);
  const ind = requireIndicator(opts.code);
  const db = opts.database.db;
  const districts = await repo.listDistricts(db);
  const targets = await repo.targetFigures(db, { from: opts.year, to: opts.year, code: ind.code });
  let byDistrict = new Map<number, number | null>();
  let city: number | null;
  if (ind.source) {
    const m = await ind.source.valuesByDistrict({ database: opts.database, year: opts.year });
    byDistrict = new Map(districts.map((d) => [d.id, m.get(d.id)?.[ind.code] ?? 0]));
    city = (await ind.source.values({ database: opts.database, year: opts.year }))[ind.code] ?? 0;
  } else {
    const rows = await repo.reportedFigures(db, { from: opts.year, to: opts.year, code: ind.code });
    byDistrict = new Map(districts.map((d) => [d.id, rows.find((r) => r.districtId === d.id)?.value ?? null]));
    city = reportedValue(rows, ind.code, opts.year, undefined)?.value ?? null;
  }
  const known = [...byDistrict.values()].filter((v): v is number => v !== null);
  const visible = own === undefined ? districts : districts.filter((d) => d.id === own);
  return {
    code: ind.code,
    year: opts.year,
    unit: ind.unit,
    city: own === undefined ? city : null,
    districtSum: own === undefined && known.length > 0 ? known.reduce((s, v) => s + v, 0) : null,
    items: visible.map((d) => ({ districtId: d.id, district: d.name, value: byDistrict.get(d.id) ?? null, target: targetValue(targets, ind.code, opts.year, d.id) })),
  };
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * Targets of a year against the actuals: the district breakdown and its difference from the
 * city target, progress, and flags for targets already met (this year or already last year),
 * below last year's actual (a stock target that asks for less than exists) or unmeasured.
 */
export async function getTargetOverview(opts: { database: Database; actor: Actor; year: number }) {
  const own = indicatorScope(opts.actor, undefined);
  const db = opts.database.db;
  const targets = await repo.targetFigures(db, { from: opts.year, to: opts.year });
  const codes = [...new Set(targets.map((t) => t.code))];
  const [now, before] = await Promise.all([yearFigures({ database: opts.database, year: opts.year, districtId: own }), yearFigures({ database: opts.database, year: opts.year - 1, districtId: own })]);
  const nowBy = new Map(now.map((f) => [f.code, f]));
  const beforeBy = new Map(before.map((f) => [f.code, f]));
  const names = new Map((await repo.listDistricts(db)).map((d) => [d.id, d.name]));
  const items = CATALOGUE.filter((e) => codes.includes(e.code)).map((e) => {
    const mine = targets.filter((t) => t.code === e.code);
    const cityRow = mine.find((t) => t.districtId === (own ?? null));
    const dist = own === undefined ? mine.filter((t) => t.districtId !== null) : [];
    const districtSum = dist.length > 0 ? round(dist.reduce((s, t) => s + t.value, 0)) : null;
    const target = cityRow?.value ?? null;
    const actual = nowBy.get(e.code)?.value ?? null;
    const previousActual = beforeBy.get(e.code)?.value ?? null;
    const available = nowBy.has(e.code);
    const flags: ('met' | 'already_met' | 'below_previous_actual' | 'district_sum_mismatch' | 'not_measured')[] = [];
    if (!available) {
      flags.push('not_measured');
    }
    if (target !== null && actual !== null && actual >= target && actual > 0) {
      flags.push('met');
    }
    if (target !== null && previousActual !== null && previousActual >= target) {
      // Last year's actual already reaches the target; for a stock (e.g. valid patents) the target asks for a decline: a conflict.
      flags.push(e.nature === 'stock' ? 'below_previous_actual' : 'already_met');
    }
    if (target !== null && districtSum !== null && Math.abs(districtSum - target) > 1e-6) {
      flags.push('district_sum_mismatch');
    }
    return {
      code: e.code,
      name: e.name,
      unit: e.unit,
      kind: e.kind,
      available,
      target,
      note: cityRow?.note ?? null,
      source: cityRow?.source ?? null,
      districtSum,
      difference: target !== null && districtSum !== null ? round(districtSum - target) : null,
      districts: dist.map((t) => ({ district: names.get(t.districtId ?? 0) ?? String(t.districtId), target: t.value })),
      actual,
      previousActual,
      progress: target !== null && target > 0 && actual !== null ? Math.round((actual / target) * 10000) / 10000 : null,
      flags,
    };
  });
  return { year: opts.year, items };
}

/** Enters the targets of one indicator and year (city and/or districts), replacing what was set; audited. */
export async function setTargets(opts: { database: Database; ctx: RequestContext; input: { year: number; code: string; items: { district?: string | null; value: number }[]; source?: string; note?: string } }) {
  const actor = opts.ctx.actor;
  if (!actor) {
    throw forbidden();
  }
  assertCanManage(actor);
  const { input } = opts;
  if (!CATALOGUE_BY_CODE.has(input.code)) {
    throw fieldError('code', `指标 ${input.code} 不存在`);
  }
  const rows: { code: string; year: number; districtId: number | null; value: number; source: string | null; note: string | null; setBy: number }[] = [];
  const seen = new Set<number | null>();
  for (const [i, item] of input.items.entries()) {
    const districtId = item.district ? ((await resolveDistrict(opts.database.db, item.district, `items.${i}.district`)) ?? null) : null;
    if (seen.has(districtId)) {
      throw fieldError(`items.${i}.district`, `${item.district ?? '全市'}的目标重复`);
    }
    seen.add(districtId);
    rows.push({ code: input.code, year: input.year, districtId, value: item.value, source: input.source ?? null, note: input.note ?? null, setBy: actor.userId });
  }
  return opts.database.db.transaction(async (tx) => {
    const before = await repo.deleteTargets(tx, [{ code: input.code, year: input.year }]);
    await repo.insertTargets(tx, rows);
    await recordAudit(tx, opts.ctx, {
      action: 'indicators.targets.set',
      objectType: 'indicator_target',
      objectId: `${input.code}/${input.year}`,
      before: before.map((b) => ({ districtId: b.districtId, value: b.value })),
      after: rows.map((r) => ({ districtId: r.districtId, value: r.value, source: r.source, note: r.note })),
    });
    return { code: input.code, year: input.year, replaced: before.length, rows: rows.length };
  });
}
