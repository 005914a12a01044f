export const AWARD_INDICATOR_CODES = [
  "award.national.first",
  "award.national.second",
  "award.provincial",
] as const;
export type AwardIndicatorCode = (typeof AWARD_INDICATOR_CODES)[number];
