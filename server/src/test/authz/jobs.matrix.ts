import type { Entry } from './kit.js';

/**
 * Module jobs: a background job (an import, a bulk issuance) is read by the user who started it
 * and by nobody else (404). Those who can start one are the registry's importers and the city
 * officer (voucher lists, indicator imports); jobs.test.ts checks the owner rule itself.
 */
export const MATRIX: Record<string, Entry> = {
  'GET /api/jobs/{id}': { allow: ['officer', 'xihu', 'binjiang'] },
};
