import type { Executor } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { LedgerShortfall } from '../ledger/index.js';
import { accountIds, bumpHolderYears, bumpStats, postMovements, redemptionOf, stageMovements, type AccountKey, type PostedMovement, type StatsDelta } from './ledger.repo.js';
import * as repo from './vouchers.repo.js';

/**
 * The movements of the voucher ledger, each a balanced set of entries (RULES.md §5):
 *   fund     appropriation −B, budget +B                         (policy created / budget raised)
 *   issue    budget −x, available(h) +x                          (+ grant.issued and policy.issued, both capped)
 *   book     available(h) −x, frozen(h) +x
 *   release  frozen(h) −x, available(h) +x                       (cancel, rejection, expiry of a booking)
 *   redeem   frozen(h) −x, redeemed(h) +x, spent −x, payable(p) +x  (claim approved)
 *   settle   payable(p) −x, paid(p) +x                           (settlement batch paid)
 *   expire   available(h) −x, expired(h) +x, budget +x, returned −x  (validity ended: back to the budget)
 *   reverse  redeemed(h) −x, available(h) +x, payable(p) −x, spent +x  (an approved, unpaid claim undone)
 * A holder's four accounts therefore always add up to what was issued to it. The book itself
 * (VOUCHER_BOOK: account kinds, sign rules) lives in the shared ledger; see docs/ledger.md.
 */
export interface Ledger {
  tx: Executor;
  /** The account-id cache root: the Db handle in services, a throwaway object inside the seed. */
  root: object;
  actorId: number | null;
}

export interface HolderRef {
  id: number;
  districtId: number;
}

const holderKeys = (policyId: number, holderId: number): AccountKey[] => [
  { policyId, kind: 'available', holderId },
  { policyId, kind: 'frozen', holderId },
  { policyId, kind: 'redeemed', holderId },
  { policyId, kind: 'expired', holderId },
];

/** Account keys a holder and a provider need under a policy (created ahead of the business transaction). */
export function participantKeys(policyId: number, holderIds: number[], providerIds: number[]): AccountKey[] {
  return [
    { policyId, kind: 'appropriation' },
    { policyId, kind: 'budget' },
    { policyId, kind: 'spent' },
    { policyId, kind: 'returned' },
    ...holderIds.flatMap((h) => holderKeys(policyId, h)),
    ...providerIds.flatMap((p): AccountKey[] => [
      { policyId, kind: 'payable', providerId: p },
      { policyId, kind: 'paid', providerId: p },
    ]),
  ];
}

/** Maps a shortfall on a given account kind to the business error the caller sees. */
function explain(err: unknown): never {
  if (err instanceof LedgerShortfall) {
    switch (err.kind) {
      case 'available':
        throw new AppError('insufficient_balance', '创新券可用余额不足');
      case 'budget':
        throw new AppError('budget_exceeded', '超出政策年度预算');
      default:
        throw new AppError('invalid_state', `账户余额不允许为负（${err.kind}）`);
    }
  }
  throw err;
}

async function post(l: Ledger, items: PostedMovement[]): Promise<number[]> {
  try {
    return await postMovements(l.tx, l.root, items);
  } catch (err) {
    explain(err);
  }
}

/** Raises (delta > 0) or lowers (delta < 0) the unissued budget; lowering cannot go below zero. */
export async function fundPolicy(l: Ledger, opts: { policyId: number; deltaFen: number; valueDate: string }) {
  if (opts.deltaFen === 0) {
    return [];
  }
  const [appropriation, budget] = await accountIds(l.tx, l.root, [
    { policyId: opts.policyId, kind: 'appropriation' },
    { policyId: opts.policyId, kind: 'budget' },
  ]);
  const movement = {
    policyId: opts.policyId,
    kind: 'fund' as const,
    amountFen: Math.abs(opts.deltaFen),
    valueDate: opts.valueDate,
    actorId: l.actorId,
    memo: opts.deltaFen < 0 ? 'budget reduced' : null,
  };
  return post(l, [
    {
      movement,
      legs: [
        { accountId: appropriation, amountFen: -opts.deltaFen },
        { accountId: budget, amountFen: opts.deltaFen },
      ],
    },
  ]);
}

/**
 * Issues to one or many holders all-or-nothing: each holder's cap (grant row), the policy's
 * gross issuance and the budget account are all checked by conditional updates and CHECKs.
 */
export async function issue(
  l: Ledger,
  opts: {
    policyId: number;
    items: { holder: HolderRef; amountFen: number; capFen: number }[];
    valueDate: string;
  },
) {
  const { policyId, items } = opts;
  await repo.ensureGrants(
    l.tx,
    items.map((i) => ({ policyId, holderId: i.holder.id, capFen: i.capFen })),
  );
  const over =
    items.length === 1
      ? (await repo.addGrantIssued(l.tx, policyId, items[0].holder.id, items[0].amountFen))
        ? []
        : [items[0].holder.id]
      : await repo.addGrantsIssued(
          l.tx,
          policyId,
          items.map((i) => ({ holderId: i.holder.id, fen: i.amountFen })),
        );
  if (over.length) {
    const item = items.find((i) => i.holder.id === over[0])!;
    throw new AppError('cap_exceeded', `超出持有人年度上限（${item.capFen / 100}元）`, { holderIds: over });
  }
  const total = items.reduce((s, i) => s + i.amountFen, 0);
  if (!(await repo.addPolicyIssued(l.tx, policyId, total))) {
    throw new AppError('budget_exceeded', '超出政策年度预算');
  }
  const ids = await accountIds(l.tx, l.root, [
    { policyId, kind: 'budget' },
    ...items.map((i) => ({
      policyId,
      kind: 'available' as const,
      holderId: i.holder.id,
    })),
  ]);
  const budget = ids[0];
  const movementIds = await post(
    l,
    items.map((item, n) => ({
      movement: {
        policyId,
        kind: 'issue' as const,
        amountFen: item.amountFen,
        valueDate: opts.valueDate,
        holderId: item.holder.id,
        districtId: item.holder.districtId,
        actorId: l.actorId,
      },
      legs: [
        { accountId: budget, amountFen: -item.amountFen },
        { accountId: ids[n + 1], amountFen: item.amountFen },
      ],
    })),
  );
  await bumpStats(
    l.tx,
    items.map((i) => ({
      valueDate: opts.valueDate,
      districtId: i.holder.districtId,
      issuedFen: i.amountFen,
    })),
  );
  await bumpHolderYears(
    l.tx,
    items.map((i) => ({ valueDate: opts.valueDate, holderId: i.holder.id, districtId: i.holder.districtId })),
  );
  return movementIds;
}

export interface BookingRef {
  id: number;
  policyId: number;
  holderId: number;
  providerId: number;
  serviceCategory: string;
  districtId: number;
}

const bookingMovement = (b: BookingRef, kind: 'book' | 'release' | 'redeem', amountFen: number, valueDate: string, actorId: number | null, claimId?: number) => ({
  policyId: b.policyId,
  kind,
  amountFen,
  valueDate,
  holderId: b.holderId,
  providerId: b.providerId,
  districtId: b.districtId,
  category: b.serviceCategory,
  bookingId: b.id,
  claimId: claimId ?? null,
  actorId,
});

/** A freeze; `actorId` when it is not the ledger's (a batch of bookings by several users). */
type Freeze = { booking: BookingRef; amountFen: number; valueDate: string; actorId?: number | null };

async function freezeMovements(l: Ledger, items: Freeze[]): Promise<PostedMovement[]> {
  const movements: PostedMovement[] = [];
  for (const { booking, amountFen, valueDate, actorId } of items) {
    const [available, frozen] = await accountIds(l.tx, l.root, holderKeys(booking.policyId, booking.holderId).slice(0, 2));
    movements.push({
      movement: bookingMovement(booking, 'book', amountFen, valueDate, actorId === undefined ? l.actorId : actorId),
      legs: [
        { accountId: available, amountFen: -amountFen },
        { accountId: frozen, amountFen },
      ],
    });
  }
  return movements;
}

/** Moves `amount` from the holder's available to its frozen balance, or fails with insufficient_balance. */
export async function freeze(l: Ledger, items: Freeze[]) {
  return post(l, await freezeMovements(l, items));
}

/**
 * A freeze whose balances move at `settle()`, the transaction's last statement (the holder's two
 * accounts stay locked only for it and the commit); settle fails with insufficient_balance, and
 * then the transaction must roll back.
 */
export async function stageFreeze(l: Ledger, items: Freeze[]): Promise<{ ids: number[]; settle(): Promise<void> }> {
  const staged = await stageMovements(l.tx, l.root, await freezeMovements(l, items));
  return {
    ids: staged.ids,
    settle: async () => {
      try {
        await staged.settle();
      } catch (err) {
        explain(err);
      }
    },
  };
}

export async function release(l: Ledger, items: { booking: BookingRef; amountFen: number; valueDate: string }[]) {
  const movements: PostedMovement[] = [];
  for (const { booking, amountFen, valueDate } of items) {
    if (amountFen <= 0) {
      continue;
    }
    const [available, frozen] = await accountIds(l.tx, l.root, holderKeys(booking.policyId, booking.holderId).slice(0, 2));
    movements.push({
      movement: bookingMovement(booking, 'release', amountFen, valueDate, l.actorId),
      legs: [
        { accountId: frozen, amountFen: -amountFen },
        { accountId: available, amountFen },
      ],
    });
  }
  return post(l, movements);
}

/** Claim approved: the frozen amount becomes redeemed for the holder and payable to the provider. */
export async function redeem(
  l: Ledger,
  items: {
    booking: BookingRef;
    amountFen: number;
    claimId: number;
    valueDate: string;
  }[],
) {
  const movements: PostedMovement[] = [];
  const stats: StatsDelta[] = [];
  for (const { booking, amountFen, claimId, valueDate } of items) {
    const p = booking.policyId;
    const [frozen, redeemed, spent, payable] = await accountIds(l.tx, l.root, [
      { policyId: p, kind: 'frozen', holderId: booking.holderId },
      { policyId: p, kind: 'redeemed', holderId: booking.holderId },
      { policyId: p, kind: 'spent' },
      { policyId: p, kind: 'payable', providerId: booking.providerId },
    ]);
    movements.push({
      movement: bookingMovement(booking, 'redeem', amountFen, valueDate, l.actorId, claimId),
      legs: [
        { accountId: frozen, amountFen: -amountFen },
        { accountId: redeemed, amountFen },
        { accountId: spent, amountFen: -amountFen },
        { accountId: payable, amountFen },
      ],
    });
    stats.push({
      valueDate,
      districtId: booking.districtId,
      providerId: booking.providerId,
      category: booking.serviceCategory,
      redeemedFen: amountFen,
      redemptions: 1,
    });
  }
  const ids = await post(l, movements);
  await bumpStats(l.tx, stats);
  return ids;
}

/** Undoes a redemption that was not paid yet: the amount returns to the holder's available balance. */
export async function reverse(l: Ledger, opts: { booking: BookingRef; amountFen: number; claimId: number; valueDate: string }) {
  const { booking: b, amountFen } = opts;
  const [available, redeemed, spent, payable] = await accountIds(l.tx, l.root, [
    { policyId: b.policyId, kind: 'available', holderId: b.holderId },
    { policyId: b.policyId, kind: 'redeemed', holderId: b.holderId },
    { policyId: b.policyId, kind: 'spent' },
    { policyId: b.policyId, kind: 'payable', providerId: b.providerId },
  ]);
  const ids = await post(l, [
    {
      movement: { ...bookingMovement(b, 'redeem', amountFen, opts.valueDate, l.actorId, opts.claimId), kind: 'reverse' as const },
      reverses: await redemptionOf(l.tx, opts.claimId),
      legs: [
        { accountId: redeemed, amountFen: -amountFen },
        { accountId: available, amountFen },
        { accountId: payable, amountFen: -amountFen },
        { accountId: spent, amountFen },
      ],
    },
  ]);
  await bumpStats(l.tx, [{ valueDate: opts.valueDate, districtId: b.districtId, providerId: b.providerId, category: b.serviceCategory, redeemedFen: -amountFen, redemptions: -1 }]);
  return ids;
}

/** Settlement batches paid: each provider's payable becomes paid. */
export async function settle(
  l: Ledger,
  batches: {
    policyId: number;
    providerId: number;
    amountFen: number;
    settlementId: number;
    valueDate: string;
  }[],
) {
  const movements: PostedMovement[] = [];
  for (const b of batches) {
    const [payable, paid] = await accountIds(l.tx, l.root, [
      { policyId: b.policyId, kind: 'payable', providerId: b.providerId },
      { policyId: b.policyId, kind: 'paid', providerId: b.providerId },
    ]);
    movements.push({
      movement: {
        policyId: b.policyId,
        kind: 'settle',
        amountFen: b.amountFen,
        valueDate: b.valueDate,
        providerId: b.providerId,
        settlementId: b.settlementId,
        actorId: l.actorId,
      },
      legs: [
        { accountId: payable, amountFen: -b.amountFen },
        { accountId: paid, amountFen: b.amountFen },
      ],
    });
  }
  return post(l, movements);
}

/** Validity ended: each holder's available balance is marked expired and returns to the policy budget. */
export async function expire(
  l: Ledger,
  opts: {
    policyId: number;
    items: { holder: HolderRef; amountFen: number }[];
    valueDate: string;
  },
) {
  const items = opts.items.filter((i) => i.amountFen > 0);
  if (items.length === 0) {
    return [];
  }
  const p = opts.policyId;
  const [budget, returned] = await accountIds(l.tx, l.root, [
    { policyId: p, kind: 'budget' },
    { policyId: p, kind: 'returned' },
  ]);
  const movements: PostedMovement[] = [];
  for (const { holder, amountFen } of items) {
    const [available, , , expired] = await accountIds(l.tx, l.root, holderKeys(p, holder.id));
    movements.push({
      movement: {
        policyId: p,
        kind: 'expire',
        amountFen,
        valueDate: opts.valueDate,
        holderId: holder.id,
        districtId: holder.districtId,
        actorId: l.actorId,
      },
      legs: [
        { accountId: available, amountFen: -amountFen },
        { accountId: expired, amountFen },
        { accountId: budget, amountFen },
        { accountId: returned, amountFen: -amountFen },
      ],
    });
  }
  const ids = await post(l, movements);
  await bumpStats(
    l.tx,
    items.map((i) => ({
      valueDate: opts.valueDate,
      districtId: i.holder.districtId,
      expiredFen: i.amountFen,
    })),
  );
  return ids;
}
