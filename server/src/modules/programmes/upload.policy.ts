import type { Db } from '../../db/client.js';
import { actorOf, hasRole, type RequestContext } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { assertCaseInScope, casesRepo } from '../cases/index.js';
import { lockOwnDraft } from './drafts.js';
import { INSTRUMENT } from './programmes.repo.js';

/*
 * The checks of the two uploads (application attachments, the signed contract), made before a
 * byte of the file is read. The services check again under the case's lock when they store it.
 */

/** The applicant's own application, in draft or returned for changes. */
export async function assertCanAttach(db: Db, ctx: RequestContext, id: number): Promise<void> {
  await db.transaction((tx) => lockOwnDraft(tx, ctx, id));
}

/** A city officer, and a project approved and waiting for its contract. */
export async function assertCanSignContract(db: Db, ctx: RequestContext, id: number): Promise<void> {
  if (!hasRole(actorOf(ctx), 'city_officer')) {
    throw forbidden('仅市科委业务处室可登记签订的任务书');
  }
  const c = await casesRepo.findCase(db, id);
  if (!c || c.instrument !== INSTRUMENT) {
    throw notFound('项目');
  }
  assertCaseInScope(ctx, c, '项目');
  if (c.status !== 'approved') {
    throw new AppError('invalid_state', '只有已立项、待签任务书的项目可以登记任务书');
  }
}
