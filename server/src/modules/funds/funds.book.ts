import type { FundProgramme } from '../../db/schema/index.js';
import { defineBook } from '../ledger/index.js';

/**
 * The bureau's money in the fund programmes (docs/funds.md). Programme-level accounts are scoped by
 * the programme's number (PROGRAMME_SCOPE), a partner fund's accounts by the fund's id.
 * - appropriation (contra, programme): what the city appropriated to the programme;
 * - available (programme): appropriated and not yet committed to a fund — never negative;
 * - committed (fund): the bureau's commitment not yet called — never negative, so no call exceeds it;
 * - paid_in (fund): the bureau's capital paid into the fund (实缴出资);
 * - proceeds (contra, fund): what the fund paid back (distributions, exit proceeds);
 * - returned (programme): the proceeds received by the programme.
 */
export const FUNDS_BOOK = defineBook({
  code: 'guidance_funds',
  name: '引导基金阶段参股资金',
  accountKinds: {
    appropriation: { mayGoNegative: true, mayGoPositive: false },
    available: {},
    committed: {},
    paid_in: {},
    proceeds: { mayGoNegative: true, mayGoPositive: false },
    returned: {},
  },
  movementKinds: ['appropriate', 'commit', 'call', 'distribute', 'release'],
});

export const PROGRAMME_SCOPE: Record<FundProgramme, number> = { guidance: 1, angel: 2 };
