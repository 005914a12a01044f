import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

/** Bureau-wide readers see every district; a district officer sees its own. */
export const isCityReader = (actor: Actor) => hasRole(actor, 'city_officer', 'city_admin', 'auditor');

/**
 * The district an actor's indicator view is limited to: undefined = the city (and any district it
 * asks for), a number = that district only. Asking for another district is refused, not widened.
 */
export function indicatorScope(actor: Actor, requested: number | undefined): number | undefined {
  if (isCityReader(actor)) {
    return requested;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    if (requested !== undefined && requested !== actor.districtId) {
      throw forbidden('区县科技局只能查看本区县的指标');
    }
    return actor.districtId;
  }
  throw forbidden('无权查看统计指标');
}

/** Reported statistics and targets are entered and imported by the bureau's officers. */
export function assertCanManage(actor: Actor): void {
  if (!hasRole(actor, 'city_officer')) {
    throw forbidden('只有市科委业务处室可以导入统计数据和设定目标');
  }
}
