import { CITY_READERS, type Entry } from './kit.js';

/**
 * The funds module (docs/funds.md). The fund manager (role fund_manager, demo account `fund`) is not
 * among the matrix's roles: its own-organisation scope is tested in modules/funds/funds.http.test.ts.
 */
export const MATRIX: Record<string, Entry> = {
  'GET /api/funds/programmes': { allow: CITY_READERS },
  'POST /api/funds/programmes/{code}/appropriations': { allow: ['officer'] },
  'GET /api/funds/managers': { allow: CITY_READERS },
  'GET /api/funds/partner-funds': { allow: CITY_READERS },
  'POST /api/funds/partner-funds': { allow: ['officer'] },
  'GET /api/funds/partner-funds/{id}': { allow: CITY_READERS },
  'POST /api/funds/partner-funds/{id}/status': { allow: ['officer'] },
  'POST /api/funds/partner-funds/{id}/movements': { allow: ['officer'] },
  'GET /api/funds/movements': { allow: CITY_READERS },
  'POST /api/funds/movements/{id}/approve': { allow: ['officer'] },
  'POST /api/funds/movements/{id}/reject': { allow: ['officer'] },
  'GET /api/funds/reports': { allow: CITY_READERS },
  'POST /api/funds/reports': { allow: [] },
  'GET /api/funds/reports/{id}': { allow: CITY_READERS },
  'PUT /api/funds/reports/{id}': { allow: [] },
  'POST /api/funds/reports/{id}/submit': { allow: [] },
  'POST /api/funds/reports/{id}/return': { allow: ['officer'] },
  'POST /api/funds/reports/{id}/accept': { allow: ['officer'] },
  'GET /api/funds/overseas': { allow: CITY_READERS },
  'POST /api/funds/overseas': { allow: ['officer'] },
  'POST /api/funds/overseas/{id}/return': { allow: ['officer'] },
  'GET /api/funds/stats': { allow: CITY_READERS },
};
