import type { Entry } from './kit.js';

/** The policy library: the public reads and searches; the city officer manages. */
export const MATRIX: Record<string, Entry> = {
  'GET /api/policies': { public: true, allow: 'all' },
  'GET /api/policies/cited': { public: true, allow: 'all' },
  'GET /api/policies/{id}': { public: true, allow: 'all' },
  'GET /api/policies/{id}/file': { public: true, allow: 'all' },
  'POST /api/policies': { allow: ['officer'] },
  'PATCH /api/policies/{id}': { allow: ['officer'] },
  'POST /api/policies/{id}/file': { allow: ['officer'] },
  'POST /api/policies/{id}/citations': { allow: ['officer'] },
  'DELETE /api/policies/{id}/citations/{objectType}/{objectId}': { allow: ['officer'] },
};
