import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import { fenToYuan, yuanToFen } from '../../lib/money.js';
import { maskPhone, type PiiCipher } from '../../lib/pii.js';
import { recordAudit } from '../audit/index.js';
import * as policy from './techmarket.policy.js';
import * as repo from './techmarket.repo.js';
import { LISTING_STATUS_NAMES, MAX_QUERY_CHARS, type CreateListingInput, type PatchListingInput, type SearchQuery } from './techmarket.schema.js';
import { buildSearchVector, buildTsQuery, foldHanCompatibility, keywords, matchRanges, queryTerms, snippet, type QueryTerm } from './techmarket.text.js';

const SUMMARY_CHARS = 80;

/** Validates a free-text query: ≤ 100 characters and at least one letter, digit or Han character. */
export function parseQuery(q: string): QueryTerm[] {
  const text = q.trim();
  if ([...text].length > MAX_QUERY_CHARS) {
    throw new AppError('invalid_search', `检索词不能超过${MAX_QUERY_CHARS}个字`, { fields: [{ field: 'q', message: `检索词不能超过${MAX_QUERY_CHARS}个字` }] });
  }
  const terms = queryTerms(text);
  if (terms.length === 0) {
    throw new AppError('invalid_search', '检索词须包含文字或数字（不能只有标点符号）', { fields: [{ field: 'q', message: '检索词须包含文字或数字' }] });
  }
  return terms.slice(0, 16);
}

function presentListItem(r: repo.ListingListRow, terms: QueryTerm[] | null, titleHit: boolean | null) {
  const snip = terms ? snippet(r.description, terms, SUMMARY_CHARS) : null;
  const summary = snip ? snip.text : r.description.length > SUMMARY_CHARS ? `${r.description.slice(0, SUMMARY_CHARS)}…` : r.description;
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    summary,
    domain: r.domain,
    maturity: r.maturity,
    priceMode: r.priceMode,
    price: r.priceFen === null ? null : fenToYuan(r.priceFen),
    districtName: r.districtName,
    ownerName: r.ownerName,
    status: r.status,
    statusName: LISTING_STATUS_NAMES[r.status],
    approvedAt: r.status === 'approved' ? r.reviewedAt : null,
    highlight: terms ? { title: matchRanges(r.title, terms), summary: snip?.highlights ?? [] } : null,
    titleHit,
  };
}

/**
 * Public search. Without a query: approved listings, newest first. With a query: tier 1 is the
 * listings whose title holds every term (weight A), newest first; tier 2 the listings matching
 * only through the description. The cursor carries (tier, last id), so pages never need a count.
 */
export async function searchListings(opts: { db: Db; query: SearchQuery }) {
  const { db, query } = opts;
  const districtId = query.district ? await repo.districtIdByRef(db, query.district) : undefined;
  if (query.district && districtId === undefined) {
    throw fieldError('district', `区县“${query.district}”不存在`);
  }
  const filter = { kind: query.kind, domain: query.domain, districtId };
  const q = query.q?.trim();
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  if (!q) {
    const rows = await repo.latestApproved(db, { ...filter, beforeId: after?.id, limit: query.limit + 1 });
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return { items: items.map((r) => presentListItem(r, null, null)), nextCursor: rows.length > query.limit && last ? encodeCursor(0, last.id) : null };
  }
  const terms = parseQuery(q);
  const inTitle = buildTsQuery(terms, 'A');
  const any = buildTsQuery(terms);
  // terms of two or more Han characters are substrings: the windows test the text, not the tsvector
  const han = terms.every((t) => t.han && t.text.length >= 2) ? terms.map((t) => t.text) : undefined;
  const tiers: Record<1 | 2, repo.TierMatch> = {
    1: { tsquery: inTitle, ...(han ? { han: { terms: han, part: 'title' } } : {}) },
    2: { tsquery: any, exclude: inTitle, ...(han ? { han: { terms: han, part: 'rest' } } : {}) },
  };
  const want = query.limit + 1;
  let tier: 1 | 2 = after?.value === 2 ? 2 : 1;
  // the first window also tells whether any row in it matches at all: if none does, the term is rare
  const first = await repo.searchTier(db, { ...filter, match: tiers[tier], beforeId: after?.id, want, probe: { tsquery: any, ...(han ? { han: { terms: han, part: 'any' } } : {}) } });
  const out = first.rare
    ? await repo.searchRare(db, { ...filter, any, inTitle, after: after ? { tier, id: after.id } : undefined, want })
    : first.rows.map((r) => ({ ...r, tier }));
  if (!first.rare && out.length < want && tier === 1) {
    tier = 2;
    out.push(...(await repo.searchTier(db, { ...filter, match: tiers[2], want: want - out.length })).rows.map((r) => ({ ...r, tier })));
  }
  const page = out.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentListItem(r, terms, r.tier === 1)),
    nextCursor: out.length > query.limit && last ? encodeCursor(last.tier, last.id) : null,
  };
}

function contactOf(l: repo.ListingRow, pii: PiiCipher, full: boolean) {
  const phone = l.contactPhoneEnc ? pii.decrypt(l.contactPhoneEnc) : null;
  const email = l.contactEmailEnc ? pii.decrypt(l.contactEmailEnc) : null;
  const maskEmail = (e: string) => e.replace(/^(.).*(@.*)$/, '$1***$2');
  return {
    contactName: l.contactName,
    contactPhone: phone ? (full ? phone : maskPhone(phone)) : null,
    contactEmail: email ? (full ? email : maskEmail(email)) : null,
  };
}

export async function getListing(opts: { db: Db; actor: Actor | null; id: number; pii: PiiCipher }) {
  const l = await repo.findListing(opts.db, opts.id);
  if (!l || !policy.canSeeListing(opts.actor, l)) {
    throw notFound('发布信息');
  }
  const mine = !!opts.actor && opts.actor.organizationId === l.organizationId;
  const auction = l.kind === 'supply' ? await repo.openAuctionForListing(opts.db, l.id) : undefined;
  return {
    ...presentListItem({ ...l, districtName: l.districtName }, null, null),
    description: l.description,
    ipItems: l.ipItems,
    attachments: l.attachments,
    ...contactOf(l, opts.pii, mine),
    rejectReason: l.rejectReason,
    organizationId: l.organizationId,
    mine,
    version: l.version,
    createdAt: l.createdAt,
    auctionId: auction?.id ?? null,
  };
}

function auditView(l: repo.ListingRow) {
  const { searchVector, contactPhoneEnc, contactPhoneHash, contactEmailEnc, ...rest } = l;
  void searchVector;
  void contactPhoneHash;
  return { ...rest, contactPhone: contactPhoneEnc ? '(encrypted)' : null, contactEmail: contactEmailEnc ? '(encrypted)' : null };
}

function contactColumns(input: Partial<Pick<CreateListingInput, 'contactPhone' | 'contactEmail'>>, pii: PiiCipher): Partial<repo.NewListingRow> {
  const out: Partial<repo.NewListingRow> = {};
  if (input.contactPhone !== undefined) {
    out.contactPhoneEnc = input.contactPhone ? pii.encrypt(input.contactPhone) : null;
    out.contactPhoneHash = input.contactPhone ? pii.lookupHash(input.contactPhone) : null;
  }
  if (input.contactEmail !== undefined) {
    out.contactEmailEnc = input.contactEmail ? pii.encrypt(input.contactEmail) : null;
  }
  return out;
}

async function districtFor(db: Db, ref: string | null | undefined, fallback: number | null): Promise<number | null> {
  if (!ref) {
    return fallback;
  }
  const id = await repo.districtIdByRef(db, ref);
  if (id === undefined) {
    throw fieldError('district', `区县“${ref}”不存在`);
  }
  return id;
}

export async function createListing(opts: { db: Db; ctx: RequestContext; pii: PiiCipher; input: CreateListingInput }) {
  const actor = policy.requireSignedIn(opts.ctx.actor);
  policy.assertCanPost(actor);
  const i = { ...opts.input, title: foldHanCompatibility(opts.input.title), description: foldHanCompatibility(opts.input.description) };
  if (i.priceMode === 'fixed' && (i.price === undefined || i.price === null)) {
    throw fieldError('price', '一口价须填写价格');
  }
  if (i.priceMode === 'auction' && i.kind !== 'supply') {
    throw fieldError('priceMode', '只有成果（供给）可以拍卖');
  }
  const districtId = await districtFor(opts.db, i.district, actor.districtId);
  return opts.db.transaction(async (tx) => {
    const row = await repo.insertListing(tx, {
      kind: i.kind,
      title: i.title,
      description: i.description,
      domain: i.domain,
      maturity: i.maturity ?? null,
      ipItems: i.ipItems ?? [],
      priceMode: i.priceMode,
      priceFen: i.price === undefined || i.price === null ? null : yuanToFen(i.price),
      districtId,
      organizationId: actor.organizationId,
      enterpriseId: actor.enterpriseId,
      ownerName: actor.organizationName,
      createdBy: actor.userId,
      contactName: i.contactName ?? null,
      attachments: i.attachments ?? [],
      status: 'pending',
      searchVector: buildSearchVector(i.title, i.description),
      ...contactColumns(i, opts.pii),
    });
    await recordAudit(tx, opts.ctx, { action: 'techmarket.listing.create', objectType: 'tm_listing', objectId: row.id, after: auditView(row) });
    return { id: row.id, status: row.status, statusName: LISTING_STATUS_NAMES[row.status] };
  });
}

/** The owner edits; an edit of an approved or rejected listing sends it back to moderation. */
export async function updateListing(opts: { db: Db; ctx: RequestContext; pii: PiiCipher; id: number; input: PatchListingInput }) {
  const actor = policy.requireSignedIn(opts.ctx.actor);
  const { version, district, contactPhone, contactEmail, price, ...typed } = opts.input;
  const fields = {
    ...typed,
    title: typed.title === undefined ? undefined : foldHanCompatibility(typed.title),
    description: typed.description === undefined ? undefined : foldHanCompatibility(typed.description),
  };
  const districtId = district !== undefined ? await districtFor(opts.db, district, null) : undefined;
  await opts.db.transaction(async (tx) => {
    const before = await repo.findListing(tx, opts.id, true);
    if (!before || before.organizationId !== actor.organizationId || !hasRole(actor, 'enterprise_user')) {
      throw notFound('发布信息');
    }
    if (before.status === 'withdrawn') {
      throw new AppError('invalid_state', '已撤回的信息不能修改');
    }
    const title = fields.title ?? before.title;
    const description = fields.description ?? before.description;
    const set: Partial<repo.NewListingRow> = {
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      ...(price !== undefined ? { priceFen: price === null ? null : yuanToFen(price) } : {}),
      ...(districtId !== undefined ? { districtId } : {}),
      ...contactColumns({ contactPhone, contactEmail }, opts.pii),
      searchVector: buildSearchVector(title, description),
      status: 'pending',
      rejectReason: null,
    };
    const after = await repo.updateListing(tx, opts.id, set, version);
    if (!after) {
      throw new AppError('version_conflict', '该信息已被修改，请刷新后重试', { currentVersion: before.version });
    }
    await recordAudit(tx, opts.ctx, { action: 'techmarket.listing.update', objectType: 'tm_listing', objectId: opts.id, before: auditView(before), after: auditView(after) });
  });
  return getListing({ db: opts.db, actor, id: opts.id, pii: opts.pii });
}

export async function withdrawListing(opts: { db: Db; ctx: RequestContext; id: number }) {
  const actor = policy.requireSignedIn(opts.ctx.actor);
  return opts.db.transaction(async (tx) => {
    const before = await repo.findListing(tx, opts.id, true);
    if (!before || before.organizationId !== actor.organizationId || !hasRole(actor, 'enterprise_user')) {
      throw notFound('发布信息');
    }
    if (before.status === 'withdrawn') {
      throw new AppError('invalid_state', '该信息已撤回');
    }
    const after = await repo.updateListing(tx, opts.id, { status: 'withdrawn' });
    await recordAudit(tx, opts.ctx, { action: 'techmarket.listing.withdraw', objectType: 'tm_listing', objectId: opts.id, before: { status: before.status }, after: { status: 'withdrawn' } });
    return { id: opts.id, status: after!.status, statusName: LISTING_STATUS_NAMES[after!.status] };
  });
}

/** Approval makes a listing public and notifies the saved searches it matches. */
export async function approveListing(opts: { db: Db; ctx: RequestContext; id: number }) {
  const actor = policy.requireSignedIn(opts.ctx.actor);
  policy.assertModerator(actor);
  return opts.db.transaction(async (tx) => {
    const before = await repo.findListing(tx, opts.id, true);
    if (!before) {
      throw notFound('发布信息');
    }
    if (before.status !== 'pending') {
      throw new AppError('invalid_state', `只有待审核的信息可以通过（当前：${before.status}）`);
    }
    const after = await repo.updateListing(tx, opts.id, { status: 'approved', reviewedBy: actor.userId, reviewedAt: new Date(), rejectReason: null });
    const notified = await notifySubscribers(tx, after!);
    await recordAudit(tx, opts.ctx, {
      action: 'techmarket.listing.approve',
      objectType: 'tm_listing',
      objectId: opts.id,
      before: { status: before.status },
      after: { status: 'approved', notified },
    });
    return { id: opts.id, status: after!.status, statusName: LISTING_STATUS_NAMES[after!.status] };
  });
}

export async function rejectListing(opts: { db: Db; ctx: RequestContext; id: number; reason: string }) {
  const actor = policy.requireSignedIn(opts.ctx.actor);
  policy.assertModerator(actor);
  return opts.db.transaction(async (tx) => {
    const before = await repo.findListing(tx, opts.id, true);
    if (!before) {
      throw notFound('发布信息');
    }
    if (before.status !== 'pending') {
      throw new AppError('invalid_state', `只有待审核的信息可以退回（当前：${before.status}）`);
    }
    const after = await repo.updateListing(tx, opts.id, { status: 'rejected', rejectReason: opts.reason, reviewedBy: actor.userId, reviewedAt: new Date() });
    await recordAudit(tx, opts.ctx, {
      action: 'techmarket.listing.reject',
      objectType: 'tm_listing',
      objectId: opts.id,
      before: { status: before.status },
      after: { status: 'rejected', reason: opts.reason },
    });
    return { id: opts.id, status: after!.status, statusName: LISTING_STATUS_NAMES[after!.status] };
  });
}

async function notifySubscribers(db: Executor, l: repo.ListingRow): Promise<number> {
  const subs = await repo.subscriptionsFor(db, l);
  const hits: typeof subs = [];
  for (const s of subs) {
    if (!s.q) {
      hits.push(s);
      continue;
    }
    const terms = queryTerms(s.q);
    if (terms.length && (await repo.listingMatches(db, l.id, buildTsQuery(terms)))) {
      hits.push(s);
    }
  }
  const inserted = await repo.insertNotifications(
    db,
    hits.map((s) => ({ userId: s.userId, subscriptionId: s.id, listingId: l.id, title: `订阅“${s.name}”有新${l.kind === 'supply' ? '成果' : '需求'}：${l.title}` })),
  );
  return inserted.length;
}

function pageOf(rows: repo.ListingListRow[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map((r) => presentListItem(r, null, null)), nextCursor: rows.length > limit && last ? encodeCursor(0, last.id) : null };
}

export async function listModeration(opts: { db: Db; actor: Actor; status: string; limit: number; cursor?: string }) {
  const scope = policy.moderationScope(opts.actor);
  const after = opts.cursor ? decodeCursor(opts.cursor) : undefined;
  const cond = sql`tm_listings.status = ${opts.status}`;
  const rows = await repo.listByScope(opts.db, { where: scope ? sql`${cond} and ${scope}` : cond, beforeId: after?.id, limit: opts.limit + 1 });
  return pageOf(rows, opts.limit);
}

export async function listMyListings(opts: { db: Db; actor: Actor; limit: number; cursor?: string }) {
  if (!hasRole(opts.actor, 'enterprise_user')) {
    return { items: [], nextCursor: null };
  }
  const after = opts.cursor ? decodeCursor(opts.cursor) : undefined;
  const rows = await repo.listByScope(opts.db, { where: policy.listingScope(opts.actor), beforeId: after?.id, limit: opts.limit + 1 });
  return pageOf(rows, opts.limit);
}

/** Suggestions for a listing: the other kind, by shared words, same domain and same district. */
export async function matchListing(opts: { db: Db; actor: Actor; id: number; limit?: number }) {
  const l = await repo.findListing(opts.db, opts.id);
  if (!l || !policy.canSeeListing(opts.actor, l)) {
    throw notFound('发布信息');
  }
  const words = [...keywords(`${l.title} ${l.description}`)].sort((a, b) => b.length - a.length).slice(0, 24);
  const anyWords = words.length ? words.map((w) => buildTsQuery([{ text: w, han: /\p{Script=Han}/u.test(w) }])).join(' | ') : null;
  const rows = await repo.matchCandidates(opts.db, {
    id: l.id,
    kind: l.kind === 'supply' ? 'demand' : 'supply',
    anyWords,
    domain: l.domain,
    districtId: l.districtId,
    limit: opts.limit ?? 10,
  });
  return {
    items: rows.map((r) => {
      const theirs = keywords(`${r.title} ${r.description}`);
      const shared = words.filter((w) => theirs.has(w)).slice(0, 5);
      const reasons = [
        ...(shared.length ? [`共同关键词：${shared.join('、')}`] : []),
        ...(r.domain === l.domain ? [`同属${r.domain}领域`] : []),
        ...(r.districtId !== null && r.districtId === l.districtId ? [`同在${r.districtName ?? ''}`] : []),
      ];
      return { id: r.id, kind: r.kind, title: r.title, domain: r.domain, districtName: r.districtName, ownerName: r.ownerName, score: Math.round(r.score * 1000) / 1000, reasons };
    }),
  };
}

// ---------- subscriptions & notifications ----------

export async function listSubscriptions(opts: { db: Db; actor: Actor }) {
  const rows = await repo.listSubscriptions(opts.db, opts.actor.userId);
  return { items: rows.map((s) => ({ id: s.id, name: s.name, q: s.q, kind: s.kind, domain: s.domain, createdAt: s.createdAt })) };
}

export async function createSubscription(opts: { db: Db; ctx: RequestContext; input: { name: string; q?: string | null; kind?: 'supply' | 'demand' | null; domain?: string | null } }) {
  const actor = policy.requireSignedIn(opts.ctx.actor);
  if (opts.input.q) {
    parseQuery(opts.input.q);
  }
  return opts.db.transaction(async (tx) => {
    const s = await repo.insertSubscription(tx, {
      userId: actor.userId,
      organizationId: actor.organizationId,
      name: opts.input.name,
      q: opts.input.q ?? null,
      kind: opts.input.kind ?? null,
      domain: opts.input.domain ?? null,
    });
    await recordAudit(tx, opts.ctx, { action: 'techmarket.subscription.create', objectType: 'tm_subscription', objectId: s.id, after: s });
    return { id: s.id, name: s.name, q: s.q, kind: s.kind, domain: s.domain, createdAt: s.createdAt };
  });
}

export async function deleteSubscription(opts: { db: Db; ctx: RequestContext; id: number }) {
  const actor = policy.requireSignedIn(opts.ctx.actor);
  await opts.db.transaction(async (tx) => {
    const s = await repo.deactivateSubscription(tx, opts.id, actor.userId);
    if (!s) {
      throw notFound('订阅');
    }
    await recordAudit(tx, opts.ctx, { action: 'techmarket.subscription.delete', objectType: 'tm_subscription', objectId: s.id, before: s });
  });
}

export async function listNotifications(opts: { db: Db; actor: Actor }) {
  const { items, unread } = await repo.listNotifications(opts.db, opts.actor.userId, 50);
  return {
    items: items.map((n) => ({ id: n.id, title: n.title, listingId: n.listingId, subscriptionId: n.subscriptionId, readAt: n.readAt, createdAt: n.createdAt })),
    unread,
  };
}

export async function readNotification(opts: { db: Db; ctx: RequestContext; id: number }) {
  const actor = policy.requireSignedIn(opts.ctx.actor);
  await opts.db.transaction(async (tx) => {
    const n = await repo.markNotificationRead(tx, opts.id, actor.userId);
    if (!n) {
      throw notFound('通知');
    }
    await recordAudit(tx, opts.ctx, { action: 'techmarket.notification.read', objectType: 'tm_notification', objectId: n.id });
  });
}
