import type { Database, Executor } from '../../db/client.js';
import type { RecognitionType } from '../../db/schema/index.js';
import { TYPE_NAMES } from './recognitions.status.js';
import { figureRecords, flowFigures } from './register.repo.js';

/**
 * The recognition indicators of the catalogue and what they count (docs/recognitions.md):
 * `valid` = recognitions of the types valid on Dec 31 of the year, `new` = issued in the year,
 * both from the recognition_flows rollup kept by issue and revoke.
 */
export const RECOGNITION_FIGURES = {
  'hnte.valid': { types: ['hnte', 'tase'], figure: 'valid' },
  'hnte.new': { types: ['hnte', 'tase'], figure: 'new' },
  'municipal_hte.valid': { types: ['municipal_hte'], figure: 'valid' },
  'municipal_hte.new': { types: ['municipal_hte'], figure: 'new' },
  'tech_sme.valid': { types: ['tech_sme'], figure: 'valid' },
  'tech_sme.new': { types: ['tech_sme'], figure: 'new' },
  'eagle.new': { types: ['eagle'], figure: 'new' },
  'qinglan.new': { types: ['qinglan'], figure: 'new' },
  'startup.valid': { types: ['eagle', 'qinglan'], figure: 'valid' },
  'rd_centre.provincial.valid': { types: ['rd_center_provincial'], figure: 'valid' },
  'rd_centre.provincial.new': { types: ['rd_center_provincial'], figure: 'new' },
  'rd_centre.municipal.valid': { types: ['rd_center_municipal'], figure: 'valid' },
  'rd_centre.municipal.new': { types: ['rd_center_municipal'], figure: 'new' },
  'research_institute.provincial.new': { types: ['research_institute_provincial'], figure: 'new' },
  'research_institute.provincial.key.new': { types: ['research_institute_provincial_key'], figure: 'new' },
  'agri_social_rd_centre.new': { types: ['agri_social_rd_center'], figure: 'new' },
  'agri_enterprise.new': { types: ['agri_enterprise'], figure: 'new' },
} as const satisfies Record<string, { types: readonly RecognitionType[]; figure: 'valid' | 'new' }>;
export type RecognitionIndicatorCode = keyof typeof RECOGNITION_FIGURES;
export const RECOGNITION_INDICATOR_CODES = Object.keys(RECOGNITION_FIGURES) as RecognitionIndicatorCode[];

function toCodes(rows: { type: RecognitionType; valid: number; issued: number }[]): Record<RecognitionIndicatorCode, number> {
  const out = Object.fromEntries(RECOGNITION_INDICATOR_CODES.map((c) => [c, 0])) as Record<RecognitionIndicatorCode, number>;
  for (const code of RECOGNITION_INDICATOR_CODES) {
    const f = RECOGNITION_FIGURES[code];
    for (const r of rows) {
      if ((f.types as readonly RecognitionType[]).includes(r.type)) {
        out[code] += f.figure === 'valid' ? r.valid : r.issued;
      }
    }
  }
  return out;
}

/** City-wide (or one district's) recognition indicators of a year, by code; the indicators module calls this. */
export async function recognitionIndicators(database: Database, opts: { year: number; districtId?: number }, executor?: Executor): Promise<Record<RecognitionIndicatorCode, number>> {
  return toCodes(await flowFigures(database, { year: opts.year, districtId: opts.districtId }, executor));
}

/** Every district's recognition indicators of a year: districtId → code → value. */
export async function recognitionIndicatorsByDistrict(database: Database, year: number, executor?: Executor): Promise<Map<number, Record<RecognitionIndicatorCode, number>>> {
  const rows = await flowFigures(database, { year, byDistrict: true }, executor);
  const byDistrict = new Map<number, typeof rows>();
  for (const r of rows) {
    byDistrict.set(r.districtId!, [...(byDistrict.get(r.districtId!) ?? []), r]);
  }
  return new Map([...byDistrict].map(([d, rs]) => [d, toCodes(rs)]));
}

export interface RecognitionIndicatorRecord {
  id: number;
  type: RecognitionType;
  typeName: string;
  certificateNo: string;
  enterpriseId: number;
  enterpriseName: string;
  districtId: number;
  /** the issue date */
  date: string;
}

/** The recognitions behind one figure (valid on Dec 31 / issued in the year), keyset by (issue date, id). */
export async function recognitionIndicatorRecords(
  database: Database,
  opts: { code: RecognitionIndicatorCode; year: number; districtId?: number; limit: number; after?: { date: string; id: number } },
  executor?: Executor,
): Promise<{ total: number; items: RecognitionIndicatorRecord[] }> {
  const f = RECOGNITION_FIGURES[opts.code];
  const page = await figureRecords(database, { types: f.types, figure: f.figure, year: opts.year, districtId: opts.districtId, limit: opts.limit, after: opts.after }, executor);
  return { total: page.total, items: page.items.map((r) => ({ ...r, typeName: TYPE_NAMES[r.type] })) };
}
