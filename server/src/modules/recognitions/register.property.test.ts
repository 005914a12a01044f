import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecognitionType } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { recognitionSource } from '../indicators/sources/recognitions.js';
import { actorFor, ctxOf } from '../vouchers/vouchers.fixtures.js';
import { RECOGNITION_FIGURES, RECOGNITION_INDICATOR_CODES } from './register.indicators.js';
import { issueRecognition } from './register.js';
import { revokeRecognition } from './revoke.js';

/**
 * Property: on random recognitions (types, districts, issue dates, validity, revocations at random
 * dates) written through issueRecognition and revokeRecognition, every recognition indicator of
 * every year — per district, by district and city-wide — equals a direct count over the
 * recognitions table, the districts sum to the city, and the drill-down lists exactly as many
 * records as the figure. Dates fall in 2080–2089, after the demo history (which the direct count
 * includes anyway: tech SMEs never expire).
 */
let t: TestApp;
let districts: { id: number; enterprise_id: number }[];
let officer: RequestContext;
const system: RequestContext = { actor: null, requestId: 'property', ip: '127.0.0.1', system: 'test' };
const TYPES: RecognitionType[] = ['hnte', 'tase', 'tech_sme', 'eagle', 'qinglan', 'rd_center_provincial', 'research_institute_provincial_key', 'agri_enterprise'];

beforeAll(async () => {
  t = await createTestApp();
  officer = ctxOf(await actorFor(t.deps.database.db, 'officer'));
  districts = await t.deps.database.rows<{ id: number; enterprise_id: number }>(sql`
    select d.id, coalesce((select min(e.id) from enterprises e where e.district_id = d.id), (select min(id) from enterprises)) as enterprise_id
    from districts d order by d.id`);
});
afterAll(async () => {
  await t.close();
});

async function direct(year: number): Promise<Map<number, Record<string, number>>> {
  const dec31 = `${year}-12-31`;
  const rows = await t.deps.database.rows<{ district_id: number; type: RecognitionType; valid: number; issued: number }>(sql`
    select district_id, type,
           count(*) filter (where issued_on <= ${dec31}::date and (valid_until is null or valid_until >= ${dec31}::date) and (revoked_on is null or revoked_on > ${dec31}::date))::int as valid,
           count(*) filter (where issued_on >= ${`${year}-01-01`}::date and issued_on <= ${dec31}::date)::int as issued
    from recognitions group by district_id, type`);
  const out = new Map<number, Record<string, number>>();
  for (const r of rows) {
    const m = out.get(Number(r.district_id)) ?? Object.fromEntries(RECOGNITION_INDICATOR_CODES.map((c) => [c, 0]));
    for (const code of RECOGNITION_INDICATOR_CODES) {
      const f = RECOGNITION_FIGURES[code];
      if ((f.types as readonly RecognitionType[]).includes(r.type)) {
        m[code] += f.figure === 'valid' ? r.valid : r.issued;
      }
    }
    out.set(Number(r.district_id), m);
  }
  return out;
}

const recognition = fc.record({
  type: fc.constantFrom(...TYPES),
  district: fc.nat({ max: 12 }),
  day: fc.integer({ min: 0, max: 9 * 365 }),
  validityYears: fc.constantFrom(null, 1, 2, 3),
  // revoked: how far into its validity (0 = on the issue day), as a fraction of up to 3 years
  revokeAfter: fc.option(fc.integer({ min: 0, max: 3 * 365 }), { nil: undefined }),
});

describe('recognition indicators on random recognitions', () => {
  it('when random recognitions are issued and some revoked, then every figure of every year equals the direct count, per district and city-wide', async () => {
    const day = (n: number) => new Date(Date.UTC(2080, 0, 1 + n)).toISOString().slice(0, 10);
    let revocations = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(recognition, { minLength: 1, maxLength: 10 }), async (items) => {
        for (const it of items) {
          const d = districts[it.district % districts.length];
          const row = await t.deps.database.db.transaction((tx) =>
            issueRecognition(tx, system, { type: it.type, enterpriseId: d.enterprise_id, districtId: d.id, applicationId: null, issuedOn: day(it.day), validityYears: it.validityYears }),
          );
          if (it.revokeAfter !== undefined) {
            const effectiveOn = day(it.day + it.revokeAfter);
            if (row.validUntil === null || effectiveOn <= row.validUntil) {
              await revokeRecognition({ db: t.deps.database.db, ctx: officer, id: row.id, input: { reason: '随机撤销测试', effectiveOn } });
              revocations++;
            }
          }
        }
        for (const year of [2080, 2082, 2084, 2086, 2088, 2090]) {
          const expected = await direct(year);
          const byDistrict = await recognitionSource.valuesByDistrict({ database: t.deps.database, year });
          const city = await recognitionSource.values({ database: t.deps.database, year });
          for (const code of RECOGNITION_INDICATOR_CODES) {
            let sum = 0;
            for (const d of districts) {
              const want = expected.get(d.id)?.[code] ?? 0;
              sum += want;
              expect(byDistrict.get(d.id)?.[code] ?? 0, `${code} ${year} district ${d.id} (by district)`).toBe(want);
            }
            expect(city[code], `${code} ${year}: the city equals the sum of the districts`).toBe(sum);
          }
        }
        // one district at a time, and the drill-down's count, for the last year touched
        const year = 2080 + Math.floor(items[0].day / 365);
        const expected = await direct(year);
        for (const d of districts.slice(0, 4)) {
          const mine = await recognitionSource.values({ database: t.deps.database, year, districtId: d.id });
          for (const code of RECOGNITION_INDICATOR_CODES) {
            expect(mine[code], `${code} ${year} district ${d.id}`).toBe(expected.get(d.id)?.[code] ?? 0);
          }
        }
        for (const ind of recognitionSource.indicators) {
          const page = await ind.records({ database: t.deps.database, year, limit: 1 });
          const city = (await recognitionSource.values({ database: t.deps.database, year }))[ind.code];
          expect(page.total, `${ind.code} ${year}: drill-down count`).toBe(city);
        }
      }),
      { seed: 20260315, numRuns: 12, endOnFailure: true },
    );
    expect(revocations).toBeGreaterThan(0);
  }, 240_000);

  it('when the drill-down is paged by (date, id), then it yields every record once, in order', async () => {
    for (let i = 0; i < 5; i++) {
      await t.deps.database.db.transaction((tx) =>
        issueRecognition(tx, system, { type: 'eagle', enterpriseId: districts[0].enterprise_id, districtId: districts[0].id, applicationId: null, issuedOn: i < 3 ? '2095-05-05' : `2095-0${i + 3}-01`, validityYears: 3 }),
      );
    }
    const ind = recognitionSource.indicators.find((i) => i.code === 'eagle.new')!;
    const seen: { id: string; date: string }[] = [];
    let after: { date: string; id: number } | undefined;
    for (;;) {
      const page = await ind.records({ database: t.deps.database, year: 2095, limit: 2, after });
      expect(page.total).toBe(5);
      if (page.items.length === 0) {
        break;
      }
      seen.push(...page.items);
      const last = page.items.at(-1)!;
      after = { date: last.date, id: Number(last.id) };
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen.map((s) => s.id)).size).toBe(5);
    expect(seen.map((s) => s.date)).toEqual(['2095-05-05', '2095-05-05', '2095-05-05', '2095-06-01', '2095-07-01']);
  });
});
