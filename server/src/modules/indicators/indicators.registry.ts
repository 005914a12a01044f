import type { Database } from '../../db/client.js';
import { CATALOGUE, CATALOGUE_BY_CODE, type CatalogueEntry } from './indicators.catalogue.js';

/** One record behind a computed figure, in the drill-down's common shape. */
export interface IndicatorRecord {
  id: string;
  type: string;
  name: string;
  districtId: number | null;
  date: string;
  amount: number | null;
  enterpriseId: number | null;
}

export interface RecordsQuery {
  database: Database;
  year: number;
  districtId?: number;
  limit: number;
  after?: { date: string; id: number };
}

/** One computed indicator as its owning module defines it. */
export interface ComputedIndicator {
  code: string;
  /** Which records count and which date decides the year, for an officer to read. */
  definition: string;
  records(q: RecordsQuery): Promise<{ total: number; items: IndicatorRecord[] }>;
}

/**
 * A module's computed indicators: it reads them through the module's own public functions
 * (index.ts), which serve them from the rollups the module keeps; nothing here counts the
 * module's tables.
 */
export interface IndicatorSource {
  module: string;
  indicators: ComputedIndicator[];
  /** city-wide (districtId undefined) or one district's figures of a year, by code */
  values(opts: { database: Database; year: number; districtId?: number }): Promise<Record<string, number>>;
  /** every district's figures of a year: districtId → code → value */
  valuesByDistrict(opts: { database: Database; year: number }): Promise<Map<number, Record<string, number>>>;
}

export interface RegisteredIndicator extends CatalogueEntry {
  definition: string;
  source: IndicatorSource | null;
  computed: ComputedIndicator | null;
}

const sources: IndicatorSource[] = [];
const computedByCode = new Map<string, { source: IndicatorSource; indicator: ComputedIndicator }>();

/** Called once per owning module (sources/*.ts); a code must be in the catalogue and registered once. */
export function registerIndicatorSource(source: IndicatorSource): void {
  for (const ind of source.indicators) {
    const entry = CATALOGUE_BY_CODE.get(ind.code);
    if (!entry || entry.kind !== 'computed') {
      throw new Error(`indicator ${ind.code} is not a computed indicator of the catalogue`);
    }
    if (computedByCode.has(ind.code)) {
      throw new Error(`indicator ${ind.code} registered twice`);
    }
    computedByCode.set(ind.code, { source, indicator: ind });
  }
  sources.push(source);
}

export const REPORTED_DEFINITION = '（外部统计数据，按指标、区县、年度导入，附来源、文件日期和导入人。）';

/** The indicators the platform can produce now: every reported one, and computed ones whose module is registered. */
export function availableIndicators(): RegisteredIndicator[] {
  return CATALOGUE.flatMap((e): RegisteredIndicator[] => {
    if (e.kind === 'reported') {
      return [{ ...e, definition: `${e.definition ?? ''}${REPORTED_DEFINITION}`, source: null, computed: null }];
    }
    const reg = computedByCode.get(e.code);
    return reg ? [{ ...e, definition: reg.indicator.definition, source: reg.source, computed: reg.indicator }] : [];
  });
}

export function findIndicator(code: string): RegisteredIndicator | undefined {
  return availableIndicators().find((i) => i.code === code);
}

export function registeredSources(): readonly IndicatorSource[] {
  return sources;
}
