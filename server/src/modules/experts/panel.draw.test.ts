import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conflictsOf, drawPanel, minTechnical, PANEL_RULES, type PanelRules, type PoolExpert } from './panel.draw.js';

const FIELDS = ['电子信息', '新材料', '生物与新医药', '先进制造与自动化'];

const expertArb = fc.record({
  category: fc.constantFrom('technical' as const, 'finance' as const, 'management' as const),
  fields: fc.subarray(FIELDS, { maxLength: 2 }),
  active: fc.integer({ min: 0, max: 5 }).map((n) => n > 0),
  load: fc.integer({ min: 0, max: 10 }),
});

const scenario = fc
  .record({
    experts: fc.array(expertArb, { maxLength: 25 }),
    conflictMask: fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
    rules: fc.record({
      size: fc.integer({ min: 1, max: 8 }),
      minTechnicalRatio: fc.constantFrom(0, 0.5, 0.6, 0.8),
      minFinance: fc.integer({ min: 0, max: 2 }),
      loadCap: fc.integer({ min: 1, max: 9 }),
    }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    prefer: fc.subarray(FIELDS, { maxLength: 2 }),
  })
  .map(({ experts, conflictMask, rules, seed, prefer }) => {
    const pool: PoolExpert[] = experts.map((e, i) => ({ id: i + 1, ...e }));
    const conflicts = new Map(pool.filter((e, i) => conflictMask[i]).map((e) => [e.id, '任职单位为申报企业'] as const));
    return { pool, conflicts, rules: rules as PanelRules, seed, prefer };
  });

describe('drawPanel (property)', () => {
  it('when a pool and conflicts are random, then a draw never seats an ineligible expert, always meets the rules, and is unsatisfiable exactly when no valid panel exists', () => {
    fc.assert(
      fc.property(scenario, ({ pool, conflicts, rules, seed, prefer }) => {
        const result = drawPanel({ pool, conflicts, rules, seed, preferFields: prefer });
        const eligible = pool.filter((e) => e.active && !conflicts.has(e.id) && e.load < rules.loadCap);
        const t = eligible.filter((e) => e.category === 'technical').length;
        const f = eligible.filter((e) => e.category === 'finance').length;
        const needT = minTechnical(rules);
        const possible = t >= needT && f >= rules.minFinance && eligible.length >= rules.size && needT + rules.minFinance <= rules.size;
        expect(result.ok).toBe(possible);
        // every pool member not seated is excluded with a reason, or merely not drawn
        for (const x of result.excluded) {
          const e = pool.find((p) => p.id === x.id)!;
          expect(eligible).not.toContain(e);
          expect(x.reason).toMatch(/^(inactive|conflict: .+|load cap)$/);
        }
        expect(result.excluded).toHaveLength(pool.length - eligible.length);
        if (!result.ok) {
          return;
        }
        const ids = result.selected.map((s) => s.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toHaveLength(rules.size);
        for (const id of ids) {
          const e = pool.find((p) => p.id === id)!;
          expect(e.active).toBe(true);
          expect(conflicts.has(id)).toBe(false);
          expect(e.load).toBeLessThan(rules.loadCap);
        }
        const seated = ids.map((id) => pool.find((p) => p.id === id)!);
        expect(seated.filter((e) => e.category === 'technical').length / rules.size).toBeGreaterThanOrEqual(rules.minTechnicalRatio - 1e-9);
        expect(seated.filter((e) => e.category === 'finance').length).toBeGreaterThanOrEqual(rules.minFinance);
        // same seed, same panel
        expect(drawPanel({ pool, conflicts, rules, seed, preferFields: prefer })).toEqual(result);
      }),
      { seed: 20261128, numRuns: 500 },
    );
  });

  it('when some kept members are seated, then the redraw fills only the open seats and the whole panel still meets the rules', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 4 }), ({ pool, conflicts, rules, seed }, keepCount) => {
        const r = { ...PANEL_RULES.default, loadCap: rules.loadCap };
        const first = drawPanel({ pool, conflicts, rules: r, seed });
        if (!first.ok) {
          return;
        }
        const keep = first.selected.slice(0, keepCount).map((s) => pool.find((p) => p.id === s.id)!);
        const removed = first.selected.slice(keepCount, keepCount + 1).map((s) => s.id);
        const barred = new Map(removed.map((id) => [id, 'replaced'] as const));
        const again = drawPanel({ pool, conflicts, rules: r, seed: seed + 1, keep, barred });
        if (!again.ok) {
          return;
        }
        const panel = [...keep.map((k) => k.id), ...again.selected.map((s) => s.id)];
        expect(panel).toHaveLength(r.size);
        expect(panel.some((id) => removed.includes(id))).toBe(false);
        const seated = panel.map((id) => pool.find((p) => p.id === id)!);
        expect(seated.filter((e) => e.category === 'technical').length).toBeGreaterThanOrEqual(minTechnical(r));
        expect(seated.filter((e) => e.category === 'finance').length).toBeGreaterThanOrEqual(r.minFinance);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('drawPanel (examples)', () => {
  const pool = (n: number, category: PoolExpert['category'], from: number, fields: string[] = []): PoolExpert[] =>
    Array.from({ length: n }, (_, i) => ({ id: from + i, category, fields, active: true, load: 0 }));

  it('when only one finance expert is eligible and he is conflicted, then the draw is unsatisfiable on the finance rule', () => {
    const result = drawPanel({ pool: [...pool(6, 'technical', 1), ...pool(1, 'finance', 10)], conflicts: new Map([[10, '持股']]), rules: PANEL_RULES.default, seed: 1 });
    expect(result).toMatchObject({ ok: false, rule: 'finance' });
    expect(result.excluded).toEqual([{ id: 10, reason: 'conflict: 持股' }]);
  });

  it('when matching experts are enough, then all technical seats go to experts of the application domain', () => {
    const result = drawPanel({ pool: [...pool(4, 'technical', 1, ['新材料']), ...pool(6, 'technical', 20, ['电子信息']), ...pool(2, 'finance', 40)], conflicts: new Map(), rules: PANEL_RULES.default, seed: 3, preferFields: ['电子信息'] });
    expect(result.ok).toBe(true);
    if (result.ok) {
      const tech = result.selected.filter((s) => s.category === 'technical');
      expect(tech.every((s) => s.fieldMatch)).toBe(true);
      expect(result.selected.filter((s) => s.category === 'finance')).toHaveLength(1);
    }
  });
});

describe('conflictsOf', () => {
  const applicant = { id: 7, name: '杭州甲科技有限公司', uscc: '91330106MA2AAAAAA1' };
  const link = (o: Partial<Parameters<typeof conflictsOf>[1][number]>) => ({ expertId: 1, kind: 'employer' as const, enterpriseId: null, companyName: '别家', uscc: null, endedOn: null, ...o });

  it('when links match by id, credit code or name, then the expert is conflicted; a former employer only within three years', () => {
    const c = conflictsOf(
      applicant,
      [
        link({ expertId: 1, enterpriseId: 7 }),
        link({ expertId: 2, kind: 'shareholding', uscc: '91330106ma2aaaaaa1' }),
        link({ expertId: 3, kind: 'relative', companyName: '杭州甲科技有限公司' }),
        link({ expertId: 4, kind: 'former_employer', enterpriseId: 7, endedOn: '2023-06-01' }),
        link({ expertId: 5, kind: 'former_employer', enterpriseId: 7, endedOn: '2023-05-31' }),
        link({ expertId: 6, kind: 'former_employer', enterpriseId: 7, endedOn: null }),
        link({ expertId: 8, kind: 'employer', companyName: '杭州甲科技' }),
      ],
      [{ id: 9, organization: '杭州甲科技有限公司' }, { id: 10, organization: '浙江大学' }],
      '2026-06-01',
    );
    expect([...c.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 6, 9]);
  });
});
