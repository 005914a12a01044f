import type { Db } from '../../db/client.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { fenToYuan, yuanToFen } from '../../lib/money.js';
import { recordAudit } from '../audit/index.js';
import { shanghaiDate } from './techmarket.deals.service.js';
import * as policy from './techmarket.policy.js';
import * as repo from './techmarket.repo.js';
import { AUCTION_PHASE_NAMES, type CreateAuctionInput } from './techmarket.schema.js';

function phase(a: repo.AuctionRow, now: Date): 'upcoming' | 'bidding' | 'ended' | 'closed' {
  if (a.status !== 'open') {
    return 'closed';
  }
  if (now < a.startsAt) {
    return 'upcoming';
  }
  return now < a.endsAt ? 'bidding' : 'ended';
}

function phaseOf(a: repo.AuctionRow, now: Date) {
  const p = phase(a, now);
  return { phase: p, phaseName: AUCTION_PHASE_NAMES[p] };
}

function presentAuction(a: repo.AuctionRow, actor: Actor | null, now: Date) {
  const minimumFen = a.currentPriceFen === null ? a.startingPriceFen : a.currentPriceFen + a.incrementFen;
  return {
    id: a.id,
    listingId: a.listingId,
    title: a.title,
    status: a.status,
    ...phaseOf(a, now),
    startingPrice: fenToYuan(a.startingPriceFen),
    increment: fenToYuan(a.incrementFen),
    currentPrice: a.currentPriceFen === null ? null : fenToYuan(a.currentPriceFen),
    minimumBid: fenToYuan(minimumFen),
    // The reserve itself stays secret to bidders; whether it is met is public.
    reserveMet: a.currentPriceFen !== null && a.currentPriceFen >= a.reservePriceFen,
    bidCount: a.bidCount,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    extensionWindowSeconds: a.extensionWindowSeconds,
    extensionSeconds: a.extensionSeconds,
    leading: !!actor && a.currentBidderOrgId === actor.organizationId,
    dealId: a.dealId,
  };
}

export async function listAuctions(opts: { db: Db; actor: Actor | null }) {
  const now = new Date();
  return { items: (await repo.listAuctions(opts.db, 100)).map((a) => presentAuction(a, opts.actor, now)) };
}

export async function getAuction(opts: { db: Db; actor: Actor | null; id: number }) {
  const a = await repo.findAuction(opts.db, opts.id);
  if (!a) {
    throw notFound('拍卖');
  }
  const bids = await repo.listBids(opts.db, a.id);
  // Bidders are pseudonymous (竞买人1, 2, …) in the order they first bid.
  const order = new Map<number, number>();
  [...bids].reverse().forEach((b) => order.has(b.bidderOrgId) || order.set(b.bidderOrgId, order.size + 1));
  const seller = !!opts.actor && (hasRole(opts.actor, 'city_officer', 'auditor') || opts.actor.organizationId === a.sellerOrgId);
  return {
    ...presentAuction(a, opts.actor, new Date()),
    reservePrice: seller ? fenToYuan(a.reservePriceFen) : null,
    bids: bids.map((b) => ({
      id: b.id,
      bidder: opts.actor?.organizationId === b.bidderOrgId ? '本单位' : `竞买人${order.get(b.bidderOrgId)}`,
      amount: fenToYuan(b.amountFen),
      placedAt: b.placedAt,
      extended: b.extended,
    })),
  };
}

export async function createAuction(opts: { db: Db; ctx: RequestContext; input: CreateAuctionInput }) {
  const actor = policy.requireSignedIn(opts.ctx.actor);
  policy.assertAuctioneer(actor);
  const i = opts.input;
  const id = await opts.db.transaction(async (tx) => {
    const l = await repo.findListing(tx, i.listingId, true);
    if (!l || l.kind !== 'supply' || l.status !== 'approved' || l.priceMode !== 'auction') {
      throw fieldError('listingId', '只能拍卖已公开、定价方式为“拍卖”的成果');
    }
    if (await repo.openAuctionForListing(tx, l.id)) {
      throw new AppError('conflict', '该成果已有进行中或已成交的拍卖');
    }
    const a = await repo.insertAuction(tx, {
      listingId: l.id,
      sellerOrgId: l.organizationId,
      title: l.title,
      startingPriceFen: yuanToFen(i.startingPrice),
      reservePriceFen: yuanToFen(i.reservePrice),
      incrementFen: yuanToFen(i.increment),
      startsAt: i.startsAt,
      endsAt: i.endsAt,
      extensionWindowSeconds: i.extensionWindowSeconds,
      extensionSeconds: i.extensionSeconds,
      createdBy: actor.userId,
    });
    await recordAudit(tx, opts.ctx, { action: 'techmarket.auction.create', objectType: 'tm_auction', objectId: a.id, after: a });
    return a.id;
  });
  return getAuction({ db: opts.db, actor, id });
}

/** One bid; the database decides (conditional UPDATE), so last-second races have one winner. */
export async function placeBid(opts: { db: Db; ctx: RequestContext; auctionId: number; amount: number; at?: Date }) {
  const actor = policy.requireSignedIn(opts.ctx.actor);
  policy.assertBidder(actor);
  const at = opts.at ?? new Date();
  const amountFen = yuanToFen(opts.amount);
  return opts.db.transaction(async (tx) => {
    const result = await repo.placeBid(tx, { auctionId: opts.auctionId, bidderOrgId: actor.organizationId, amountFen, at });
    if (!result) {
      const a = await repo.findAuction(tx, opts.auctionId);
      if (!a) {
        throw notFound('拍卖');
      }
      if (a.sellerOrgId === actor.organizationId) {
        throw new AppError('forbidden', '卖方不能对自己的成果出价');
      }
      if (a.status !== 'open' || at < a.startsAt || at >= a.endsAt) {
        throw new AppError('auction_not_open', at < a.startsAt ? '拍卖尚未开始' : '拍卖已结束');
      }
      const minimum = a.currentPriceFen === null ? a.startingPriceFen : a.currentPriceFen + a.incrementFen;
      throw new AppError('bid_too_low', `出价须不低于${fenToYuan(minimum)}元（当前价加加价幅度）`, { minimumBid: fenToYuan(minimum) });
    }
    await repo.insertBid(tx, { auctionId: opts.auctionId, bidderOrgId: actor.organizationId, bidderUserId: actor.userId, amountFen, placedAt: at, extended: result.extended });
    await recordAudit(tx, opts.ctx, {
      action: 'techmarket.auction.bid',
      objectType: 'tm_auction',
      objectId: opts.auctionId,
      after: { amountFen, bidderOrgId: actor.organizationId, endsAt: result.endsAt, extended: result.extended },
    });
    return { accepted: true, amount: opts.amount, endsAt: result.endsAt, extended: result.extended, bidCount: result.bidCount };
  });
}

/** After the end: the highest bid at or above the reserve wins and becomes a deal. */
export async function closeAuction(opts: { db: Db; ctx: RequestContext; id: number; at?: Date }) {
  const actor = policy.requireSignedIn(opts.ctx.actor);
  policy.assertAuctioneer(actor);
  const at = opts.at ?? new Date();
  await opts.db.transaction(async (tx) => {
    const a = await repo.findAuction(tx, opts.id, true);
    if (!a) {
      throw notFound('拍卖');
    }
    if (a.status !== 'open') {
      throw new AppError('invalid_state', '拍卖已结束处理');
    }
    if (at < a.endsAt) {
      throw new AppError('auction_not_open', '拍卖尚未到结束时间');
    }
    const sold = a.currentPriceFen !== null && a.currentBidderOrgId !== null && a.currentPriceFen >= a.reservePriceFen;
    let dealId: number | null = null;
    if (sold) {
      const listing = await repo.findListing(tx, a.listingId);
      const seller = await repo.orgInfo(tx, a.sellerOrgId);
      const buyer = await repo.orgInfo(tx, a.currentBidderOrgId!);
      const districtId = listing?.districtId ?? seller?.districtId ?? null;
      if (districtId === null) {
        throw new AppError('invalid_state', '卖方缺少所在区县，无法生成成交');
      }
      const [deal] = await repo.insertDeals(tx, [
        {
          source: 'auction',
          title: a.title,
          supplyListingId: a.listingId,
          auctionId: a.id,
          sellerOrgId: a.sellerOrgId,
          sellerName: listing?.ownerName ?? seller?.name ?? '',
          buyerOrgId: a.currentBidderOrgId,
          buyerName: buyer?.name ?? '',
          districtId,
          domain: listing?.domain ?? '其他',
          amountFen: a.currentPriceFen!,
          // the auction runs on the machine clock; the contract is signed on today's business date
          signedOn: shanghaiDate(),
          createdBy: actor.userId,
        },
      ]);
      dealId = deal.id;
      await recordAudit(tx, opts.ctx, { action: 'techmarket.deal.create', objectType: 'tm_deal', objectId: deal.id, after: deal });
    }
    const after = await repo.closeAuction(tx, a.id, sold ? 'sold' : 'unsold', at, dealId);
    await recordAudit(tx, opts.ctx, { action: 'techmarket.auction.close', objectType: 'tm_auction', objectId: a.id, before: { status: a.status }, after: { status: after?.status, dealId } });
  });
  return getAuction({ db: opts.db, actor, id: opts.id });
}
