import type { Entry } from './kit.js';

/**
 * The expert workspace's case materials: only an expert, on its own live seat after declaring no
 * conflict (the seat rules are exercised in experts/panel.materials.test.ts).
 */
export const MATRIX: Record<string, Entry> = {
  'GET /api/expert/assignments/{memberId}/materials/{attachmentId}': { allow: ['expert'] },
};
