import type { Entry } from './kit.js';

/**
 * Module projects (mid-term, acceptance, changes, performance). Reads: bureau readers all, a
 * district its own, an enterprise its own (probes with id 1 are hidden); steps: the city officer,
 * the enterprise's reports and change requests on its own projects (projects.test.ts walks them).
 */
export const MATRIX: Record<string, Entry> = {
  'GET /api/projects': { allow: ['officer', 'auditor', 'xihu', 'binjiang', 'enterprise'] },
  'GET /api/projects/performance': { allow: ['officer', 'auditor', 'xihu', 'binjiang', 'enterprise'] },
  'GET /api/projects/performance.xlsx': { allow: ['officer', 'auditor', 'xihu', 'binjiang', 'enterprise'] },
  'GET /api/projects/{id}': { allow: ['officer', 'auditor'] },
  'GET /api/projects/follow-ups/{id}': { allow: ['officer', 'auditor'] },
  'POST /api/projects/midterms/open': { allow: ['officer'] },
  'PUT /api/projects/midterms/{id}/report': { allow: [] },
  'POST /api/projects/midterms/{id}/conclusion': { allow: [] },
  'POST /api/projects/{id}/acceptance': { allow: [] },
  'PUT /api/projects/acceptances/{id}/report': { allow: [] },
  'POST /api/projects/acceptances/{id}/conclusion': { allow: [] },
  'POST /api/projects/acceptances/{id}/evidence': { allow: [] },
  'GET /api/projects/acceptances/{id}/evidence/{attachmentId}': { allow: [] },
  'DELETE /api/projects/acceptances/{id}/evidence/{attachmentId}': { allow: [] },
  'POST /api/projects/{id}/changes': { allow: [] },
  'POST /api/projects/changes/{id}/decision': { allow: [] },
};
