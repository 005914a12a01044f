import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

/** Reading the calendar is public; loading or editing a year's arrangement is for the system administrator. */
export function assertCanEditCalendar(actor: Actor): void {
  if (!hasRole(actor, 'city_admin')) {
    throw forbidden('只有系统管理员可以维护节假日安排');
  }
}
