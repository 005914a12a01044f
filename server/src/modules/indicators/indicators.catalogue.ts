/**
 * Every indicator the bureau's work report uses (mission/INDICATORS.md): the stable code, names,
 * unit and kind. A computed indicator is available only once its owning module registers a
 * source for it (indicators.registry.ts); until then targets may be stored for it, but it is
 * not listed and no figure is invented.
 */
export type IndicatorKind = 'computed' | 'reported';
/** How a year's figure relates to the year before: a flow (counted in the year) or a stock (held at year end). */
export type IndicatorNature = 'flow' | 'stock' | 'ratio';

export interface CatalogueEntry {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  kind: IndicatorKind;
  nature: IndicatorNature;
  /** The module that owns (counts) it; for reported ones the outside body that publishes it. */
  module: string;
  /** For reported ones: what the published figure measures (computed ones define theirs in their source). */
  definition?: string;
}

const c = (code: string, name: string, nameEn: string, unit: string, module: string, nature: IndicatorNature = 'flow'): CatalogueEntry => ({
  code,
  name,
  nameEn,
  unit,
  kind: 'computed',
  nature,
  module,
});
const r = (code: string, name: string, nameEn: string, unit: string, module: string, definition: string, nature: IndicatorNature = 'flow'): CatalogueEntry => ({
  code,
  name,
  nameEn,
  unit,
  kind: 'reported',
  nature,
  module,
  definition,
});

export const CATALOGUE: CatalogueEntry[] = [
  r('stat.hightech_value_added', '高新技术产业增加值', 'High-tech industry value added', '元', '市统计局', '全市规模以上工业中高新技术产业的增加值，按统计年度，统计部门口径。'),
  r('stat.new_product_output', '规上工业新产品产值', 'New product output (industry above scale)', '元', '市统计局', '全市规模以上工业企业新产品产值，按统计年度。'),
  r('stat.patent_applications', '专利申请量', 'Patent applications', '件', '市知识产权局', '全市当年受理的专利申请量（发明、实用新型、外观设计合计）。'),
  r('stat.patent_grants', '专利授权量', 'Patent grants', '件', '市知识产权局', '全市当年获得授权的专利量（发明、实用新型、外观设计合计）。'),
  r('stat.invention_grants', '发明专利授权量', 'Invention patent grants', '件', '市知识产权局', '全市当年获得授权的发明专利量。'),
  r('stat.valid_invention_patents', '有效发明专利', 'Valid invention patents', '件', '市知识产权局', '年末仍维持有效的发明专利拥有量。', 'stock'),
  r('stat.rd_gdp_ratio', '全社会研发经费占地区生产总值比重', 'R&D expenditure / GDP', '比率', '市统计局', '全社会研究与试验发展（R&D）经费支出占地区生产总值的比重。', 'ratio'),
  r('special_fund.performance_score', '科技专项资金绩效评价得分', 'Special fund performance score', '分', '市人大常委会', '市科技专项资金绩效评价的综合得分（百分制），以评价报告为准。', 'ratio'),
  c('hnte.valid', '国家重点扶持高新技术企业（含技术先进型服务企业）', 'High and new tech enterprises (valid)', '家', 'recognitions', 'stock'),
  c('hnte.new', '新认定国家高新技术企业', 'New high and new tech enterprises', '家', 'recognitions'),
  c('municipal_hte.valid', '市级高新技术企业', 'Municipal high-tech enterprises (valid)', '家', 'recognitions', 'stock'),
  c('municipal_hte.new', '新认定市级高新技术企业', 'New municipal high-tech enterprises', '家', 'recognitions'),
  c('tech_sme.valid', '省科技型中小企业', 'Tech SMEs (valid)', '家', 'recognitions', 'stock'),
  c('tech_sme.new', '新认定省科技型中小企业', 'New tech SMEs', '家', 'recognitions'),
  c('eagle.new', '新认定雏鹰计划企业', 'New Eagle programme firms', '家', 'recognitions'),
  c('qinglan.new', '新认定青蓝计划企业', 'New Qinglan programme firms', '家', 'recognitions'),
  c('startup.valid', '科技型初创企业（雏鹰、青蓝）', 'Tech start-ups (valid)', '家', 'recognitions', 'stock'),
  c('interest_subsidy.firms', '贷款贴息企业', 'Firms with loan interest subsidy', '家', 'finance'),
  c('interest_subsidy.amount', '贷款贴息补助金额', 'Loan interest subsidy', '元', 'finance'),
  c('rd_centre.provincial.valid', '省级高新技术企业研发中心', 'Provincial R&D centres (valid)', '家', 'recognitions', 'stock'),
  c('rd_centre.provincial.new', '新认定省级高新技术企业研发中心', 'New provincial R&D centres', '家', 'recognitions'),
  c('rd_centre.municipal.valid', '市级高新技术企业研发中心', 'Municipal R&D centres (valid)', '家', 'recognitions', 'stock'),
  c('rd_centre.municipal.new', '新认定市级高新技术企业研发中心', 'New municipal R&D centres', '家', 'recognitions'),
  c('research_institute.provincial.new', '新认定省企业研究院', 'New provincial enterprise research institutes', '家', 'recognitions'),
  c('research_institute.provincial.key.new', '新认定省重点企业研究院', 'New provincial key enterprise research institutes', '家', 'recognitions'),
  c('agri_social_rd_centre.new', '新认定市级农业和社会发展企业研发中心', 'New agricultural/social R&D centres', '家', 'recognitions'),
  c('agri_enterprise.new', '新认定市农业科技企业', 'New agricultural tech enterprises', '家', 'recognitions'),
  c('leading_team.new', '新认定领军型创新创业团队', 'New leading innovation teams', '个', 'projects'),
  c('major_project.approved', '重大创新项目立项', 'Major innovation projects approved', '项', 'projects'),
  c('voucher.issued', '创新券发放金额', 'Innovation vouchers issued', '元', 'vouchers'),
  c('voucher.used', '创新券使用金额', 'Innovation vouchers used', '元', 'vouchers'),
  c('voucher.holders', '创新券受惠企业和创业团队', 'Voucher holders', '家', 'vouchers'),
  c('techmarket.deals', '网上技术市场吸纳技术', 'Technology deals', '项', 'techmarket'),
  c('techmarket.amount', '网上技术市场成交额', 'Technology market turnover', '元', 'techmarket'),
  c('guidance_fund.partner_funds', '创投引导基金合作单位', 'Guidance fund partner funds', '家', 'finance', 'stock'),
  c('guidance_fund.scale', '创投引导基金总规模', 'Guidance fund scale', '元', 'finance', 'stock'),
  c('guidance_fund.new_partners', '创投引导基金新引进合作创投', 'New guidance fund partners', '家', 'finance'),
  c('guidance_fund.invested_projects', '新设立基金已投资项目', 'Projects invested by new funds', '个', 'finance'),
  c('guidance_fund.invested_amount', '新设立基金投资金额', 'Amount invested by new funds', '元', 'finance'),
  c('angel_fund.partner_funds', '蒲公英投资引导基金合作基金', 'Angel (Dandelion) partner funds', '家', 'finance', 'stock'),
  c('angel_fund.new', '蒲公英投资引导基金新成立', 'New angel partner funds', '家', 'finance'),
  c('angel_fund.scale', '蒲公英投资引导基金规模', 'Angel fund scale', '元', 'finance', 'stock'),
  c('guarantee.amount', '政策性科技担保业务', 'Policy guarantees (year)', '元', 'finance'),
  c('guarantee.firms', '政策性科技担保企业', 'Firms guaranteed (year)', '家', 'finance'),
  c('guarantee.amount_cum', '政策性科技担保累计', 'Policy guarantees (cumulative)', '元', 'finance', 'stock'),
  c('guarantee.firm_times_cum', '政策性科技担保累计支持企业', 'Firm-times guaranteed (cumulative)', '家次', 'finance', 'stock'),
  c('bridge_loan.times_cum', '融资周转金累计支持企业', 'Bridge loans (cumulative firm-times)', '家次', 'finance', 'stock'),
  c('bridge_loan.amount_cum', '融资周转金累计金额', 'Bridge loans (cumulative amount)', '元', 'finance', 'stock'),
  c('overseas.projects_invested', '硅谷孵化器孵化投资海外项目', 'Overseas projects invested', '个', 'carriers', 'stock'),
  c('overseas.projects_returned', '海外项目回杭落户', 'Overseas projects brought back', '个', 'carriers', 'stock'),
  c('incubator.national.valid', '国家级科技企业孵化器', 'National incubators (valid)', '家', 'carriers', 'stock'),
  c('incubator.national.new', '新认定国家级科技企业孵化器', 'New national incubators', '家', 'carriers'),
  c('incubator.municipal.valid', '市级科技企业孵化器', 'Municipal incubators (valid)', '家', 'carriers', 'stock'),
  c('incubator.municipal.new', '新认定市级科技企业孵化器', 'New municipal incubators', '家', 'carriers'),
  c('incubator.area.total', '孵化面积', 'Incubation area', '平方米', 'carriers', 'stock'),
  c('incubator.area.new', '新增孵化面积', 'New incubation area', '平方米', 'carriers'),
  c('incubator.firms_cum', '累计孵化企业', 'Firms incubated (cumulative)', '家', 'carriers', 'stock'),
  c('makerspace.municipal.valid', '市级众创空间', 'Municipal maker spaces (valid)', '家', 'carriers', 'stock'),
  c('makerspace.municipal.new', '新认定市级众创空间', 'New municipal maker spaces', '家', 'carriers'),
  c('makerspace.national_system', '纳入国家孵化器管理体系的众创空间', 'Maker spaces in the national incubator system', '家', 'carriers', 'stock'),
  c('award.national.first', '国家科技进步一等奖', 'National S&T progress award, first class', '项', 'projects'),
  c('award.national.second', '国家科技进步二等奖', 'National S&T progress award, second class', '项', 'projects'),
  c('award.provincial', '省科技进步奖', 'Provincial S&T progress awards', '项', 'projects'),
  c('outreach.events', '科技下乡活动', 'Science outreach events', '次', 'projects'),
];

export const CATALOGUE_BY_CODE = new Map(CATALOGUE.map((e) => [e.code, e]));
