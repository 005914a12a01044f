import { DISTRICT_AND_UP, type Entry } from './kit.js';

/** Outreach: the public reads events; city and district officers record; the registry is read by the bureau and districts. */
export const MATRIX: Record<string, Entry> = {
  'GET /api/outreach/events': { public: true, allow: 'all' },
  'GET /api/outreach/events/{id}': { public: true, allow: 'all' },
  'GET /api/outreach/events/{id}/photos/{photoId}': { public: true, allow: 'all' },
  'POST /api/outreach/events': { allow: ['officer', 'xihu', 'binjiang'] },
  'POST /api/outreach/events/{id}/photos': { allow: ['officer', 'xihu', 'binjiang'] },
  'GET /api/commissioners': { allow: DISTRICT_AND_UP },
  'GET /api/commissioners/{id}': { allow: DISTRICT_AND_UP },
  'POST /api/commissioners': { allow: ['officer'] },
  'POST /api/commissioners/{id}/assignments': { allow: ['officer', 'xihu', 'binjiang'] },
  'POST /api/commissioners/{id}/service-records': { allow: ['officer', 'xihu', 'binjiang'] },
};
