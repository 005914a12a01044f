/** S&T awards: the city's S&T progress award (an instrument on the case kernel, registered on import) and national/provincial award records. */
export {
  awardsInstrument,
  AWARD_INSTRUMENT,
  AWARD_SCORE_ITEMS,
} from "./instrument.js";
export { awardsRoutes } from "./awards.routes.js";
export {
  awardIndicators,
  awardIndicatorsByDistrict,
} from "./awards.service.js";
export { indicatorRecords as awardIndicatorRecords } from "./awards.repo.js";
export { AWARD_INDICATOR_CODES } from "./awards.indicators.js";
