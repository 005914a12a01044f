import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { casesRepo, instrumentOf, statusName, type CaseRow } from '../cases/index.js';

/** The steps an actor may take now on a case (its role, the case's status; scope was checked by the caller). */
export function actionsFor(actor: Actor, c: CaseRow, allowed: readonly string[]) {
  const def = instrumentOf(c.instrument);
  return allowed
    .filter((a) => {
      const t = def.transitions[a];
      return t && t.from.includes(c.status) && t.roles.some((r) => actor.roles.includes(r));
    })
    .map((a) => ({ action: a, name: def.transitions[a].name, needsComment: Boolean(def.transitions[a].needsComment) }));
}

export async function eventsOf(db: Executor, c: CaseRow) {
  const def = instrumentOf(c.instrument);
  const events = await casesRepo.listEvents(db, c.id);
  return events.map((e) => ({
    action: e.action === 'create' ? '创建' : (def.transitions[e.action]?.name ?? e.action),
    actorLabel: e.actorLabel,
    comment: e.comment,
    at: e.occurredAt.toISOString(),
    toStatusName: statusName(def, e.toStatus),
  }));
}

export function caseHead(c: CaseRow) {
  const def = instrumentOf(c.instrument);
  return { id: c.id, instrument: c.instrument, instrumentName: def.name, year: c.year, status: c.status, statusName: statusName(def, c.status), next: def.statuses[c.status]?.next ?? null, dueOn: c.dueOn };
}
