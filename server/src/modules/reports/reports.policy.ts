import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

/** The city-wide annual summary is written by the bureau's officers. */
export function assertCanGenerate(actor: Actor): void {
  if (!hasRole(actor, 'city_officer')) {
    throw forbidden('只有市科委业务处室可以生成年度工作总结');
  }
}

/** Bureau readers (officers, administrators, auditors) may read and download generated summaries. */
export function assertCanRead(actor: Actor): void {
  if (!hasRole(actor, 'city_officer', 'city_admin', 'auditor')) {
    throw forbidden('无权查看年度工作总结');
  }
}
