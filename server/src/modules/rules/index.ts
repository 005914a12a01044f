/** The rule engines' surface for the recognitions workflow (applications, expert scoring). */
export { evaluateHnte, growthRate, growthBand, ipQuantityBand, conversionBand, scoreOutsideBand, addYears } from './hnte.engine.js';
export { evaluateTechSme } from './techsme.engine.js';
export { assessHnte, assessTechSme, criteriaInForce, getCriteria } from './rules.service.js';
export { CRITERIA_TYPES, HNTE_DOMAINS, type CriteriaSpec, type CriteriaType, type HnteParams, type TechSmeParams } from './rules.params.js';
export { hnteInput, techSmeInput, type HnteInput, type HnteResult, type TechSmeInput, type TechSmeResult } from './rules.schema.js';
export { listCriteria, ruleSetInForce } from './rules.repo.js';
