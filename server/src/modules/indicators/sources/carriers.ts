import { CARRIER_INDICATOR_CODES, carrierIndicatorRecords, carrierIndicators, carrierIndicatorsByDistrict, type CarrierIndicatorCode } from '../../carriers/index.js';
import type { ComputedIndicator, IndicatorRecord, IndicatorSource, RecordsQuery } from '../indicators.registry.js';

const VALID = '当年12月31日持有有效认定的载体数：认定日期不晚于12月31日，且未撤销或撤销（退出）日期晚于12月31日；按载体所在区县归属。';
const NEW = '当年新认定的载体数：认定日期在当年1月1日至12月31日之间（含当年认定后又退出的）；按载体所在区县归属。';

const DEFINITIONS: Record<CarrierIndicatorCode, string> = {
  'incubator.national.valid': `国家级科技企业孵化器（科技部认定，按上级文号登记）。${VALID}`,
  'incubator.national.new': `新认定的国家级科技企业孵化器（按科技部文件日期）。${NEW}`,
  'incubator.municipal.valid': `市级科技企业孵化器（市科委认定）。${VALID}`,
  'incubator.municipal.new': `新认定的市级科技企业孵化器。${NEW}`,
  'incubator.area.total': '当年12月31日持有有效认定（市级或国家级）的孵化器的孵化场地面积之和（平方米，按载体档案面积）。',
  'incubator.area.new': '当年首次获得认定（市级或国家级中最早的一项在当年）的孵化器的孵化场地面积之和（平方米）。',
  'incubator.firms_cum': '当年12月31日持有有效认定的孵化器累计孵化的企业数：这些孵化器入孵日期不晚于12月31日的在孵企业记录（含已毕业、已退出的）。',
  'makerspace.municipal.valid': `市级众创空间（市科委认定）。${VALID}`,
  'makerspace.municipal.new': `新认定的市级众创空间。${NEW}`,
  'makerspace.national_system': `纳入国家级科技企业孵化器管理服务体系的众创空间（科技部文件，按上级文号登记）。${VALID}`,
};

const records =
  (code: CarrierIndicatorCode) =>
  async (q: RecordsQuery): Promise<{ total: number; items: IndicatorRecord[] }> => {
    const page = await carrierIndicatorRecords(q.database.db, { code, year: q.year, districtId: q.districtId, limit: q.limit, after: q.after });
    return { total: page.total, items: page.items.map((r): IndicatorRecord => ({ ...r, id: String(r.id) })) };
  };

/** The carriers' figures, counted from recognitions, carrier profiles and incubated firms. */
export const carrierSource: IndicatorSource = {
  module: 'carriers',
  indicators: CARRIER_INDICATOR_CODES.map((code): ComputedIndicator => ({ code, definition: DEFINITIONS[code], records: records(code) })),
  async values({ database, year, districtId }) {
    return carrierIndicators(database.db, { year, districtId });
  },
  async valuesByDistrict({ database, year }) {
    return carrierIndicatorsByDistrict(database.db, year);
  },
};
