import type { Executor } from '../../db/client.js';
import { hasRole, type Actor } from '../../http/context.js';
import { listEvents } from './cases.repo.js';
import { instrumentOf, statusName, type InstrumentDef } from './instruments.js';

/** What a case's history shows: each event with its action's Chinese name and the status it led to. */
export async function caseEventsView(db: Executor, c: { id: number; instrument: string }) {
  const def = instrumentOf(c.instrument);
  const events = await listEvents(db, c.id);
  return events.map((e) => ({
    action: e.action,
    actionName: e.action === 'create' ? '创建申请' : (def.transitions[e.action]?.name ?? e.action),
    actorLabel: e.actorLabel,
    comment: e.comment,
    createdAt: e.occurredAt.toISOString(),
    toStatusName: statusName(def, e.toStatus),
  }));
}

export interface CaseActionsOptions {
  /** only these actions (a page that offers a part of the workflow) */
  only?: readonly string[];
  /** never these (steps taken elsewhere, e.g. by a dedicated form) */
  hide?: readonly string[];
}

/**
 * The steps an actor may take now on a case: by its roles and the case's status, an applicant's steps
 * only on its own case, system steps never. Scope was checked by the caller.
 */
export function caseActions(actor: Actor, def: InstrumentDef, c: { status: string; enterpriseId: number | null }, opts: CaseActionsOptions = {}) {
  const own = hasRole(actor, 'enterprise_user') && actor.enterpriseId === c.enterpriseId;
  return Object.entries(def.transitions)
    .filter(([a]) => (!opts.only || opts.only.includes(a)) && !opts.hide?.includes(a))
    .filter(([, t]) => !t.bySystem && t.from.includes(c.status) && t.roles.some((r) => actor.roles.includes(r)))
    .filter(([, t]) => !t.roles.includes('enterprise_user') || own)
    .map(([action, t]) => ({ action, name: t.name, needsComment: Boolean(t.needsComment) }));
}
