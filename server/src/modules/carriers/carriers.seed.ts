import { asc, eq, sql } from 'drizzle-orm';
import { pgArray } from '../../db/bulk.js';
import type { Tx } from '../../db/client.js';
import {
  carrierApplications,
  carrierAssessments,
  carrierFirms,
  carrierRecognitions,
  carrierStats,
  carriers,
  caseEvents,
  cases,
  districts,
  enterprises,
  organizations,
  parks,
  users,
  type CarrierKind,
  type StatFlag,
} from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import { createRandom, type Random } from '../../lib/random.js';
import { yuanToFen } from '../../lib/money.js';
import { recordAuditMany } from '../audit/index.js';
import { postMovements } from '../ledger/index.js';
import { DISTRICT_WEIGHTS } from '../../db/seed/districts.js';
import { GRADE_NAMES, SERVICE_OPTIONS, SUBSIDY_YUAN, gradeOf, scoreSheetOf, type ScoreItem } from './carriers.rules.js';
import type { ApplicationForm, StatsFields } from './carriers.schema.js';
import {
  DEMO_CARRIER_ORG,
  DEMO_MAKERSPACE,
  DEMO_NEW_MAKERSPACE,
  INCUBATOR_TAILS,
  MAKERSPACE_TAILS,
  NAME_HEADS,
  PARKS,
  PARKS_OF_DISTRICT,
  PLATFORMS,
  ROADS,
  TARGETS_2015 as T,
} from './carriers.seed.data.js';
import { jumpFlags } from './stats.service.js';
import { applicationSteps, seedIncubatorPanels, seedRecognitionNotices, type ReviewedCase, type SeedStep, type StepBy } from './carriers.seed.review.js';
import { seedNationalCases } from './carriers.seed.national.js';
import { CARRIER_BOOK } from './subsidy.js';

export { TARGETS_2015, DEMO_CARRIER_ORG, DEMO_MAKERSPACE, DEMO_NEW_MAKERSPACE } from './carriers.seed.data.js';

const CHUNK = 1000;
const pad = (n: number) => String(n).padStart(2, '0');
const day = (rnd: Random, year: number, from = 1, to = 12) => `${year}-${pad(rnd.int(from, to))}-${pad(rnd.int(1, 28))}`;
const addYears = (d: string, y: number) => `${Number(d.slice(0, 4)) + y}${d.slice(4)}`;
const minDate = (a: string, b: string) => (a < b ? a : b);
const TODAY = '2016-09-12';

interface PlanCarrier {
  kind: CarrierKind;
  name: string;
  districtCode: string;
  parkCode: string | null;
  areaM2: number;
  foundedOn: string;
  orgName: string | null;
  /** municipal recognition date, national date, revocation */
  municipalOn: string | null;
  nationalOn: string | null;
  revokedOn: string | null;
  revokeReason: string | null;
  firms: number;
  firmsFrom: string;
  /** the 2016 application's final status, when the carrier applies in 2016 */
  apply2016: string | null;
}

/** Integers summing exactly to total, proportional to weights (largest remainder). */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * total);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k++, left--) {
    out[order[k % order.length][1]]++;
  }
  return out;
}

/** Areas in steps of 100 m² summing exactly to total, each at least min. */
function areas(rnd: Random, n: number, total: number, lo: number, hi: number, min: number): number[] {
  const units = apportion(total / 100, Array.from({ length: n }, () => rnd.int(lo, hi)));
  const out = units.map((u) => u * 100);
  if (out.some((a) => a < min)) {
    throw new Error('carrier seed: an area fell below the criterion');
  }
  return out;
}

function plan(rnd: Random, codes: string[]): PlanCarrier[] {
  const pickDistrict = () => rnd.weighted(codes, codes.map((c) => DISTRICT_WEIGHTS[c] ?? 1));
  const parkIn = (d: string) => (PARKS_OF_DISTRICT[d] && rnd.next() < 0.6 ? rnd.pick(PARKS_OF_DISTRICT[d]) : null);
  const used = new Set<string>();
  const nameOf = (tails: readonly string[], d: string) => {
    for (;;) {
      const n = `杭州${rnd.pick(NAME_HEADS)}${rnd.pick(tails)}${used.size % 3 === 0 ? '' : `（${['一期', '二期', '东区', '西区', '南区'][rnd.int(0, 4)]}）`}`;
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
      void d;
    }
  };
  const out: PlanCarrier[] = [];
  // ── incubators: 83 valid at the end of 2015 (15 new in 2015), 3 exited earlier ───────────────
  const newAreas = areas(rnd, T.municipalIncubatorsNew, T.areaNew, 150, 320, 3000);
  const oldAreas = areas(rnd, T.municipalIncubatorsValid - T.municipalIncubatorsNew, T.areaTotal - T.areaNew, 180, 420, 3000);
  const oldYears = [2008, 2009, 2010, 2011, 2012, 2013, 2014];
  const olds = oldAreas.map((a) => ({ a, y: rnd.weighted(oldYears, [6, 7, 8, 10, 12, 12, 13]) })).sort((x, y) => x.y - y.y);
  // national: the 24 oldest-recognised… spread: 21 before 2015 (years after their municipal one), 3 in 2015
  const nationalIdx = new Set<number>();
  while (nationalIdx.size < T.nationalIncubatorsValid) {
    nationalIdx.add(rnd.int(0, Math.floor(olds.length * 0.7)));
  }
  const nationalList = [...nationalIdx].sort((a, b) => a - b);
  olds.forEach((o, i) => {
    const d = pickDistrict();
    const municipalOn = day(rnd, o.y);
    const k = nationalList.indexOf(i);
    let nationalOn: string | null = null;
    if (k >= 0) {
      nationalOn = k >= nationalList.length - T.nationalIncubatorsNew ? day(rnd, 2015, 9, 11) : day(rnd, Math.min(2014, o.y + 1 + (k % 3)), 1, 12);
      if (nationalOn <= municipalOn) {
        nationalOn = `${Number(municipalOn.slice(0, 4)) + 1}-10-15`;
      }
    }
    const founded = day(rnd, o.y - rnd.int(1, 3));
    out.push({ kind: 'incubator', name: nameOf(INCUBATOR_TAILS, d), districtCode: d, parkCode: parkIn(d), areaM2: o.a, foundedOn: founded, orgName: null, municipalOn, nationalOn, revokedOn: null, revokeReason: null, firms: 0, firmsFrom: founded, apply2016: null });
  });
  newAreas.forEach((a) => {
    const d = pickDistrict();
    const founded = day(rnd, rnd.int(2012, 2014));
    out.push({ kind: 'incubator', name: nameOf(INCUBATOR_TAILS, d), districtCode: d, parkCode: parkIn(d), areaM2: a, foundedOn: founded, orgName: null, municipalOn: day(rnd, 2015, 5, 12), nationalOn: null, revokedOn: null, revokeReason: null, firms: 0, firmsFrom: founded, apply2016: null });
  });
  // 3 incubators that exited earlier after two failed assessments
  for (let i = 0; i < 3; i++) {
    const d = pickDistrict();
    const y = 2009 + i;
    out.push({ kind: 'incubator', name: nameOf(INCUBATOR_TAILS, d), districtCode: d, parkCode: null, areaM2: rnd.int(40, 120) * 100, foundedOn: day(rnd, y - 1), orgName: null, municipalOn: day(rnd, y), nationalOn: null, revokedOn: `${2013 + (i % 2)}-04-${pad(10 + i)}`, revokeReason: '连续两年年度考核不合格，按规定退出', firms: rnd.int(20, 40), firmsFrom: `${y - 1}-06-01`, apply2016: null });
  }
  // firms_cum: 8719 firms entered by 2015 in the 83 valid incubators, by area and age
  const valid = out.filter((c) => c.kind === 'incubator' && !c.revokedOn);
  const counts = apportion(T.firmsCum, valid.map((c) => (c.areaM2 / 1000) * (2016 - Number(c.municipalOn!.slice(0, 4)) + 1)));
  valid.forEach((c, i) => (c.firms = Math.max(counts[i], 0)));
  // 2016 incubator applicants: 5 recognised, 1 in the open notice, 1 at the city, 1 at the district, 1 draft
  for (const status of ['recognised', 'recognised', 'recognised', 'recognised', 'recognised', 'in_notice', 'district_passed', 'submitted', 'draft']) {
    const d = pickDistrict();
    const founded = day(rnd, 2014);
    out.push({ kind: 'incubator', name: nameOf(INCUBATOR_TAILS, d), districtCode: d, parkCode: parkIn(d), areaM2: rnd.int(60, 250) * 100, foundedOn: founded, orgName: null, municipalOn: null, nationalOn: null, revokedOn: null, revokeReason: null, firms: rnd.int(22, 45), firmsFrom: founded, apply2016: status });
  }
  // ── makerspaces: 45 recognised in 2015 (two batches), 14 of them in the national system ───────
  for (let i = 0; i < T.makerspacesValid; i++) {
    const demo = i === 0;
    const d = demo ? '330110' : pickDistrict();
    const batch = i < 25 ? '2015-07-20' : '2015-12-08';
    out.push({
      kind: 'makerspace',
      name: demo ? DEMO_MAKERSPACE : nameOf(MAKERSPACE_TAILS, d),
      districtCode: d,
      parkCode: demo ? 'dream' : parkIn(d),
      areaM2: rnd.int(8, 60) * 100,
      foundedOn: day(rnd, 2014, 1, 12),
      orgName: demo ? DEMO_CARRIER_ORG : null,
      municipalOn: batch,
      nationalOn: i >= 1 && i <= T.makerspacesNational ? '2015-09-28' : null,
      revokedOn: null,
      revokeReason: null,
      firms: rnd.int(12, 40),
      firmsFrom: '2014-09-01',
      apply2016: null,
    });
  }
  // 27 makerspaces counted in the statistics only; 22 of them apply in 2016
  const applying = ['recognised', 'recognised', 'recognised', 'recognised', 'recognised', 'recognised', 'recognised', 'recognised', 'recognised', 'recognised', 'recognised', 'recognised', 'city_passed', 'city_passed', 'city_passed', 'district_passed', 'district_passed', 'submitted', 'submitted', 'returned', 'draft', 'rejected'];
  for (let i = 0; i < T.makerspacesStatisticsOnly; i++) {
    const d = pickDistrict();
    out.push({ kind: 'makerspace', name: nameOf(MAKERSPACE_TAILS, d), districtCode: d, parkCode: parkIn(d), areaM2: rnd.int(6, 40) * 100, foundedOn: day(rnd, 2015, 1, 6), orgName: null, municipalOn: null, nationalOn: null, revokedOn: null, revokeReason: null, firms: rnd.int(11, 30), firmsFrom: '2015-03-01', apply2016: applying[i] ?? null });
  }
  // the demo operator's second makerspace, opened in 2016 (its application is the demo's to make)
  out.push({ kind: 'makerspace', name: DEMO_NEW_MAKERSPACE, districtCode: '330106', parkCode: 'yunqi', areaM2: 1200, foundedOn: '2016-03-01', orgName: DEMO_CARRIER_ORG, municipalOn: null, nationalOn: null, revokedOn: null, revokeReason: null, firms: 14, firmsFrom: '2016-03-10', apply2016: null });
  // ── public S&T service platforms ──────────────────────────────────────────────────────────
  PLATFORMS.forEach((name, i) => {
    const d = ['330108', '330106', '330110', '330104'][i];
    out.push({ kind: 'platform', name, districtCode: d, parkCode: PARKS_OF_DISTRICT[d]?.[0] ?? null, areaM2: rnd.int(20, 60) * 100, foundedOn: `${2012 + (i % 3)}-06-01`, orgName: null, municipalOn: null, nationalOn: null, revokedOn: null, revokeReason: null, firms: 0, firmsFrom: '2012-06-01', apply2016: null });
  });
  return out;
}

/**
 * The carriers demo: parks; 86 incubators (83 valid at the end of 2015, 15 new that year, 24
 * national, 3 new), their 8719 firms entered by 2015 (a quarter linked to the registry), 45
 * recognised makerspaces (14 in the national system) and 27 counted in the statistics only, 4
 * service platforms; 2016 applications in every state before the notice, the 2014/2015 annual
 * statistics (the 2015 ones in every review state), the 2014/2015 assessments with the exit rule
 * applied and their subsidies posted on the carriers' book. Everything in batched inserts.
 */
export async function seedCarriers(opts: { tx: Tx; ctx: RequestContext }): Promise<{ carriers: number; firms: number }> {
  const { tx, ctx } = opts;
  const rnd = createRandom(2015_0719);
  const ds = await tx.select({ id: districts.id, code: districts.code, name: districts.name }).from(districts).orderBy(asc(districts.sortOrder));
  const dByCode = new Map(ds.map((d) => [d.code, d]));
  const userRows = await tx.select({ id: users.id, username: users.username, displayName: users.displayName, org: organizations.name, districtId: organizations.districtId }).from(users).innerJoin(organizations, eq(organizations.id, users.organizationId));
  const userOf = (u: string) => userRows.find((r) => r.username === u);
  const officer = userOf('officer')!;
  const label = (u: { displayName: string; org: string }) => `${u.displayName}（${u.org}）`;
  const districtLabel = (districtId: number) => {
    const u = userRows.find((r) => r.districtId === districtId && (r.username === 'xihu' || r.username === 'binjiang'));
    return u ? { id: u.id as number | null, label: label(u) } : { id: null, label: `${ds.find((d) => d.id === districtId)!.name}科技局` };
  };

  // parks
  const parkRows = await tx
    .insert(parks)
    .values(PARKS.map((p, i) => ({ code: p.code, name: p.name, kind: p.kind, districtId: p.district ? dByCode.get(p.district)!.id : null, sortOrder: i + 1 })))
    .returning();
  const parkByCode = new Map(parkRows.map((p) => [p.code, p.id]));

  // operators: the demo's organisation exists (demo.ts); one organisation per other carrier
  const planned = plan(rnd, ds.map((d) => d.code));
  const [demoOrg] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, DEMO_CARRIER_ORG));
  const orgNames = planned.filter((c) => !c.orgName).map((c) => ({ name: `${c.name.replace(/（.*）$/, '')}运营管理有限公司`, districtId: dByCode.get(c.districtCode)!.id }));
  const orgIds: number[] = [];
  for (let i = 0; i < orgNames.length; i += CHUNK) {
    const rows = await tx.insert(organizations).values(orgNames.slice(i, i + CHUNK).map((o) => ({ name: o.name, kind: 'carrier' as const, districtId: o.districtId }))).returning({ id: organizations.id });
    orgIds.push(...rows.map((r) => r.id));
  }
  let nextOrg = 0;
  const carrierValues = planned.map((c) => ({
    organizationId: c.orgName ? demoOrg!.id : orgIds[nextOrg++],
    kind: c.kind,
    name: c.name,
    address: `杭州市${dByCode.get(c.districtCode)!.name}${rnd.pick(ROADS)}${rnd.int(1, 999)}号`,
    districtId: dByCode.get(c.districtCode)!.id,
    parkId: c.parkCode ? parkByCode.get(c.parkCode)! : null,
    areaM2: c.areaM2,
    services: SERVICE_OPTIONS.filter(() => rnd.next() < 0.55).slice(0, 8),
    managers: [{ name: `${rnd.pick(['王', '李', '张', '陈', '周', '吴'])}${rnd.pick(['伟', '敏', '静', '磊', '洁', '涛'])}`, title: c.kind === 'platform' ? '平台主任' : '总经理' }],
    foundedOn: c.foundedOn,
    description: c.kind === 'platform' ? '面向全市企业提供公共技术服务，接受市科委年度考核与验收。' : null,
    exitedOn: c.revokedOn,
    exitReason: c.revokeReason,
  }));
  for (const v of carrierValues) {
    if (v.services.length < 5) {
      v.services = [...SERVICE_OPTIONS.slice(0, 5)];
    }
  }
  const carrierIds = (await tx.insert(carriers).values(carrierValues).returning({ id: carriers.id })).map((r) => r.id);

  // recognitions from the register (before the platform: no case)
  const recs: (typeof carrierRecognitions.$inferInsert)[] = [];
  const seq = new Map<string, number>();
  const numberOf = (head: string) => {
    const n = (seq.get(head) ?? 0) + 1;
    seq.set(head, n);
    return `${head}${String(n).padStart(3, '0')}号`;
  };
  const byDate = planned.map((c, i) => ({ c, i })).filter((x) => x.c.municipalOn).sort((a, b) => a.c.municipalOn!.localeCompare(b.c.municipalOn!));
  for (const { c, i } of byDate) {
    const y = c.municipalOn!.slice(0, 4);
    recs.push({ carrierId: carrierIds[i], level: 'municipal', kind: c.kind, reference: numberOf(`${c.kind === 'incubator' ? '杭孵认' : '杭众创认'}〔${y}〕`), issuer: '杭州市科学技术委员会', recognisedOn: c.municipalOn!, revokedOn: c.revokedOn, revokeReason: c.revokeReason });
  }
  planned.forEach((c, i) => {
    if (c.nationalOn) {
      const y = c.nationalOn.slice(0, 4);
      recs.push({ carrierId: carrierIds[i], level: 'national', kind: c.kind, reference: c.kind === 'incubator' ? `国科发高〔${y}〕${rnd.int(100, 480)}号` : `国科火字〔${y}〕${rnd.int(200, 260)}号`, issuer: '中华人民共和国科学技术部', recognisedOn: c.nationalOn, revokedOn: null, revokeReason: null });
    }
  });

  // firms: entered between the carrier's start and the end of 2015 (incubators: exactly the planned count), a few more in 2016
  const ents = await tx.select({ id: enterprises.id, name: enterprises.name, districtId: enterprises.districtId }).from(enterprises).orderBy(asc(enterprises.id));
  const entPool = new Map<number, { id: number; name: string }[]>();
  for (const e of ents.slice(1)) {
    const list = entPool.get(e.districtId) ?? [];
    list.push(e);
    entPool.set(e.districtId, list);
  }
  const firmRows: (typeof carrierFirms.$inferInsert)[] = [];
  let teamNo = 0;
  planned.forEach((c, i) => {
    if (c.kind === 'platform') {
      return;
    }
    const districtId = carrierValues[i].districtId;
    const from = c.firmsFrom < '2005-01-01' ? '2005-01-01' : c.firmsFrom;
    const fromY = Number(from.slice(0, 4));
    const until = c.revokedOn ?? (c.firmsFrom >= '2016-01-01' ? TODAY : '2015-12-31');
    const untilY = Number(until.slice(0, 4));
    const extra2016 = c.kind === 'incubator' && !c.revokedOn && c.firmsFrom < '2016-01-01' ? rnd.int(2, 7) : 0;
    const n = c.firms + extra2016;
    for (let k = 0; k < n; k++) {
      const in2016 = k >= c.firms;
      const y = in2016 ? 2016 : rnd.int(fromY, untilY);
      let entered = in2016 ? day(rnd, 2016, 1, 8) : day(rnd, y);
      if (entered < from) {
        entered = from;
      }
      if (!in2016 && entered > until) {
        entered = until;
      }
      const age = 2016 - Number(entered.slice(0, 4));
      const r = rnd.next();
      let graduatedOn: string | null = null;
      let exitedOn: string | null = null;
      if (age >= 3 && r < 0.55) {
        graduatedOn = minDate(addYears(entered, rnd.int(2, 3)), '2016-08-31');
      } else if (age >= 2 && r > 0.85) {
        exitedOn = minDate(addYears(entered, 1), '2016-08-31');
      } else if (c.revokedOn) {
        exitedOn = c.revokedOn > entered ? c.revokedOn : entered;
      }
      const pool = entPool.get(districtId);
      const linked = c.kind === 'incubator' && rnd.next() < 0.25 && pool && pool.length ? pool.pop()! : null;
      teamNo++;
      firmRows.push({
        carrierId: carrierIds[i],
        enterpriseId: linked?.id ?? null,
        firmName: linked?.name ?? (c.kind === 'makerspace' ? `${rnd.pick(NAME_HEADS)}创业团队${teamNo}` : `杭州${rnd.pick(NAME_HEADS)}${rnd.pick(['智能', '信息', '生物', '材料', '数据', '网络'])}科技有限公司（${teamNo}）`),
        enteredOn: entered,
        graduatedOn,
        exitedOn,
      });
    }
  });
  // one statement over arrays (a few parameters instead of 66 000: much faster on the embedded database)
  await tx.execute(sql`
    insert into carrier_firms (carrier_id, enterprise_id, firm_name, entered_on, graduated_on, exited_on)
    select * from unnest(${pgArray(firmRows.map((f) => f.carrierId))}::int[], ${pgArray(firmRows.map((f) => f.enterpriseId ?? null))}::int[],
      ${pgArray(firmRows.map((f) => f.firmName))}::text[], ${pgArray(firmRows.map((f) => f.enteredOn))}::date[],
      ${pgArray(firmRows.map((f) => f.graduatedOn ?? null))}::date[], ${pgArray(firmRows.map((f) => f.exitedOn ?? null))}::date[])`);

  // enterprises in parks: the registry's firms in the parks' districts (a share of them)
  const entParkRows: { enterpriseId: number; parkId: number }[] = [];
  const codeOfDistrict = new Map(ds.map((d) => [d.id, d.code]));
  for (const e of ents) {
    const options = PARKS_OF_DISTRICT[codeOfDistrict.get(e.districtId) ?? ''];
    if (options && rnd.next() < 0.35) {
      entParkRows.push({ enterpriseId: e.id, parkId: parkByCode.get(rnd.pick(options))! });
    }
  }
  await tx.execute(sql`insert into enterprise_parks (enterprise_id, park_id) select * from unnest(${pgArray(entParkRows.map((r) => r.enterpriseId))}::int[], ${pgArray(entParkRows.map((r) => r.parkId))}::int[])`);

  // statistics per carrier and year, derived from its firms
  const firmsBy = new Map<number, (typeof carrierFirms.$inferInsert)[]>();
  for (const f of firmRows) {
    const list = firmsBy.get(f.carrierId) ?? [];
    list.push(f);
    firmsBy.set(f.carrierId, list);
  }
  const statsOf = (idx: number, year: number, prev: StatsFields | null): StatsFields => {
    const list = firmsBy.get(carrierIds[idx]) ?? [];
    const end = `${year}-12-31`;
    const start = `${year}-01-01`;
    const inInc = list.filter((f) => f.enteredOn <= end && !(f.graduatedOn && f.graduatedOn <= end) && !(f.exitedOn && f.exitedOn <= end)).length;
    const newF = Math.min(list.filter((f) => f.enteredOn >= start && f.enteredOn <= end).length, inInc);
    const grad = Math.min(list.filter((f) => f.graduatedOn && f.graduatedOn >= start && f.graduatedOn <= end).length, inInc);
    const base = Math.max(inInc, 1);
    const grow = (v: number) => (prev ? Math.round(v * (0.9 + rnd.next() * 0.5)) : v);
    return {
      areaM2: planned[idx].areaM2,
      firmsInIncubation: Math.max(inInc, 1),
      newFirms: newF,
      graduatedFirms: grad,
      revenue: prev ? Math.round(prev.revenue * (0.9 + rnd.next() * 0.6)) : base * rnd.int(30, 260) * 10_000,
      jobs: Math.max(base * rnd.int(4, 12), base),
      investment: prev && rnd.next() < 0.85 ? Math.round(prev.investment * (0.8 + rnd.next() * 0.8)) : rnd.int(0, base * 40) * 10_000,
      ipCount: prev ? grow(prev.ipCount) : base * rnd.int(1, 4),
      events: prev ? grow(prev.events) : rnd.int(12, 80),
    };
  };

  // cases: the 2016 applications and the 2014/2015 statistics, written as the workflow would have
  interface SeedCase {
    instrument: string;
    type: string;
    year: number;
    title: string;
    idx: number;
    status: string;
    steps: { action: string; from: string | null; to: string; on: string; by: StepBy; comment?: string }[];
    detail: { kind: 'application'; form: ApplicationForm; certificateNo: string | null } | { kind: 'stats'; year: number; fields: StatsFields; flags: StatFlag[] };
  }
  const seedCases: SeedCase[] = [];
  planned.forEach((c, i) => {
    if (!c.apply2016) {
      return;
    }
    const k = c.kind as 'makerspace' | 'incubator';
    const form: ApplicationForm = {
      areaM2: c.areaM2,
      publicAreaM2: Math.round(c.areaM2 * (k === 'makerspace' ? 0.3 : 0.15)),
      firms: c.firms,
      mentors: rnd.int(6, 20),
      services: carrierValues[i].services as ApplicationForm['services'],
      operatingSince: c.foundedOn,
      plan: `依托${c.parkCode ? PARKS.find((p) => p.code === c.parkCode)!.name : '所在区域'}产业资源，提供${carrierValues[i].services.slice(0, 3).join('、')}等服务，三年内累计孵化企业（团队）不少于${c.firms * 2}家。`,
    };
    let certificateNo: string | null = null;
    if (c.apply2016 === 'recognised') {
      certificateNo = numberOf(`${k === 'incubator' ? '杭孵认' : '杭众创认'}〔2016〕`);
    }
    seedCases.push({
      instrument: k,
      type: 'municipal',
      year: 2016,
      title: `2016年度市级${k === 'makerspace' ? '众创空间' : '科技企业孵化器'}认定申请：${c.name}`,
      idx: i,
      status: c.apply2016,
      steps: applicationSteps(k, c.apply2016),
      detail: { kind: 'application', form, certificateNo },
    });
  });
  // statistics: 2014 for incubators valid at its end; 2015 for everything valid then and the statistics-only makerspaces
  const stats2014 = new Map<number, StatsFields>();
  const accepted = (year: number): SeedCase['steps'] => [
    { action: 'submit', from: 'draft', to: 'submitted', on: `${year + 1}-02-${pad(rnd.int(1, 25))}`, by: 'operator' },
    { action: 'district_pass', from: 'submitted', to: 'district_passed', on: `${year + 1}-03-${pad(rnd.int(1, 12))}`, by: 'district' },
    { action: 'city_accept', from: 'district_passed', to: 'accepted', on: `${year + 1}-03-${pad(rnd.int(15, 30))}`, by: 'officer' },
  ];
  planned.forEach((c, i) => {
    if (c.kind === 'incubator' && c.municipalOn && c.municipalOn <= '2014-12-31' && (!c.revokedOn || c.revokedOn > '2014-12-31')) {
      const fields = statsOf(i, 2014, null);
      stats2014.set(i, fields);
      seedCases.push({ instrument: 'carrier_stats', type: 'annual', year: 2014, title: `2014年度统计报表：${c.name}`, idx: i, status: 'accepted', steps: accepted(2014), detail: { kind: 'stats', year: 2014, fields, flags: [] } });
    }
  });
  const pendingStates = ['submitted', 'submitted', 'submitted', 'district_passed', 'district_passed', 'district_passed', 'returned', 'returned', 'draft', 'draft'];
  let pending = 0;
  planned.forEach((c, i) => {
    const valid2015 = c.municipalOn && c.municipalOn <= '2015-12-31' && !c.revokedOn;
    const statsOnly = c.kind === 'makerspace' && !c.municipalOn && c.foundedOn < '2016-01-01';
    if (c.kind === 'platform' || !(valid2015 || statsOnly)) {
      return;
    }
    const prev = stats2014.get(i) ?? null;
    const fields = statsOf(i, 2015, prev);
    const demo = c.orgName !== null;
    const status = !demo && i % 9 === 4 && pending < pendingStates.length ? pendingStates[pending++] : 'accepted';
    const all = accepted(2015);
    const steps =
      status === 'accepted' ? all : status === 'submitted' ? all.slice(0, 1) : status === 'district_passed' ? all.slice(0, 2) : status === 'returned' ? [all[0], { action: 'district_return', from: 'submitted', to: 'returned', on: all[1].on, by: 'district' as const, comment: '从业人员数与社保缴纳人数差异较大，请核实后重新填报' }] : [];
    seedCases.push({ instrument: 'carrier_stats', type: 'annual', year: 2015, title: `2015年度统计报表：${c.name}`, idx: i, status, steps, detail: { kind: 'stats', year: 2015, fields, flags: jumpFlags(fields, prev) } });
  });

  const caseRows = [];
  for (let i = 0; i < seedCases.length; i += CHUNK) {
    const chunk = seedCases.slice(i, i + CHUNK);
    caseRows.push(
      ...(await tx
        .insert(cases)
        .values(
          chunk.map((sc) => {
            const last = sc.steps.at(-1);
            const submit = sc.steps.find((s) => s.action === 'submit');
            const decided = sc.steps.find((s) => ['recognise', 'city_reject'].includes(s.action));
            return {
              instrument: sc.instrument,
              type: sc.type,
              year: sc.year,
              title: sc.title,
              organizationId: carrierValues[sc.idx].organizationId,
              districtId: carrierValues[sc.idx].districtId,
              status: sc.status,
              dueOn: ['submitted', 'district_passed', 'city_passed'].includes(sc.status) ? `2016-09-${pad(rnd.int(8, 30))}` : null,
              submittedAt: submit ? new Date(`${submit.on}T10:00:00+08:00`) : null,
              decidedAt: decided ? new Date(`${decided.on}T16:00:00+08:00`) : null,
              createdAt: new Date(`${sc.steps[0]?.on ?? '2016-08-20'}T09:00:00+08:00`),
              updatedAt: new Date(`${last?.on ?? '2016-08-20'}T16:00:00+08:00`),
            };
          }),
        )
        .returning({ id: cases.id })),
    );
  }
  const ids = caseRows.map((r) => r.id);
  const events: (typeof caseEvents.$inferInsert)[] = [];
  const operatorLabel = (idx: number) => `运营机构（${orgNames[0] && carrierValues[idx].organizationId === demoOrg?.id ? DEMO_CARRIER_ORG : `${planned[idx].name.replace(/（.*）$/, '')}运营管理有限公司`}）`;
  seedCases.forEach((sc, n) => {
    const create = sc.steps[0]?.on ?? '2016-08-20';
    events.push({ caseId: ids[n], action: 'create', fromStatus: null, toStatus: 'draft', comment: null, actorId: null, actorLabel: operatorLabel(sc.idx), dueOn: null, occurredAt: new Date(`${create}T09:00:00+08:00`) });
    for (const s of sc.steps) {
      const who = s.by === 'operator' ? { id: null, label: operatorLabel(sc.idx) } : s.by === 'district' ? districtLabel(carrierValues[sc.idx].districtId) : s.by === 'panel' ? { id: null, label: '评审专家组' } : { id: officer.id as number | null, label: label(officer) };
      events.push({ caseId: ids[n], action: s.action, fromStatus: s.from, toStatus: s.to, comment: s.comment ?? null, actorId: who.id, actorLabel: who.label, dueOn: null, occurredAt: new Date(`${s.on}T${s.action === 'submit' ? '10' : '15'}:00:00+08:00`) });
    }
  });
  for (let i = 0; i < events.length; i += CHUNK) {
    await tx.insert(caseEvents).values(events.slice(i, i + CHUNK));
  }
  const appRows = seedCases.flatMap((sc, n) => (sc.detail.kind === 'application' ? [{ id: ids[n], carrierId: carrierIds[sc.idx], form: sc.detail.form, certificateNo: sc.detail.certificateNo }] : []));
  if (appRows.length) {
    await tx.insert(carrierApplications).values(appRows);
  }
  // the applications' expert panels and notices, as the experts and notices kernels record them
  const reviewed: ReviewedCase[] = seedCases.flatMap((sc, n) =>
    sc.detail.kind === 'application'
      ? [{ id: ids[n], kind: sc.instrument as 'makerspace' | 'incubator', status: sc.status, name: planned[sc.idx].name, districtName: ds.find((d) => d.id === carrierValues[sc.idx].districtId)!.name, areaM2: planned[sc.idx].areaM2, steps: sc.steps as SeedStep[] }]
      : [],
  );
  await seedIncubatorPanels(tx, rnd, officer.id, reviewed);
  const notices = await seedRecognitionNotices(tx, officer.id, reviewed);
  const statRows = seedCases.flatMap((sc, n) => {
    if (sc.detail.kind !== 'stats') {
      return [];
    }
    const f = sc.detail.fields;
    return [{ id: ids[n], carrierId: carrierIds[sc.idx], year: sc.detail.year, areaM2: f.areaM2, firmsInIncubation: f.firmsInIncubation, newFirms: f.newFirms, graduatedFirms: f.graduatedFirms, revenueFen: yuanToFen(f.revenue), jobs: f.jobs, investmentFen: yuanToFen(f.investment), ipCount: f.ipCount, events: f.events, flags: sc.detail.flags }];
  });
  for (let i = 0; i < statRows.length; i += CHUNK) {
    await tx.insert(carrierStats).values(statRows.slice(i, i + CHUNK));
  }
  // the 2016 decisions' recognitions
  seedCases.forEach((sc, n) => {
    if (sc.detail.kind === 'application' && sc.detail.certificateNo) {
      recs.push({ carrierId: carrierIds[sc.idx], level: 'municipal', kind: planned[sc.idx].kind, caseId: ids[n], reference: sc.detail.certificateNo, issuer: '杭州市科学技术委员会', recognisedOn: '2016-06-15', revokedOn: null, revokeReason: null, recordedBy: officer.id });
    }
  });
  const recRows = await tx.insert(carrierRecognitions).values(recs).returning({ id: carrierRecognitions.id, carrierId: carrierRecognitions.carrierId });

  // assessments: 2014 (assessed 2015-03) for incubators valid then; 2015 (assessed 2016-03) for all valid, the platforms too;
  // one incubator fails twice and exits on 2016-03-25 (its 2015 validity stands)
  const assessRows: (typeof carrierAssessments.$inferInsert)[] = [];
  const pays: { carrierIdx: number; year: number; fen: number; on: string }[] = [];
  const failer = planned.findIndex((c) => c.kind === 'incubator' && c.municipalOn && c.municipalOn < '2012-01-01' && !c.nationalOn && !c.revokedOn);
  const sheet = (target: number, items0: readonly ScoreItem[]) => {
    const items = items0.map((it) => ({ code: it.code, score: Math.max(0, Math.min(it.max, Math.round(((target / 100) * it.max + (rnd.next() - 0.5) * 4) * 2) / 2)) }));
    return { items, score: Math.round(items.reduce((s, i) => s + i.score, 0) * 10) / 10 };
  };
  const assess = (i: number, year: number, kind: 'annual' | 'acceptance', target: number, on: string) => {
    const { items, score } = sheet(target, scoreSheetOf(planned[i].kind, kind));
    const grade = kind === 'acceptance' ? (score >= 60 ? 'pass' : 'fail') : gradeOf(score);
    const fen = kind === 'annual' ? yuanToFen(SUBSIDY_YUAN[planned[i].kind][grade]) : 0;
    assessRows.push({ carrierId: carrierIds[i], year, kind, items, score: score.toFixed(1), grade, comment: grade === 'fail' ? '孵化服务和绩效未达到考核要求' : null, subsidyFen: fen, assessedOn: on, assessedBy: officer.id });
    if (fen > 0) {
      pays.push({ carrierIdx: i, year, fen, on });
    }
  };
  const target = () => rnd.weighted([94, 82, 68, 50], [15, 40, 40, 5]);
  planned.forEach((c, i) => {
    if (c.kind === 'incubator' && stats2014.has(i)) {
      assess(i, 2014, 'annual', i === failer ? 45 : target(), '2015-03-27');
    }
  });
  planned.forEach((c, i) => {
    const valid2015 = c.municipalOn && c.municipalOn <= '2015-12-31' && !c.revokedOn;
    if (c.kind === 'platform') {
      assess(i, 2015, 'annual', target() === 50 ? 68 : 82, '2016-03-25');
      if (i === planned.findIndex((p) => p.kind === 'platform')) {
        assess(i, 2015, 'acceptance', 85, '2016-03-25');
      }
    } else if (valid2015 && i % 11 !== 3) {
      // a few of 2015 await their assessment in the demo
      assess(i, 2015, 'annual', i === failer ? 48 : target() === 50 ? 68 : target(), '2016-03-25');
    }
  });
  await tx.insert(carrierAssessments).values(assessRows);
  const exitReason = '连续2年年度考核不合格（2014–2015年），按规定退出';
  if (failer >= 0) {
    await tx.update(carriers).set({ exitedOn: '2016-03-25', exitReason }).where(eq(carriers.id, carrierIds[failer]));
    await tx.update(carrierRecognitions).set({ revokedOn: '2016-03-25', revokeReason: exitReason }).where(eq(carrierRecognitions.carrierId, carrierIds[failer]));
  }

  const nationalCases = await seedNationalCases(tx, { id: officer.id, label: label(officer) });

  // the subsidies' money: each year's appropriation, the historical payments (before the payment desk)
  const paid = pays.map((p) => ({
    kind: 'pay',
    valueDate: p.on,
    memo: `${planned[p.carrierIdx].name} ${p.year}年度考核补助（平台上线前拨付）`,
    entries: [
      { account: { kind: 'budget' as const, scope: p.year }, amountFen: -p.fen },
      { account: { kind: 'paid' as const, scope: p.year, owner: { type: 'organization', id: carrierValues[p.carrierIdx].organizationId } }, amountFen: p.fen },
    ],
  }));
  await postMovements(tx, CARRIER_BOOK, [
    ...[2014, 2015, 2016].map((y) => ({
      kind: 'fund',
      valueDate: `${y === 2016 ? 2016 : y + 1}-01-05`,
      memo: `${y}年度创新载体考核补助预算`,
      entries: [
        { account: { kind: 'appropriation' as const, scope: y }, amountFen: -yuanToFen(y === 2014 ? 12_000_000 : 25_000_000) },
        { account: { kind: 'budget' as const, scope: y }, amountFen: yuanToFen(y === 2014 ? 12_000_000 : 25_000_000) },
      ],
    })),
    ...paid,
  ]);

  await recordAuditMany(tx, ctx, [
    ...parkRows.map((p) => ({ action: 'park.create', objectType: 'park', objectId: p.id, after: { code: p.code, name: p.name } })),
    ...carrierIds.map((id, i) => ({ action: 'carrier.create', objectType: 'carrier', objectId: id, after: { name: planned[i].name, kind: planned[i].kind } })),
    ...nationalCases.map((id) => ({ action: 'carrier_national.recommend', objectType: 'carrier_national_case', objectId: id, after: { seeded: true } })),
    ...notices.map((n) => ({ action: 'notice.publish', objectType: 'public_notice', objectId: n.id, after: { title: n.title, publishedOn: n.publishedOn, endsOn: n.endsOn } })),
    ...recRows.map((r) => ({ action: 'carrier_recognition.issue', objectType: 'carrier', objectId: r.carrierId, after: { recognitionId: r.id } })),
    ...seedCases.map((sc, n) => ({ action: `${sc.instrument === 'carrier_stats' ? 'carrier_stats' : sc.instrument}_case.create`, objectType: `${sc.instrument}_case`, objectId: ids[n], after: { status: sc.status } })),
    ...assessRows.map((a) => ({ action: `carrier_assessment.${a.kind}`, objectType: 'carrier', objectId: a.carrierId, after: { year: a.year, grade: GRADE_NAMES[a.grade!], score: a.score } })),
  ]);
  return { carriers: carrierIds.length, firms: firmRows.length };
}
