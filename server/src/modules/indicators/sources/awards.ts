import {
  AWARD_INDICATOR_CODES,
  awardIndicatorRecords,
  awardIndicators,
  awardIndicatorsByDistrict,
} from "../../awards/index.js";
import type {
  ComputedIndicator,
  IndicatorSource,
} from "../indicators.registry.js";

const BY_YEAR =
  "按奖励年度计（项目数）；按第一完成单位所在区县归属，第一完成单位不在企业库的只计入全市。";
const DEFINITIONS: Record<(typeof AWARD_INDICATOR_CODES)[number], string> = {
  "award.national.first": `本市单位获国家科学技术进步奖一等奖的项目数（获奖登记中级别为国家级、奖种为科学技术进步奖、等级为一等奖）。${BY_YEAR}`,
  "award.national.second": `本市单位获国家科学技术进步奖二等奖的项目数。${BY_YEAR}`,
  "award.provincial": `本市单位获浙江省科学技术进步奖的项目数（各等级合计）。${BY_YEAR}`,
};

/** The award indicators, counted from the award records (modules/awards). */
export const awardSource: IndicatorSource = {
  module: "awards",
  indicators: AWARD_INDICATOR_CODES.map((code): ComputedIndicator => ({
    code,
    definition: DEFINITIONS[code],
    async records(q) {
      const page = await awardIndicatorRecords(q.database.db, {
        code,
        year: q.year,
        districtId: q.districtId,
        limit: q.limit,
        after: q.after,
      });
      return {
        total: page.total,
        items: page.items.map((r) => ({
          id: String(r.id),
          type: r.documentNo,
          name: `${r.projectTitle}（${r.units.join("、")}）`,
          districtId: r.districtId,
          date: r.awardedOn,
          amount: null,
          enterpriseId: r.enterpriseId,
        })),
      };
    },
  })),
  values: async ({ database, year, districtId }) =>
    awardIndicators(database.db, year, districtId),
  valuesByDistrict: async ({ database, year }) =>
    awardIndicatorsByDistrict(database.db, year),
};
