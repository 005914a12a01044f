import { inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { paymentLimits, users } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import { recordAuditMany } from '../audit/index.js';

/** The demo's finance reviewers and their approval limits (yuan → fen): the treasurer up to 500万元 per order. */
export const DEMO_LIMITS_FEN: Record<string, number> = { treasurer: 5_000_000_00 };

/** Sets the demo's approval limits (the demo accounts exist already). */
export async function seedPayments({ tx, ctx }: { tx: Tx; ctx: RequestContext }): Promise<void> {
  const rows = await tx.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, Object.keys(DEMO_LIMITS_FEN)));
  if (rows.length === 0) {
    return;
  }
  const inserted = await tx
    .insert(paymentLimits)
    .values(rows.map((u) => ({ userId: u.id, limitFen: DEMO_LIMITS_FEN[u.username] })))
    .returning();
  await recordAuditMany(
    tx,
    ctx,
    inserted.map((l) => ({ action: 'payment_limit.set', objectType: 'user', objectId: l.userId, after: { limitFen: l.limitFen } })),
  );
}
