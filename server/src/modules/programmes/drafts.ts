import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { actorOf, hasRole } from '../../http/context.js';
import { AppError, forbidden } from '../../http/errors.js';
import { lockCase, type CaseRow } from '../cases/index.js';
import { STATUSES, type ProjectStatus } from './instrument.js';
import { INSTRUMENT } from './programmes.repo.js';

/** Locks the enterprise's own application while it may still change it (draft or returned). */
export async function lockOwnDraft(tx: Tx, ctx: RequestContext, id: number): Promise<CaseRow> {
  const actor = actorOf(ctx);
  const c = await lockCase(tx, ctx, id, INSTRUMENT, '项目申报');
  if (!hasRole(actor, 'enterprise_user') || actor.enterpriseId !== c.enterpriseId) {
    throw forbidden('仅申报单位可修改申报书及其附件');
  }
  if (c.status !== 'draft' && c.status !== 'returned') {
    throw new AppError('invalid_state', `申报当前状态为“${STATUSES[c.status as ProjectStatus]?.name ?? c.status}”，不能修改`);
  }
  return c;
}
