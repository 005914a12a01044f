import type { Database } from '../../db/client.js';
import { actorOf, type RequestContext } from '../../http/context.js';
import { startJob } from '../jobs/index.js';
import { parseIssuanceList } from './vouchers.issuance.js';
import { assertCityOfficer } from './vouchers.policy.js';
import { issueVouchers } from './vouchers.service.js';

/**
 * Starts the bulk issuance of an approved list as a background job: the list is read and checked,
 * then issued all-or-nothing in one transaction (issueVouchers, in batches); the job holds the
 * count and total, or the errors.
 */
export function startListIssuance(opts: { database: Database; ctx: RequestContext; policyId: number; buffer: Buffer; filename: string; log?: { error(o: object, m: string): void } }) {
  const actor = actorOf(opts.ctx);
  assertCityOfficer(actor, '批量发放');
  return startJob({
    database: opts.database,
    actor,
    kind: 'voucher_issuance',
    filename: opts.filename,
    log: opts.log,
    run: async (control) => {
      const items = await parseIssuanceList(opts.database.db, opts.buffer, control);
      const r = await issueVouchers({ db: opts.database.db, ctx: opts.ctx, policyId: opts.policyId, items, control });
      return { policyId: opts.policyId, issued: items.length, total: r.total / 100 };
    },
  });
}
