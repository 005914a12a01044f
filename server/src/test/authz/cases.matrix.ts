import { CITY_READERS, type Entry } from './kit.js';

/** The case kernel's generic routes (panels, decisions) and the inbox. */
export const MATRIX: Record<string, Entry> = {
  'GET /api/cases/{id}/panel': { allow: CITY_READERS },
  'POST /api/cases/{id}/panel': { allow: ['officer'] },
  'POST /api/cases/{id}/panel/redraw': { allow: ['officer'] },
  'POST /api/cases/{id}/decision': { allow: ['officer'] },
  'GET /api/cases': { allow: 'all' },
  'GET /api/cases/summary': { allow: 'all' },
};
