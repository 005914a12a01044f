import { defineBook } from '../ledger/index.js';
import { registerPayable } from '../payments/index.js';

/**
 * The carriers' subsidy money as a ledger book: the year's appropriation funds the budget
 * (scope = the year), approval of a payment order moves budget → paid (owned by the operator).
 */
export const CARRIER_BOOK = defineBook({
  code: 'carrier_subsidies',
  name: '创新载体绩效补助资金',
  accountKinds: {
    appropriation: { mayGoNegative: true, mayGoPositive: false },
    budget: {},
    paid: { owner: 'organization' },
  },
});

export const CARRIER_PAYABLE = 'carrier_subsidy';

registerPayable({
  code: CARRIER_PAYABLE,
  name: '创新载体考核补助',
  book: CARRIER_BOOK,
  // the idempotency key is carrier_subsidy:<carrier id>:<year>
  href: (order) => `/carriers/${order.idempotencyKey.split(':')[1]}`,
});
