import { CITY_READERS, DISTRICT_AND_UP, type Entry, type Role } from './kit.js';

const READERS: Role[] = [...DISTRICT_AND_UP, 'enterprise'];

/**
 * The programmes instrument: calls are public; the bureau runs programmes, calls, the formal check,
 * moderation and contracts; districts recommend their own; enterprises apply for themselves;
 * experts read the duplicate-funding check of cases on their panel (and score in their workspace).
 */
export const MATRIX: Record<string, Entry> = {
  'GET /api/programmes': { allow: 'all' },
  'POST /api/programmes': { allow: ['officer'] },
  'GET /api/programmes/{id}': { allow: 'all' },
  'POST /api/programmes/{id}/years': { allow: ['officer'] },
  'GET /api/programme-calls': { public: true, allow: 'all' },
  'GET /api/programme-calls/{id}': { public: true, allow: 'all' },
  'POST /api/programme-calls': { allow: ['officer'] },
  'POST /api/programme-calls/{id}/invitations': { allow: ['officer'] },
  'GET /api/programme-calls/{id}/ranking': { allow: CITY_READERS },
  'GET /api/project-applications': { allow: READERS },
  'POST /api/project-applications': { allow: ['enterprise'] },
  'GET /api/project-applications/{id}': { allow: READERS },
  'PUT /api/project-applications/{id}': { allow: ['enterprise'] },
  'DELETE /api/project-applications/{id}': { allow: ['enterprise'] },
  'POST /api/project-applications/{id}/submit': { allow: ['enterprise'] },
  'POST /api/project-applications/{id}/review': { allow: ['officer', 'xihu', 'binjiang'] },
  'POST /api/project-applications/{id}/moderation': { allow: ['officer'] },
  'GET /api/project-applications/{id}/duplicates': { allow: [...DISTRICT_AND_UP, 'expert'] },
  'POST /api/project-applications/{id}/attachments': { allow: ['enterprise'] },
  'GET /api/project-applications/{id}/attachments/{attachmentId}': { allow: READERS },
  'DELETE /api/project-applications/{id}/attachments/{attachmentId}': { allow: ['enterprise'] },
  'GET /api/project-applications/{id}/contract.docx': { allow: READERS },
  'POST /api/project-applications/{id}/contract': { allow: ['officer'] },
  'GET /api/project-applications/{id}/tranches': { allow: READERS },
};
