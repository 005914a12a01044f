import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { recordAuditMany } from '../audit/index.js';
import { addDays } from '../calendar/index.js';
import { businessToday } from '../../lib/clock.js';
import { appendTimeline } from '../timeline/index.js';
import { TYPE_NAMES } from './recognitions.status.js';
import * as repo from './register.repo.js';

const BATCH = 500;
const SYSTEM = 'recognitions.expiry';

/** 00:00 China time of a day, as an instant (the moment a certificate stopped being valid). */
const chinaMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

/**
 * Records every expiry that has happened by today and is not recorded yet: one enterprise timeline
 * entry and one audit row per certificate whose validUntil < today, then the marker
 * (expiry_recorded_at) so it is never recorded twice. The figures need none of this — validity is
 * by date, so a certificate stops counting the day after validUntil on its own — this is the
 * record of the event. A certificate revoked before it would have expired gets the marker only (its
 * revocation is already on the timeline). Batches commit one by one; concurrent runs skip each
 * other's rows.
 */
export async function recordExpiries(opts: { db: Db; today?: string }): Promise<{ recorded: number; skippedRevoked: number }> {
  const today = opts.today ?? businessToday();
  const ctx: RequestContext = { actor: null, requestId: randomUUID(), ip: '127.0.0.1', system: SYSTEM };
  let recorded = 0;
  let skippedRevoked = 0;
  for (;;) {
    const n = await opts.db.transaction(async (tx) => {
      const rows = await repo.lockPendingExpiries(tx, today, BATCH);
      if (rows.length === 0) {
        return 0;
      }
      const expired = rows.filter(({ r }) => r.revokedOn === null || r.revokedOn > r.validUntil!);
      skippedRevoked += rows.length - expired.length;
      await recordAuditMany(
        tx,
        ctx,
        expired.map(({ r }) => ({ action: 'recognition.expire', objectType: 'recognition', objectId: r.id, before: { validUntil: r.validUntil, status: 'valid' }, after: { validUntil: r.validUntil, status: 'expired' } })),
      );
      await appendTimeline(
        tx,
        expired.map(({ r }) => ({
          enterpriseId: r.enterpriseId,
          module: 'recognitions',
          kind: 'expired',
          title: `${TYPE_NAMES[r.type]}认定有效期届满（证书编号 ${r.certificateNo}，有效期至 ${r.validUntil}）`,
          refType: 'recognition',
          refId: r.id,
          occurredAt: chinaMidnight(addDays(r.validUntil!, 1)),
        })),
      );
      await repo.markExpiryRecorded(
        tx,
        rows.map(({ r }) => r.id),
        new Date(),
      );
      recorded += expired.length;
      return rows.length;
    });
    if (n < BATCH) {
      return { recorded, skippedRevoked };
    }
  }
}

/**
 * Runs recordExpiries at start and then every hour (an expiry is recorded within the hour after
 * midnight, China time); the timer is unref'd so it never keeps the process alive. Started by
 * main.ts only, never in tests (they call recordExpiries directly). Returns a stop function.
 */
export function startExpiryScheduler(opts: { db: Db; log: { info(o: object, m: string): void; error(o: object, m: string): void }; everyMs?: number }): () => void {
  let running = false;
  const run = async () => {
    if (running) {
      return;
    }
    running = true;
    try {
      const r = await recordExpiries({ db: opts.db });
      if (r.recorded > 0 || r.skippedRevoked > 0) {
        opts.log.info(r, 'recognition expiries recorded');
      }
    } catch (err) {
      opts.log.error({ err }, 'recording recognition expiries failed');
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), opts.everyMs ?? 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
