import type { Entry } from './kit.js';

/**
 * 雏鹰/青蓝 loan interest subsidy: the calculator and its parameters are public; an enterprise
 * applies and reports its performance; districts and the city review and grade; the auditor reads.
 * (The step-by-step roles and scopes are exercised in subsidies.http.test.ts.)
 */
export const MATRIX: Record<string, Entry> = {
  'POST /api/finance/interest-subsidy/evaluate': { public: true, allow: 'all' },
  'GET /api/finance/interest-subsidy/params': { public: true, allow: 'all' },
  'GET /api/interest-subsidies': { allow: ['admin', 'officer', 'auditor', 'xihu', 'binjiang', 'enterprise'] },
  'POST /api/interest-subsidies': { allow: ['enterprise'] },
  'GET /api/interest-subsidies/{id}': { allow: ['admin', 'officer', 'auditor', 'xihu', 'binjiang', 'enterprise'] },
  'PUT /api/interest-subsidies/{id}': { allow: ['enterprise'] },
  'POST /api/interest-subsidies/{id}/actions': { allow: ['enterprise', 'xihu', 'binjiang', 'officer'] },
  'POST /api/interest-subsidies/{id}/attachments/{code}': { allow: ['enterprise'] },
  'GET /api/interest-subsidies/{id}/attachments/{attachmentId}': { allow: ['admin', 'officer', 'auditor', 'xihu', 'binjiang', 'enterprise'] },
  'GET /api/performance-assessments': { allow: ['admin', 'officer', 'auditor', 'xihu', 'binjiang', 'enterprise'] },
  'POST /api/performance-assessments': { allow: ['enterprise'] },
  'POST /api/performance-assessments/{id}/grade': { allow: ['officer', 'xihu', 'binjiang'] },
};
