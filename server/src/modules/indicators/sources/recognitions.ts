import {
  RECOGNITION_INDICATOR_CODES,
  recognitionIndicatorRecords,
  recognitionIndicators,
  recognitionIndicatorsByDistrict,
  type RecognitionIndicatorCode,
} from '../../recognitions/index.js';
import type { ComputedIndicator, IndicatorRecord, IndicatorSource, RecordsQuery } from '../indicators.registry.js';

const VALID = '当年12月31日持有未过期、未撤销认定的企业数（按证书计）：发证日期不晚于12月31日、有效期截止日不早于12月31日、且撤销生效日期晚于12月31日（或未撤销）；按认定时企业所在区县归属，各区县之和等于全市。';
const NEW = '当年新认定的企业数（按证书计）：发证日期在当年1月1日至12月31日之间的认定，含当年发证后又撤销或到期的；按认定时企业所在区县归属。';

/** What each code counts, for an officer to read (docs/recognitions.md, "Indicators"). */
const DEFINITIONS: Record<RecognitionIndicatorCode, string> = {
  'hnte.valid': `国家重点扶持高新技术企业，含技术先进型服务企业。${VALID}`,
  'hnte.new': `新认定（含重新认定）的国家高新技术企业和技术先进型服务企业。${NEW}`,
  'municipal_hte.valid': `杭州市高新技术企业。${VALID}`,
  'municipal_hte.new': `新认定的杭州市高新技术企业。${NEW}`,
  'tech_sme.valid': `省科技型中小企业。入库实行动态管理、没有固定有效期，故为截至当年12月31日已入库且未被撤销（移出）的企业数；按入库时企业所在区县归属，各区县之和等于全市。`,
  'tech_sme.new': `新入库的省科技型中小企业。${NEW}`,
  'eagle.new': `新认定的雏鹰计划企业。${NEW}`,
  'qinglan.new': `新认定的青蓝计划企业。${NEW}`,
  'startup.valid': `科技型初创企业，即雏鹰计划企业与青蓝计划企业之和（同一企业同时持有两项的计两次）。${VALID}`,
  'rd_centre.provincial.valid': `省级高新技术企业研发中心。${VALID}`,
  'rd_centre.provincial.new': `新认定的省级高新技术企业研发中心。${NEW}`,
  'rd_centre.municipal.valid': `市级高新技术企业研发中心。${VALID}`,
  'rd_centre.municipal.new': `新认定的市级高新技术企业研发中心。${NEW}`,
  'research_institute.provincial.new': `新认定的省企业研究院（不含省重点企业研究院，后者单列）。${NEW}`,
  'research_institute.provincial.key.new': `新认定的省重点企业研究院。${NEW}`,
  'agri_social_rd_centre.new': `新认定的市级农业和社会发展企业研发中心。${NEW}`,
  'agri_enterprise.new': `新认定的市农业科技企业。${NEW}`,
};

const records =
  (code: RecognitionIndicatorCode) =>
  async (q: RecordsQuery): Promise<{ total: number; items: IndicatorRecord[] }> => {
    const page = await recognitionIndicatorRecords(q.database, { code, year: q.year, districtId: q.districtId, limit: q.limit, after: q.after });
    return {
      total: page.total,
      items: page.items.map((r): IndicatorRecord => ({
        id: String(r.id),
        type: `${r.typeName}（${r.certificateNo}）`,
        name: r.enterpriseName,
        districtId: r.districtId,
        date: r.date,
        amount: null,
        enterpriseId: r.enterpriseId,
      })),
    };
  };

/** The recognition indicators, read from the recognitions module's flows rollup (valid on Dec 31 = Σ starts − Σ ends; new = starts). */
export const recognitionSource: IndicatorSource = {
  module: 'recognitions',
  indicators: RECOGNITION_INDICATOR_CODES.map((code): ComputedIndicator => ({ code, definition: DEFINITIONS[code], records: records(code) })),
  async values({ database, year, districtId }) {
    return recognitionIndicators(database, { year, districtId });
  },
  async valuesByDistrict({ database, year }) {
    return recognitionIndicatorsByDistrict(database, year);
  },
};
