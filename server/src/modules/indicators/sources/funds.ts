import { FUND_INDICATOR_CODES, fundIndicatorRecords, fundIndicators, fundIndicatorsByDistrict, type FundIndicatorCode } from '../../funds/index.js';
import type { ComputedIndicator, IndicatorRecord, IndicatorSource, RecordsQuery } from '../indicators.registry.js';

const ALIVE = '截至当年12月31日已设立且未退出（退出日期晚于12月31日或未退出）的合作基金';
/** What each code counts (docs/funds.md, "Indicators"). */
const DEFINITIONS: Record<FundIndicatorCode, string> = {
  'guidance_fund.partner_funds': `创投引导基金阶段参股的合作基金数：${ALIVE}；按基金注册区县归属。`,
  'guidance_fund.scale': `创投引导基金合作基金的认缴规模之和（元）：${ALIVE}。`,
  'guidance_fund.new_partners': '当年新设立（设立日期在当年）的创投引导基金合作基金数。',
  'guidance_fund.invested_projects': '创投引导基金合作基金累计投资项目数：截至当年12月31日、季度投资报告已审核接受的投资，同一基金对同一企业的多轮投资计为一个项目；按被投企业所在区县归属。',
  'guidance_fund.invested_amount': '创投引导基金合作基金累计投资金额（元）：截至当年12月31日、季度投资报告已审核接受的各笔投资金额之和。',
  'angel_fund.partner_funds': `蒲公英天使投资引导基金的合作基金数：${ALIVE}。`,
  'angel_fund.new': '当年新设立的蒲公英天使投资引导基金合作基金数。',
  'angel_fund.scale': `蒲公英天使投资引导基金合作基金的认缴规模之和（元）：${ALIVE}。`,
  'overseas.projects_invested': '杭州美国硅谷孵化器累计孵化投资的海外项目数：投资日期不晚于当年12月31日；回杭落户前不属任何区县（区县口径为0）。',
  'overseas.projects_returned': '累计回杭落户的海外项目数：落户日期不晚于当年12月31日；按落户区县归属。',
};

const records =
  (code: FundIndicatorCode) =>
  async (q: RecordsQuery): Promise<{ total: number; items: IndicatorRecord[] }> => {
    const page = await fundIndicatorRecords(q.database.db, { code, year: q.year, districtId: q.districtId, limit: q.limit, after: q.after });
    return { total: page.total, items: page.items.map((r): IndicatorRecord => ({ ...r, id: String(r.id) })) };
  };

/** The fund programmes' indicators, counted from partner funds, accepted quarterly reports and overseas projects. */
export const fundsSource: IndicatorSource = {
  module: 'funds',
  indicators: FUND_INDICATOR_CODES.map((code): ComputedIndicator => ({ code, definition: DEFINITIONS[code], records: records(code) })),
  async values({ database, year, districtId }) {
    return fundIndicators(database.db, { year, districtId });
  },
  async valuesByDistrict({ database, year }) {
    return fundIndicatorsByDistrict(database.db, year);
  },
};
