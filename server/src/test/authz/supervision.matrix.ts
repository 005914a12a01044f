import { DISTRICT_AND_UP, type Entry } from './kit.js';

/** Supervision after recognition: enterprises file reports and answer cases; districts review reports; the city draws, finds and decides. */
export const MATRIX: Record<string, Entry> = {
  'GET /api/annual-reports': { allow: [...DISTRICT_AND_UP, 'enterprise'] },
  'GET /api/annual-reports/due': { allow: ['enterprise'] },
  'POST /api/annual-reports': { allow: ['enterprise'] },
  'POST /api/annual-reports/{id}/review': { allow: ['officer', 'xihu', 'binjiang'] },
  'GET /api/spot-checks': { allow: DISTRICT_AND_UP },
  'POST /api/spot-checks': { allow: ['officer'] },
  'GET /api/spot-checks/{id}': { allow: DISTRICT_AND_UP },
  'POST /api/spot-check-items/{id}/finding': { allow: ['officer'] },
  'GET /api/supervision-cases': { allow: [...DISTRICT_AND_UP, 'enterprise'] },
  'GET /api/supervision-cases/{id}': { allow: [...DISTRICT_AND_UP, 'enterprise'] },
  'POST /api/supervision-cases/{id}/actions': { allow: ['officer', 'enterprise'] },
};
