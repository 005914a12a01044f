import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import type { PiiCipher } from '../../lib/pii.js';
import { AppError } from '../../http/errors.js';
import { getApplication } from './applications.service.js';
import { reviewLevelOf } from './applications.policy.js';
import type { WorkflowAction } from './recognitions.status.js';
import { lockApplication, moveApplication } from './workflow.js';

export type ReviewDecision = 'pass' | 'return' | 'reject';

/**
 * A district officer reviews a submitted application of its district (district_pass/return/reject);
 * a city officer one the district passed (city_pass/return/reject, city_reject also later).
 * The workflow table decides what the current status allows; another district's → 404.
 */
export async function reviewApplication(opts: { db: Db; ctx: RequestContext; pii: PiiCipher; id: number; decision: ReviewDecision; comment?: string | null }) {
  const actor = opts.ctx.actor;
  if (!actor) {
    throw new AppError('unauthenticated', '请先登录');
  }
  await opts.db.transaction(async (tx) => {
    const app = await lockApplication(tx, opts.ctx, opts.id);
    const level = reviewLevelOf(actor);
    const action = `${level}_${opts.decision}` as WorkflowAction;
    await moveApplication(tx, opts.ctx, app, { action, comment: opts.comment ?? null });
  });
  return getApplication({ db: opts.db, actor, id: opts.id, pii: opts.pii });
}
