import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { walkInbox } from '../cases/inbox.fixtures.js';
import { defineBook, postMovement } from '../ledger/index.js';
import { actorFor, ctxOf } from '../vouchers/vouchers.fixtures.js';
import { preparePayment, registerPayable } from './index.js';

// a payable of a test instrument, so orders wait for the finance reviewer whatever the demo data holds
const BOOK = defineBook({
  code: 'test_inbox_payments',
  name: '测试待办拨款资金',
  accountKinds: { appropriation: { mayGoNegative: true, mayGoPositive: false }, budget: {}, paid: { owner: 'enterprise' } },
  movementKinds: ['fund', 'pay'],
});
registerPayable({ code: 'test_inbox_payment', name: '测试待办拨款', book: BOOK });

interface Item {
  id: number;
  instrument: string;
  instrumentName: string;
  status: string;
  statusName: string;
  title: string;
  href: string;
  dueOn: string | null;
}
interface Summary {
  total: number;
  byInstrument: { instrument: string; instrumentName: string; count: number; overdue: number; dueSoon: number }[];
}

let t: TestApp;
let treasurer: Session, officer: Session;

const walk = (session: Session, query: string, limit: number) => walkInbox<Item>(session, query, limit);

/** The orders waiting for a finance step (approve, send, confirm), by id. */
async function awaitingIds(): Promise<number[]> {
  const rows = await t.deps.database.rows<{ id: number }>(sql`select id from payment_orders where status in ('prepared', 'approved', 'sent') order by id`);
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  t = await createTestApp();
  [treasurer, officer] = await Promise.all([loginAs(t.app, 'treasurer'), loginAs(t.app, 'officer')]);
  const ctx = ctxOf(await actorFor(t.deps.database.db, 'officer'));
  const [ent] = await t.deps.database.rows<{ id: number; name: string }>(sql`select id, name from enterprises order by id limit 1`);
  const db = t.deps.database.db;
  await postMovement(db, { book: BOOK, kind: 'fund', valueDate: '2016-01-04', entries: [{ account: { kind: 'appropriation', scope: 1 }, amountFen: -1_000_000_00 }, { account: { kind: 'budget', scope: 1 }, amountFen: 1_000_000_00 }] });
  for (const n of [1, 2, 3]) {
    await db.transaction((tx) =>
      preparePayment(tx, ctx, {
        payable: 'test_inbox_payment',
        caseId: null,
        payee: { type: 'enterprise', id: ent.id, name: ent.name },
        amountFen: n * 10_000_00,
        purpose: `第${n}笔拨款（待办测试）`,
        debit: { kind: 'budget', scope: 1 },
        credit: { kind: 'paid', scope: 1, owner: { type: 'enterprise', id: ent.id } },
        idempotencyKey: `inbox-test:${n}`,
      }),
    );
  }
});
afterAll(async () => {
  await t.close();
});

describe('payment orders in the inbox (待办)', () => {
  it('when the treasurer opens the inbox, then the orders waiting for a finance step are counted and listed, each linking to the payment desk, over keyset pages', async () => {
    const waiting = await awaitingIds();
    expect(waiting.length).toBeGreaterThanOrEqual(3);
    for (const mine of ['', '&mine=true']) {
      const summary = (await treasurer.request('GET', `/api/cases/summary?${mine.slice(1)}`)).json<Summary>();
      expect(summary.byInstrument).toContainEqual({ instrument: 'payments', instrumentName: '支付指令', count: waiting.length, overdue: 0, dueSoon: 0 });
      expect(summary.total).toBe(summary.byInstrument.reduce((s, b) => s + b.count, 0));
      // pages of two: the cases first (by deadline), then the orders, each exactly once
      const items = await walk(treasurer, mine, 2);
      const payments = items.filter((i) => i.instrument === 'payments');
      expect(payments.map((i) => i.id)).toEqual(waiting);
      expect(items.slice(-payments.length)).toEqual(payments);
      expect(payments.every((i) => i.href === '/payments' && i.dueOn === null && i.statusName.length > 0)).toBe(true);
      expect(payments.find((i) => i.title.startsWith('第2笔拨款（待办测试）'))).toMatchObject({ status: 'prepared', statusName: '待审批' });
    }
    expect((await walk(treasurer, '&instrument=payments', 2)).map((i) => i.id)).toEqual(waiting);
    expect((await walk(treasurer, '&instrument=payments&status=approved', 2)).every((i) => i.status === 'approved')).toBe(true);
    const english = (await treasurer.request('GET', '/api/cases/summary', undefined, { 'accept-language': 'en' })).json<Summary>();
    expect(english.byInstrument).toContainEqual(expect.objectContaining({ instrument: 'payments', instrumentName: 'Payment orders' }));
    // a filter payment orders do not have (a district) leaves them out
    expect((await walk(treasurer, '&district=西湖区', 50)).some((i) => i.instrument === 'payments')).toBe(false);
  });

  it('when a role that works no payment step opens the inbox, then no payment order is in it', async () => {
    const summary = (await officer.request('GET', '/api/cases/summary')).json<Summary>();
    expect(summary.byInstrument.map((b) => b.instrument)).not.toContain('payments');
    expect((await officer.request('GET', '/api/cases?limit=100&instrument=payments')).json<{ items: Item[] }>().items).toEqual([]);
  });
});
