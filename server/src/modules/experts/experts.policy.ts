import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

/** The expert pool is read by bureau roles (the city officer runs it, the auditor supervises). */
export function assertCanReadPool(actor: Actor): void {
  if (!hasRole(actor, 'city_officer', 'city_admin', 'auditor')) {
    throw forbidden('无权查看专家库');
  }
}

/** Only the programme divisions' officers manage the pool (not the system administrator). */
export function assertCanManagePool(actor: Actor): void {
  if (!hasRole(actor, 'city_officer')) {
    throw forbidden('只有市科委业务处室可以维护专家库');
  }
}

export function assertCanDraw(actor: Actor): void {
  if (!hasRole(actor, 'city_officer')) {
    throw forbidden('只有市科委业务处室可以抽取评审专家');
  }
}

/** Panels (who sits, their scores and every draw) are read by the bureau: officer, admin, auditor. */
export function assertCanReadPanel(actor: Actor): void {
  if (!hasRole(actor, 'city_officer', 'city_admin', 'auditor')) {
    throw forbidden('无权查看评审专家组');
  }
}

/** The expert workspace: only users with the expert role (each sees only its own seats). */
export function assertIsExpert(actor: Actor): void {
  if (!hasRole(actor, 'expert')) {
    throw forbidden('只有评审专家可以使用评审任务');
  }
}
