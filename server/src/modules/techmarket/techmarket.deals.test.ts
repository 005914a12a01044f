import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations, users } from '../../db/schema/orgs.js';
import { hashPassword } from '../../lib/password.js';
import { createTestApp, loginAs, TEST_PASSWORD, type Session, type TestApp } from '../../test/harness.js';
import { addDays, shanghaiDate } from './techmarket.deals.service.js';

let t: TestApp;
let seller: Session;
let officer: Session;
let buyer: Session;
let demandId: number;

async function enterpriseUser(username: string, orgName: string, districtCode: string): Promise<Session> {
  const db = t.deps.database.db;
  const [d] = await t.deps.database.rows<{ id: number }>(sql`select id from districts where code = ${districtCode}`);
  const [org] = await db.insert(organizations).values({ name: orgName, kind: 'enterprise', districtId: Number(d.id) }).returning();
  await db.insert(users).values({ username, displayName: username, roles: ['enterprise_user'], organizationId: org.id, passwordHash: await hashPassword(TEST_PASSWORD) });
  return loginAs(t.app, username);
}

const deal = (extra: Record<string, unknown>) => ({
  source: 'offline',
  title: '需求对接技术服务合同',
  buyerName: '杭州需方新材料有限公司',
  domain: '新材料',
  amount: 200000,
  signedOn: addDays(shanghaiDate(), -2), // the business date (the harness pins the demo's)
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  [seller, officer] = await Promise.all(['enterprise', 'officer'].map((u) => loginAs(t.app, u)));
  buyer = await enterpriseUser('demand_owner', '杭州需方新材料有限公司', '330108');
  const posted = await buyer.request('POST', '/api/techmarket/listings', {
    kind: 'demand',
    title: '求购耐高温复合材料配方',
    description: '需要可在三百度下长期工作的复合材料配方及工艺。',
    domain: '新材料',
    priceMode: 'negotiable',
    contactName: '周工',
    contactPhone: '13912345678',
  });
  expect(posted.statusCode, posted.body).toBe(201);
  demandId = posted.json<{ id: number }>().id;
  expect((await officer.request('POST', `/api/techmarket/listings/${demandId}/approve`)).statusCode).toBe(200);
}, 120_000);
afterAll(async () => t?.close());

describe('deals naming a demand listing', () => {
  it('when an enterprise records a deal naming another organisation’s demand, then that organisation is not made a party (not mine, not in its deals)', async () => {
    const res = await seller.request('POST', '/api/techmarket/deals', deal({ demandListingId: demandId }));
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<{ id: number; mine: boolean; demandListingId: number | null }>();
    expect(created).toMatchObject({ mine: true, demandListingId: demandId });
    expect((await buyer.request('GET', `/api/techmarket/deals/${created.id}`)).statusCode).toBe(404);
    const theirs = (await buyer.request('GET', '/api/techmarket/deals?limit=100')).json<{ items: { id: number }[] }>().items;
    expect(theirs.map((d) => d.id)).not.toContain(created.id);
    const [row] = await t.deps.database.rows<{ buyer_org_id: number | null }>(sql`select buyer_org_id from tm_deals where id = ${created.id}`);
    expect(row.buyer_org_id).toBeNull();
  });

  it('when an enterprise names its own demand listing as the buyer’s, then 400 on demandListingId', async () => {
    const res = await buyer.request('POST', '/api/techmarket/deals', deal({ demandListingId: demandId, buyerName: '杭州另一家公司' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('demandListingId');
  });
});
