import { voucherIndicatorRecords, voucherIndicators, voucherIndicatorsByDistrict, type VoucherIndicatorRecord } from '../../vouchers/index.js';
import type { IndicatorRecord, IndicatorSource, RecordsQuery } from '../indicators.registry.js';

const TYPE: Record<VoucherIndicatorRecord['kind'], string> = { issue: '创新券发放', redeem: '创新券兑付', holder: '创新券持有人' };

const records = (figure: 'issued' | 'used' | 'holders') => async (q: RecordsQuery) => {
  const page = await voucherIndicatorRecords(q.database, { figure, year: q.year, districtId: q.districtId, limit: q.limit, after: q.after });
  return {
    total: page.total,
    items: page.items.map(
      (r): IndicatorRecord => ({ id: String(r.id), type: TYPE[r.kind], name: r.holderName, districtId: r.districtId, date: r.date, amount: r.amount, enterpriseId: r.enterpriseId }),
    ),
  };
};

/** voucher.issued / voucher.used / voucher.holders, read from the vouchers module's monthly rollup (docs/vouchers.md). */
export const voucherSource: IndicatorSource = {
  module: 'vouchers',
  indicators: [
    {
      code: 'voucher.issued',
      definition: '当年发放给企业和创业团队的创新券金额之和：计入“发放”流水，按流水的业务日期定年度，按发放时持有人所在区县归属。',
      records: records('issued'),
    },
    {
      code: 'voucher.used',
      definition: '当年实际使用（兑付）的创新券金额之和：服务机构兑付申请经市科委审核通过后记“兑付”流水，按其业务日期定年度，按持有人当时所在区县归属；已兑付后撤销的，在撤销当月抵减。',
      records: records('used'),
    },
    {
      code: 'voucher.holders',
      definition: '当年获发创新券的企业和创业团队数（按持有人去重），以发放流水的业务日期定年度；区县按该持有人当年首次获发时所在区县归属，各区县之和等于全市。',
      records: records('holders'),
    },
  ],
  async values({ database, year, districtId }) {
    const f = await voucherIndicators(database, { year, districtId });
    return { 'voucher.issued': f.issued, 'voucher.used': f.used, 'voucher.holders': f.holders };
  },
  async valuesByDistrict({ database, year }) {
    const m = await voucherIndicatorsByDistrict(database, year);
    return new Map([...m].map(([d, f]) => [d, { 'voucher.issued': f.issued, 'voucher.used': f.used, 'voucher.holders': f.holders }]));
  },
};
