import type { Entry } from './kit.js';

const READERS = ['admin', 'officer', 'auditor', 'xihu', 'binjiang', 'enterprise'] as const;

/**
 * Bridge loans and guarantees: an enterprise applies for its own; its district and the city review;
 * the city approves, lends, records repayment, default and compensation; the auditor reads.
 * (Steps, scopes and the pools are exercised in loans.http.test.ts.)
 */
export const MATRIX: Record<string, Entry> = {
  'GET /api/bridge-loans': { allow: READERS },
  'POST /api/bridge-loans': { allow: ['enterprise'] },
  'GET /api/bridge-loans/pool': { allow: ['admin', 'officer', 'auditor', 'xihu', 'binjiang'] },
  'GET /api/bridge-loans/{id}': { allow: READERS },
  'POST /api/bridge-loans/{id}/actions': { allow: ['enterprise', 'xihu', 'binjiang', 'officer'] },
  'GET /api/guarantees': { allow: READERS },
  'POST /api/guarantees': { allow: ['enterprise'] },
  'GET /api/guarantees/pool': { allow: ['admin', 'officer', 'auditor', 'xihu', 'binjiang'] },
  'GET /api/guarantees/{id}': { allow: READERS },
  'POST /api/guarantees/{id}/actions': { allow: ['enterprise', 'xihu', 'binjiang', 'officer'] },
};
