/**
 * The payments kernel: maker-checker payment orders on the ledger (docs/payments.md). Instruments
 * register their payables and prepare orders inside their own transactions; the finance reviewer
 * approves (posting the ledger movement), sends and confirms them. It imports kernels only.
 */
export { registerPayable, payableOf, payables, type PayableDef } from './payables.js';
export type { PaymentOrder } from './payments.repo.js';
export { paymentsRoutes } from './payments.routes.js';
export { countPaymentsAwaiting, paymentsAwaiting, PAYMENTS_INBOX } from './payments.inbox.js';
export {
  approvePayment,
  cancelOrderTx,
  confirmPayment,
  DIRECTION_NAMES,
  paymentsOfCase,
  prepareClawback,
  preparePayment,
  sendPayment,
  STATUS_NAMES,
  type ClawbackInput,
  type Party,
  type PaymentInput,
} from './payments.service.js';
