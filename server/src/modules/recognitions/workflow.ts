import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { applicationEvents, recognitionApplications, type ApplicationStatus } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { addWorkingDays } from '../calendar/index.js';
import { chinaToday } from '../rules/rules.service.js';
import { appendTimeline } from '../timeline/index.js';
import { ACTION_NAMES, STATUS_NAMES, STEP_WORKING_DAYS, TRANSITIONS, TYPE_NAMES, type WorkflowAction } from './recognitions.status.js';

export type ApplicationRow = typeof recognitionApplications.$inferSelect;

/**
 * Whether the actor may act on this application at all: bureau roles everywhere, a district
 * officer in its district, an enterprise user on its own, an expert only through its panel
 * (checked by the experts service, not here).
 */
export function assertInScope(ctx: RequestContext, app: Pick<ApplicationRow, 'districtId' | 'enterpriseId'>): void {
  const actor = ctx.actor;
  if (!actor) {
    if (ctx.system) {
      return;
    }
    throw new AppError('unauthenticated', '请先登录');
  }
  if (hasRole(actor, 'city_officer', 'city_admin', 'auditor')) {
    return;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId === app.districtId) {
    return;
  }
  if (hasRole(actor, 'enterprise_user') && actor.enterpriseId === app.enterpriseId) {
    return;
  }
  if (hasRole(actor, 'expert')) {
    return;
  }
  throw notFound('申报');
}

/** Reads an application for update (row lock) within the transaction, scope-checked. */
export async function lockApplication(tx: Tx, ctx: RequestContext, id: number): Promise<ApplicationRow> {
  const [row] = await tx.select().from(recognitionApplications).where(eq(recognitionApplications.id, id)).for('update');
  if (!row) {
    throw notFound('申报');
  }
  assertInScope(ctx, row);
  return row;
}

export interface MoveOptions {
  action: WorkflowAction;
  comment?: string | null;
  /** extra columns to set with the status (noticeId, panelScore, decidedAt…) */
  set?: Partial<Pick<ApplicationRow, 'noticeId' | 'panelScore' | 'decidedAt' | 'assessment' | 'applicationDate' | 'submittedAt'>>;
  /** overrides the step deadline (a notice sets its end date) */
  dueOn?: string | null;
  /** the system takes a step on behalf of no one (the last expert score) */
  bySystem?: boolean;
}

/**
 * Moves an application along the workflow (recognitions.status.ts TRANSITIONS): checks the
 * actor's role and scope and the current status, sets the next deadline in working days, and
 * writes the event, the audit row and the enterprise timeline entry, all in the caller's
 * transaction. Call lockApplication first.
 */
export async function moveApplication(tx: Tx, ctx: RequestContext, app: ApplicationRow, opts: MoveOptions): Promise<ApplicationRow> {
  const t = TRANSITIONS[opts.action];
  if (!opts.bySystem && !ctx.system) {
    if (!ctx.actor || !t.roles.some((r) => ctx.actor!.roles.includes(r))) {
      throw forbidden(`无权执行“${ACTION_NAMES[opts.action]}”`);
    }
    assertInScope(ctx, app);
  }
  if (!t.from.includes(app.status)) {
    throw new AppError('invalid_state', `申报当前状态为“${STATUS_NAMES[app.status]}”，不能${ACTION_NAMES[opts.action]}`);
  }
  const comment = opts.comment?.trim() || null;
  if (t.needsComment && !comment) {
    throw fieldError('comment', '请填写审核意见（退回或不通过须说明理由）');
  }
  const days = STEP_WORKING_DAYS[t.to];
  const dueOn = opts.dueOn !== undefined ? opts.dueOn : days ? await addWorkingDays(chinaToday(), days, tx) : null;
  const [updated] = await tx
    .update(recognitionApplications)
    .set({ ...opts.set, status: t.to, dueOn, version: sql`${recognitionApplications.version} + 1`, updatedAt: new Date() })
    .where(and(eq(recognitionApplications.id, app.id), eq(recognitionApplications.status, app.status as ApplicationStatus)))
    .returning();
  if (!updated) {
    throw new AppError('version_conflict', '申报状态已被他人更新，请刷新后重试');
  }
  // a step the system takes (the panel's mean after the last score) is signed by no person: experts stay anonymous to the applicant
  const actorLabel = opts.bySystem ? (opts.action === 'panel_scored' ? '评审专家组' : '系统') : ctx.actor ? `${ctx.actor.displayName}（${ctx.actor.organizationName}）` : '系统';
  await tx.insert(applicationEvents).values({
    applicationId: app.id,
    action: opts.action,
    fromStatus: app.status,
    toStatus: t.to,
    comment,
    actorId: opts.bySystem ? null : (ctx.actor?.userId ?? null),
    actorLabel,
    dueOn,
  });
  await recordAudit(tx, ctx, {
    action: `recognition_application.${opts.action}`,
    objectType: 'recognition_application',
    objectId: app.id,
    before: { status: app.status },
    after: { status: t.to, comment, dueOn },
  });
  await appendTimeline(tx, [
    {
      enterpriseId: app.enterpriseId,
      module: 'recognitions',
      kind: opts.action,
      title: `${TYPE_NAMES[app.type]}申报：${ACTION_NAMES[opts.action]}`,
      refType: 'recognition_application',
      refId: app.id,
    },
  ]);
  return updated;
}
