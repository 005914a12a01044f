import { techmarketIndicatorRecords, techmarketYearFigures } from '../../techmarket/index.js';
import type { IndicatorRecord, IndicatorSource, RecordsQuery } from '../indicators.registry.js';

const records = async (q: RecordsQuery) => {
  const page = await techmarketIndicatorRecords(q.database.db, { year: q.year, districtId: q.districtId, limit: q.limit, after: q.after });
  return {
    total: page.total,
    items: page.items.map(
      (r): IndicatorRecord => ({ id: String(r.id), type: '技术合同登记', name: `${r.title}（${r.sellerName}）`, districtId: r.districtId, date: r.date, amount: r.amountFen / 100, enterpriseId: r.enterpriseId }),
    ),
  };
};

/** techmarket.deals / techmarket.amount, read from the tech market's yearly rollup (tm_stats_yearly, kept by registerContract). */
export const techmarketSource: IndicatorSource = {
  module: 'techmarket',
  indicators: [
    {
      code: 'techmarket.deals',
      definition: '当年经认定登记的技术合同项数：登记状态为“已登记”，按认定登记日期（北京时间）定年度，按卖方（技术输出方）所在区县归属。',
      records,
    },
    {
      code: 'techmarket.amount',
      definition: '当年经认定登记的技术合同成交额之和（登记时的合同金额，含非技术性费用），年度与区县口径同“吸纳技术”项数。',
      records,
    },
  ],
  async values({ database, year, districtId }) {
    const t = await techmarketYearFigures({ db: database.db, year, districtId });
    return { 'techmarket.deals': t.deals, 'techmarket.amount': t.amount };
  },
  async valuesByDistrict({ database, year }) {
    const t = await techmarketYearFigures({ db: database.db, year });
    return new Map(t.byDistrict.map((d) => [d.districtId, { 'techmarket.deals': d.deals, 'techmarket.amount': d.amount }]));
  },
};
