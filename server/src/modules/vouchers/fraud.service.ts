import { and, eq, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { voucherFlags, type FlagKind } from '../../db/schema/vouchers.js';
import type { RequestContext } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import * as fraudRepo from './fraud.repo.js';
import { actorOf, afterIdOf, page } from './vouchers.common.js';
import { assertCityOfficer, isCityReader } from './vouchers.policy.js';
import * as repo from './vouchers.repo.js';
import { FLAG_NAMES, FLAG_STATUS_NAMES } from './vouchers.schema.js';

/** Bookings this close to the end of validity are flagged (days). */
export const NEAR_EXPIRY_DAYS = 7;
/** Round amounts (multiples of 1,000 yuan) at ≥ 90% of the allowed maximum, this many times. */
export const ROUND_REPEATS = 3;
/** A provider whose top three holders take this share of its redemptions (with enough claims). */
export const CONCENTRATION_SHARE = 0.8;
export const CONCENTRATION_MIN_CLAIMS = 5;

type NewFlag = typeof voucherFlags.$inferInsert;

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Cheap signals checked inside the booking transaction (no query unless the amount looks suspicious). */
export async function bookingSignals(
  tx: Executor,
  opts: {
    booking: repo.BookingRow & { holderDistrictId: number };
    policy: repo.PolicyRow;
    today: string;
    maxFen: number;
    /** Round near-cap bookings of the holder written after this one in the same transaction (a batch): not counted for it. */
    laterRound?: number;
  },
): Promise<void> {
  const { booking: b, policy } = opts;
  const flags: NewFlag[] = [];
  const left = daysBetween(opts.today, policy.validUntil);
  if (left >= 0 && left <= NEAR_EXPIRY_DAYS) {
    flags.push({
      kind: 'near_expiry',
      dedupeKey: `near_expiry:${policy.id}:${b.holderId}`,
      policyId: policy.id,
      holderId: b.holderId,
      providerId: b.providerId,
      bookingId: b.id,
      districtId: b.holderDistrictId,
      evidence: {
        bookingId: b.id,
        bookedOn: opts.today,
        validUntil: policy.validUntil,
        daysLeft: left,
        amount: b.amountFen / 100,
      },
    });
  }
  if (b.amountFen % 100_000 === 0 && b.amountFen * 10 >= opts.maxFen * 9) {
    const repeats = (await fraudRepo.countRoundNearMax(tx, policy.id, b.holderId, policy.coverageBp)) - (opts.laterRound ?? 0);
    if (repeats >= ROUND_REPEATS) {
      flags.push({
        kind: 'round_under_cap',
        dedupeKey: `round_under_cap:${policy.id}:${b.holderId}`,
        policyId: policy.id,
        holderId: b.holderId,
        providerId: b.providerId,
        bookingId: b.id,
        districtId: b.holderDistrictId,
        evidence: {
          bookings: repeats,
          lastAmount: b.amountFen / 100,
          maxAllowed: opts.maxFen / 100,
        },
      });
    }
  }
  await repo.insertFlags(tx, flags);
}

function linkFlags(p: { policyId: number; holderId: number; providerId: number; bookingId?: number }, links: fraudRepo.PairLinks): NewFlag[] {
  const flags: NewFlag[] = [];
  if (links.sharedContacts.length) {
    flags.push({
      kind: 'same_contact',
      dedupeKey: `same_contact:${p.holderId}:${p.providerId}`,
      policyId: p.policyId,
      holderId: p.holderId,
      providerId: p.providerId,
      bookingId: p.bookingId ?? null,
      districtId: links.holderDistrictId,
      evidence: { shared: links.sharedContacts },
    });
  }
  if (links.shareholding) {
    flags.push({
      kind: 'shareholding_link',
      dedupeKey: `shareholding_link:${p.holderId}:${p.providerId}`,
      policyId: p.policyId,
      holderId: p.holderId,
      providerId: p.providerId,
      bookingId: p.bookingId ?? null,
      districtId: links.holderDistrictId,
      evidence: links.shareholding,
    });
  }
  return flags;
}

/** Links between the holder and the provider, checked when a claim is submitted. */
export async function pairSignals(tx: Executor, pairs: { policyId: number; holderId: number; providerId: number; bookingId?: number }[]): Promise<number> {
  let raised = 0;
  for (const p of pairs) {
    const links = await fraudRepo.pairLinks(tx, p.holderId, p.providerId);
    if (links) {
      raised += await repo.insertFlags(tx, linkFlags(p, links));
    }
  }
  return raised;
}

/** The same links for every pair that booked, in one query (scan, demo data). */
export async function allPairSignals(tx: Executor, policyId?: number): Promise<number> {
  const linked = await fraudRepo.linkedPairs(tx, policyId);
  return repo.insertFlags(tx, linked.flatMap((l) => linkFlags(l, l)));
}

/** Runs every signal over the ledger (officer's "scan" and a nightly job): concentration and links. */
export async function scanFlags(opts: { db: Db; ctx: RequestContext }) {
  const actor = actorOf(opts.ctx);
  assertCityOfficer(actor, '风险扫描');
  return opts.db.transaction(async (tx) => {
    let raised = 0;
    const concentrated = await fraudRepo.concentratedProviders(tx, CONCENTRATION_MIN_CLAIMS, CONCENTRATION_SHARE);
    raised += await repo.insertFlags(
      tx,
      concentrated.map((c) => ({
        kind: 'provider_concentration' as FlagKind,
        dedupeKey: `provider_concentration:${c.policyId}:${c.providerId}`,
        policyId: c.policyId,
        providerId: c.providerId,
        evidence: {
          claims: c.claims,
          redeemed: c.totalFen / 100,
          topHolders: c.topHolders,
          topShare: c.topShare,
        },
      })),
    );
    raised += await allPairSignals(tx);
    await recordAudit(tx, opts.ctx, {
      action: 'voucher.flags.scan',
      objectType: 'voucher_flag',
      objectId: 'scan',
      after: { raised },
    });
    return { raised };
  });
}

function flagScope(ctx: RequestContext): SQL | undefined {
  const actor = actorOf(ctx);
  if (isCityReader(actor)) {
    return undefined;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return eq(voucherFlags.districtId, actor.districtId);
  }
  throw forbidden('无权查看风险线索');
}

export async function listFlags(opts: {
  db: Db;
  ctx: RequestContext;
  query: {
    status?: 'open' | 'dismissed' | 'confirmed';
    kind?: FlagKind;
    limit: number;
    cursor?: string;
  };
}) {
  const scope = flagScope(opts.ctx);
  const conds = [scope, opts.query.status ? eq(voucherFlags.status, opts.query.status) : undefined, opts.query.kind ? eq(voucherFlags.kind, opts.query.kind) : undefined].filter(
    (c): c is SQL => !!c,
  );
  const rows = await repo.listFlags(opts.db, {
    where: conds.length ? and(...conds) : undefined,
    afterId: afterIdOf(opts.query.cursor),
    limit: opts.query.limit + 1,
  });
  return page(
    rows.map((r) => ({ ...r, id: r.f.id })),
    opts.query.limit,
    (r) => ({
      id: r.f.id,
      kind: r.f.kind,
      kindName: FLAG_NAMES[r.f.kind],
      holderId: r.f.holderId,
      holderName: r.holderName,
      providerId: r.f.providerId,
      providerName: r.providerName,
      bookingId: r.f.bookingId,
      evidence: r.f.evidence as Record<string, unknown>,
      status: r.f.status,
      statusName: FLAG_STATUS_NAMES[r.f.status],
      resolutionNote: r.f.resolutionNote,
      createdAt: r.f.createdAt,
      resolvedAt: r.f.resolvedAt,
    }),
  );
}

export async function resolveFlag(opts: { db: Db; ctx: RequestContext; id: number; resolution: 'dismissed' | 'confirmed'; note: string }) {
  const actor = actorOf(opts.ctx);
  assertCityOfficer(actor, '风险线索处理');
  return opts.db.transaction(async (tx) => {
    const before = await repo.findFlag(tx, opts.id);
    if (!before) {
      throw notFound('风险线索');
    }
    const after = await repo.resolveFlag(tx, opts.id, {
      status: opts.resolution,
      resolutionNote: opts.note,
      resolvedBy: actor.userId,
    });
    if (!after) {
      throw new AppError('invalid_state', '该线索已处理');
    }
    await recordAudit(tx, opts.ctx, {
      action: 'voucher.flag.resolve',
      objectType: 'voucher_flag',
      objectId: opts.id,
      before: { status: before.status },
      after: { status: after.status, note: opts.note },
    });
    return { id: after.id, status: after.status };
  });
}
