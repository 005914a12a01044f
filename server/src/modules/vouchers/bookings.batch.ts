import type { Db, Executor } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { recordAuditEach } from '../audit/index.js';
import { bookingSignals } from './fraud.service.js';
import { accountBalances } from './ledger.repo.js';
import * as ledger from './ledger.service.js';
import { presentBooking, yuanText } from './vouchers.common.js';
import * as repo from './vouchers.repo.js';
import type { BookingInput } from './vouchers.schema.js';

export interface Answer {
  statusCode: number;
  body: unknown;
}

/** A booking checked against everything but the holder's balance, ready to be written. */
export interface BookingJob {
  ctx: RequestContext;
  actorId: number;
  input: BookingInput;
  today: string;
  holder: repo.HolderWithNames;
  policy: repo.PolicyRow;
  provider: repo.ProviderWithNames;
  serviceName: string | null;
  contractFen: number;
  amountFen: number;
  maxFen: number;
  /** The holder's available and frozen accounts under the policy (created ahead). */
  available: number;
  frozen: number;
  /** Where the answer is kept: the actor's scope, the Idempotency-Key and the request's hash. */
  idem: { scope: string; key: string; hash: string } | null;
}

/**
 * What became of a job: its answer (a booking, or a refusal for lack of balance kept under its
 * key), an error to throw, or `replay`: its key was taken by another request of the same key that
 * committed first, whose stored answer it gives.
 */
export type Outcome = { answer: Answer } | { error: unknown } | { replay: true };

/** The most bookings one transaction takes. */
export const MAX_BATCH = 64;
/**
 * Batches in flight at once per process. One: the next batch starts when the previous commits.
 * (Two were measured slower in bench/vouchers: half-size batches, more statements per booking, and
 * on a hot holder the second waits for the first's row lock anyway.)
 */
const LANES = 1;

const errorBody = (e: AppError) => ({
  error: { code: e.code, message: e.message, details: e.details },
});

const isRound = (j: BookingJob) => j.amountFen % 100_000 === 0 && j.amountFen * 10 >= j.maxFen * 9;

/** Keys taken by other transactions while this one ran: the batch is redone without their jobs. */
class KeysTaken extends Error {
  constructor(readonly taken: Set<string>) {
    super('idempotency keys taken');
  }
}

const keyOf = (j: BookingJob) => (j.idem ? `${j.idem.scope}\n${j.idem.key}` : null);

function retryable(err: unknown): boolean {
  let cur: unknown = err;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const code = (cur as { code?: string }).code;
    if (code === '40P01' || code === '40001') {
      return true;
    }
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Writes a batch of bookings in ONE transaction, set-based: the holders' balances are read, each
 * booking is decided in arrival order against what is left (accepted while the available balance
 * covers it, else refused for lack of balance, with what was left then), and the accepted bookings,
 * their ledger movements and entries, the answers under their keys (refusals too) and the audit
 * rows go in by one statement each; the balances move last, by the ledger's one conditional
 * statement that locks the accounts in ascending id, so they stay locked for that statement and
 * the commit. The database stays the arbiter: when another process moved a balance in between,
 * the conditional update refuses, the batch rolls back and is decided again on locked balances.
 */
export async function writeBatch(db: Db, jobs: BookingJob[]): Promise<Outcome[]> {
  const outcomes: (Outcome | undefined)[] = jobs.map(() => undefined);
  // A key twice in one batch: the later request waits for the first's answer and replays it.
  const seen = new Set<string>();
  jobs.forEach((j, i) => {
    const k = keyOf(j);
    if (k && seen.has(k)) {
      outcomes[i] = { replay: true };
    }
    if (k) {
      seen.add(k);
    }
  });
  let lock = false;
  for (let attempt = 0; ; attempt++) {
    const live = jobs.map((j, i) => ({ j, i })).filter(({ i }) => !outcomes[i]);
    if (live.length === 0) {
      return outcomes as Outcome[];
    }
    try {
      const decided = await attemptBatch(db, live, lock);
      for (const [i, o] of decided) {
        outcomes[i] = o;
      }
      return outcomes as Outcome[];
    } catch (err) {
      if (err instanceof KeysTaken) {
        for (const { j, i } of live) {
          if (err.taken.has(keyOf(j)!)) {
            outcomes[i] = { replay: true };
          }
        }
      } else if (attempt < 4 && ((err instanceof AppError && err.code === 'insufficient_balance') || retryable(err))) {
        // Another process moved a balance between our read and our update (or a deadlock between a
        // key and an account lock): decide again on balances locked first.
        lock = true;
      } else {
        throw err;
      }
    }
  }
}

async function attemptBatch(db: Db, live: { j: BookingJob; i: number }[], lock: boolean): Promise<[number, Outcome][]> {
  return db.transaction(async (tx) => {
    // one round trip: the balances and as many booking ids as there are jobs (prepared, pipelined)
    const [balances, bookingIds] = await Promise.all([
      accountBalances(
        tx,
        live.map(({ j }) => j.available),
        lock,
      ),
      repo.nextBookingIds(tx, live.length),
    ]);
    const accepted: { j: BookingJob; i: number }[] = [];
    const refused: { j: BookingJob; i: number; refusal: AppError }[] = [];
    for (const x of live) {
      const left = balances.get(x.j.available) ?? 0;
      if (x.j.amountFen <= left) {
        balances.set(x.j.available, left - x.j.amountFen);
        accepted.push(x);
      } else {
        // Said on the amount field with what is left, never cut to fit.
        refused.push({ ...x, refusal: fieldError('amount', `创新券可用余额不足：本次使用 ${yuanText(x.j.amountFen)}，可用余额 ${yuanText(left)}`, 'insufficient_balance') });
      }
    }
    const out: [number, Outcome][] = [];
    const kept: { scope: string; key: string; requestHash: string; statusCode: number; response: unknown }[] = [];
    for (const { j, i, refusal } of refused) {
      const answer = { statusCode: refusal.status, body: errorBody(refusal) };
      // Only a refusal for lack of balance is remembered under the key.
      if (j.idem) {
        kept.push({ scope: j.idem.scope, key: j.idem.key, requestHash: j.idem.hash, statusCode: answer.statusCode, response: answer.body });
        out.push([i, { answer }]);
      } else {
        out.push([i, { error: refusal }]);
      }
    }
    const rows = accepted.map(({ j }) => ({
      policyId: j.policy.id,
      holderId: j.holder.id,
      providerId: j.provider.id,
      serviceId: j.input.serviceId ?? null,
      serviceStart: j.input.serviceStart ?? null,
      serviceEnd: j.input.serviceEnd ?? null,
      serviceCategory: j.input.serviceCategory,
      contractAmountFen: j.contractFen,
      amountFen: j.amountFen,
      bookedOn: j.today,
      createdBy: j.actorId,
    }));
    const ids = bookingIds.slice(0, accepted.length);
    accepted.forEach(({ j, i }, n) => {
      const answer: Answer = {
        statusCode: 201,
        body: presentBooking({ ...bookingRow(rows[n], ids[n]), holderName: j.holder.name, providerName: j.provider.name, holderDistrictId: j.holder.districtId, serviceName: j.serviceName }),
      };
      if (j.idem) {
        kept.push({ scope: j.idem.scope, key: j.idem.key, requestHash: j.idem.hash, statusCode: 201, response: answer.body });
      }
      out.push([i, { answer }]);
    });
    // Independent of each other, so sent together (one connection: pipelined): the bookings, the
    // movements and entries, the answers under their keys and the audit rows. The key rows go in
    // with the answers: a concurrent request with one of these keys waits for this transaction and
    // then finds its key taken, so it replays the answer stored here.
    const [, frozen, taken] = await Promise.all([
      repo.insertBookingBatch(tx, rows, ids),
      accepted.length
        ? ledger.stageFreeze(
            { tx, root: db, actorId: null },
            accepted.map(({ j }, n) => ({
              booking: { id: ids[n], policyId: j.policy.id, holderId: j.holder.id, providerId: j.provider.id, serviceCategory: j.input.serviceCategory, districtId: j.holder.districtId },
              amountFen: j.amountFen,
              valueDate: j.today,
              actorId: j.actorId,
            })),
          )
        : null,
      repo.insertIdempotencyKeys(tx, kept),
      recordAuditEach(
        tx,
        accepted.map(({ j }, n) => ({
          ctx: j.ctx,
          entry: { action: 'voucher.booking.create', objectType: 'voucher_booking', objectId: ids[n], after: { ...j.input, bookedOn: j.today } },
        })),
      ),
    ]);
    if (taken.length) {
      throw new KeysTaken(new Set(taken.map((t) => `${t.scope}\n${t.key}`)));
    }
    await signals(tx, accepted, ids, rows);
    // Last: the movements' voucher details and the balances, in one round trip; the holders'
    // accounts are locked from here to the commit.
    await frozen?.settle();
    return out;
  });
}

/** The row as inserted (the columns the insert leaves to their defaults as they are set). */
function bookingRow(r: repo.NewBooking, id: number): repo.BookingRow {
  const now = new Date();
  return {
    ...r,
    id,
    status: 'booked',
    serviceId: r.serviceId ?? null,
    serviceStart: r.serviceStart ?? null,
    serviceEnd: r.serviceEnd ?? null,
    createdBy: r.createdBy ?? null,
    createdAt: now,
    updatedAt: now,
  };
}

/** The fraud signals of each accepted booking, as if booked one after another. */
async function signals(tx: Executor, accepted: { j: BookingJob }[], ids: number[], rows: repo.NewBooking[]) {
  for (let n = 0; n < accepted.length; n++) {
    const { j } = accepted[n];
    const laterRound = accepted.slice(n + 1).filter((x) => x.j.holder.id === j.holder.id && x.j.policy.id === j.policy.id && isRound(x.j)).length;
    await bookingSignals(tx, {
      booking: { ...bookingRow(rows[n], ids[n]), holderDistrictId: j.holder.districtId },
      policy: j.policy,
      today: j.today,
      maxFen: j.maxFen,
      laterRound,
    });
  }
}

/**
 * Group commit: the bookings that arrive while a batch is being written wait and then go together
 * (at most MAX_BATCH) in the next one; an idle batcher writes a booking at once (no timer). One
 * batcher per database handle, LANES batches in flight per process; other processes have their
 * own, and the database arbitrates between them (see writeBatch).
 */
class Batcher {
  private queue: { job: BookingJob; done: (o: Outcome) => void }[] = [];
  private inFlight = 0;

  constructor(private readonly db: Db) {}

  submit(job: BookingJob): Promise<Outcome> {
    return new Promise((done) => {
      this.queue.push({ job, done });
      this.pump();
    });
  }

  private pump() {
    while (this.inFlight < LANES && this.queue.length) {
      this.inFlight++;
      void this.write(this.queue.splice(0, MAX_BATCH)).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async write(batch: { job: BookingJob; done: (o: Outcome) => void }[]) {
    let outcomes: Outcome[];
    try {
      outcomes = await writeBatch(
        this.db,
        batch.map((b) => b.job),
      );
    } catch (err) {
      outcomes = batch.length === 1 ? [{ error: err }] : await this.alone(batch.map((b) => b.job));
    }
    batch.forEach((b, n) => b.done(outcomes[n]));
  }

  /** After an unexpected failure of a batch, each booking alone: only the one at fault gets its error. */
  private async alone(jobs: BookingJob[]): Promise<Outcome[]> {
    const out: Outcome[] = [];
    for (const job of jobs) {
      try {
        out.push((await writeBatch(this.db, [job]))[0]);
      } catch (err) {
        out.push({ error: err });
      }
    }
    return out;
  }
}

const batchers = new WeakMap<Db, Batcher>();

/** Hands a checked booking to the database handle's batcher; resolves when its batch committed (or failed). */
export function submitBooking(db: Db, job: BookingJob): Promise<Outcome> {
  let b = batchers.get(db);
  if (!b) {
    b = new Batcher(db);
    batchers.set(db, b);
  }
  return b.submit(job);
}
