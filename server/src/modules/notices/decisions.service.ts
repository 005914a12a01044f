import type { Db, Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { issueRecognition, validityYearsOf } from '../recognitions/register.js';
import { STATUS_NAMES } from '../recognitions/recognitions.status.js';
import { lockApplication, moveApplication, type ApplicationRow } from '../recognitions/workflow.js';
import { noticesClock, noticesToday } from './notices.clock.js';
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

/** Approve: issue the certificate and close the application, in the caller's transaction. */
async function approveOne(tx: Tx, ctx: RequestContext, app: ApplicationRow, today: string) {
  const recognition = await issueRecognition(tx, ctx, {
    type: app.type,
    enterpriseId: app.enterpriseId,
    districtId: app.districtId,
    applicationId: app.id,
    issuedOn: today,
    validityYears: await validityYearsOf(tx, app.type, today),
  });
  const moved = await moveApplication(tx, ctx, app, { action: 'approve', set: { decidedAt: noticesClock.now() } });
  return { moved, recognition };
}

/**
 * The decision on an application after its notice (city officer): not before the day after the
 * notice's end, not while an objection on it is open; an upheld objection leaves only a decline.
 */
export async function decideApplication(opts: { db: Db; ctx: RequestContext; applicationId: number; approve: boolean; comment?: string | null }) {
  officerOf(opts.ctx);
  const today = noticesToday();
  return opts.db.transaction(async (tx) => {
    const app = await lockApplication(tx, opts.ctx, opts.applicationId);
    if (app.status !== 'in_notice' || app.noticeId === null) {
      throw new AppError('invalid_state', `申报当前状态为“${STATUS_NAMES[app.status]}”，不在公示中，不能作出认定决定`);
    }
    const notice = await repo.findNotice(tx, app.noticeId);
    const item = notice ? await repo.itemOfApplication(tx, notice.id, app.id) : null;
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
      const moved = await moveApplication(tx, opts.ctx, app, { action: 'decline', comment: opts.comment, set: { decidedAt: noticesClock.now() } });
      return { applicationId: app.id, status: moved.status, recognition: null };
    }
    if ((counts?.upheld ?? 0) > 0) {
      throw new AppError('invalid_state', DECLINE_ONLY);
    }
    const { moved, recognition } = await approveOne(tx, opts.ctx, app, today);
    return {
      applicationId: app.id,
      status: moved.status,
      recognition: { id: recognition.id, certificateNo: recognition.certificateNo, issuedOn: recognition.issuedOn, validUntil: recognition.validUntil },
    };
  });
}

/**
 * Approves every item of a closed notice that can be decided (in notice, no open or upheld
 * objection) in one transaction, and lists the others with the reason they were skipped.
 */
export async function approveAll(opts: { db: Db; ctx: RequestContext; noticeId: number }) {
  officerOf(opts.ctx);
  const today = noticesToday();
  const notice = await repo.findNotice(opts.db, opts.noticeId);
  if (!notice) {
    throw notFound('公示');
  }
  if (today <= notice.endsOn) {
    throw new AppError('notice_open', `公示期至 ${notice.endsOn} 24:00 结束，期满后方可作出认定决定`);
  }
  return opts.db.transaction(async (tx) => {
    const items = await repo.listItems(tx, notice.id);
    const approved: { applicationId: number; certificateNo: string }[] = [];
    const skipped: { applicationId: number; reason: string }[] = [];
    // Lock every application first, in id order (as publication does): the audit chain and the
    // certificate serial are taken by the first approval, so locking more applications after it
    // could deadlock with a single decision holding one of them and waiting for those locks.
    const ordered = [...items].sort((a, b) => a.refId - b.refId);
    const locked = [];
    for (const item of ordered) {
      locked.push({ item, app: await lockApplication(tx, opts.ctx, item.refId) });
    }
    for (const { item, app } of locked) {
      const counts = (await repo.objectionCounts(tx, [item.id])).get(item.id);
      const { blockedReason, declineOnly } = blockOf(notice, app, counts, today);
      if (blockedReason || declineOnly || app.noticeId !== notice.id) {
        skipped.push({ applicationId: app.id, reason: blockedReason ?? (declineOnly ? DECLINE_ONLY : '申报已不在本公示中') });
        continue;
      }
      const { recognition } = await approveOne(tx, opts.ctx, app, today);
      approved.push({ applicationId: app.id, certificateNo: recognition.certificateNo });
    }
    await recordAudit(tx, opts.ctx, { action: 'notice.approve_all', objectType: 'public_notice', objectId: notice.id, after: { approved, skipped } });
    return { approved, skipped };
  });
}
