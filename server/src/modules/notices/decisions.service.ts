import type { Db, Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { businessNow, businessToday } from '../../lib/clock.js';
import { recordAudit } from '../audit/index.js';
import { instrumentOf, lockCase, moveCase, statusName, type CaseRow, type DecisionOutcome } from '../cases/index.js';
import { assertCanManageNotices } from './notices.policy.js';
import * as repo from './notices.repo.js';
import { blockOf } from './notices.service.js';

const DECLINE_ONLY = '该申报的公示异议经核查成立，只能作出不予认定决定';

function officerOf(ctx: RequestContext) {
  if (!ctx.actor) {
    throw new AppError('unauthenticated', '请先登录');
  }
  assertCanManageNotices(ctx.actor, '作出认定决定');
  return ctx.actor;
}

function noticeOf(c: CaseRow) {
  const def = instrumentOf(c.instrument);
  if (!def.notice) {
    throw new AppError('invalid_state', `${def.name}不设公示环节`);
  }
  return { def, notice: def.notice };
}

/** Approve: the instrument's decision hook (issue the certificate…), then the case closes, in the caller's transaction. */
async function approveOne(tx: Tx, ctx: RequestContext, c: CaseRow, today: string): Promise<{ moved: CaseRow; outcome: DecisionOutcome | null }> {
  const { def, notice } = noticeOf(c);
  const outcome = def.onDecision ? await def.onDecision(tx, ctx, c, { today }) : null;
  const moved = await moveCase(tx, ctx, c, { action: outcome?.action ?? notice.approveAction, set: { decidedAt: businessNow() } });
  return { moved, outcome };
}

/**
 * The decision on a case after its notice (city officer): not before the day after the notice's
 * end, not while an objection on it is open; an upheld objection leaves only a decline.
 */
export async function decideCase(opts: { db: Db; ctx: RequestContext; caseId: number; instrument?: string; approve: boolean; comment?: string | null }) {
  officerOf(opts.ctx);
  const today = businessToday();
  return opts.db.transaction(async (tx) => {
    const c = await lockCase(tx, opts.ctx, opts.caseId, opts.instrument);
    const { def, notice: config } = noticeOf(c);
    const inNotice = def.transitions[config.approveAction]?.from.includes(c.status);
    if (!inNotice || c.noticeId === null) {
      throw new AppError('invalid_state', `申报当前状态为“${statusName(def, c.status)}”，不在公示中，不能作出认定决定`);
    }
    const notice = await repo.findNotice(tx, c.noticeId);
    const item = notice ? await repo.itemOfCase(tx, notice.id, c.id) : null;
    if (!notice || !item) {
      throw notFound('公示');
    }
    const counts = (await repo.objectionCounts(tx, [item.id])).get(item.id);
    if (today <= notice.endsOn) {
      throw new AppError('notice_open', `公示期至 ${notice.endsOn} 24:00 结束，期满后方可作出认定决定`);
    }
    if ((counts?.open ?? 0) > 0) {
      throw new AppError('objection_open', '该申报有未处理的实名异议，须先核查处理后再作决定');
    }
    if (!opts.approve) {
      if (!opts.comment?.trim()) {
        throw fieldError('comment', '不予认定须说明理由');
      }
      const moved = await moveCase(tx, opts.ctx, c, { action: config.declineAction, comment: opts.comment, set: { decidedAt: businessNow() } });
      return { applicationId: c.id, status: moved.status, recognition: null };
    }
    if ((counts?.upheld ?? 0) > 0) {
      throw new AppError('invalid_state', DECLINE_ONLY);
    }
    const { moved, outcome } = await approveOne(tx, opts.ctx, c, today);
    return { applicationId: c.id, status: moved.status, recognition: (outcome?.detail.recognition as never) ?? null, outcome: outcome?.detail ?? null };
  });
}

/**
 * Approves every item of a closed notice that can be decided (in notice, no open or upheld
 * objection) in one transaction, and lists the others with the reason they were skipped.
 */
export async function approveAll(opts: { db: Db; ctx: RequestContext; noticeId: number }) {
  officerOf(opts.ctx);
  const today = businessToday();
  const notice = await repo.findNotice(opts.db, opts.noticeId);
  if (!notice) {
    throw notFound('公示');
  }
  if (today <= notice.endsOn) {
    throw new AppError('notice_open', `公示期至 ${notice.endsOn} 24:00 结束，期满后方可作出认定决定`);
  }
  return opts.db.transaction(async (tx) => {
    const items = await repo.listItems(tx, notice.id);
    const approved: { applicationId: number; certificateNo: string | null }[] = [];
    const skipped: { applicationId: number; reason: string }[] = [];
    // Lock every case first, in id order (as publication does): the audit chain and the
    // certificate serial are taken by the first approval, so locking more cases after it could
    // deadlock with a single decision holding one of them and waiting for those locks.
    const ordered = [...items].sort((a, b) => a.caseId - b.caseId);
    const locked = [];
    for (const item of ordered) {
      locked.push({ item, c: await lockCase(tx, opts.ctx, item.caseId) });
    }
    for (const { item, c } of locked) {
      const counts = (await repo.objectionCounts(tx, [item.id])).get(item.id);
      const { blockedReason, declineOnly } = blockOf(notice, c, counts, today);
      if (blockedReason || declineOnly || c.noticeId !== notice.id) {
        skipped.push({ applicationId: c.id, reason: blockedReason ?? (declineOnly ? DECLINE_ONLY : '申报已不在本公示中') });
        continue;
      }
      const { outcome } = await approveOne(tx, opts.ctx, c, today);
      approved.push({ applicationId: c.id, certificateNo: outcome?.reference ?? null });
    }
    await recordAudit(tx, opts.ctx, { action: 'notice.approve_all', objectType: 'public_notice', objectId: notice.id, after: { approved, skipped } });
    return { approved, skipped };
  });
}
