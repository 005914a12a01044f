import { DISTRICT_AND_UP, type Entry } from './kit.js';

const REVIEWERS = ['officer', 'xihu', 'binjiang'] as const;

/**
 * Innovation carriers. The operator (role carrier_operator, demo account `carrier`) is not one of the
 * matrix's roles: its routes list no matrix role, so every matrix role is probed and must fail; the
 * module's own tests cover the operator (carriers.http.test.ts).
 */
export const MATRIX: Record<string, Entry> = {
  'GET /api/carriers/parks': { public: true, allow: 'all' },
  'GET /api/carriers/public': { public: true, allow: 'all' },
  'GET /api/carriers': { allow: DISTRICT_AND_UP },
  'POST /api/carriers': { allow: [] },
  'GET /api/carriers/{id}': { allow: DISTRICT_AND_UP },
  'PATCH /api/carriers/{id}': { allow: [] },
  'POST /api/carriers/{id}/national-recommendations': { allow: ['officer'] },
  'GET /api/carrier-national': { allow: DISTRICT_AND_UP },
  'GET /api/carrier-national/{id}': { allow: DISTRICT_AND_UP },
  'POST /api/carrier-national/{id}/result': { allow: ['officer'] },
  'GET /api/carriers/{id}/firms': { allow: DISTRICT_AND_UP },
  'POST /api/carriers/{id}/firms': { allow: [] },
  'POST /api/carriers/{id}/firms/{firmId}/end': { allow: [] },
  'GET /api/carrier-applications': { allow: DISTRICT_AND_UP },
  'POST /api/carriers/{id}/applications': { allow: [] },
  'GET /api/carrier-applications/{id}': { allow: DISTRICT_AND_UP },
  'PATCH /api/carrier-applications/{id}': { allow: [] },
  'POST /api/carrier-applications/{id}/actions': { allow: [...REVIEWERS] },
  'GET /api/carrier-stats': { allow: DISTRICT_AND_UP },
  'GET /api/carrier-stats/export.xlsx': { allow: DISTRICT_AND_UP },
  'POST /api/carrier-stats/import': { allow: [] },
  'POST /api/carriers/{id}/stats': { allow: [] },
  'GET /api/carrier-stats/{id}': { allow: DISTRICT_AND_UP },
  'PATCH /api/carrier-stats/{id}': { allow: [] },
  'POST /api/carrier-stats/{id}/actions': { allow: [...REVIEWERS] },
  'GET /api/carrier-assessments': { allow: DISTRICT_AND_UP },
  'POST /api/carriers/{id}/assessments': { allow: ['officer'] },
  'GET /api/carriers/parks/figures': { allow: DISTRICT_AND_UP },
  'GET /api/carriers/parks/enterprises/{id}': { allow: DISTRICT_AND_UP },
  // the sheets, grade bands and subsidy standards are published criteria: every signed-in user reads them
  'GET /api/carriers/score-sheets': { allow: 'all' },
  'PUT /api/carriers/parks/enterprises/{id}': { allow: ['officer'] },
  'GET /api/carriers/parks/{id}/enterprises': { allow: DISTRICT_AND_UP },
};
