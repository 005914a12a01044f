import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations, users } from '../../db/schema/orgs.js';
import { hashPassword } from '../../lib/password.js';
import { createTestApp, loginAs, TEST_PASSWORD, type Session, type TestApp } from '../../test/harness.js';
import { placeBid } from './techmarket.auctions.service.js';
import { computeTechmarketIndicators } from './index.js';
import { addDays, shanghaiDate } from './techmarket.deals.service.js';

let t: TestApp;
let ent: Session;
let officer: Session;
let xihu: Session;
let binjiang: Session;
let auditor: Session;
let buyerA: Session;
let buyerB: Session;
const anon = (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) => t.app.inject({ method, url, ...(payload ? { payload } : {}) });

/** A second and third enterprise (organisation + user) to bid and buy. */
async function enterpriseUser(username: string, orgName: string, districtCode: string): Promise<Session> {
  const db = t.deps.database.db;
  const [d] = await db.execute<{ id: number }>(sql`select id from districts where code = ${districtCode}`).then((r) => (Array.isArray(r) ? r : (r as { rows: { id: number }[] }).rows));
  const [org] = await db.insert(organizations).values({ name: orgName, kind: 'enterprise', districtId: Number(d.id) }).returning();
  await db.insert(users).values({ username, displayName: username, roles: ['enterprise_user'], organizationId: org.id, passwordHash: await hashPassword(TEST_PASSWORD) });
  return loginAs(t.app, username);
}

const listing = { kind: 'supply', title: '测试用高精度视觉定位技术', description: '用于产线装配的高精度视觉定位技术，重复定位精度0.01mm。', domain: '先进制造与自动化', priceMode: 'auction', contactName: '陈工', contactPhone: '13812345678' };

beforeAll(async () => {
  t = await createTestApp();
  [ent, officer, xihu, binjiang, auditor] = await Promise.all(['enterprise', 'officer', 'xihu', 'binjiang', 'auditor'].map((u) => loginAs(t.app, u)));
  buyerA = await enterpriseUser('buyer_a', '杭州甲方智能装备有限公司', '330108');
  buyerB = await enterpriseUser('buyer_b', '杭州乙方机电有限公司', '330110');
}, 120_000);
afterAll(async () => t?.close());

describe('moderation visibility', () => {
  it('when a listing is posted, then it is pending and invisible to the public until a city officer approves it', async () => {
    const res = await ent.request('POST', '/api/techmarket/listings', listing);
    expect(res.statusCode, res.body).toBe(201);
    const { id, status, statusName } = res.json<{ id: number; status: string; statusName: string }>();
    expect([status, statusName]).toEqual(['pending', '待审核']);
    expect((await anon('GET', `/api/techmarket/listings/${id}`)).statusCode).toBe(404);
    const before = await anon('GET', `/api/techmarket/listings?q=${encodeURIComponent('视觉定位')}`);
    expect(before.json<{ items: { id: number }[] }>().items.map((i) => i.id)).not.toContain(id);
    // The owner sees it, with its contact in clear; the district officer of its district too.
    const own = await ent.request('GET', `/api/techmarket/listings/${id}`);
    expect(own.json<{ contactPhone: string }>().contactPhone).toBe('13812345678');
    expect((await xihu.request('GET', `/api/techmarket/listings/${id}`)).statusCode).toBe(200);
    expect((await binjiang.request('GET', `/api/techmarket/listings/${id}`)).statusCode).toBe(404);
    expect((await buyerA.request('GET', `/api/techmarket/listings/${id}`)).statusCode).toBe(404);
    // Only a city officer moderates.
    expect((await xihu.request('POST', `/api/techmarket/listings/${id}/approve`)).statusCode).toBe(403);
    expect((await ent.request('POST', `/api/techmarket/listings/${id}/approve`)).statusCode).toBe(403);
    expect((await auditor.request('POST', `/api/techmarket/listings/${id}/approve`)).statusCode).toBe(403);
    expect((await anon('POST', `/api/techmarket/listings/${id}/approve`)).statusCode).toBe(401);
    expect((await officer.request('POST', `/api/techmarket/listings/${id}/approve`)).statusCode).toBe(200);
    const pub = await anon('GET', `/api/techmarket/listings/${id}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json<{ contactPhone: string }>().contactPhone).toBe('138****5678');
    const after = await anon('GET', `/api/techmarket/listings?q=${encodeURIComponent('视觉定位')}`);
    expect(after.json<{ items: { id: number }[] }>().items.map((i) => i.id)).toContain(id);
  });

  it('when a listing is rejected, then the reason is kept, it stays private, and the phone is encrypted at rest', async () => {
    const { id } = (await ent.request('POST', '/api/techmarket/listings', { ...listing, title: '测试退回的成果信息', priceMode: 'negotiable' })).json<{ id: number }>();
    expect((await officer.request('POST', `/api/techmarket/listings/${id}/reject`, {})).statusCode).toBe(400);
    expect((await officer.request('POST', `/api/techmarket/listings/${id}/reject`, { reason: '缺少知识产权证明' })).statusCode).toBe(200);
    expect((await anon('GET', `/api/techmarket/listings/${id}`)).statusCode).toBe(404);
    expect((await ent.request('GET', `/api/techmarket/listings/${id}`)).json<{ rejectReason: string }>().rejectReason).toBe('缺少知识产权证明');
    const rows = await t.deps.database.rows<{ contact_phone_enc: string }>(sql`select contact_phone_enc from tm_listings where id = ${id}`);
    expect(rows[0].contact_phone_enc).not.toContain('13812345678');
    const queue = await officer.request('GET', '/api/techmarket/moderation?status=rejected');
    expect(queue.json<{ items: { id: number }[] }>().items.map((i) => i.id)).toContain(id);
    expect((await buyerA.request('GET', '/api/techmarket/moderation')).statusCode).toBe(403);
  });

  it('when a subscriber saved a search, then approving a matching listing notifies it in-app', async () => {
    expect((await buyerA.request('POST', '/api/techmarket/subscriptions', { name: '视觉', q: '视觉检测' })).statusCode).toBe(201);
    const { id } = (await ent.request('POST', '/api/techmarket/listings', { ...listing, title: '测试机器视觉检测成果', priceMode: 'negotiable' })).json<{ id: number }>();
    await officer.request('POST', `/api/techmarket/listings/${id}/approve`);
    const n = (await buyerA.request('GET', '/api/techmarket/notifications')).json<{ items: { listingId: number }[]; unread: number }>();
    expect(n.items.map((i) => i.listingId)).toContain(id);
    expect(n.unread).toBeGreaterThan(0);
    const matches = await ent.request('GET', `/api/techmarket/listings/${id}/matches`);
    expect(matches.statusCode).toBe(200);
  });
});

describe('deals and contract registration', () => {
  it('when the seller registers a contract, then the registrar registers it with a number and technical income = amount − non-technical', async () => {
    const deal = await ent.request('POST', '/api/techmarket/deals', { source: 'offline', title: '视觉定位技术开发合同', buyerName: '杭州甲方智能装备有限公司', domain: '先进制造与自动化', amount: 500000, signedOn: addDays(shanghaiDate(), -5) });
    expect(deal.statusCode, deal.body).toBe(201);
    const d = deal.json<{ id: number; registrationStatus: string; registrationStatusName: string; daysLeft: number }>();
    expect(d).toMatchObject({ registrationStatus: 'none', registrationStatusName: '未申请' });
    expect(d.daysLeft).toBe(25);
    const bad = await ent.request('POST', `/api/techmarket/deals/${d.id}/registration`, { contractType: 'development_commissioned', contractTitle: '视觉定位技术开发合同', amount: 500000, nonTechnicalItems: [{ kind: '设备', amount: 600000 }] });
    expect(bad.statusCode).toBe(400);
    expect((await buyerA.request('POST', `/api/techmarket/deals/${d.id}/registration`, { contractType: 'service', contractTitle: 'x合同', amount: 1 })).statusCode).toBe(404);
    const sub = await ent.request('POST', `/api/techmarket/deals/${d.id}/registration`, { contractType: 'development_commissioned', contractTitle: '视觉定位技术开发合同', amount: 500000, nonTechnicalItems: [{ kind: '设备', amount: 120000.5 }] });
    expect(sub.statusCode, sub.body).toBe(201);
    const reg = sub.json<{ id: number; status: string; nonTechnical: number }>();
    expect(reg.nonTechnical).toBe(120000.5);
    // Returned with reasons, resubmitted, then registered.
    expect((await ent.request('POST', `/api/techmarket/registrations/${reg.id}/return`, { reasons: ['缺少附件'] })).statusCode).toBe(403);
    const ret = await officer.request('POST', `/api/techmarket/registrations/${reg.id}/return`, { reasons: ['合同类型应为技术服务', '缺少设备清单'] });
    expect(ret.json<{ status: string; returnReasons: string[] }>()).toMatchObject({ status: 'returned', statusName: '已退回', returnReasons: ['合同类型应为技术服务', '缺少设备清单'] });
    expect((await officer.request('POST', `/api/techmarket/registrations/${reg.id}/register`, {})).statusCode).toBe(409);
    const again = await ent.request('POST', `/api/techmarket/deals/${d.id}/registration`, { contractType: 'service', contractTitle: '视觉定位技术服务合同', amount: 500000, nonTechnicalItems: [{ kind: '设备', amount: 100000 }] });
    expect(again.statusCode).toBe(201);
    const done = await officer.request('POST', `/api/techmarket/registrations/${reg.id}/register`, { contractType: 'development_commissioned' });
    expect(done.statusCode, done.body).toBe(200);
    const r = done.json<{ status: string; technicalIncome: number; registrationNo: string; contractType: string; amount: number }>();
    expect(r).toMatchObject({ status: 'registered', statusName: '已登记', technicalIncome: 400000, contractType: 'development_commissioned', amount: 500000 });
    expect(r.registrationNo).toMatch(/^\d{4}330106\d{6}$/);
    expect((await ent.request('POST', `/api/techmarket/deals/${d.id}/registration`, { contractType: 'service', contractTitle: '再次提交合同', amount: 1 })).statusCode).toBe(409);
  });

  it('when the deadline has passed, then the first submission is refused, and a new rule version changes the deadline', async () => {
    const signedOn = addDays(shanghaiDate(), -40);
    const d = (await ent.request('POST', '/api/techmarket/deals', { source: 'offline', title: '逾期合同', buyerName: '某某公司', domain: '电子信息', amount: 1000, signedOn })).json<{ id: number; atRisk: boolean }>();
    expect(d.atRisk).toBe(true);
    const risky = await xihu.request('GET', '/api/techmarket/deals?atRisk=true');
    expect(risky.json<{ items: { id: number }[] }>().items.map((i) => i.id)).toContain(d.id);
    const late = await ent.request('POST', `/api/techmarket/deals/${d.id}/registration`, { contractType: 'consulting', contractTitle: '逾期合同', amount: 1000 });
    expect(late.json<{ error: { code: string } }>().error.code).toBe('registration_overdue');
    expect((await ent.request('POST', '/api/techmarket/registration-rules', { deadlineDays: 60, atRiskDays: 10, effectiveFrom: '2000-01-02' })).statusCode).toBe(403);
    const rule = await officer.request('POST', '/api/techmarket/registration-rules', { deadlineDays: 60, atRiskDays: 10, effectiveFrom: '2000-01-02', note: '试行60日' });
    expect(rule.json<{ version: number }>().version).toBe(2);
    const ok = await ent.request('POST', `/api/techmarket/deals/${d.id}/registration`, { contractType: 'consulting', contractTitle: '逾期合同', amount: 1000 });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<{ ruleVersion: number }>().ruleVersion).toBe(2);
    // Other districts' officers and other enterprises do not see the deal.
    expect((await binjiang.request('GET', `/api/techmarket/deals/${d.id}`)).statusCode).toBe(404);
    expect((await buyerB.request('GET', `/api/techmarket/deals/${d.id}`)).statusCode).toBe(404);
    expect((await auditor.request('GET', `/api/techmarket/deals/${d.id}`)).statusCode).toBe(200);
  });
});

describe('statistics', () => {
  it('when computing 2015 from the demo data, then techmarket.deals = 6243 and techmarket.amount = 7,742,000,000 yuan', async () => {
    const ind = await computeTechmarketIndicators({ db: t.deps.database.db, year: 2015 });
    expect(ind.deals).toBe(6243);
    expect(ind.amount).toBe(7_742_000_000);
    expect(ind.byDistrict.reduce((s, d) => s + d.deals, 0)).toBe(6243);
    const res = await officer.request('GET', '/api/techmarket/stats?year=2015');
    const all = res.json<{ totals: { deals: number; amount: number }; byDistrict: { name: string; deals: number }[] }>();
    expect(all.totals).toMatchObject({ deals: 6243, amount: 7_742_000_000 });
    const mine = (await xihu.request('GET', '/api/techmarket/stats?year=2015')).json<{ totals: { deals: number }; byDistrict: { name: string }[] }>();
    expect(mine.byDistrict.map((b) => b.name)).toEqual(['西湖区']);
    expect(mine.totals.deals).toBe(all.byDistrict.find((b) => b.name === '西湖区')?.deals);
    expect((await xihu.request('GET', '/api/techmarket/stats?year=2015&district=滨江区')).statusCode).toBe(403);
    expect((await ent.request('GET', '/api/techmarket/stats?year=2015')).statusCode).toBe(403);
  });
});

describe('auctions', () => {
  async function openAuction(overrides: Record<string, unknown> = {}) {
    const { id } = (await ent.request('POST', '/api/techmarket/listings', { ...listing, title: `拍卖测试成果${Math.random().toString(36).slice(2, 6)}` })).json<{ id: number }>();
    await officer.request('POST', `/api/techmarket/listings/${id}/approve`);
    const now = Date.now();
    const res = await officer.request('POST', '/api/techmarket/auctions', {
      listingId: id,
      startingPrice: 100000,
      reservePrice: 150000,
      increment: 10000,
      startsAt: new Date(now - 60_000).toISOString(),
      endsAt: new Date(now + 3_600_000).toISOString(),
      extensionWindowSeconds: 300,
      extensionSeconds: 300,
      ...overrides,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: number; endsAt: string }>();
  }

  it('when bidding, then the first bid must reach the start price and each next bid the current price plus the increment; the seller cannot bid', async () => {
    const a = await openAuction();
    expect((await buyerA.request('POST', `/api/techmarket/auctions/${a.id}/bids`, { amount: 99999 })).json<{ error: { code: string } }>().error.code).toBe('bid_too_low');
    expect((await buyerA.request('POST', `/api/techmarket/auctions/${a.id}/bids`, { amount: 100000 })).statusCode).toBe(201);
    expect((await buyerB.request('POST', `/api/techmarket/auctions/${a.id}/bids`, { amount: 105000 })).statusCode).toBe(409);
    expect((await buyerB.request('POST', `/api/techmarket/auctions/${a.id}/bids`, { amount: 110000 })).statusCode).toBe(201);
    expect((await ent.request('POST', `/api/techmarket/auctions/${a.id}/bids`, { amount: 200000 })).statusCode).toBe(403);
    expect((await officer.request('POST', `/api/techmarket/auctions/${a.id}/bids`, { amount: 200000 })).statusCode).toBe(403);
    const pub = (await anon('GET', `/api/techmarket/auctions/${a.id}`)).json<{ currentPrice: number; reservePrice: number | null; reserveMet: boolean; bids: { bidder: string }[] }>();
    expect(pub).toMatchObject({ phase: 'bidding', phaseName: '竞价中', currentPrice: 110000, reservePrice: null, reserveMet: false });
    expect(pub.bids.map((b) => b.bidder)).toEqual(['竞买人2', '竞买人1']);
    // Closing before the end is refused.
    expect((await officer.request('POST', `/api/techmarket/auctions/${a.id}/close`)).statusCode).toBe(409);
  });

  it('when a bid comes inside the extension window, then the end moves out; after the end, bids are refused; the winner above reserve becomes a deal', async () => {
    const a = await openAuction();
    const db = t.deps.database.db;
    const end = new Date(a.endsAt);
    const ctxOf = async (s: Session) => {
      const [u] = await db.select().from(users).where(eq(users.id, s.userId));
      const [o] = await db.select().from(organizations).where(eq(organizations.id, u.organizationId));
      return { actor: { userId: u.id, username: u.username, displayName: u.displayName, roles: u.roles, organizationId: o.id, organizationName: o.name, organizationKind: o.kind, districtId: o.districtId, districtCode: null, districtName: null, enterpriseId: null, via: 'session' as const, credentialId: 'x', csrfToken: null }, requestId: 'test', ip: '127.0.0.1' };
    };
    const ctxA = await ctxOf(buyerA);
    const ctxB = await ctxOf(buyerB);
    // 10 minutes before the end: no extension.
    const early = await placeBid({ db, ctx: ctxA, auctionId: a.id, amount: 100000, at: new Date(end.getTime() - 600_000) });
    expect(early.extended).toBe(false);
    // 2 seconds before the end: the end becomes bid time + 300 s.
    const late = await placeBid({ db, ctx: ctxB, auctionId: a.id, amount: 150000, at: new Date(end.getTime() - 2_000) });
    expect(late.extended).toBe(true);
    expect(late.endsAt.getTime()).toBe(end.getTime() - 2_000 + 300_000);
    await expect(placeBid({ db, ctx: ctxA, auctionId: a.id, amount: 200000, at: new Date(late.endsAt.getTime() + 1) })).rejects.toMatchObject({ code: 'auction_not_open' });
    await db.execute(sql`update tm_auctions set ends_at = now() - interval '1 second' where id = ${a.id}`);
    const closed = await officer.request('POST', `/api/techmarket/auctions/${a.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    const c = closed.json<{ status: string; phaseName: string; dealId: number }>();
    expect(c).toMatchObject({ status: 'sold', phase: 'closed', phaseName: '已结束' });
    const deal = (await buyerB.request('GET', `/api/techmarket/deals/${c.dealId}`)).json<{ source: string; amount: number; buyerName: string }>();
    expect(deal).toMatchObject({ source: 'auction', amount: 150000, buyerName: '杭州乙方机电有限公司' });
  });

  it('when many last-second bids of the same amount race, then exactly one is accepted and the price rises by one step', async () => {
    const a = await openAuction();
    const bidders = [buyerA, buyerB];
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => bidders[i % 2].request('POST', `/api/techmarket/auctions/${a.id}/bids`, { amount: 100000 })));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(11);
    const detail = (await anon('GET', `/api/techmarket/auctions/${a.id}`)).json<{ currentPrice: number; bidCount: number; bids: unknown[] }>();
    expect(detail).toMatchObject({ currentPrice: 100000, bidCount: 1 });
    expect(detail.bids).toHaveLength(1);
    // Racing ascending bids: every accepted bid is at least one increment above the one before.
    const racing = await Promise.all(Array.from({ length: 10 }, (_, i) => bidders[i % 2].request('POST', `/api/techmarket/auctions/${a.id}/bids`, { amount: 110000 + 10000 * (i % 3) })));
    const after = (await anon('GET', `/api/techmarket/auctions/${a.id}`)).json<{ currentPrice: number; bidCount: number; bids: { amount: number }[] }>();
    expect(after.bidCount).toBe(1 + racing.filter((r) => r.statusCode === 201).length);
    const amounts = after.bids.map((b) => b.amount).reverse();
    amounts.slice(1).forEach((x, i) => expect(x - amounts[i]).toBeGreaterThanOrEqual(10000));
  });
});
