import { defineBook } from '../ledger/index.js';

/**
 * The money of S&T programmes: each programme-year's budget is appropriated (scope = the
 * programme-year id), an approval commits the approved amount to the project (scope = the case
 * id), tranches pay it to the enterprise, releases and clawbacks bring it back.
 */
export const PROJECT_BOOK = defineBook({
  code: 'projects',
  name: '科技计划项目资金',
  accountKinds: { appropriation: { mayGoNegative: true, mayGoPositive: false }, budget: {}, committed: {}, paid: { owner: 'enterprise' } },
  movementKinds: ['appropriate', 'commit', 'pay', 'release', 'clawback'],
});
