import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { businessToday } from '../../lib/clock.js';
import { lockCase, moveCase } from '../cases/index.js';
import { preparePayment, registerPayable } from '../payments/index.js';
import { INSTRUMENT, SUBSIDY_BOOK } from './instrument.js';
import * as repo from './subsidies.repo.js';

export const PAYABLE = 'interest_subsidy';

/** The payment desk pays an approved subsidy from its committed account; its confirmation closes the case. */
registerPayable({
  code: PAYABLE,
  name: '雏鹰青蓝贷款贴息',
  book: SUBSIDY_BOOK,
  href: (order) => (order.caseId ? `/subsidies/applications/${order.caseId}` : null),
  onConfirmed: async (tx, ctx, order) => {
    if (order.caseId === null) {
      return;
    }
    const c = await lockCase(tx, { ...ctx, actor: null, system: 'payments' }, order.caseId, INSTRUMENT);
    if (c.status !== 'approved') {
      return;
    }
    await moveCase(tx, ctx, c, { action: 'paid', bySystem: true });
    await repo.updateDetail(tx, c.id, { paidOn: businessToday() });
  },
});

/** Prepares the payment order of an approved case (the maker is the approving officer; finance checks it). */
export async function prepareSubsidyPayment(tx: Tx, ctx: RequestContext, c: { id: number; year: number; typeName: string }, payee: { id: number; name: string }, amountFen: number): Promise<number> {
  const order = await preparePayment(tx, ctx, {
    payable: PAYABLE,
    caseId: c.id,
    payee: { type: 'enterprise', id: payee.id, name: payee.name },
    amountFen,
    purpose: `${c.year}年度${c.typeName}`,
    debit: { kind: 'committed', scope: c.id },
    credit: { kind: 'paid', scope: c.id, owner: { type: 'enterprise', id: payee.id } },
    idempotencyKey: `interest_subsidy:${c.id}`,
  });
  return order.id;
}
