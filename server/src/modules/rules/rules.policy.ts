import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

/** Self-assessment and reading the rules are public; changing rule sets and criteria is for the bureau. */
export function assertCanEditRules(actor: Actor): void {
  if (!hasRole(actor, 'city_officer', 'city_admin')) {
    throw forbidden('只有市科技局业务处室可以修改认定规则和条件');
  }
}
