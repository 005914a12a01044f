/** The funds module's public surface. Importing it registers the quarterly report instrument on the case kernel. */
export { fundReportsInstrument, FUND_REPORTS } from './funds.instrument.js';
export { FUNDS_BOOK, PROGRAMME_SCOPE } from './funds.book.js';
export { fundsRoutes } from './funds.routes.js';
export { FUND_INDICATOR_CODES, fundIndicatorRecords, fundIndicators, fundIndicatorsByDistrict, type FundIndicatorCode } from './funds.stats.js';
