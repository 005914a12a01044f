/** The vouchers module's public surface for other modules (indicators, reports). */
export { voucherIndicators, voucherIndicatorsByDistrict, voucherIndicatorRecords, type VoucherFigures, type VoucherIndicatorRecord } from './stats.service.js';
export { checkLedger, type LedgerCheck } from './ledger.repo.js';
export { vouchersRoutes } from './vouchers.routes.js';
