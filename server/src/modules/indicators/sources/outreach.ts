import { outreachIndicatorRecords, outreachYearFigures } from '../../outreach/index.js';
import type { IndicatorRecord, IndicatorSource } from '../indicators.registry.js';

/** outreach.events: the 科技下乡 events held in the year, counted from the outreach records. */
export const outreachSource: IndicatorSource = {
  module: 'outreach',
  indicators: [
    {
      code: 'outreach.events',
      definition: '当年举办的科技下乡活动次数：按活动日期定年度，按举办地所在区县归属（全市性活动只计入全市）。',
      async records(q) {
        const page = await outreachIndicatorRecords(q.database, { year: q.year, districtId: q.districtId, limit: q.limit, after: q.after });
        return {
          total: page.total,
          items: page.items.map((r): IndicatorRecord => ({ id: String(r.id), type: '科技下乡', name: `${r.title}（${r.place}）`, districtId: r.districtId, date: r.heldOn, amount: null, enterpriseId: null })),
        };
      },
    },
  ],
  async values({ database, year, districtId }) {
    return { 'outreach.events': (await outreachYearFigures({ database, year, districtId })).events };
  },
  async valuesByDistrict({ database, year }) {
    const f = await outreachYearFigures({ database, year });
    return new Map(f.byDistrict.map((d) => [d.districtId, { 'outreach.events': d.events }]));
  },
};
