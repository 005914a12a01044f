import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districts, enterprises } from '../../db/schema/index.js';
import { voucherHolders } from '../../db/schema/vouchers.js';
import { multipartFile, uniqueUscc, xlsxOf } from '../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { whenJobSettled } from '../jobs/index.js';
import { ISSUE_HEADERS } from './vouchers.excel.js';
import { makeWorld } from './vouchers.fixtures.js';

let t: TestApp;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t.app, 'officer');
}, 120_000);
afterAll(async () => t?.close());

interface Job {
  status: string;
  progress: number;
  result: { issued: number; total: number } | null;
  error: string | null;
  rowErrors: { row: number; column: string; message: string }[];
}

async function issueList(policyId: number, rows: (string | number | null)[][]): Promise<Job> {
  const file = multipartFile(await xlsxOf([...ISSUE_HEADERS], rows), '发放名单.xlsx');
  const res = await officer.request('POST', `/api/vouchers/issuances/import?policyId=${policyId}`, file.payload, file.headers);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(202);
  await whenJobSettled(t.deps.database, res.json().id);
  return (await officer.request('GET', `/api/jobs/${res.json().id}`)).json<Job>();
}

/** `n` new enterprises registered as voucher holders, written in bulk. */
async function enterpriseHolders(n: number): Promise<number[]> {
  const db = t.deps.database.db;
  const [d] = await db.select({ id: districts.id }).from(districts).limit(1);
  const ids: number[] = [];
  for (let i = 0; i < n; i += 1000) {
    const ents = await db
      .insert(enterprises)
      .values(Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({ uscc: uniqueUscc(), name: `发放测试企业${i + k}`, districtId: d.id, registeredOn: '2015-01-01', industry: '电子信息' })))
      .returning({ id: enterprises.id, name: enterprises.name });
    const holders = await db
      .insert(voucherHolders)
      .values(ents.map((e) => ({ kind: 'enterprise' as const, enterpriseId: e.id, name: e.name, districtId: d.id })))
      .returning({ id: voucherHolders.id });
    ids.push(...holders.map((h) => h.id));
  }
  return ids;
}

describe('bulk issuance from an approved list, as a background job', () => {
  it('when the list has 10,000 enterprise holders (more than one statement can bind), then all are issued in one job with their movements and timeline events', async () => {
    const world = await makeWorld(t.deps.database.db, { holders: 0, budget: 100_000_000 });
    const holders = await enterpriseHolders(10_000);
    const job = await issueList(
      world.policyId,
      holders.map((h) => [h, null, 100]),
    );
    expect(job, job.error ?? '').toMatchObject({ status: 'done', progress: 100, result: { issued: 10_000, total: 1_000_000 } });
    const [{ movements, events }] = await t.deps.database.rows<{ movements: number; events: number }>(sql`
      select (select count(*)::int from voucher_movements where policy_id = ${world.policyId} and kind = 'issue') as movements,
             (select count(*)::int from timeline_events where module = 'vouchers' and kind = 'issued' and ref_id = ${String(world.policyId)}) as events`);
    expect({ movements, events }).toEqual({ movements: 10_000, events: 10_000 });
  }, 300_000);

  it('when one row is bad, then nothing is issued and the row is named once', async () => {
    const world = await makeWorld(t.deps.database.db, { holders: 1 });
    const job = await issueList(world.policyId, [
      [world.holderIds[0], null, 1_000],
      [null, '91330106MA0000000X', 1_000],
      [world.holderIds[0], null, '一千'],
    ]);
    expect(job.status).toBe('failed');
    expect(job.rowErrors).toEqual([
      { row: 3, column: '统一社会信用代码', message: expect.stringContaining('找不到该持有人') },
      { row: 4, column: '发放金额（元）', message: expect.stringContaining('金额') },
    ]);
    const [{ n }] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from voucher_movements where policy_id = ${world.policyId} and kind = 'issue'`);
    expect(n).toBe(0);
  });

  it('when the list goes over the budget, then the job fails with the reason and nothing is issued', async () => {
    const world = await makeWorld(t.deps.database.db, { holders: 2, budget: 1_500 });
    const job = await issueList(world.policyId, [
      [world.holderIds[0], null, 1_000],
      [world.holderIds[1], null, 1_000],
    ]);
    expect(job).toMatchObject({ status: 'failed', error: '超出政策年度预算' });
    const [{ n }] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from voucher_movements where policy_id = ${world.policyId} and kind = 'issue'`);
    expect(n).toBe(0);
  });
});
