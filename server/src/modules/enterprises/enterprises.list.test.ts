import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { districts, enterprises } from '../../db/schema/index.js';
import { uniqueUscc } from '../../test/factories.js';
import { openTestDatabase } from '../../test/harness.js';
import { listPage, type ListOptions } from './enterprises.repo.js';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase({ seeded: true });
});
afterAll(async () => {
  await database.close();
});

/** The same page through Drizzle's own select and row mapping: what listPage must answer. */
async function reference(o: { districtId?: number; industry?: string; order: 'asc' | 'desc'; afterId?: number; limit: number; scopeDistrictId?: number }) {
  const conds = [
    o.scopeDistrictId === undefined ? undefined : eq(enterprises.districtId, o.scopeDistrictId),
    o.districtId === undefined ? undefined : eq(enterprises.districtId, o.districtId),
    o.industry === undefined ? undefined : eq(enterprises.industry, o.industry),
    o.afterId === undefined ? undefined : o.order === 'asc' ? gt(enterprises.id, o.afterId) : lt(enterprises.id, o.afterId),
  ];
  return database.db
    .select({
      id: enterprises.id,
      uscc: enterprises.uscc,
      name: enterprises.name,
      districtId: enterprises.districtId,
      registeredOn: enterprises.registeredOn,
      industry: enterprises.industry,
      size: enterprises.size,
      employees: enterprises.employees,
      version: enterprises.version,
      districtCode: districts.code,
      districtName: districts.name,
    })
    .from(enterprises)
    .innerJoin(districts, eq(districts.id, enterprises.districtId))
    .where(and(...conds))
    .orderBy(o.order === 'asc' ? asc(enterprises.id) : desc(enterprises.id))
    .limit(o.limit);
}

describe('enterprises.repo listPage (list statement with its rows read by position)', () => {
  it('when a page is read, then every row equals what Drizzle maps for the same select (columns, types, nulls)', async () => {
    const [binjiang] = await database.db.select({ id: districts.id }).from(districts).where(eq(districts.code, '330108'));
    // one record with no size and no head count, so null columns are read too
    await database.db.insert(enterprises).values({ uscc: uniqueUscc(), name: '杭州空值测试科技有限公司', districtId: binjiang.id, registeredOn: '2016-01-04', industry: '电子信息', size: null, employees: null });
    const [{ mid }] = await database.rows<{ mid: number }>(sql`select ((min(id) + max(id)) / 2)::int as mid from enterprises`);
    const cases: [ListOptions, Parameters<typeof reference>[0]][] = [
      [{ scope: undefined, sort: 'id', order: 'desc', limit: 21 }, { order: 'desc', limit: 21 }],
      [{ scope: undefined, sort: 'id', order: 'asc', limit: 500, after: { value: mid, id: mid } }, { order: 'asc', afterId: mid, limit: 500 }],
      [{ scope: undefined, districtId: binjiang.id, industry: '电子信息', sort: 'id', order: 'desc', limit: 51 }, { districtId: binjiang.id, industry: '电子信息', order: 'desc', limit: 51 }],
      [{ scope: { districtId: binjiang.id }, sort: 'id', order: 'desc', limit: 8, after: { value: mid, id: mid } }, { scopeDistrictId: binjiang.id, order: 'desc', afterId: mid, limit: 8 }],
    ];
    for (const [options, ref] of cases) {
      const page = await listPage(database.db, options);
      const expected = await reference(ref);
      expect(page.length).toBeGreaterThan(0);
      expect(page).toEqual(expected);
    }
    // nulls come through as null, dates as the string Drizzle gives
    const all = await listPage(database.db, { scope: undefined, sort: 'id', order: 'desc', limit: 500 });
    expect(all.find((r) => r.name === '杭州空值测试科技有限公司')).toMatchObject({ size: null, employees: null, districtCode: '330108' });
    expect(all.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.registeredOn))).toBe(true);
  });

  it('when the limit is not one of the statement sizes, then exactly that many rows come, the first ones of the order', async () => {
    const all = await listPage(database.db, { scope: undefined, sort: 'name', order: 'asc', limit: 500 });
    expect(all.length).toBeGreaterThan(60);
    for (const limit of [1, 2, 20, 21, 22, 50, 51, 52, 60]) {
      const page = await listPage(database.db, { scope: undefined, sort: 'name', order: 'asc', limit });
      expect(page.map((r) => r.id)).toEqual(all.slice(0, limit).map((r) => r.id));
    }
  });
});
