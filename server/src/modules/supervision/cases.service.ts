import { and, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { cases } from '../../db/schema/index.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { businessToday } from '../../lib/clock.js';
import { assertCaseInScope, casesRepo, instrumentOf, lockCase, moveCase, statusName, typeName } from '../cases/index.js';
import { revokeInTransaction, TYPE_NAMES } from '../recognitions/index.js';
import { INSTRUMENT } from './instrument.js';
import * as repo from './supervision.repo.js';
import type { caseActionBody } from './supervision.schema.js';

function scopeOf(actor: Actor): SQL | undefined {
  if (hasRole(actor, 'city_officer', 'city_admin', 'auditor')) {
    return undefined;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return eq(cases.districtId, actor.districtId);
  }
  if (hasRole(actor, 'enterprise_user') && actor.enterpriseId !== null) {
    return eq(cases.enterpriseId, actor.enterpriseId);
  }
  throw forbidden('无权查看监管案件');
}

function presentRow(r: Awaited<ReturnType<typeof repo.listCases>>[number]) {
  const def = instrumentOf(INSTRUMENT);
  return {
    ...r,
    enterpriseId: r.enterpriseId!,
    typeName: typeName(def, r.type),
    statusName: statusName(def, r.status),
    nextStep: def.statuses[r.status]?.next ?? null,
    recognitionTypeName: TYPE_NAMES[r.recognitionType],
  };
}

export async function listCases(opts: { db: Db; actor: Actor; query: { status?: string } }) {
  const where = and(scopeOf(opts.actor), opts.query.status ? eq(cases.status, opts.query.status) : undefined);
  return { items: (await repo.listCases(opts.db, where)).map(presentRow) };
}

export async function getCase(opts: { db: Db; ctx: RequestContext; id: number }) {
  const actor = opts.ctx.actor!;
  const c = await casesRepo.findCase(opts.db, opts.id);
  if (!c || c.instrument !== INSTRUMENT) {
    throw notFound('监管案件');
  }
  assertCaseInScope(opts.ctx, c, '监管案件');
  const [row] = await repo.listCases(opts.db, eq(cases.id, c.id));
  const def = instrumentOf(INSTRUMENT);
  const events = await repo.eventsOf(opts.db, c.id);
  const actions = Object.entries(def.transitions)
    .filter(([, t]) => t.from.includes(c.status) && t.roles.some((r) => actor.roles.includes(r)))
    .map(([action, t]) => ({ action, name: t.name, needsComment: !!t.needsComment }));
  return {
    ...presentRow(row),
    events: events.map((e) => ({ action: e.action, actionName: e.action === 'create' ? '立案' : (def.transitions[e.action]?.name ?? e.action), toStatusName: statusName(def, e.toStatus), comment: e.comment, actorLabel: e.actorLabel, at: e.occurredAt.toISOString() })),
    actions,
  };
}

/** One step of a supervision case: the enterprise's report, the bureau's review, the revocation (through the recognitions module) or its dropping. */
export async function actOnCase(opts: { db: Db; ctx: RequestContext; id: number; input: z.infer<typeof caseActionBody> }) {
  const { action, comment, report, effectiveOn } = opts.input;
  await opts.db.transaction(async (tx) => {
    const c = await lockCase(tx, opts.ctx, opts.id, INSTRUMENT, '监管案件');
    const d = (await repo.findCaseDetail(tx, c.id))!;
    if (action === 'submit_report') {
      if (!report) {
        throw fieldError('report', '请填写整改报告');
      }
      const moved = await moveCase(tx, opts.ctx, c, { action, comment: comment ?? null });
      await repo.updateCaseDetail(tx, moved.id, { report });
      return;
    }
    if (action === 'revoke') {
      const on = effectiveOn ?? businessToday();
      if (!opts.ctx.actor || !hasRole(opts.ctx.actor, 'city_officer')) {
        throw forbidden('无权撤销认定');
      }
      if (c.status !== 'revocation_proposed') {
        throw new AppError('invalid_state', `案件当前状态为“${statusName(instrumentOf(INSTRUMENT), c.status)}”，不能撤销认定`);
      }
      await revokeInTransaction(tx, opts.ctx, d.recognitionId, { reason: `认定后抽查：${d.finding}${comment ? `。${comment}` : ''}`.slice(0, 500), effectiveOn: on });
      await repo.updateCaseDetail(tx, c.id, { revokedOn: on });
      await moveCase(tx, opts.ctx, c, { action, comment: `撤销自 ${on} 起生效${comment ? `。${comment}` : ''}` });
      return;
    }
    await moveCase(tx, opts.ctx, c, { action, comment: comment ?? null });
  });
  return getCase(opts);
}
