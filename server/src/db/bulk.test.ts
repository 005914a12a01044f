import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/harness.js';
import { bulkInsert, pgArray } from './bulk.js';
import type { Database } from './client.js';
import { auditLog, districts, enterprises } from './schema/index.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** Text a spreadsheet may hold that an array literal must not misread: quotes, backslashes, separators, braces, the word NULL, emptiness, Chinese. */
const AWKWARD = ['say "hi"', 'C:\\tmp\\a', 'a,b', '{x}', 'NULL', '', '杭州（滨江）科技有限公司', ' spaced ', 'line\nbreak'];

describe('bulk writes through unnest', () => {
  it('when values carry quotes, backslashes, commas, braces, the word NULL or nothing, then each comes back exactly as written, and null stays null', async () => {
    const literal = pgArray([...AWKWARD, null]);
    const rows = await database.rows<{ v: string | null; n: number | string }>(
      sql`select v, n from unnest(${literal}::text[]) with ordinality as t(v, n) order by n`,
    );
    expect(rows.map((r) => r.v)).toEqual([...AWKWARD, null]);
  });

  it('when rows of many column types (dates, timestamps, jsonb, bigint, nulls) are inserted in one statement, then they read back as the ORM would have written them, with what `returning` asked for', async () => {
    const [d] = await database.db.insert(districts).values({ code: '330106', name: '西湖区' }).returning();
    const rows = AWKWARD.map((name, i) => ({
      uscc: `91330106M${String(i).padStart(8, '0')}X`.slice(0, 17) + '0',
      name: name || '空名',
      districtId: d.id,
      registeredOn: '2015-06-01',
      industry: '电子信息',
      size: i % 2 ? ('small' as const) : null,
      registeredCapital: 9_007_199_254_740 + i,
      employees: i % 3 ? i : null,
    }));
    const back = await bulkInsert(database.db, enterprises, rows, { returning: { id: enterprises.id, uscc: enterprises.uscc } });
    expect(back.map((r) => r.uscc).sort()).toEqual(rows.map((r) => r.uscc).sort());
    const stored = await database.db.select().from(enterprises).orderBy(asc(enterprises.id));
    expect(stored.map((s) => ({ uscc: s.uscc, name: s.name, size: s.size, registeredCapital: s.registeredCapital, employees: s.employees, registeredOn: s.registeredOn, version: s.version }))).toEqual(
      rows.map((r) => ({ uscc: r.uscc, name: r.name, size: r.size, registeredCapital: r.registeredCapital, employees: r.employees, registeredOn: r.registeredOn, version: 1 })),
    );
    expect(new Set(back.map((r) => Number(r.id)))).toEqual(new Set(stored.map((s) => s.id)));

    const at = new Date('2026-12-03T08:00:00.123Z');
    const after = { name: 'say "hi" \\ {x}', list: [1, null, '两'], nested: { ok: true } };
    await bulkInsert(database.db, auditLog, [
      { at, actorId: null, actorName: 'bulk', action: 'test.bulk', objectType: 'test', objectId: '1', before: null, after, requestId: null, ip: null },
      { at, actorId: 7, actorName: 'bulk', action: 'test.bulk', objectType: 'test', objectId: '2', before: { n: 1 }, after: null, requestId: 'r', ip: '127.0.0.1' },
    ]);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'test.bulk')).orderBy(asc(auditLog.objectId));
    expect(audit.map((a) => ({ at: a.at.toISOString(), actorId: a.actorId, before: a.before, after: a.after, ip: a.ip, hash: a.hash }))).toEqual([
      { at: at.toISOString(), actorId: null, before: null, after, ip: null, hash: null },
      { at: at.toISOString(), actorId: 7, before: { n: 1 }, after: null, ip: '127.0.0.1', hash: null },
    ]);
  });

  it('when one row of the statement breaks a constraint, then none of its rows is written', async () => {
    const before = (await database.db.select().from(enterprises)).length;
    const [d] = await database.db.select().from(districts).limit(1);
    const good = { uscc: '91330106MA2B3C4D5E', name: '好企业', districtId: d.id, registeredOn: '2015-06-01', industry: '电子信息' };
    await expect(bulkInsert(database.db, enterprises, [good, { ...good, name: '同码企业' }])).rejects.toThrow();
    expect((await database.db.select().from(enterprises)).length).toBe(before);
  });

  it('when asked to skip conflicts, then a row whose code is already registered is left out and missing from what comes back, and the others are written', async () => {
    const [d] = await database.db.select().from(districts).limit(1);
    const taken = { uscc: '91330106MA2B3C4D6F', name: '先登记企业', districtId: d.id, registeredOn: '2015-06-01', industry: '电子信息' };
    await bulkInsert(database.db, enterprises, [taken]);
    const fresh = { ...taken, uscc: '91330106MA2B3C4D7G', name: '新企业' };
    const back = await bulkInsert(database.db, enterprises, [{ ...taken, name: '后到企业' }, fresh], { returning: { uscc: enterprises.uscc }, skipConflicts: true });
    expect(back).toEqual([{ uscc: fresh.uscc }]);
    const names = await database.db.select({ name: enterprises.name }).from(enterprises).where(eq(enterprises.uscc, taken.uscc));
    expect(names).toEqual([{ name: '先登记企业' }]);
  });
});
