import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

/**
 * Self-assessment and reading the rules are public; changing rule sets and criteria is business of
 * the bureau's office (city_officer). The admin administers people and reference data, never the rules
 * by which applications are judged (separation of duties).
 */
export function assertCanEditRules(actor: Actor): void {
  if (!hasRole(actor, 'city_officer')) {
    throw forbidden('只有市科技局业务处室可以修改认定规则和条件');
  }
}
