import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { fixedClock, setBusinessClock } from '../../lib/clock.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { balances, checkBook, postMovement } from '../ledger/index.js';
import { BRIDGE_BOOK, GUARANTEE_BOOK } from './index.js';
import { actOnBridgeLoan } from './loans.service.js';

let t: TestApp;
let enterprise: Session, xihu: Session, binjiang: Session, officer: Session, auditor: Session;
const SOUND = { unbalancedMovements: 0, incompleteMovements: 0, foreignEntries: 0, driftedAccounts: 0, wrongSideAccounts: 0, foreignReversals: 0, totalFen: 0 };

const figures = async (query: string) => {
  const res = await officer.request('GET', `/api/indicators?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return new Map(res.json<{ items: { code: string; value: number | null }[] }>().items.map((i) => [i.code, i.value]));
};
const poolFen = async () => (await balances(t.deps.database.db, BRIDGE_BOOK, { kinds: ['pool'] }))[0].balanceFen;

/** An approved bridge loan of the demo enterprise (applied, submitted, passed by xihu, approved by the city). */
async function approvedBridge(amount: number, termDays = 60): Promise<number> {
  const created = await enterprise.request('POST', '/api/bridge-loans', { bank: '杭州银行科技支行', bankLoanNo: `HZ-${amount}-${Math.random()}`.slice(0, 40), amount, termDays, purpose: '续贷过桥' });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<{ id: number }>().id;
  for (const [who, action] of [[enterprise, 'submit'], [xihu, 'district_pass'], [officer, 'approve']] as const) {
    const r = await who.request('POST', `/api/bridge-loans/${id}/actions`, { action });
    expect(r.statusCode, r.body).toBe(200);
  }
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  [enterprise, xihu, binjiang, officer, auditor] = await Promise.all(['enterprise', 'xihu', 'binjiang', 'officer', 'auditor'].map((u) => loginAs(t.app, u)));
});
afterAll(async () => t.close());

describe('the demo figures', () => {
  it('when 2015 is asked, then guarantees, bridge loans and the interest subsidy reproduce the source document exactly from the records', async () => {
    const f = await figures('year=2015');
    expect(Object.fromEntries(['guarantee.amount', 'guarantee.firms', 'guarantee.amount_cum', 'guarantee.firm_times_cum', 'bridge_loan.times_cum', 'bridge_loan.amount_cum', 'interest_subsidy.firms', 'interest_subsidy.amount'].map((c) => [c, f.get(c)]))).toEqual({
      'guarantee.amount': 1_210_000_000,
      'guarantee.firms': 297,
      'guarantee.amount_cum': 6_400_000_000,
      'guarantee.firm_times_cum': 1800,
      'bridge_loan.times_cum': 605,
      'bridge_loan.amount_cum': 3_480_000_000,
      'interest_subsidy.firms': 287,
      'interest_subsidy.amount': 18_619_400,
    });
    // the districts add up to the city
    const byDistrict = (await officer.request('GET', '/api/indicators/bridge_loan.times_cum/districts?year=2015')).json<{ items: { value: number }[] }>();
    expect(byDistrict.items.reduce((s, d) => s + d.value, 0)).toBe(605);
  });

  it('when the books are checked, then both pools balance and 2016 holds cases in every state', async () => {
    expect(await checkBook(t.deps.database.db, BRIDGE_BOOK)).toEqual(SOUND);
    expect(await checkBook(t.deps.database.db, GUARANTEE_BOOK)).toEqual(SOUND);
    const states = await t.deps.database.rows<{ instrument: string; status: string }>(sql`select distinct instrument, status from cases where instrument in ('bridge_loan', 'guarantee') and year = 2016`);
    expect(states.filter((s) => s.instrument === 'bridge_loan').map((s) => s.status).sort()).toEqual(['approved', 'disbursed', 'district_passed', 'draft', 'rejected', 'repaid', 'repaid_late', 'returned', 'submitted']);
    expect(states.filter((s) => s.instrument === 'guarantee').map((s) => s.status).sort()).toEqual(['compensated', 'defaulted', 'district_passed', 'draft', 'guaranteed', 'rejected', 'released', 'returned', 'submitted']);
  });
});

describe('a bridge loan from application to repayment', () => {
  it('when the firm applies with bad input, then 400 names the fields in Chinese', async () => {
    const res = await enterprise.request('POST', '/api/bridge-loans', { bank: '', bankLoanNo: 'X', amount: -5, termDays: 120 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['amount', 'bank', 'termDays']);
  });

  it('when it is approved, lent and repaid after its due date, then the pool lends and gets it back, the inbox shows the due date, and it is recorded late', async () => {
    const before = await poolFen();
    const created = await enterprise.request('POST', '/api/bridge-loans', { bank: '杭州银行科技支行', bankLoanNo: '2016杭银借字0815号', amount: 3_000_000, termDays: 30 });
    const id = created.json<{ id: number }>().id;
    expect((await enterprise.request('POST', `/api/bridge-loans/${id}/actions`, { action: 'submit' })).json().status).toBe('submitted');
    expect((await binjiang.request('POST', `/api/bridge-loans/${id}/actions`, { action: 'district_pass' })).statusCode).toBe(404);
    expect((await xihu.request('POST', `/api/bridge-loans/${id}/actions`, { action: 'district_pass' })).json().status).toBe('district_passed');
    expect((await officer.request('POST', `/api/bridge-loans/${id}/actions`, { action: 'approve', amount: 3_500_000 })).json().error.details.fields[0].field).toBe('amount');
    expect((await officer.request('POST', `/api/bridge-loans/${id}/actions`, { action: 'approve', amount: 2_500_000 })).json()).toMatchObject({ status: 'approved', approved: 2_500_000 });
    expect((await auditor.request('POST', `/api/bridge-loans/${id}/actions`, { action: 'disburse' })).statusCode).toBe(403);
    const lent = await officer.request('POST', `/api/bridge-loans/${id}/actions`, { action: 'disburse' });
    expect(lent.json()).toMatchObject({ status: 'disbursed', disbursedOn: '2016-09-12', repayBy: '2016-10-12', dueOn: '2016-10-12', overdue: false });
    expect(await poolFen()).toBe(before - 250_000_000);
    const inbox = (await enterprise.request('GET', '/api/cases?instrument=bridge_loan')).json<{ items: { id: number; dueOn: string | null; href: string }[] }>().items;
    expect(inbox.find((i) => i.id === id)).toMatchObject({ dueOn: '2016-10-12', href: `/loans/bridge/${id}` });

    const restore = setBusinessClock(fixedClock('2016-10-17'));
    try {
      expect((await officer.request('GET', `/api/bridge-loans/${id}`)).json()).toMatchObject({ overdue: true, actions: [{ action: 'repay' }] });
      const repaid = await officer.request('POST', `/api/bridge-loans/${id}/actions`, { action: 'repay' });
      expect(repaid.json()).toMatchObject({ status: 'repaid_late', statusName: '逾期后归还', repaidOn: '2016-10-17', overdueDays: 5, dueOn: null });
    } finally {
      restore();
    }
    expect(await poolFen()).toBe(before);
    expect((await officer.request('POST', `/api/bridge-loans/${id}/actions`, { action: 'repay' })).statusCode).toBe(409);
  });

  it('when a disbursement exceeds what the pool holds, then it is refused and nothing moves', async () => {
    const id = await approvedBridge(40_000_000);
    const pool = await poolFen();
    // lend the pool down to 30,000,000 yuan for another purpose (a test loan outside the cases)
    await t.deps.database.db.transaction((tx) =>
      postMovement(tx, { book: BRIDGE_BOOK, kind: 'lend', valueDate: '2016-09-12', entries: [{ account: { kind: 'pool' }, amountFen: -(pool - 3_000_000_000) }, { account: { kind: 'loan', scope: 999_999_001, owner: { type: 'enterprise', id: 1 } }, amountFen: pool - 3_000_000_000 }] }),
    );
    const res = await officer.request('POST', `/api/bridge-loans/${id}/actions`, { action: 'disburse' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('insufficient_balance');
    expect(await poolFen()).toBe(3_000_000_000);
    expect((await officer.request('GET', `/api/bridge-loans/${id}`)).json().status).toBe('approved');
  });
});

describe('policy guarantees and 助保贷', () => {
  it('when a 助保贷 is approved, defaults and is compensated, then the fee subsidy and the compensation move on the ledger and the 2016 figures count it', async () => {
    const f0 = await figures('year=2016');
    const created = await enterprise.request('POST', '/api/guarantees', { scheme: 'zhubaodai', bank: '杭州银行科技支行', amount: 5_000_000, termMonths: 12, feeRate: 1.5 });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: number }>().id;
    for (const [who, action] of [[enterprise, 'submit'], [xihu, 'district_pass']] as const) {
      expect((await who.request('POST', `/api/guarantees/${id}/actions`, { action })).statusCode).toBe(200);
    }
    const approved = await officer.request('POST', `/api/guarantees/${id}/actions`, { action: 'approve' });
    // fee 5,000,000 × 1.5% × 12/12 = 75,000; 助保贷 subsidy 100%
    expect(approved.json()).toMatchObject({ status: 'guaranteed', startsOn: '2016-09-12', endsOn: '2017-09-12', dueOn: '2017-09-12', fee: 75_000, feeSubsidy: 75_000 });
    const f1 = await figures('year=2016');
    expect(f1.get('guarantee.amount')).toBe(f0.get('guarantee.amount')! + 5_000_000);
    expect(f1.get('guarantee.firm_times_cum')).toBe(f0.get('guarantee.firm_times_cum')! + 1);

    expect((await officer.request('POST', `/api/guarantees/${id}/actions`, { action: 'default' })).json().error.details.fields[0].field).toBe('comment');
    expect((await officer.request('POST', `/api/guarantees/${id}/actions`, { action: 'default', comment: '企业停产，贷款逾期' })).json().status).toBe('defaulted');
    const risk0 = (await balances(t.deps.database.db, GUARANTEE_BOOK, { kinds: ['risk_pool'] }))[0].balanceFen;
    expect((await officer.request('POST', `/api/guarantees/${id}/actions`, { action: 'compensate', amount: 5_000_001 })).statusCode).toBe(400);
    const comp = await officer.request('POST', `/api/guarantees/${id}/actions`, { action: 'compensate', amount: 3_200_000 });
    expect(comp.json()).toMatchObject({ status: 'compensated', compensated: 3_200_000, compensatedOn: '2016-09-12' });
    expect((await balances(t.deps.database.db, GUARANTEE_BOOK, { kinds: ['risk_pool'] }))[0].balanceFen).toBe(risk0 - 320_000_000);
    expect(await checkBook(t.deps.database.db, GUARANTEE_BOOK)).toEqual(SOUND);
    // still counted: a defaulted guarantee was business done
    expect((await figures('year=2016')).get('guarantee.amount')).toBe(f1.get('guarantee.amount'));
  });

  it('when binjiang or the provider read the xihu firm’s guarantees, then they do not see them', async () => {
    const mine = (await enterprise.request('GET', '/api/guarantees?year=2016')).json<{ items: { id: number }[] }>().items.map((i) => i.id);
    expect(mine.length).toBeGreaterThan(0);
    const theirs = (await binjiang.request('GET', '/api/guarantees?year=2016&limit=200')).json<{ items: { id: number }[] }>().items.map((i) => i.id);
    expect(theirs.filter((i) => mine.includes(i))).toEqual([]);
    expect((await binjiang.request('GET', `/api/guarantees/${mine[0]}`)).statusCode).toBe(404);
    const provider = await loginAs(t.app, 'provider');
    expect((await provider.request('GET', '/api/guarantees')).statusCode).toBe(403);
  });
});

/** Two connection pools on one PostgreSQL database stand for two app processes (PGlite has one connection). */
describe.skipIf(!process.env.TEST_DATABASE_URL)('racing disbursements on PostgreSQL (two connection pools)', () => {
  it('when two approved loans that the pool can cover only one of are disbursed at once from two pools, then exactly one is lent and the pool never goes negative', async () => {
    const [{ name }] = await t.deps.database.rows<{ name: string }>(sql`select current_database() as name`);
    const u = new URL(process.env.TEST_DATABASE_URL!);
    u.pathname = `/${name}`;
    const other: Database = await openDatabase({ databaseUrl: u.toString(), poolSize: 4 });
    try {
      const a = await approvedBridge(45_000_000);
      const b = await approvedBridge(45_000_000);
      // leave 60,000,000 yuan in the pool (add capital or lend it down): one 45,000,000 loan fits, two do not
      const gap = (await poolFen()) - 6_000_000_000;
      await t.deps.database.db.transaction((tx) =>
        gap > 0
          ? postMovement(tx, { book: BRIDGE_BOOK, kind: 'lend', valueDate: '2016-09-12', entries: [{ account: { kind: 'pool' }, amountFen: -gap }, { account: { kind: 'loan', scope: 999_999_002, owner: { type: 'enterprise', id: 1 } }, amountFen: gap }] })
          : postMovement(tx, { book: BRIDGE_BOOK, kind: 'fund', valueDate: '2016-09-12', entries: [{ account: { kind: 'capital' }, amountFen: gap }, { account: { kind: 'pool' }, amountFen: -gap }] }),
      );
      type Me = { user: { id: number; username: string; displayName: string }; roles: Actor['roles']; organization: { id: number; name: string; kind: string; enterpriseId: number | null; district: { id: number } | null } };
      const me = (await officer.request('GET', '/api/auth/me')).json<Me>();
      const ctx: RequestContext = {
        actor: { userId: me.user.id, username: me.user.username, displayName: me.user.displayName, roles: me.roles, organizationId: me.organization.id, organizationName: me.organization.name, organizationKind: me.organization.kind, districtId: null, districtCode: null, districtName: null, enterpriseId: null, via: 'session', credentialId: 'test', csrfToken: null },
        requestId: 'race',
        ip: '127.0.0.1',
      };
      const outcomes = await Promise.allSettled([actOnBridgeLoan(t.deps.database.db, ctx, a, { action: 'disburse' }), actOnBridgeLoan(other.db, ctx, b, { action: 'disburse' })]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ code: 'insufficient_balance' });
      expect(await poolFen()).toBe(1_500_000_000);
      const statuses = await t.deps.database.rows<{ status: string }>(sql`select status from cases where id in (${a}, ${b}) order by status`);
      expect(statuses.map((s) => s.status)).toEqual(['approved', 'disbursed']);
      expect(await checkBook(t.deps.database.db, BRIDGE_BOOK)).toEqual(SOUND);
    } finally {
      await other.close();
    }
  });
});
