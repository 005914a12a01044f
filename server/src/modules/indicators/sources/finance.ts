import { bridgeIndicatorRecords, guaranteeIndicatorRecords, loanFigures, loanFiguresByDistrict } from '../../loans/index.js';
import { interestSubsidyFigures, interestSubsidyFiguresByDistrict, interestSubsidyRecords } from '../../subsidies/index.js';
import type { IndicatorRecord, IndicatorSource, RecordsQuery } from '../indicators.registry.js';

const asRecords = async (p: Promise<{ total: number; items: (Omit<IndicatorRecord, 'id'> & { id: number })[] }>) => {
  const page = await p;
  return { total: page.total, items: page.items.map((r): IndicatorRecord => ({ ...r, id: String(r.id) })) };
};

const subsidyRecords = async (q: RecordsQuery) => asRecords(interestSubsidyRecords(q.database.db, { year: q.year, districtId: q.districtId, limit: q.limit, after: q.after }));
const guaranteeRecords = (cumulative: boolean) => async (q: RecordsQuery) => asRecords(guaranteeIndicatorRecords(q.database.db, { year: q.year, cumulative, districtId: q.districtId, limit: q.limit, after: q.after }));
const bridgeRecords = async (q: RecordsQuery) => asRecords(bridgeIndicatorRecords(q.database.db, { year: q.year, districtId: q.districtId, limit: q.limit, after: q.after }));

/** S&T finance: the 雏鹰/青蓝 interest subsidy, policy guarantees with 助保贷, bridge loans (docs/subsidies.md, docs/loans.md). */
export const financeSource: IndicatorSource = {
  module: 'finance',
  indicators: [
    {
      code: 'interest_subsidy.firms',
      definition: '获得雏鹰、青蓝贷款贴息的企业数：贴息年度为当年、贴息资金已拨付到账的申请，按企业去重；按申请时企业所在区县归属。',
      records: subsidyRecords,
    },
    {
      code: 'interest_subsidy.amount',
      definition: '雏鹰、青蓝贷款贴息金额：贴息年度为当年、已拨付到账的申请的核定金额之和（按《贷款贴息》测算规则逐笔计算、四舍五入到分、以计划年度上限封顶）。',
      records: subsidyRecords,
    },
    {
      code: 'guarantee.amount',
      definition: '当年政策性科技担保业务额：当年起保（银行放款、担保生效）的政策性担保和助保贷的担保贷款金额之和，含其后已解保、违约或代偿的。',
      records: guaranteeRecords(false),
    },
    {
      code: 'guarantee.firms',
      definition: '当年获得政策性科技担保（含助保贷）的企业数：当年起保的担保按企业去重。',
      records: guaranteeRecords(false),
    },
    {
      code: 'guarantee.amount_cum',
      definition: '政策性科技担保累计业务额：截至当年末起保的全部担保（含助保贷）的担保贷款金额之和。',
      records: guaranteeRecords(true),
    },
    {
      code: 'guarantee.firm_times_cum',
      definition: '政策性科技担保累计支持企业家次：截至当年末起保的担保笔数（同一企业多次担保计多次）。',
      records: guaranteeRecords(true),
    },
    {
      code: 'bridge_loan.times_cum',
      definition: '融资周转金累计支持企业家次：截至当年末从周转金资金池放款的笔数（同一企业多次使用计多次）。',
      records: bridgeRecords,
    },
    {
      code: 'bridge_loan.amount_cum',
      definition: '融资周转金累计金额：截至当年末放款的周转金金额之和（按放款日期定年度）。',
      records: bridgeRecords,
    },
  ],
  async values({ database, year, districtId }) {
    const s = await interestSubsidyFigures(database.db, year, districtId);
    return { 'interest_subsidy.firms': s.firms, 'interest_subsidy.amount': s.amount, ...(await loanFigures(database.db, year, districtId)) };
  },
  async valuesByDistrict({ database, year }) {
    const out = await loanFiguresByDistrict(database.db, year);
    for (const [d, s] of await interestSubsidyFiguresByDistrict(database.db, year)) {
      out.set(d, { ...(out.get(d) ?? { 'guarantee.amount': 0, 'guarantee.firms': 0, 'guarantee.amount_cum': 0, 'guarantee.firm_times_cum': 0, 'bridge_loan.times_cum': 0, 'bridge_loan.amount_cum': 0 }), 'interest_subsidy.firms': s.firms, 'interest_subsidy.amount': s.amount });
    }
    for (const v of out.values()) {
      v['interest_subsidy.firms'] ??= 0;
      v['interest_subsidy.amount'] ??= 0;
    }
    return out;
  },
};
