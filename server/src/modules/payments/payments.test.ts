import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { businessToday, fixedClock, setBusinessClock } from '../../lib/clock.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { balances, checkBook, defineBook, postMovement } from '../ledger/index.js';
import { approvePayment, prepareClawback, preparePayment, registerPayable, type PaymentOrder } from './index.js';

// ── a payable of a test instrument, with a ledger book of its own ────────────────────────────
const BOOK = defineBook({
  code: 'test_payments',
  name: '测试拨款资金',
  accountKinds: { appropriation: { mayGoNegative: true, mayGoPositive: false }, budget: {}, paid: { owner: 'enterprise' } },
  movementKinds: ['fund', 'pay', 'clawback'],
});
const confirmed: number[] = [];
registerPayable({
  code: 'test_grant_payment',
  name: '测试资助拨款',
  book: BOOK,
  href: (o) => `/test-grants/${o.caseId ?? 0}`,
  onConfirmed: async (tx, _ctx, order) => {
    // runs in the confirming transaction: what it writes commits with the confirmation
    await tx.execute(sql`select 1`);
    confirmed.push(order.id);
  },
});
// ─────────────────────────────────────────────────────────────────────────────────────────────

let t: TestApp;
let officer: Session, treasurer: Session, admin: Session, enterprise: Session, xihu: Session, auditor: Session;
let restore: () => void;
let ent: { id: number; name: string };
let scopeSeq = 100;

const actorOf = async (s: Session): Promise<Actor> => {
  type Me = { user: { id: number; username: string; displayName: string }; roles: Actor['roles']; organization: { id: number; name: string; kind: string; enterpriseId: number | null; district: { id: number } | null } };
  const me = (await s.request('GET', '/api/auth/me')).json<Me>();
  const o = me.organization;
  return { userId: me.user.id, username: me.user.username, displayName: me.user.displayName, roles: me.roles, organizationId: o.id, organizationName: o.name, organizationKind: o.kind, districtId: o.district?.id ?? null, districtCode: null, districtName: null, enterpriseId: o.enterpriseId, via: 'session', credentialId: 'test', csrfToken: null };
};
const ctxOf = async (s: Session): Promise<RequestContext> => ({ actor: await actorOf(s), requestId: 'test', ip: '127.0.0.1' });
const db = () => t.deps.database.db;

/** A fresh project scope with `budgetFen` in its budget. */
async function fundedScope(budgetFen: number): Promise<number> {
  const scope = ++scopeSeq;
  await postMovement(db(), {
    book: BOOK,
    kind: 'fund',
    valueDate: '2016-01-04',
    entries: [
      { account: { kind: 'appropriation', scope }, amountFen: -budgetFen },
      { account: { kind: 'budget', scope }, amountFen: budgetFen },
    ],
  });
  return scope;
}

async function prepare(scope: number, amountFen: number, key = `test:${scope}:${amountFen}`, as: Session = officer): Promise<PaymentOrder> {
  const ctx = await ctxOf(as);
  return db().transaction((tx) =>
    preparePayment(tx, ctx, {
      payable: 'test_grant_payment',
      caseId: null,
      payee: { type: 'enterprise', id: ent.id, name: ent.name },
      amountFen,
      purpose: '第1笔拨款（测试）',
      debit: { kind: 'budget', scope },
      credit: { kind: 'paid', scope, owner: { type: 'enterprise', id: ent.id } },
      idempotencyKey: key,
    }),
  );
}

const balanceOf = async (scope: number, kind: 'budget' | 'paid') => (await balances(db(), BOOK, { scope, kinds: [kind] })).reduce((s, b) => s + b.balanceFen, 0);
type Order = { id: number; status: string; actions: string[]; blockedReason: string | null; ledgerMovementId: number | null; reversalMovementId: number | null; version: number; href: string | null; payableName: string; amount: number };

beforeAll(async () => {
  restore = setBusinessClock(fixedClock('2016-09-12'));
  t = await createTestApp();
  [officer, treasurer, admin, enterprise, xihu, auditor] = await Promise.all(['officer', 'treasurer', 'admin', 'enterprise', 'xihu', 'auditor'].map((u) => loginAs(t.app, u)));
  const me = await actorOf(enterprise);
  const [row] = await t.deps.database.rows<{ name: string }>(sql`select name from enterprises where id = ${me.enterpriseId}`);
  ent = { id: me.enterpriseId!, name: row.name };
});
afterAll(async () => {
  restore();
  await t.close();
});

describe('payments kernel: maker-checker orders on the ledger', () => {
  it('when an order is prepared twice with one key, then it is one order; a different order under that key is refused', async () => {
    const scope = await fundedScope(1_000_000_00);
    const a = await prepare(scope, 300_000_00, `same:${scope}`);
    const b = await prepare(scope, 300_000_00, `same:${scope}`);
    expect(b.id).toBe(a.id);
    await expect(prepare(scope, 400_000_00, `same:${scope}`)).rejects.toMatchObject({ code: 'idempotency_key_reused' });
    const [{ n }] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from payment_orders where idempotency_key = ${`same:${scope}`}`);
    expect(n).toBe(1);
    expect(a.status).toBe('prepared');
    expect(await balanceOf(scope, 'budget')).toBe(1_000_000_00); // nothing moves before approval
  });

  it('when the maker tries to approve, then 不能审批自己经办的支付, and the database refuses it too', async () => {
    const scope = await fundedScope(1_000_000_00);
    const order = await prepare(scope, 100_00, undefined, treasurer);
    const res = await treasurer.request('POST', `/api/payments/${order.id}/approve`, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('不能审批自己经办的支付');
    const detail = (await treasurer.request('GET', `/api/payments/${order.id}`)).json<Order>();
    expect(detail).toMatchObject({ status: 'prepared', blockedReason: '不能审批自己经办的支付' });
    expect(detail.actions).not.toContain('approve');
    // written around the service: the CHECK holds whatever process writes
    const me = await actorOf(treasurer);
    await expect(t.deps.database.rows(sql`update payment_orders set approved_by = ${me.userId} where id = ${order.id}`)).rejects.toThrow();
  });

  it('when the amount exceeds the approver limit, then 超出您的审批限额; after the admin raises it, the approval goes through', async () => {
    const scope = await fundedScope(10_000_000_00);
    const order = await prepare(scope, 6_000_000_00);
    const refused = await treasurer.request('POST', `/api/payments/${order.id}/approve`, {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('超出您的审批限额');
    const me = await actorOf(treasurer);
    expect((await officer.request('PUT', `/api/payment-limits/${me.userId}`, { limit: 8_000_000 })).statusCode).toBe(403);
    const set = await admin.request('PUT', `/api/payment-limits/${me.userId}`, { limit: 8_000_000 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<{ items: { userId: number; limit: number | null }[] }>().items.find((i) => i.userId === me.userId)?.limit).toBe(8_000_000);
    const ok = await treasurer.request('POST', `/api/payments/${order.id}/approve`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    // a limit only for finance reviewers; restore the demo limit
    const officerId = (await actorOf(officer)).userId;
    const wrong = await admin.request('PUT', `/api/payment-limits/${officerId}`, { limit: 1 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.fields[0].field).toBe('userId');
    expect((await admin.request('PUT', `/api/payment-limits/${me.userId}`, { limit: 5_000_000 })).statusCode).toBe(200);
  });

  it('when an order is approved, sent and confirmed, then the ledger moves once at approval and onConfirmed runs at confirmation', async () => {
    const scope = await fundedScope(1_000_000_00);
    const order = await prepare(scope, 250_000_00);
    const approved = await treasurer.request('POST', `/api/payments/${order.id}/approve`, { version: order.version });
    expect(approved.statusCode, approved.body).toBe(200);
    const a = approved.json<Order>();
    expect(a).toMatchObject({ status: 'approved', actions: ['send', 'cancel'], href: '/test-grants/0', payableName: '测试资助拨款', amount: 250_000 });
    expect(await balanceOf(scope, 'budget')).toBe(750_000_00);
    expect(await balanceOf(scope, 'paid')).toBe(250_000_00);
    const [m] = await t.deps.database.rows<{ idempotency_key: string; kind: string; value_date: string }>(sql`select idempotency_key, kind, value_date::text from ledger_movements where id = ${a.ledgerMovementId}`);
    expect(m).toEqual({ idempotency_key: `payment:${order.id}`, kind: 'pay', value_date: businessToday() });
    // a second approval is a 409, not a second movement
    expect((await treasurer.request('POST', `/api/payments/${order.id}/approve`, {})).statusCode).toBe(409);
    // confirm only after sending
    expect((await treasurer.request('POST', `/api/payments/${order.id}/confirm`, { bankReference: 'ICBC20160912001', paidOn: '2016-09-12' })).statusCode).toBe(409);
    expect((await treasurer.request('POST', `/api/payments/${order.id}/send`, {})).json<Order>()).toMatchObject({ status: 'sent', actions: ['confirm'] });
    const future = await treasurer.request('POST', `/api/payments/${order.id}/confirm`, { bankReference: 'ICBC20160912001', paidOn: '2016-09-13' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.fields[0]).toMatchObject({ field: 'paidOn' });
    const early = await treasurer.request('POST', `/api/payments/${order.id}/confirm`, { bankReference: 'ICBC20160912001', paidOn: '2016-09-01' });
    expect(early.statusCode).toBe(400);
    const done = await treasurer.request('POST', `/api/payments/${order.id}/confirm`, { bankReference: 'ICBC20160912001', paidOn: '2016-09-12' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'confirmed', bankReference: 'ICBC20160912001', paidOn: '2016-09-12', actions: [] });
    expect(confirmed).toContain(order.id);
    expect(await balanceOf(scope, 'paid')).toBe(250_000_00);
    const [{ audits, timeline }] = await t.deps.database.rows<{ audits: number; timeline: number }>(
      sql`select (select count(*)::int from audit_log where object_type = 'payment_order' and object_id = ${String(order.id)}) as audits,
                 (select count(*)::int from timeline_events where module = 'payments' and ref_id = ${String(order.id)} and enterprise_id = ${ent.id}) as timeline`,
    );
    expect(audits).toBe(4); // prepare, approve, send, confirm
    expect(timeline).toBe(1);
    expect(await checkBook(db(), BOOK)).toMatchObject({ unbalancedMovements: 0, driftedAccounts: 0, wrongSideAccounts: 0, totalFen: 0 });
  });

  it('when an approval would over-draw the debit account, then 可用额度不足 and the order stays prepared', async () => {
    const scope = await fundedScope(100_000_00);
    const first = await prepare(scope, 80_000_00, `od1:${scope}`);
    const second = await prepare(scope, 30_000_00, `od2:${scope}`);
    expect((await treasurer.request('POST', `/api/payments/${first.id}/approve`, {})).statusCode).toBe(200);
    const short = await treasurer.request('POST', `/api/payments/${second.id}/approve`, {});
    expect(short.statusCode).toBe(409);
    expect(short.json().error).toMatchObject({ code: 'insufficient_balance' });
    expect(short.json().error.message).toContain('可用额度不足');
    expect((await treasurer.request('GET', `/api/payments/${second.id}`)).json<Order>()).toMatchObject({ status: 'prepared', ledgerMovementId: null });
    expect(await balanceOf(scope, 'budget')).toBe(20_000_00);
  });

  it('when an approved order is cancelled with a reason, then the movement is reversed; a sent one cannot be cancelled', async () => {
    const scope = await fundedScope(500_000_00);
    const order = await prepare(scope, 200_000_00);
    await treasurer.request('POST', `/api/payments/${order.id}/approve`, {});
    const noReason = await treasurer.request('POST', `/api/payments/${order.id}/cancel`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.fields[0].field).toBe('reason');
    expect((await officer.request('POST', `/api/payments/${order.id}/cancel`, { reason: '收款账户有误' })).statusCode).toBe(403);
    const cancelled = await treasurer.request('POST', `/api/payments/${order.id}/cancel`, { reason: '收款账户有误' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json<Order>()).toMatchObject({ status: 'cancelled', actions: [] });
    expect(cancelled.json<Order>().reversalMovementId).not.toBeNull();
    expect(await balanceOf(scope, 'budget')).toBe(500_000_00);
    expect(await balanceOf(scope, 'paid')).toBe(0);

    const other = await prepare(scope, 100_000_00, `sent:${scope}`);
    await treasurer.request('POST', `/api/payments/${other.id}/approve`, {});
    await treasurer.request('POST', `/api/payments/${other.id}/send`, {});
    const late = await treasurer.request('POST', `/api/payments/${other.id}/cancel`, { reason: '收款账户有误' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('已提交银行');
  });

  it('when money comes back, then the clawback is an order of direction in through the same maker-checker', async () => {
    const scope = await fundedScope(500_000_00);
    const pay = await prepare(scope, 300_000_00);
    await treasurer.request('POST', `/api/payments/${pay.id}/approve`, {});
    const ctx = await ctxOf(officer);
    const back = await db().transaction((tx) =>
      prepareClawback(tx, ctx, {
        payable: 'test_grant_payment',
        caseId: null,
        payer: { type: 'enterprise', id: ent.id, name: ent.name },
        amountFen: 120_000_00,
        reason: '验收不通过，收回未使用资金',
        debit: { kind: 'paid', scope, owner: { type: 'enterprise', id: ent.id } },
        credit: { kind: 'budget', scope },
        idempotencyKey: `clawback:${scope}`,
      }),
    );
    expect(back).toMatchObject({ direction: 'in', status: 'prepared', movementKind: 'clawback', purpose: '验收不通过，收回未使用资金' });
    expect((await treasurer.request('POST', `/api/payments/${back.id}/approve`, {})).json<Order>().status).toBe('approved');
    expect(await balanceOf(scope, 'paid')).toBe(180_000_00);
    expect(await balanceOf(scope, 'budget')).toBe(320_000_00);
  });

  it('when lists are read, then filters and keyset pages hold, an enterprise sees only its own, a district officer nothing', async () => {
    const scope = await fundedScope(1_000_000_00);
    const ids: number[] = [];
    for (let i = 1; i <= 5; i++) {
      ids.push((await prepare(scope, i * 1_000_00, `page:${scope}:${i}`)).id);
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/api/payments?payable=test_grant_payment&status=prepared&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await treasurer.request('GET', q)).json<{ items: Order[]; nextCursor: string | null }>();
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.items.every((o) => o.status === 'prepared')).toBe(true);
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of ids) {
      expect(seen).toContain(id);
    }
    const mine = (await enterprise.request('GET', '/api/payments?limit=100')).json<{ items: { party: { id: number } }[] }>();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((o) => o.party.id === ent.id)).toBe(true);
    expect((await xihu.request('GET', '/api/payments')).statusCode).toBe(403);
    expect((await auditor.request('GET', `/api/payments/${ids[0]}`)).statusCode).toBe(200);
    expect((await treasurer.request('GET', '/api/payments?status=paid')).statusCode).toBe(400);
    const summary = (await treasurer.request('GET', '/api/payments/summary?payable=test_grant_payment')).json<{ myLimit: number; byStatus: { status: string; count: number }[] }>();
    expect(summary.myLimit).toBe(5_000_000);
    expect(summary.byStatus.find((s) => s.status === 'prepared')!.count).toBeGreaterThanOrEqual(5);
    const payables = (await officer.request('GET', '/api/payments/payables')).json<{ items: { code: string }[] }>();
    expect(payables.items.map((p) => p.code)).toContain('test_grant_payment');
  });
});

/**
 * Two connection pools on one PostgreSQL database stand for two app processes (PGlite is a single
 * connection, so this runs in the server pass only).
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('payments kernel under concurrency on PostgreSQL (two connection pools)', () => {
  let other: Database;
  beforeAll(async () => {
    const [{ name }] = await t.deps.database.rows<{ name: string }>(sql`select current_database() as name`);
    const u = new URL(process.env.TEST_DATABASE_URL!);
    u.pathname = `/${name}`;
    other = await openDatabase({ databaseUrl: u.toString(), poolSize: 8 });
  });
  afterAll(async () => {
    await other.close();
  });

  it('when ten approvals of one order race on two pools, then exactly one succeeds and the ledger moves once', async () => {
    const scope = await fundedScope(1_000_000_00);
    const order = await prepare(scope, 400_000_00);
    const ctx = await ctxOf(treasurer);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        try {
          await approvePayment({ db: [t.deps.database.db, other.db][i % 2], ctx, id: order.id });
          return 'approved';
        } catch (err) {
          return (err as { code?: string }).code ?? String(err);
        }
      }),
    );
    expect(outcomes.filter((o) => o === 'approved')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'approved').every((o) => o === 'invalid_state')).toBe(true);
    expect(await balanceOf(scope, 'budget')).toBe(600_000_00);
    const [{ n }] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from ledger_movements where idempotency_key = ${`payment:${order.id}`}`);
    expect(n).toBe(1);
  });

  it('when two orders together exceed the budget and are approved at once on two pools, then one is refused by the ledger', async () => {
    const scope = await fundedScope(500_000_00);
    const a = await prepare(scope, 300_000_00, `race-a:${scope}`);
    const b = await prepare(scope, 300_000_00, `race-b:${scope}`);
    const ctx = await ctxOf(treasurer);
    const outcomes = await Promise.all(
      [a, b].map(async (o, i) => {
        try {
          await approvePayment({ db: [t.deps.database.db, other.db][i], ctx, id: o.id });
          return 'approved';
        } catch (err) {
          return (err as { code?: string }).code ?? String(err);
        }
      }),
    );
    expect(outcomes.sort()).toEqual(['approved', 'insufficient_balance']);
    expect(await balanceOf(scope, 'budget')).toBe(200_000_00);
  });
});
