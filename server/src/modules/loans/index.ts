/** Bridge loans, policy guarantees and 助保贷. Importing it registers the bridge_loan and guarantee instruments. */
export { BRIDGE_BOOK, GUARANTEE_BOOK, bridgeLoanInstrument, guaranteeInstrument } from './instruments.js';
export { loansRoutes } from './loans.routes.js';
export { bridgeIndicatorRecords, guaranteeIndicatorRecords, loanFigures, loanFiguresByDistrict } from './loans.indicators.js';
export { seedLoans, LOAN_FIGURES_2015 } from './loans.seed.js';
