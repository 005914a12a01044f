import { DISTRICT_AND_UP, type Entry } from './kit.js';

/** "Recommend, then record" (recognitions): bureau and districts read, the city officer batches and records. */
export const MATRIX: Record<string, Entry> = {
  'GET /api/recognition-recommendations': { allow: DISTRICT_AND_UP },
  'GET /api/recognition-batches': { allow: DISTRICT_AND_UP },
  'POST /api/recognition-batches': { allow: ['officer'] },
  'GET /api/recognition-batches/{id}/list.xlsx': { allow: DISTRICT_AND_UP },
  'POST /api/recognition-applications/{id}/upper-result': { allow: ['officer'] },
};
