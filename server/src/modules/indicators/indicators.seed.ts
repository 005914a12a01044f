import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit } from '../audit/index.js';
import * as repo from './indicators.repo.js';

/** The seed document (mission/000_beeea0b8007c40f6.txt): the 2015 work summary and 2016 plan. */
export const SEED_SOURCE = '杭州市科学技术委员会2015年工作总结和2016年工作思路';
const SEED_DATE = '2017-10-12'; // the document's publication date as printed on it
const DERIVED_2014 = `由2015年数值和《${SEED_SOURCE}》所载增长率推算`;

/** Reported statistics of 2015 exactly as the seed states them. */
export const REPORTED_2015: Record<string, number> = {
  'stat.hightech_value_added': 121_260_000_000,
  'stat.new_product_output': 447_221_000_000,
  'stat.patent_applications': 60_839,
  'stat.patent_grants': 46_254,
  'stat.invention_grants': 8_296,
  'stat.valid_invention_patents': 30_280,
  'special_fund.performance_score': 85,
};

/**
 * 2014 values where the seed gives a growth rate (9.8%, 13.5%, 25.26%, 37.85%): 2015 / (1 + rate),
 * rounded (to 1e6 yuan, to whole patents) so that recomputing the growth gives the seed's rate back.
 */
export const REPORTED_2014: Record<string, number> = {
  'stat.hightech_value_added': 110_437_000_000,
  'stat.new_product_output': 394_027_000_000,
  'stat.patent_applications': 48_570,
  'stat.patent_grants': 33_554,
};

/** The 2016 targets of the seed's plan, city-wide. Inconsistencies inside the seed are kept in the note, not resolved. */
export const TARGETS_2016: { code: string; value: number; note?: string }[] = [
  { code: 'stat.rd_gdp_ratio', value: 0.03, note: '力争达到3%以上' },
  { code: 'major_project.approved', value: 15, note: '组织重大科技创新项目15项' },
  { code: 'hnte.new', value: 150 },
  { code: 'municipal_hte.new', value: 200 },
  { code: 'tech_sme.new', value: 1500 },
  { code: 'startup.valid', value: 700, note: '新培育雏鹰、青蓝300家，累计700家' },
  { code: 'rd_centre.municipal.new', value: 100, note: '新认定市级以上研发机构100家' },
  { code: 'research_institute.provincial.new', value: 10 },
  { code: 'research_institute.provincial.key.new', value: 5 },
  { code: 'makerspace.municipal.new', value: 20, note: '20家以上' },
  { code: 'incubator.municipal.new', value: 8, note: '8家以上' },
  { code: 'incubator.area.new', value: 100_000 },
  { code: 'guidance_fund.new_partners', value: 15, note: '同一文件后文写“新引进7家合作创投”，两处不一致' },
  { code: 'guidance_fund.partner_funds', value: 60, note: '同一文件后文写“合作基金总数达40个以上”，两处不一致' },
  { code: 'guidance_fund.scale', value: 6_000_000_000, note: '同一文件后文写“基金规模累计达到50亿元”，两处不一致' },
  { code: 'techmarket.amount', value: 7_000_000_000, note: '技术市场实现交易额70亿元（低于2015年实际77.42亿元）' },
  { code: 'stat.valid_invention_patents', value: 28_500, note: '有效发明专利量达28500件（低于2015年实际30280件）' },
  { code: 'agri_enterprise.new', value: 20, note: '20家以上' },
  { code: 'voucher.issued', value: 30_000_000, note: '力争发放金额达到3000万元' },
  { code: 'voucher.holders', value: 1000, note: '受惠小微企业和创业团队1000家' },
  { code: 'leading_team.new', value: 5 },
  { code: 'agri_social_rd_centre.new', value: 10, note: '10家以上' },
  { code: 'outreach.events', value: 5, note: '5次以上' },
];

/** Loads the reported 2014/2015 statistics and the 2016 targets as two audited imports by the seed job. */
export async function seedIndicators(opts: { tx: Tx; ctx: RequestContext }): Promise<void> {
  const { tx, ctx } = opts;
  const reported = [
    ...Object.entries(REPORTED_2015).map(([code, value]) => ({ code, year: 2015, value, source: SEED_SOURCE, documentDate: SEED_DATE })),
    ...Object.entries(REPORTED_2014).map(([code, value]) => ({ code, year: 2014, value, source: DERIVED_2014, documentDate: SEED_DATE })),
  ];
  const rb = await repo.insertImport(tx, { kind: 'reported', filename: null, rows: reported.length, importedByName: 'seed' });
  await repo.insertReported(
    tx,
    reported.map((r) => ({ ...r, districtId: null, importId: rb.id })),
  );
  await recordAudit(tx, ctx, { action: 'indicators.reported.import', objectType: 'indicator_import', objectId: rb.id, after: { rows: reported.length, source: SEED_SOURCE } });
  const tb = await repo.insertImport(tx, { kind: 'targets', filename: null, rows: TARGETS_2016.length, importedByName: 'seed' });
  await repo.insertTargets(
    tx,
    TARGETS_2016.map((t) => ({ code: t.code, year: 2016, districtId: null, value: t.value, source: SEED_SOURCE, note: t.note ?? null, importId: tb.id })),
  );
  await recordAudit(tx, ctx, { action: 'indicators.targets.import', objectType: 'indicator_import', objectId: tb.id, after: { rows: TARGETS_2016.length, source: SEED_SOURCE } });
}
