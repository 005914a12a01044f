import { asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { districts, enterprises, organizations } from '../../db/schema/index.js';
import { enterpriseShareholdings, voucherFlags, VOUCHER_CATEGORIES, type ClaimMode } from '../../db/schema/vouchers.js';
import type { RequestContext } from '../../http/context.js';
import type { PiiCipher } from '../../lib/pii.js';
import { createRandom, type Random } from '../../lib/random.js';
import { recordAuditMany } from '../audit/index.js';
import { concentratedProviders } from './fraud.repo.js';
import { allPairSignals, CONCENTRATION_MIN_CLAIMS, CONCENTRATION_SHARE } from './fraud.service.js';
import { accountIds, availableBalances } from './ledger.repo.js';
import * as ledger from './ledger.service.js';
import * as repo from './vouchers.repo.js';

/** INDICATORS.md: the 2015 figures the demo must reproduce exactly (yuan). */
export const ISSUED_2015 = 28_507_200;
export const USED_2015 = 13_428_200;

const CAT_WEIGHTS = [35, 25, 20, 12, 8];
const SERVICES: Record<(typeof VOUCHER_CATEGORIES)[number], [string, number][]> = {
  testing: [
    ['材料成分与性能检测', 8_000],
    ['电磁兼容（EMC）测试', 30_000],
    ['环境可靠性试验', 20_000],
    ['软件产品测评', 15_000],
  ],
  rd_design: [
    ['工业设计与结构设计', 60_000],
    ['集成电路版图设计', 120_000],
    ['样机试制', 80_000],
  ],
  consulting: [
    ['技术路线咨询', 20_000],
    ['科技项目可行性研究', 30_000],
    ['高企认定辅导', 15_000],
  ],
  ip: [
    ['发明专利申请代理', 6_000],
    ['专利导航与布局分析', 40_000],
    ['知识产权贯标', 25_000],
  ],
  tech_transfer: [
    ['技术成果评估', 30_000],
    ['技术转移对接服务', 20_000],
  ],
};
const PROVIDER_KINDS = ['检验检测中心', '工业设计研究院', '科技咨询有限公司', '知识产权代理有限公司', '技术转移中心', '生产力促进中心', '产业创新服务综合体'];
const TEAM_WORDS = ['智能硬件', '无人机', '生物芯片', '云计算', '新材料', '大数据', '机器人', 'VR', '医疗影像', '区块链', '物联网', '环保监测'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙'];

const r100 = (x: number) => Math.round(x / 100) * 100;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const minDate = (a: string, b: string) => (a < b ? a : b);

/** Scales integer amounts (multiples of 100 yuan) to hit `target` exactly, each within [min, cap]. */
function calibrate(amounts: number[], caps: number[], mins: number[], target: number): number[] {
  const sum = amounts.reduce((s, a) => s + a, 0);
  const out = amounts.map((a, i) => Math.max(mins[i], Math.min(caps[i], r100((a * target) / sum))));
  let residual = target - out.reduce((s, a) => s + a, 0);
  for (let pass = 0; residual !== 0 && pass < 10_000; pass++) {
    for (let i = 0; i < out.length && residual !== 0; i++) {
      const step = Math.sign(residual) * Math.min(Math.abs(residual), 1_000);
      const next = Math.max(mins[i], Math.min(caps[i], out[i] + step));
      residual -= next - out[i];
      out[i] = next;
    }
  }
  if (residual !== 0) {
    throw new Error('voucher seed calibration failed');
  }
  return out;
}

/** Splits `total` (multiple of 100) into `n` parts, each a positive multiple of 100. */
function split(rnd: Random, total: number, n: number): number[] {
  const parts = Math.max(1, Math.min(n, total / 100));
  const weights = Array.from({ length: parts }, () => 0.5 + rnd.next());
  const out = calibrate(
    weights,
    weights.map(() => total),
    weights.map(() => 100),
    total,
  );
  return out;
}

interface HolderSeed {
  id: number;
  districtId: number;
  kind: 'enterprise' | 'team';
  enterpriseId: number | null;
}

interface ProviderSeed {
  id: number;
  districtId: number;
  categories: string[];
}

/**
 * The innovation-voucher demo: ~40 providers in every district with their catalogue, S&T SMEs
 * from the registry and startup teams as holders, the 2015 policy calibrated to the published
 * figures (issued 28,507,200 / used 13,428,200 yuan, value dates in 2015) and expired, and the
 * 2016 policy in progress (open bookings, claims awaiting approval, unsettled redemptions, flags).
 */
export async function seedVouchers(opts: { tx: Tx; ctx: RequestContext; pii: PiiCipher }): Promise<void> {
  const { tx, ctx } = opts;
  const rnd = createRandom(2015_0401);
  const root = {};
  const L: ledger.Ledger = { tx, root, actorId: null };
  const ds = await tx.select().from(districts).orderBy(asc(districts.sortOrder));
  const ents = await tx
    .select({
      id: enterprises.id,
      name: enterprises.name,
      districtId: enterprises.districtId,
      size: enterprises.size,
      industry: enterprises.industry,
      phone: enterprises.contactPhoneHash,
    })
    .from(enterprises)
    .orderBy(asc(enterprises.id))
    .limit(400); // the first 400 demo enterprises (the registry grew to 8000 for the recognitions; the calibration is for this pool)

  // ── providers: the demo provider account's organisation plus three in every district ──
  const [demoOrg] = await tx.select().from(organizations).where(eq(organizations.kind, 'provider')).orderBy(asc(organizations.id)).limit(1);
  const providerRows: Parameters<typeof repo.insertProviders>[1] = [];
  const orgRows = await tx
    .insert(organizations)
    .values(
      ds.flatMap((d, i) =>
        [0, 1, 2].map((k) => ({
          name: `杭州${d.name.replace(/[区县市]$/, '')}${PROVIDER_KINDS[(i + k * 3) % PROVIDER_KINDS.length]}`,
          kind: 'provider' as const,
          districtId: d.id,
        })),
      ),
    )
    .returning();
  const allCats = [...VOUCHER_CATEGORIES];
  if (demoOrg) {
    providerRows.push({
      organizationId: demoOrg.id,
      name: demoOrg.name,
      districtId: demoOrg.districtId ?? ds[5].id,
      categories: allCats,
      status: 'approved',
      contactName: '周敏',
      description: '省级科技创新服务平台，提供检测、研发设计、咨询、知识产权与技术转移一站式服务',
    });
  }
  const serviceEnts = ents.filter((e) => e.industry === '高技术服务');
  orgRows.forEach((o, i) => {
    const cats = allCats.filter((_, c) => (i + c) % 3 !== 0 || c === i % allCats.length);
    providerRows.push({
      organizationId: o.id,
      name: o.name,
      districtId: o.districtId!,
      categories: cats,
      status: 'approved',
      contactName: `${rnd.pick(SURNAMES)}经理`,
      enterpriseId: i < serviceEnts.length && i % 4 === 0 ? serviceEnts[i].id : null,
    });
  });
  const providers = await repo.insertProviders(tx, providerRows);
  providers.push(
    ...(await repo.insertProviders(tx, [
      {
        name: '杭州速通认证咨询有限公司',
        districtId: ds[4].id,
        categories: ['consulting'],
        status: 'blacklisted',
        description: '2015年因虚构服务合同被列入黑名单',
      },
    ])),
  );
  await repo.insertServices(
    tx,
    providers.flatMap((p) =>
      p.categories.flatMap((c) =>
        SERVICES[c as keyof typeof SERVICES]
          .filter(() => rnd.next() < 0.7)
          .map(([name, price]) => ({
            providerId: p.id,
            category: c,
            name,
            priceFen: r100(price * (0.8 + rnd.next() * 0.4)) * 100,
            unit: '项',
          })),
      ),
    ),
  );
  const approved: ProviderSeed[] = providers
    .filter((p) => p.status === 'approved')
    .map((p) => ({
      id: p.id,
      districtId: p.districtId,
      categories: p.categories,
    }));

  // ── holders: S&T SMEs from the registry and startup teams without a credit code ──
  const smes = ents.filter((e, i) => i === 0 || e.size !== 'large');
  const teamRows = Array.from({ length: 200 }, (_, i) => {
    const d =
      ds[
        rnd.weighted(
          ds.map((_, k) => k),
          [5, 6, 8, 6, 16, 20, 12, 15, 4, 2, 1, 2, 3],
        )
      ];
    return {
      kind: 'team' as const,
      name: `${rnd.pick(TEAM_WORDS)}创业团队（${rnd.pick(SURNAMES)}${['博士', '先生', '女士'][i % 3]}）`,
      districtId: d.id,
      leaderName: `${rnd.pick(SURNAMES)}${rnd.pick(['伟', '敏', '杰', '芳', '涛', '静'])}`,
    };
  });
  const holderRows = await repo.insertHolders(tx, [
    ...smes.map((e) => ({
      kind: 'enterprise' as const,
      enterpriseId: e.id,
      name: e.name,
      districtId: e.districtId,
      contactPhoneHash: e.phone,
    })),
    ...teamRows,
  ]);
  const holders: HolderSeed[] = holderRows.map((h) => ({
    id: h.id,
    districtId: h.districtId,
    kind: h.kind,
    enterpriseId: h.enterpriseId,
  }));
  const demoHolder = holders[0];

  const p2015 = await runPolicy({
    L,
    rnd,
    year: 2015,
    name: '2015年杭州市科技创新券（普惠、通用、限额）',
    validUntil: '2015-12-31',
    holders: holders.filter((h, i) => h === demoHolder || (h.kind === 'enterprise' ? i % 8 !== 1 : i % 4 !== 3)),
    providers: approved,
    issued: ISSUED_2015,
    used: USED_2015,
    batches: [
      ['2015-03-16', 0.6],
      ['2015-06-15', 0.3],
      ['2015-09-14', 0.1],
    ],
    lastDate: '2015-12-31',
    open: false,
  });
  await expireSeed(L, p2015, '2016-01-05');
  const p2016 = await runPolicy({
    L,
    rnd,
    year: 2016,
    name: '2016年杭州市科技创新券（普惠、通用、限额）',
    // The demo runs at a business date in 2016 (lib/clock.ts): the policy is open until the year's end.
    validUntil: '2016-12-31',
    holders: holders.filter((h, i) => h === demoHolder || i % 3 !== 2),
    providers: approved,
    issued: 18_640_000,
    used: 3_215_600,
    batches: [['2016-03-14', 1]],
    lastDate: '2016-06-30',
    open: true,
  });

  // ── fraud signals: a shared contact phone, a shareholding link and a concentrated provider ──
  const pairs = await tx.execute(sql`select distinct policy_id, holder_id, provider_id from voucher_bookings where policy_id = ${p2016.policyId} order by 1, 2, 3 limit 400`);
  const list = (Array.isArray(pairs) ? pairs : (pairs as { rows: unknown[] }).rows) as { policy_id: number; holder_id: number; provider_id: number }[];
  const entHolder = (h: number) => holders.find((x) => x.id === h && x.enterpriseId !== null);
  const linked = list.filter((p) => entHolder(p.holder_id));
  if (linked.length > 2) {
    const [a, b] = [linked[3 % linked.length], linked[7 % linked.length]];
    const phone = ents.find((e) => e.id === entHolder(a.holder_id)!.enterpriseId)?.phone ?? null;
    await tx.execute(sql`update voucher_providers set contact_phone_hash = ${phone} where id = ${a.provider_id}`);
    const providerEnt = providers.find((p) => p.id === b.provider_id)?.enterpriseId ?? serviceEnts[0]?.id;
    if (providerEnt && providerEnt !== entHolder(b.holder_id)!.enterpriseId) {
      await tx.execute(sql`update voucher_providers set enterprise_id = ${providerEnt} where id = ${b.provider_id}`);
      await tx.insert(enterpriseShareholdings).values({
        shareholderEnterpriseId: providerEnt,
        investeeEnterpriseId: entHolder(b.holder_id)!.enterpriseId!,
        shareBp: 3500,
        source: '工商登记股东信息（演示）',
      });
    }
  }
  await allPairSignals(tx, p2016.policyId);
  const concentrated = await concentratedProviders(tx, CONCENTRATION_MIN_CLAIMS, CONCENTRATION_SHARE);
  await repo.insertFlags(
    tx,
    concentrated.map((c) => ({
      kind: 'provider_concentration' as const,
      dedupeKey: `provider_concentration:${c.policyId}:${c.providerId}`,
      policyId: c.policyId,
      providerId: c.providerId,
      evidence: {
        claims: c.claims,
        redeemed: c.totalFen / 100,
        topHolders: c.topHolders,
        topShare: c.topShare,
      },
    })),
  );
  await tx.insert(voucherFlags).values({
    kind: 'near_expiry',
    dedupeKey: `near_expiry:${p2015.policyId}:${holders[5].id}`,
    policyId: p2015.policyId,
    holderId: holders[5].id,
    districtId: holders[5].districtId,
    evidence: {
      bookedOn: '2015-12-28',
      validUntil: '2015-12-31',
      daysLeft: 3,
      amount: 30_000,
    },
  });

  await recordAuditMany(tx, ctx, [
    ...[p2015, p2016].map((p) => ({
      action: 'voucher.policy.create',
      objectType: 'voucher_policy',
      objectId: p.policyId,
      after: { seeded: true, issued: p.issuedFen / 100, used: p.usedFen / 100 },
    })),
    ...providers.map((p) => ({
      action: 'voucher.provider.register',
      objectType: 'voucher_provider',
      objectId: p.id,
      after: { name: p.name, status: p.status },
    })),
  ]);
}

interface PolicyRun {
  L: ledger.Ledger;
  rnd: Random;
  year: number;
  name: string;
  validUntil: string;
  holders: HolderSeed[];
  providers: ProviderSeed[];
  issued: number;
  used: number;
  batches: [string, number][];
  lastDate: string;
  /** An ongoing policy also gets open bookings, pending claims and unsettled redemptions. */
  open: boolean;
}

async function runPolicy(o: PolicyRun): Promise<{ policyId: number; issuedFen: number; usedFen: number }> {
  const { L, rnd } = o;
  const policy = await repo.insertPolicy(L.tx, {
    year: o.year,
    name: o.name,
    budgetFen: 30_000_000_00,
    enterpriseCapFen: 100_000_00,
    teamCapFen: 30_000_00,
    coverageBp: 5000,
    validUntil: o.validUntil,
    categories: [...VOUCHER_CATEGORIES],
  });
  await accountIds(
    L.tx,
    L.root,
    ledger.participantKeys(
      policy.id,
      o.holders.map((h) => h.id),
      o.providers.map((p) => p.id),
    ),
  );
  await ledger.fundPolicy(L, {
    policyId: policy.id,
    deltaFen: policy.budgetFen,
    valueDate: `${o.year}-01-05`,
  });

  const caps = o.holders.map((h) => (h.kind === 'enterprise' ? 100_000 : 30_000));
  const raw = o.holders.map((h) => (h.kind === 'enterprise' ? 20_000 + rnd.next() * 80_000 : 10_000 + rnd.next() * 20_000));
  const issued = calibrate(
    raw,
    caps,
    o.holders.map(() => 5_000),
    o.issued,
  );
  // About half the holders used their vouchers in the year (the published usage rate is 47%).
  const usage = issued.map(() => (rnd.next() < 0.55 ? 0.3 + 0.7 * rnd.next() : 0));
  const used = calibrate(
    issued.map((a, i) => a * usage[i]),
    issued.map((a, i) => (usage[i] > 0 ? a : 0)),
    issued.map(() => 0),
    o.used,
  );
  const issueDate = o.holders.map((_, i) => {
    let x = (i * 0.618) % 1;
    for (const [date, share] of o.batches) {
      if (x < share) {
        return date;
      }
      x -= share;
    }
    return o.batches[0][0];
  });
  for (const [date] of o.batches) {
    const items = o.holders.map((h, i) => ({ h, i })).filter(({ i }) => issueDate[i] === date);
    await ledger.issue(L, {
      policyId: policy.id,
      items: items.map(({ h, i }) => ({
        holder: h,
        amountFen: issued[i] * 100,
        capFen: caps[i] * 100,
      })),
      valueDate: date,
    });
  }

  // Redemptions: each holder's used amount split into 1–3 services, booked after issuance and approved in the year.
  interface Plan {
    h: HolderSeed;
    p: ProviderSeed;
    cat: string;
    amount: number;
    booked: string;
    decided: string;
    mode: ClaimMode;
    state: 'redeemed' | 'claimed' | 'approved_unsettled' | 'booked' | 'cancelled';
  }
  const plans: Plan[] = [];
  const pickProvider = (h: HolderSeed, cat: string) => {
    const local = o.providers.filter((p) => p.categories.includes(cat) && p.districtId === h.districtId);
    const any = o.providers.filter((p) => p.categories.includes(cat));
    return local.length && rnd.next() < 0.6 ? rnd.pick(local) : rnd.pick(any);
  };
  o.holders.forEach((h, i) => {
    if (used[i] > 0) {
      for (const amount of split(rnd, used[i], used[i] >= 40_000 ? 2 : 1)) {
        const cat = rnd.weighted(VOUCHER_CATEGORIES, CAT_WEIGHTS);
        const booked = minDate(addDays(issueDate[i], rnd.int(10, 200)), addDays(o.lastDate, -40));
        plans.push({
          h,
          p: pickProvider(h, cat),
          cat,
          amount,
          booked,
          decided: minDate(addDays(booked, rnd.int(15, 40)), o.lastDate),
          mode: rnd.next() < 0.7 ? 'tongdui' : 'tongyong',
          state: 'redeemed',
        });
      }
    }
    const left = issued[i] - used[i];
    if (left >= 2_000 && rnd.next() < (o.open ? 0.2 : 0.04)) {
      const cat = rnd.weighted(VOUCHER_CATEGORIES, CAT_WEIGHTS);
      const state = o.open ? rnd.pick(['booked', 'claimed', 'claimed', 'cancelled'] as const) : 'cancelled';
      const booked = minDate(addDays(issueDate[i], rnd.int(20, 150)), o.lastDate);
      plans.push({
        h,
        p: pickProvider(h, cat),
        cat,
        amount: r100(Math.min(left, 40_000) * (0.3 + rnd.next() * 0.6)) || 100,
        booked,
        decided: o.lastDate,
        mode: rnd.next() < 0.7 ? 'tongdui' : 'tongyong',
        state,
      });
    }
  });
  if (o.open) {
    // The newest approvals are not in a payment batch yet.
    plans.filter((p) => p.state === 'redeemed' && p.decided >= addDays(o.lastDate, -20)).forEach((p) => (p.state = 'approved_unsettled'));
  }
  const bookings = await repo.insertBookings(
    L.tx,
    plans.map((p) => ({
      policyId: policy.id,
      holderId: p.h.id,
      providerId: p.p.id,
      serviceCategory: p.cat,
      contractAmountFen: (p.amount * 2 + r100(rnd.next() * p.amount)) * 100,
      amountFen: p.amount * 100,
      status: p.state === 'approved_unsettled' ? 'redeemed' : p.state,
      bookedOn: p.booked,
    })),
  );
  const refs = bookings.map((b, i) => ({
    booking: {
      id: b.id,
      policyId: policy.id,
      holderId: b.holderId,
      providerId: b.providerId,
      serviceCategory: b.serviceCategory,
      districtId: plans[i].h.districtId,
    },
    amountFen: b.amountFen,
    valueDate: plans[i].booked,
  }));
  await ledger.freeze(L, refs);
  await ledger.release(
    L,
    refs.filter((_, i) => plans[i].state === 'cancelled').map((r, i) => ({ ...r, valueDate: addDays(r.valueDate, 3 + (i % 5)) })),
  );
  const claimed = plans.map((p, i) => ({ p, b: bookings[i], ref: refs[i] })).filter(({ p }) => p.state !== 'booked' && p.state !== 'cancelled');
  const claims = await repo.insertClaims(
    L.tx,
    claimed.map(({ p, b }) => ({
      bookingId: b.id,
      mode: p.mode,
      amountFen: b.amountFen,
      contractNo: `HZKJ-${o.year}-${String(b.id).padStart(6, '0')}`,
      evidenceRef: p.mode === 'tongdui' ? `YS-${b.id}` : `FP${String(33_000_000 + b.id)}`,
      paidAmountFen: p.mode === 'tongyong' ? b.contractAmountFen : null,
      status: p.state === 'claimed' ? 'submitted' : 'approved',
      submittedOn: addDays(p.booked, 10),
      decidedOn: p.state === 'claimed' ? null : p.decided,
      decisionNote: p.state === 'claimed' ? null : '材料齐全，同意兑付',
    })),
  );
  const approvedClaims = claimed.map((c, i) => ({ ...c, claim: claims[i] })).filter(({ p }) => p.state === 'redeemed' || p.state === 'approved_unsettled');
  await ledger.redeem(
    L,
    approvedClaims.map(({ ref, claim, p }) => ({
      booking: ref.booking,
      amountFen: claim.amountFen,
      claimId: claim.id,
      valueDate: p.decided,
    })),
  );

  // Settlement batches per provider and quarter, paid two weeks after the quarter.
  const groups = new Map<string, typeof approvedClaims>();
  for (const c of approvedClaims.filter(({ p }) => p.state === 'redeemed')) {
    const q = `${c.p.p.id}|${c.p.decided.slice(0, 4)}-Q${Math.floor((Number(c.p.decided.slice(5, 7)) - 1) / 3) + 1}`;
    groups.set(q, [...(groups.get(q) ?? []), c]);
  }
  const entries = [...groups.entries()];
  const qEnd = { Q1: '03-31', Q2: '06-30', Q3: '09-30', Q4: '12-31' } as const;
  const batches = entries.map(([key, list]) => {
    const [providerId, quarter] = key.split('|');
    return {
      providerId: Number(providerId),
      quarter,
      list,
      total: list.reduce((s, c) => s + c.claim.amountFen, 0),
    };
  });
  const settlements = await repo.insertSettlements(
    L.tx,
    batches.map((b) => ({
      policyId: policy.id,
      providerId: b.providerId,
      totalFen: b.total,
      claimCount: b.list.length,
      status: 'paid' as const,
    })),
  );
  await repo.attachClaimsMany(
    L.tx,
    batches.flatMap((b, i) =>
      b.list.map((c) => ({
        claimId: c.claim.id,
        settlementId: settlements[i].id,
      })),
    ),
  );
  await ledger.settle(
    L,
    batches.map((b, i) => ({
      policyId: policy.id,
      providerId: b.providerId,
      amountFen: b.total,
      settlementId: settlements[i].id,
      valueDate: addDays(`${b.quarter.slice(0, 4)}-${qEnd[b.quarter.slice(5) as keyof typeof qEnd]}`, 15),
    })),
  );
  return {
    policyId: policy.id,
    issuedFen: o.issued * 100,
    usedFen: o.used * 100,
  };
}

async function expireSeed(L: ledger.Ledger, p: { policyId: number }, valueDate: string) {
  const balances = await availableBalances(L.tx, p.policyId);
  await ledger.expire(L, {
    policyId: p.policyId,
    items: balances.map((b) => ({
      holder: { id: b.holderId, districtId: b.districtId },
      amountFen: b.balanceFen,
    })),
    valueDate,
  });
  await repo.setPolicyStatus(L.tx, p.policyId, 'active', 'expired');
}
