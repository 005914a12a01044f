import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { businessToday } from '../../lib/clock.js';
import { recordAudit } from '../audit/index.js';
import { addWorkingDays } from '../calendar/index.js';
import { appendTimeline } from '../timeline/index.js';
import * as repo from './cases.repo.js';
import { instrumentOf, statusName, typeName, type CaseRow, type InstrumentDef } from './instruments.js';

/**
 * Whether the actor may act on this case at all: bureau roles everywhere, a district officer in
 * its district, an enterprise user on its own enterprise's case, an organisation's user on its
 * organisation's case; an expert only through its panel (checked by the experts module).
 */
export function assertCaseInScope(ctx: RequestContext, c: Pick<CaseRow, 'districtId' | 'enterpriseId' | 'organizationId'>, what = '申报'): void {
  const actor = ctx.actor;
  if (!actor) {
    if (ctx.system) {
      return;
    }
    throw new AppError('unauthenticated', '请先登录');
  }
  if (hasRole(actor, 'city_officer', 'city_admin', 'auditor', 'expert')) {
    return;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null && actor.districtId === c.districtId) {
    return;
  }
  if (hasRole(actor, 'enterprise_user') && actor.enterpriseId !== null && actor.enterpriseId === c.enterpriseId) {
    return;
  }
  if (c.organizationId !== null && actor.organizationId === c.organizationId) {
    return;
  }
  throw notFound(what);
}

/** Reads a case for update (row lock) within the transaction, scope-checked; `instrument` refuses another instrument's id. */
export async function lockCase(tx: Tx, ctx: RequestContext, id: number, instrument?: string, what = '申报'): Promise<CaseRow> {
  const row = await repo.findCase(tx, id, true);
  if (!row || (instrument !== undefined && row.instrument !== instrument)) {
    throw notFound(what);
  }
  assertCaseInScope(ctx, row, what);
  return row;
}

export interface MoveCaseOptions {
  action: string;
  comment?: string | null;
  /** extra case columns to set with the status (noticeId, panelScore, decidedAt, submittedAt) */
  set?: Partial<Pick<CaseRow, 'noticeId' | 'panelScore' | 'decidedAt' | 'submittedAt'>>;
  /** overrides the step deadline (a notice sets its end date) */
  dueOn?: string | null;
  /** the system takes the step on behalf of no one (the last expert score) */
  bySystem?: boolean;
}

function actorLabelOf(ctx: RequestContext, def: InstrumentDef, opts: MoveCaseOptions): string {
  if (opts.bySystem) {
    return def.transitions[opts.action]?.systemLabel ?? '系统';
  }
  return ctx.actor ? `${ctx.actor.displayName}（${ctx.actor.organizationName}）` : '系统';
}

/**
 * Moves a case along its instrument's workflow: checks the actor's role and scope, the current
 * status and the comment rule, sets the next deadline in working days from the calendar, and
 * writes the case event, the audit row and the enterprise timeline entry — all in the caller's
 * transaction. Call lockCase first (the update is conditional on the status it read).
 */
export async function moveCase(tx: Tx, ctx: RequestContext, c: CaseRow, opts: MoveCaseOptions): Promise<CaseRow> {
  const def = instrumentOf(c.instrument);
  const t = def.transitions[opts.action];
  if (!t) {
    throw new AppError('invalid_state', `“${def.name}”没有“${opts.action}”这一步`);
  }
  if (!opts.bySystem && !ctx.system) {
    if (!ctx.actor || !t.roles.some((r) => ctx.actor!.roles.includes(r))) {
      throw forbidden(`无权执行“${t.name}”`);
    }
    assertCaseInScope(ctx, c);
  }
  if (!t.from.includes(c.status)) {
    throw new AppError('invalid_state', `申报当前状态为“${statusName(def, c.status)}”，不能${t.name}`);
  }
  const comment = opts.comment?.trim() || null;
  if (t.needsComment && !comment) {
    throw fieldError('comment', '请填写审核意见（退回或不通过须说明理由）');
  }
  const days = def.statuses[t.to]?.stepDays;
  const dueOn = opts.dueOn !== undefined ? opts.dueOn : days ? await addWorkingDays(businessToday(), days, tx) : null;
  const updated = await repo.updateStatus(tx, c.id, c.status, { ...opts.set, status: t.to, dueOn });
  if (!updated) {
    throw new AppError('version_conflict', '申报状态已被他人更新，请刷新后重试');
  }
  await repo.insertEvent(tx, {
    caseId: c.id,
    action: opts.action,
    fromStatus: c.status,
    toStatus: t.to,
    comment,
    actorId: opts.bySystem ? null : (ctx.actor?.userId ?? null),
    actorLabel: actorLabelOf(ctx, def, opts),
    dueOn,
  });
  await recordAudit(tx, ctx, {
    action: `${def.objectType}.${opts.action}`,
    objectType: def.objectType,
    objectId: c.id,
    before: { status: c.status },
    after: { status: t.to, comment, dueOn },
  });
  if (c.enterpriseId !== null) {
    await appendTimeline(tx, [
      { enterpriseId: c.enterpriseId, module: def.code, kind: opts.action, title: `${typeName(def, c.type)}申报：${t.name}`, refType: def.objectType, refId: c.id },
    ]);
  }
  return updated;
}

export interface OpenCaseInput {
  instrument: string;
  type: string;
  year: number;
  title: string;
  callId?: number | null;
  enterpriseId?: number | null;
  organizationId?: number | null;
  districtId?: number | null;
}

/**
 * Opens a case in its instrument's initial status (the applicant's draft), with its first event.
 * The instrument inserts its detail row keyed by the returned id in the same transaction.
 */
export async function openCase(tx: Tx, ctx: RequestContext, input: OpenCaseInput): Promise<CaseRow> {
  const def = instrumentOf(input.instrument);
  if (!def.types[input.type]) {
    throw fieldError('type', `“${def.name}”没有这一类别：${input.type}`);
  }
  let row: CaseRow;
  try {
    row = await tx.transaction(async (sp) =>
      repo.insertCase(sp, {
        instrument: def.code,
        type: input.type,
        year: input.year,
        title: input.title,
        callId: input.callId ?? null,
        enterpriseId: input.enterpriseId ?? null,
        organizationId: input.organizationId ?? null,
        districtId: input.districtId ?? null,
        status: def.initialStatus,
        createdBy: ctx.actor?.userId ?? null,
      }),
    );
  } catch (err) {
    const code = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
    if (code === '23505') {
      throw new AppError('conflict', '本批次已有一份进行中的申报，请在原申报上继续', { fields: [{ field: 'callId', message: '本批次已有进行中的申报' }] });
    }
    throw err;
  }
  await repo.insertEvent(tx, {
    caseId: row.id,
    action: 'create',
    fromStatus: null,
    toStatus: row.status,
    comment: null,
    actorId: ctx.actor?.userId ?? null,
    actorLabel: ctx.actor ? `${ctx.actor.displayName}（${ctx.actor.organizationName}）` : '系统',
    dueOn: null,
  });
  return row;
}
