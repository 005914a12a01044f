import type { Entry } from './kit.js';

/**
 * The payments kernel. The finance reviewer (finance_officer, demo account treasurer) who approves,
 * sends, confirms and cancels orders is not one of the matrix's roles: every matrix role is refused
 * those steps (payments.test.ts exercises the reviewer). Bureau readers see every order, an
 * enterprise only the orders it is party to.
 */
export const MATRIX: Record<string, Entry> = {
  'GET /api/payments': { allow: ['officer', 'auditor', 'enterprise'] },
  'GET /api/payments/summary': { allow: ['officer', 'auditor', 'enterprise'] },
  'GET /api/payments/payables': { allow: 'all' },
  'GET /api/payments/{id}': { allow: ['officer', 'auditor', 'enterprise'] },
  'POST /api/payments/{id}/approve': { allow: [] },
  'POST /api/payments/{id}/send': { allow: [] },
  'POST /api/payments/{id}/confirm': { allow: [] },
  'POST /api/payments/{id}/cancel': { allow: [] },
  'GET /api/payment-limits': { allow: ['admin', 'auditor'] },
  'PUT /api/payment-limits/{userId}': { allow: ['admin'] },
};
