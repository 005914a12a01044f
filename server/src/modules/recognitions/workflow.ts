import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { assertCaseInScope, lockCase, moveCase, type MoveCaseOptions } from '../cases/index.js';
import { applicationOf, findDetail, INSTRUMENT, updateDetail, type ApplicationRow } from './applications.repo.js';
import type { WorkflowAction } from './recognitions.status.js';

export type { ApplicationRow };

/** Whether the actor may act on this application at all (the case kernel's scope rule). */
export function assertInScope(ctx: RequestContext, app: Pick<ApplicationRow, 'districtId' | 'enterpriseId'>): void {
  assertCaseInScope(ctx, { ...app, organizationId: null });
}

/** Reads an application for update (the case's row lock) within the transaction, scope-checked. */
export async function lockApplication(tx: Tx, ctx: RequestContext, id: number): Promise<ApplicationRow> {
  const c = await lockCase(tx, ctx, id, INSTRUMENT);
  const d = await findDetail(tx, id);
  if (!d) {
    throw notFound('申报');
  }
  return applicationOf(c, d);
}

export interface MoveOptions extends Omit<MoveCaseOptions, 'action' | 'set'> {
  action: WorkflowAction;
  /** case columns (panelScore, decidedAt, submittedAt, noticeId) and detail columns (assessment, applicationDate) to set with the status */
  set?: MoveCaseOptions['set'] & Partial<Pick<ApplicationRow, 'assessment' | 'applicationDate'>>;
}

/**
 * Moves an application along the recognitions workflow through the case kernel's moveCase (role,
 * scope, status, deadline, event, audit and timeline in the caller's transaction); the detail
 * columns it carries (assessment, application date) are written in the same transaction.
 */
export async function moveApplication(tx: Tx, ctx: RequestContext, app: ApplicationRow, opts: MoveOptions): Promise<ApplicationRow> {
  const { assessment, applicationDate, ...caseSet } = opts.set ?? {};
  const detail = { ...(assessment !== undefined ? { assessment } : {}), ...(applicationDate !== undefined ? { applicationDate } : {}) };
  if (Object.keys(detail).length) {
    await updateDetail(tx, app.id, detail);
  }
  const moved = await moveCase(tx, ctx, app, { ...opts, set: caseSet });
  return { ...app, ...detail, ...(moved as Partial<ApplicationRow>), type: app.type, status: moved.status as ApplicationRow['status'] };
}
