import { majorProjectRecords, majorProjectsApproved, majorProjectsByDistrict } from '../../programmes/index.js';
import type { IndicatorRecord, IndicatorSource, RecordsQuery } from '../indicators.registry.js';

/** major_project.approved, counted from the programmes module's approved major projects. */
export const programmesSource: IndicatorSource = {
  module: 'programmes',
  indicators: [
    {
      code: 'major_project.approved',
      definition: '当年立项的重大科技创新项目数：科技计划项目中“重大科技创新项目”类，立项决定（公示期满后市科委决定立项）日期在当年1月1日至12月31日之间，含立项后终止或验收不通过的；按承担单位申报时所在区县归属。',
      async records(q: RecordsQuery) {
        const page = await majorProjectRecords(q.database.db, { year: q.year, districtId: q.districtId, limit: q.limit, after: q.after });
        return {
          total: page.total,
          items: page.items.map((r): IndicatorRecord => ({ id: String(r.id), type: '重大科技创新项目立项', name: `${r.title}（${r.enterpriseName ?? ''}）`, districtId: r.districtId, date: r.date, amount: r.approvedFen / 100, enterpriseId: r.enterpriseId })),
        };
      },
    },
  ],
  async values({ database, year, districtId }) {
    return { 'major_project.approved': await majorProjectsApproved(database.db, { year, districtId }) };
  },
  async valuesByDistrict({ database, year }) {
    const m = await majorProjectsByDistrict(database.db, year);
    return new Map([...m].map(([d, n]) => [d, { 'major_project.approved': n }]));
  },
};
