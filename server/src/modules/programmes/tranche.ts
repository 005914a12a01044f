import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { preparePayment, registerPayable, type PaymentOrder } from '../payments/index.js';
import { PROJECT_BOOK } from './book.js';
import { getProjectPlan, trancheAmounts, trancheLabel } from './plan.js';

export const TRANCHE_PAYABLE = 'project_tranche';

registerPayable({
  code: TRANCHE_PAYABLE,
  name: '科技计划项目拨款',
  book: PROJECT_BOOK,
  href: (order) => (order.caseId ? `/programmes/projects/${order.caseId}` : null),
});

/**
 * Prepares tranche n (1-based) of an approved project through the payments kernel: its percent
 * of the approved amount from the project's `committed` to the enterprise's `paid`, idempotency
 * key `tranche:<caseId>:<n>` (the same call again returns the same order).
 */
export async function prepareTranche(tx: Tx, ctx: RequestContext, caseId: number, n: number): Promise<PaymentOrder> {
  const plan = await getProjectPlan(tx, caseId);
  if (!plan) {
    throw new AppError('invalid_state', '项目尚未立项，不能拨款');
  }
  const split = plan.programme.trancheSplit;
  if (!Number.isInteger(n) || n < 1 || n > split.length) {
    throw new AppError('validation_failed', `该计划共${split.length}笔拨款，没有第${n}笔`, { fields: [{ field: 'n', message: `拨款笔次须在1–${split.length}之间` }] });
  }
  const amountFen = trancheAmounts(plan.approvedAmountFen, split)[n - 1];
  return preparePayment(tx, ctx, {
    payable: TRANCHE_PAYABLE,
    caseId,
    payee: { type: 'enterprise', id: plan.enterpriseId, name: plan.enterpriseName },
    amountFen,
    purpose: `${plan.title}：第${n}笔拨款（${trancheLabel(n, split.length)} ${split[n - 1]}%）`,
    debit: { kind: 'committed', scope: caseId },
    credit: { kind: 'paid', scope: caseId, owner: { type: 'enterprise', id: plan.enterpriseId } },
    idempotencyKey: `tranche:${caseId}:${n}`,
  });
}
