import type { RecognitionType } from '../../db/schema/index.js';
import type { Random } from '../../lib/random.js';
import { addDays } from '../calendar/index.js';
import { endOf } from './flows.js';
import { CERTIFICATE_PREFIX, validUntilFor } from './register.js';

/**
 * The historical register of the demo (from 2001, hnte from the 2008 measures, to 2015), calibrated so that the 2015 indicators equal
 * the published figures (INDICATORS.md). "valid" = holding an unexpired, unrevoked recognition
 * on 2015-12-31; "new" = issued in 2015. Pure: the caller loads the enterprises and the validity
 * of each type (validityYearsOf) and inserts the rows.
 */
export const TARGETS_2015: { type: RecognitionType | 'hnte+tase'; valid: number | null; new: number }[] = [
  { type: 'hnte+tase', valid: 1979, new: 311 },
  { type: 'municipal_hte', valid: 4044, new: 507 },
  { type: 'tech_sme', valid: 6032, new: 1757 },
  { type: 'eagle', valid: null, new: 330 },
  { type: 'qinglan', valid: null, new: 83 },
  { type: 'rd_center_provincial', valid: 517, new: 84 },
  { type: 'rd_center_municipal', valid: 921, new: 98 },
  { type: 'agri_social_rd_center', valid: null, new: 10 },
  { type: 'agri_enterprise', valid: null, new: 22 },
];

/** The day the figures are taken on. */
export const FIGURES_DAY = '2015-12-31';

export interface SeedEnterprise {
  id: number;
  districtId: number;
  registeredOn: string;
  industry: string;
}

export interface PlannedRecognition {
  type: RecognitionType;
  enterpriseId: number;
  districtId: number;
  applicationId: number | null;
  certificateNo: string;
  issuedOn: string;
  validUntil: string | null;
  revokedOn: string | null;
  revokeReason: string | null;
  revokedBy: number | null;
  /** passed the re-examination (复审) on this day, validity extended three years (history before 2016 only) */
  reexaminedOn?: string | null;
}

/** Issue dates of each type's batches within a year (month-day) and their shares. */
const BATCHES: Record<string, [string, number][]> = {
  hnte: [
    ['10-21', 0.55],
    ['12-02', 0.45],
  ],
  tase: [['11-16', 1]],
  municipal_hte: [
    ['07-15', 0.45],
    ['12-10', 0.55],
  ],
  tech_sme: [
    ['05-20', 0.3],
    ['09-25', 0.35],
    ['12-15', 0.35],
  ],
  eagle: [['08-18', 1]],
  qinglan: [['08-18', 1]],
  rd_center_provincial: [['12-21', 1]],
  rd_center_municipal: [['11-10', 1]],
  agri_social_rd_center: [['10-12', 1]],
  agri_enterprise: [['09-15', 1]],
};

const REVOKE_REASONS: Record<string, string[]> = {
  hnte: ['发生重大安全事故，依据《高新技术企业认定管理办法》第十九条取消资格', '存在偷、骗税等行为，经税务部门核实取消资格', '申请认定过程中提供虚假材料，取消资格并追缴已享受的税收优惠'],
  tech_sme: ['企业已注销', '企业迁出杭州市', '年度动态管理核查不再符合科技型中小企业条件', '被列入严重违法失信企业名单', '连续两年未按要求更新年度信息'],
  startup: ['培育期满毕业（已认定为高新技术企业）', '培育期满毕业', '企业已注销'],
  other: ['企业已注销', '年度绩效考核不合格，撤销认定', '企业主动申请撤销', '被列入严重违法失信企业名单'],
};

const STARTUP_TYPES = new Set<RecognitionType>(['eagle', 'qinglan']);

interface TypePlan {
  type: RecognitionType;
  /** recognitions issued per year */
  issued: Record<number, number>;
  /** of those, how many are revoked before FIGURES_DAY */
  revokedBefore: Record<number, number>;
  /** revoked during 2016 (after the figures) */
  revoked2016: Record<number, number>;
  /** of those not revoked, how many passed the re-examination (复审) in their third year: valid three years more */
  reexamined: Record<number, number>;
}

const split = (total: number, shares: number[]): number[] => {
  const sum = shares.reduce((a, b) => a + b, 0);
  const out = shares.map((s) => Math.floor((total * s) / sum));
  let rest = total - out.reduce((a, b) => a + b, 0);
  for (let i = out.length - 1; rest > 0; i = (i - 1 + out.length) % out.length, rest--) {
    out[i] += 1;
  }
  return out;
};

/** The first year of the register per kind of type: R&D centres and tech SMEs date back further than the hnte measures of 2008. */
const FLOOR_YEAR = 2001;
const HNTE_MEASURES_YEAR = 2008;

/** A factor around 1 (±3%): year-to-year noise in the history. */
const jitter = (rnd: Random) => 1 + (rnd.next() - 0.5) * 0.06;

/** Smallest x in [lo, hi] with f(x) ≥ 0 for an increasing f (bisection). */
function solve(f: (x: number) => number, lo: number, hi: number): number {
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) >= 0) {
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return hi;
}

/**
 * Issues per year such that the recognitions valid on FIGURES_DAY are exactly `valid` and those
 * issued in 2015 exactly `fresh`, with a history that reads like a city's: each year close to
 * the next, with a little noise.
 * - Types without expiry (tech SMEs, R&D centres): the stock is every earlier cohort not revoked,
 *   so earlier years are a little smaller (`growth` a year) and the register goes back as far as
 *   the stock needs (the first year takes the remainder).
 * - Types valid three years (hnte, municipal hte): the stock is the 2013–2014 cohorts plus the
 *   2010–2012 cohorts that passed the re-examination (复审, the 2008 measures: three years more,
 *   no new certificate, so not "new"). With 1979 valid against 311 new, the yearly intake must
 *   have been larger before 2015; the planner finds the steady yearly decline that yields the
 *   stock (hnte ≈ 6 %, municipal hte ≈ 11 % a year), which the 2016 plan continues (150 new hnte).
 */
function planOf(rnd: Random, type: RecognitionType, validity: number | null, valid: number | null, fresh: number, revokeShare: number, growth: number, reexamination = 0): TypePlan {
  const issued: Record<number, number> = { 2015: fresh };
  const revokedBefore: Record<number, number> = {};
  const revoked2016: Record<number, number> = {};
  const reexamined: Record<number, number> = {};
  const cohort = (y: number, survivors: number) => {
    const r = Math.round(survivors * revokeShare);
    issued[y] = survivors + r;
    revokedBefore[y] = r;
  };
  if (STARTUP_TYPES.has(type)) {
    // the start-up programmes (from 2012): earlier cohorts have graduated (or closed) by the end of
    // 2015, so that 2015's start-ups are the stock the 2016 plan builds on (累计700家 with 300 new)
    for (let y = 2014, n = fresh; y >= 2012; y--) {
      n = Math.round((n / growth) * jitter(rnd));
      issued[y] = n;
      revokedBefore[y] = n;
    }
    return { type, issued, revokedBefore, revoked2016, reexamined };
  }
  if (valid === null || !validity) {
    // a stock to reach (no expiry), or none (the small programmes): earlier cohorts a little smaller
    let need = valid === null ? Number.POSITIVE_INFINITY : valid - fresh;
    for (let y = 2014, n = fresh; need > 0 && (valid !== null || y >= 2011); y--) {
      n = Math.max(1, Math.round((n / growth) * jitter(rnd)));
      const survivors = y === FLOOR_YEAR || n >= need ? need : n;
      cohort(y, survivors);
      need -= survivors;
    }
  } else {
    // valid three years, the 2010–2012 cohorts re-examined: the steady decline d that yields the stock
    const firstTerm = [2013, 2014];
    const extended = [2010, 2011, 2012];
    const need = valid - fresh;
    const size = (d: number, y: number) => fresh * d ** (2015 - y);
    const d = solve((x) => firstTerm.reduce((a, y) => a + size(x, y), 0) + reexamination * extended.reduce((a, y) => a + size(x, y), 0) - need, 0.5, 3);
    let rest = need;
    for (let y = HNTE_MEASURES_YEAR; y <= 2013; y++) {
      const n = Math.max(1, Math.round(size(d, y) * jitter(rnd)));
      reexamined[y] = Math.round(n * reexamination);
      if (extended.includes(y)) {
        rest -= reexamined[y];
      } else if (y === 2013) {
        rest -= n;
      }
      cohort(y, n);
    }
    cohort(2014, rest);
  }
  for (const y of [2013, 2014, 2015]) {
    revoked2016[y] = Math.round((issued[y] ?? 0) * revokeShare * 0.4);
  }
  return { type, issued, revokedBefore, revoked2016, reexamined };
}

export interface HistoryInput {
  rnd: Random;
  enterprises: SeedEnterprise[];
  /** validity years per type and issue year (validityYearsOf) */
  validity: (type: RecognitionType, year: number) => number | null;
  /** the enterprise the demo 'enterprise' account belongs to */
  demoEnterpriseId: number;
  /** who revoked (the city officer) */
  revokedBy: number | null;
}

/** The planned historical recognitions (certificate numbers not yet assigned). */
export function planHistory(input: HistoryInput): Omit<PlannedRecognition, 'certificateNo'>[] {
  const { rnd, enterprises } = input;
  const v = (t: RecognitionType) => input.validity(t, 2015);
  const plans: TypePlan[] = [
    planOf(rnd, 'tech_sme', v('tech_sme'), 6032, 1757, 0.07, 1.1),
    planOf(rnd, 'municipal_hte', v('municipal_hte'), 4044, 507, 0.012, 1, 0.92),
    // hnte + tase together: 1979 valid / 311 new, tase a small share (no re-examination)
    planOf(rnd, 'hnte', v('hnte'), 1979 - 26, 311 - 8, 0.01, 1, 0.85),
    planOf(rnd, 'tase', v('tase'), 26, 8, 0, 1),
    planOf(rnd, 'rd_center_provincial', v('rd_center_provincial'), 517, 84, 0.03, 1.08),
    planOf(rnd, 'rd_center_municipal', v('rd_center_municipal'), 921, 98, 0.03, 1.08),
    planOf(rnd, 'eagle', v('eagle'), null, 330, 0.04, 1.12),
    planOf(rnd, 'qinglan', v('qinglan'), null, 83, 0.04, 1.12),
    planOf(rnd, 'agri_social_rd_center', v('agri_social_rd_center'), null, 10, 0, 1.1),
    planOf(rnd, 'agri_enterprise', v('agri_enterprise'), null, 22, 0, 1.1),
  ];
  const out: Omit<PlannedRecognition, 'certificateNo'>[] = [];
  /** per type: enterprise → the day its latest recognition ends ('9999-12-31' while it does not) */
  const heldUntil = new Map<RecognitionType, Map<number, string>>();
  const ever = (t: RecognitionType) => heldUntil.get(t) ?? new Map<number, string>();

  for (const plan of plans) {
    const held = new Map<number, string>();
    heldUntil.set(plan.type, held);
    for (const year of Object.keys(plan.issued).map(Number).sort()) {
      const batches = BATCHES[plan.type];
      const counts = split(
        plan.issued[year],
        batches.map((b) => b[1]),
      );
      // the validity the register knows from 2011 on applies to the earlier cohorts too
      const validity = input.validity(plan.type, Math.max(2011, year));
      const yearRows: Omit<PlannedRecognition, 'certificateNo'>[] = [];
      batches.forEach(([md], bi) => {
        const issuedOn = `${year}-${md}`;
        const registeredBy = addDays(issuedOn, plan.type === 'hnte' ? -365 : -90);
        const youngFrom = `${year - (plan.type === 'qinglan' ? 3 : 5)}-${md}`;
        const eligible = enterprises.filter((e) => {
          if (e.registeredOn >= registeredBy) {
            return false;
          }
          if (STARTUP_TYPES.has(plan.type) && e.registeredOn < youngFrom) {
            return false;
          }
          if (e.id === input.demoEnterpriseId && plan.type !== 'tech_sme' && plan.type !== 'municipal_hte') {
            return false; // the demo enterprise applies for hnte in 2016; it holds only the two below
          }
          const until = held.get(e.id);
          return until === undefined || until <= issuedOn;
        });
        const score = (e: SeedEnterprise): number => {
          let s = rnd.next();
          if (e.id === input.demoEnterpriseId) {
            // a valid tech SME since 2014 and a municipal hte since 2015
            return (plan.type === 'tech_sme' && year >= 2014) || (plan.type === 'municipal_hte' && year >= 2015) ? -10 : 10;
          }
          if (held.has(e.id)) {
            s -= plan.type === 'hnte' || plan.type === 'municipal_hte' ? 0.6 : -0.5; // renewals; no re-entry after a revocation-free exit
          }
          if (plan.type === 'hnte' || plan.type === 'tase' || plan.type === 'municipal_hte') {
            s -= ever('tech_sme').has(e.id) ? 0.5 : 0;
            s -= e.industry === '其他' ? -0.4 : 0;
          }
          if (plan.type === 'rd_center_provincial') {
            s -= ever('hnte').has(e.id) ? 0.7 : 0;
          }
          if (plan.type === 'rd_center_municipal') {
            s -= ever('hnte').has(e.id) || ever('municipal_hte').has(e.id) ? 0.6 : 0;
          }
          if (plan.type === 'agri_enterprise' || plan.type === 'agri_social_rd_center') {
            s -= e.industry === '其他' || e.industry === '资源与环境' || e.industry === '生物与新医药' ? 0.7 : 0;
          }
          return s;
        };
        const ranked = eligible.map((e) => ({ e, s: score(e) })).sort((a, b) => a.s - b.s || a.e.id - b.e.id);
        if (ranked.length < counts[bi]) {
          throw new Error(`recognitions seed: not enough enterprises for ${plan.type} ${issuedOn}`);
        }
        for (const { e } of ranked.slice(0, counts[bi])) {
          const validUntil = validUntilFor(issuedOn, validity);
          yearRows.push({
            type: plan.type,
            enterpriseId: e.id,
            districtId: e.districtId,
            applicationId: null,
            issuedOn,
            validUntil,
            revokedOn: null,
            revokeReason: null,
            revokedBy: null,
          });
          held.set(e.id, validUntil ? addDays(validUntil, 1) : '9999-12-31');
        }
      });
      // revocations: some before the figures day, some in 2016; never the demo enterprise's
      const candidates = yearRows.filter((r) => r.enterpriseId !== input.demoEnterpriseId);
      for (let i = candidates.length - 1; i > 0; i--) {
        const j = Math.floor(rnd.next() * (i + 1));
        [candidates[i], candidates[j]] = [candidates[j], candidates[i]];
      }
      const pickRevoked = (n: number, from: string, to: string) => {
        let taken = 0;
        for (const r of candidates) {
          if (taken >= n) {
            break;
          }
          const start = addDays(r.issuedOn, 120) > from ? addDays(r.issuedOn, 120) : from;
          const last = r.validUntil && r.validUntil < to ? r.validUntil : to;
          if (r.revokedOn || start > last) {
            continue;
          }
          const span = Math.round((Date.parse(last) - Date.parse(start)) / 86_400_000);
          r.revokedOn = addDays(start, Math.floor(rnd.next() * (span + 1)));
          const reasons = REVOKE_REASONS[plan.type === 'hnte' || plan.type === 'tase' ? 'hnte' : plan.type === 'tech_sme' ? 'tech_sme' : STARTUP_TYPES.has(plan.type) ? 'startup' : 'other'];
          r.revokeReason = rnd.pick(reasons);
          r.revokedBy = input.revokedBy;
          held.set(r.enterpriseId, endOf(r) ?? '9999-12-31');
          taken++;
        }
        if (taken < n) {
          throw new Error(`recognitions seed: could not revoke ${n} ${plan.type} of ${year}`);
        }
      };
      pickRevoked(plan.revokedBefore[year] ?? 0, `${FLOOR_YEAR}-01-01`, FIGURES_DAY);
      // the re-examination (复审) in the third year: the same certificate, valid three years more
      let reexamine = plan.reexamined[year] ?? 0;
      for (const r of candidates) {
        if (reexamine === 0) {
          break;
        }
        if (r.revokedOn || !r.validUntil || !validity) {
          continue;
        }
        r.reexaminedOn = addDays(r.validUntil, -45);
        const extended = validUntilFor(r.issuedOn, 2 * validity)!;
        r.validUntil = extended;
        held.set(r.enterpriseId, addDays(extended, 1));
        reexamine--;
      }
      if (reexamine > 0) {
        throw new Error(`recognitions seed: could not re-examine ${plan.reexamined[year]} ${plan.type} of ${year}`);
      }
      pickRevoked(plan.revoked2016[year] ?? 0, '2016-01-01', '2016-12-31');
      out.push(...yearRows);
    }
  }
  return out;
}

/** Certificate numbers in the register's format (nextCertificateNo): prefix, year, 3301, a serial per type and year in issue order. */
export function numberCertificates<T extends Omit<PlannedRecognition, 'certificateNo'>>(rows: T[]): (T & { certificateNo: string })[] {
  const sorted = [...rows].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : a.enterpriseId - b.enterpriseId));
  const serial = new Map<string, number>();
  return sorted.map((r) => {
    const prefix = `${CERTIFICATE_PREFIX[r.type]}${r.issuedOn.slice(0, 4)}3301`;
    const n = (serial.get(prefix) ?? 0) + 1;
    serial.set(prefix, n);
    return { ...r, certificateNo: `${prefix}${String(n).padStart(5, '0')}` };
  });
}
