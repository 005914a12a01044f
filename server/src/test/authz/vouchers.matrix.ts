import type { Entry } from './kit.js';

/**
 * Innovation vouchers' claim evidence (the rest of the module's routes are classified in
 * authz-matrix.test.ts): the booking's holder or provider and the city officer upload; whoever sees
 * the booking reads and downloads (scopes are exercised in vouchers.claim-files.test.ts).
 */
const READERS = ['admin', 'officer', 'auditor', 'xihu', 'binjiang', 'enterprise', 'provider'] as const;
export const MATRIX: Record<string, Entry> = {
  'POST /api/vouchers/bookings/{id}/files': { allow: ['officer', 'enterprise', 'provider'] },
  'GET /api/vouchers/bookings/{id}/files': { allow: READERS },
  'GET /api/vouchers/claims/{id}/files': { allow: READERS },
  'GET /api/vouchers/claim-files/{id}': { allow: READERS },
};
