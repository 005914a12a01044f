/** The interest-subsidy module (雏鹰/青蓝 贷款贴息). Importing it registers the instrument and its payable. */
export { interestSubsidyInstrument, INSTRUMENT as INTEREST_SUBSIDY_INSTRUMENT, SUBSIDY_BOOK } from './instrument.js';
export { PAYABLE as INTEREST_SUBSIDY_PAYABLE } from './payment.js';
export { evaluate as evaluateInterestSubsidy, type BenchmarkRow, type ProgrammeParams, type SubsidyResult } from './calculator.js';
export { subsidiesRoutes } from './subsidies.routes.js';
export { interestSubsidyFigures, interestSubsidyFiguresByDistrict, interestSubsidyRecords } from './subsidies.indicators.js';
export { seedSubsidies, SUBSIDY_FIGURES_2015 } from './subsidies.seed.js';
