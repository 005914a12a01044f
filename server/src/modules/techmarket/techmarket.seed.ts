import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { enterprises } from '../../db/schema/enterprises.js';
import { districts, organizations, users } from '../../db/schema/orgs.js';
import { tmAuctions, tmBids, tmNotifications, tmRegistrationRules, tmSubscriptions, type ContractType, type ListingKind } from '../../db/schema/techmarket.js';
import { DISTRICT_WEIGHTS } from '../../db/seed/districts.js';
import type { RequestContext } from '../../http/context.js';
import type { PiiCipher } from '../../lib/pii.js';
import { createRandom, type Random } from '../../lib/random.js';
import { recordAuditMany } from '../audit/index.js';
import { addDays, registrationNo, shanghaiDate } from './techmarket.deals.service.js';
import * as repo from './techmarket.repo.js';
import { TECH_DOMAINS } from './techmarket.schema.js';
import { buildSearchVector } from './techmarket.text.js';

/**
 * Demo data of the technology market, calibrated to the 2015 figures of the work summary:
 * exactly 6243 contracts registered in 2015 with 合同成交额 summing to 7,742,000,000 yuan
 * (techmarket.deals / techmarket.amount), plus 2016 contracts, listings, an open and a closed
 * auction, unregistered recent deals for the deadline timer, and a saved search.
 */
export const DEALS_2015 = 6243;
export const AMOUNT_2015_FEN = 7_742_000_000 * 100;
const DEALS_2016 = 420;
const AMOUNT_2016_FEN = 612_000_000 * 100;

type Domain = (typeof TECH_DOMAINS)[number];

const TOPICS: Record<Exclude<Domain, '其他'>, { supply: string[]; demand: string[]; words: string[] }> = {
  电子信息: {
    supply: ['车规级芯片设计与封装测试技术', '低功耗物联网通信芯片', '基于5G的工业互联网边缘网关', '人工智能视觉检测算法平台', '高精度北斗定位模组', '集成电路芯片组散热装置'],
    demand: ['征集AI视觉缺陷检测方案', '寻求国产化FPGA芯片替代方案', '工业数据采集与边缘计算需求', '智慧园区视频结构化分析'],
    words: ['芯片', '集成电路', '人工智能', '5G', '物联网', '算法', '传感器', '云计算'],
  },
  生物与新医药: {
    supply: ['单克隆抗体高效表达平台', '新型医用可降解支架', '体外诊断快速检测试剂盒', '中药有效成分提取工艺'],
    demand: ['寻求医疗器械注册检验合作', '征集细胞培养基国产化技术', '需要药物缓释制剂工艺优化'],
    words: ['抗体', '医疗器械', '诊断', '制剂', '生物', '疫苗'],
  },
  航空航天: {
    supply: ['无人机飞控与避障系统', '航空复合材料无损检测'],
    demand: ['征集小型无人机长航时动力方案'],
    words: ['无人机', '复合材料', '飞控'],
  },
  新材料: {
    supply: ['石墨烯导热膜及其产业化', '高性能锂离子电池正极材料制备方法', '纳米涂层防腐技术', '碳纤维增强热塑性复合材料'],
    demand: ['寻求高导热界面材料', '征集可降解包装材料配方'],
    words: ['石墨烯', '纳米', '锂离子', '涂层', '碳纤维'],
  },
  高技术服务: {
    supply: ['工业设计与快速原型服务', '检验检测认证一站式服务', '知识产权分析评议服务'],
    demand: ['需要专利布局与侵权分析', '征集产品可靠性测试服务'],
    words: ['检测', '设计', '知识产权', '专利'],
  },
  新能源与节能: {
    supply: ['新能源汽车电池管理系统', '光伏组件智能清洗机器人', '余热回收高效换热器', '储能变流器控制技术'],
    demand: ['寻求工厂能耗在线监测方案', '征集动力电池梯次利用技术'],
    words: ['新能源', '电池', '光伏', '储能', '节能'],
  },
  资源与环境: {
    supply: ['高浓度有机废水处理工艺', '土壤重金属修复技术', 'VOCs废气催化燃烧装置'],
    demand: ['企业技术难题：污水处理中的氨氮去除', '寻求印染废水零排放方案'],
    words: ['污水处理', '废气', '修复', '环保'],
  },
  先进制造与自动化: {
    supply: ['工业机器人精密减速器', '数控机床在线误差补偿', '智能仓储AGV调度系统', '机器视觉引导装配系统'],
    demand: ['征集产线自动化改造方案', '寻求精密零件视觉检测设备'],
    words: ['机器人', '数控', '自动化', '机器视觉', '减速器'],
  },
};
const PHRASES = [
  '本项目面向杭州市重点产业，开展关键共性技术攻关，形成自主知识产权',
  '技术已完成中试验证，可提供技术许可或转让，并提供后续技术服务',
  '团队由高校教授和企业工程师组成，具有多年产业化经验',
  '希望与有意向的企业开展合作开发，共同推进成果转化',
  '已申请发明专利多项，性能指标达到国内先进水平',
];
const UNIVERSITIES = ['浙江大学', '浙江工业大学', '杭州电子科技大学', '中国计量大学', '浙江理工大学', '杭州师范大学', '中国科学院宁波材料技术与工程研究所', '之江实验室', '浙江清华长三角研究院', '西湖大学'];
const TYPE_WEIGHTS: [ContractType, number][] = [
  ['development_commissioned', 30],
  ['development_cooperative', 8],
  ['transfer_patent', 6],
  ['transfer_patent_application', 2],
  ['transfer_know_how', 5],
  ['transfer_other', 1],
  ['licence_patent', 3],
  ['licence_know_how', 2],
  ['consulting', 8],
  ['service', 35],
];
const DOMAIN_WEIGHTS = [34, 10, 2, 9, 14, 10, 7, 12, 2];

function weightedType(rnd: Random): ContractType {
  return rnd.weighted(
    TYPE_WEIGHTS.map((t) => t[0]),
    TYPE_WEIGHTS.map((t) => t[1]),
  );
}

/** n positive amounts (multiples of 100 yuan) that add up to exactly totalFen. */
export function calibratedAmounts(rnd: Random, n: number, totalFen: number): number[] {
  const unit = 10_000; // 100 yuan in fen
  const units = Math.round(totalFen / unit);
  // Heavy-tailed weights: most contracts small, a few large (log-uniform between 1 and 2000).
  const weights = Array.from({ length: n }, () => Math.exp(rnd.next() * Math.log(2000)) * (0.5 + rnd.next()));
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.max(1, Math.floor((w / sum) * units)));
  const diff = units - out.reduce((a, b) => a + b, 0);
  const biggest = out.indexOf(Math.max(...out));
  out[biggest] += diff;
  return out.map((u) => u * unit);
}

function dayOfYear(year: number, i: number): string {
  return addDays(`${year}-01-01`, i);
}

export async function seedTechmarket(opts: { tx: Tx; ctx: RequestContext; pii: PiiCipher; rnd?: Random }) {
  const { tx, ctx, pii } = opts;
  const rnd = opts.rnd ?? createRandom(5_2015);
  const ds = await tx.select({ id: districts.id, code: districts.code, name: districts.name }).from(districts);
  const codeOf = new Map(ds.map((d) => [d.id, d.code]));
  const districtIds = ds.map((d) => d.id);
  const districtWeights = ds.map((d) => DISTRICT_WEIGHTS[d.code] ?? 1);

  await tx.insert(tmRegistrationRules).values({ version: 1, deadlineDays: 30, atRiskDays: 7, effectiveFrom: '2000-01-01', note: '技术合同签订之日起30日内申请认定登记（初始规则）' });

  // Listing owners: the demo enterprise's organisation plus organisations for some registry firms.
  const [demoOrg] = await tx.select().from(organizations).where(eq(organizations.kind, 'enterprise')).orderBy(organizations.id).limit(1);
  const firms = await tx.select({ id: enterprises.id, name: enterprises.name, districtId: enterprises.districtId }).from(enterprises).orderBy(enterprises.id).limit(41);
  const ownerOrgs = await tx
    .insert(organizations)
    .values(firms.slice(1).map((f) => ({ name: f.name, kind: 'enterprise' as const, districtId: f.districtId, enterpriseId: f.id })))
    .returning();
  const owners = [...(demoOrg ? [demoOrg] : []), ...ownerOrgs];

  const listingRows: repo.NewListingRow[] = [];
  const domains = TECH_DOMAINS.filter((d) => d !== '其他') as Exclude<Domain, '其他'>[];
  for (let i = 0; i < 240; i++) {
    const domain = rnd.weighted(domains, DOMAIN_WEIGHTS.slice(0, domains.length));
    const topic = TOPICS[domain];
    const kind: ListingKind = rnd.next() < 0.65 ? 'supply' : 'demand';
    const base = rnd.pick(kind === 'supply' ? topic.supply : topic.demand);
    const owner = i < 6 && demoOrg ? demoOrg : rnd.pick(owners);
    const title = i % 3 === 0 ? base : `${base}（${rnd.pick(['二期', '升级版', '产业化', '应用推广', '合作开发'])}）`;
    const description = `${title}。涉及${rnd.pick(topic.words)}、${rnd.pick(topic.words)}等关键技术。${rnd.pick(PHRASES)}。${rnd.pick(PHRASES)}。`;
    const priceMode = kind === 'demand' ? 'negotiable' : rnd.weighted(['fixed', 'negotiable', 'auction'] as const, [3, 6, 1]);
    const status = i < 6 ? (['approved', 'approved', 'pending', 'pending', 'rejected', 'approved'] as const)[i] : rnd.weighted(['approved', 'pending', 'rejected'] as const, [88, 9, 3]);
    const phone = `13${rnd.int(0, 9)}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`;
    listingRows.push({
      kind,
      title,
      description,
      domain,
      maturity: rnd.int(3, 9),
      ipItems: kind === 'supply' ? [{ type: '发明专利', number: `ZL2014${rnd.int(10_000_000, 99_999_999)}.${rnd.int(0, 9)}`, title }] : [],
      priceMode,
      priceFen: priceMode === 'fixed' ? rnd.int(5, 500) * 1_000_000 : null,
      districtId: owner.districtId,
      organizationId: owner.id,
      enterpriseId: owner.enterpriseId,
      ownerName: owner.name,
      contactName: `${rnd.pick(['王', '李', '张', '刘', '陈'])}${rnd.pick(['工', '经理', '老师'])}`,
      contactPhoneEnc: pii.encrypt(phone),
      contactPhoneHash: pii.lookupHash(phone),
      status,
      rejectReason: status === 'rejected' ? '描述过于简略，请补充技术指标与知识产权情况' : null,
      reviewedAt: status === 'pending' ? null : new Date(Date.UTC(2016, 0, 1) + i * 3_600_000),
      searchVector: buildSearchVector(title, description),
    });
  }
  // The auction listing: approved, price mode auction, owned by a firm other than the demo enterprise.
  const auctionOwner = ownerOrgs[0];
  listingRows.push({
    kind: 'supply',
    title: '高性能锂离子电池正极材料制备方法专利包',
    description: '包含三项发明专利的正极材料制备技术，已完成中试，适用于动力电池与储能电池，公开拍卖转让。',
    domain: '新材料',
    maturity: 7,
    ipItems: [{ type: '发明专利', number: 'ZL201410000001.1', title: '一种高镍正极材料的制备方法' }],
    priceMode: 'auction',
    districtId: auctionOwner.districtId,
    organizationId: auctionOwner.id,
    enterpriseId: auctionOwner.enterpriseId,
    ownerName: auctionOwner.name,
    contactName: '周经理',
    status: 'approved',
    reviewedAt: new Date(),
    searchVector: buildSearchVector('高性能锂离子电池正极材料制备方法专利包', '包含三项发明专利的正极材料制备技术，已完成中试，适用于动力电池与储能电池，公开拍卖转让。'),
  });
  const listingIds = await repo.insertListings(tx, listingRows);
  const auctionListingId = listingIds[listingIds.length - 1].id;

  // Deals and registrations: 2015 calibrated, 2016 for the trend.
  const firmPool = await tx.select({ name: enterprises.name, districtId: enterprises.districtId }).from(enterprises);
  const loaded: Parameters<typeof repo.bulkLoadRegisteredDeals>[1] = [];
  const serials = new Map<number, number>();
  // 2016 is the business year of the demo: its contracts are registered up to yesterday (lib/clock.ts)
  const today = shanghaiDate();
  const daysOf = (year: number) => Math.min(365, Math.max(1, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000)));
  const makeYear = (year: number, n: number, totalFen: number) => {
    const amounts = calibratedAmounts(rnd, n, totalFen);
    const days = daysOf(year);
    amounts.forEach((amountFen, i) => {
      const registeredOn = dayOfYear(year, Math.floor((i / n) * days));
      const signedOn = addDays(registeredOn, -rnd.int(1, 25));
      const drawnDistrict = rnd.weighted(districtIds, districtWeights);
      const sellerIsDemo = !!demoOrg && i % 500 === 7;
      const seller = sellerIsDemo ? demoOrg.name : rnd.next() < 0.3 ? rnd.pick(UNIVERSITIES) : rnd.pick(firmPool).name;
      const domain = rnd.weighted(TECH_DOMAINS, DOMAIN_WEIGHTS);
      const type = weightedType(rnd);
      const nonTechnicalFen = rnd.next() < 0.2 ? Math.floor((amountFen * rnd.int(5, 30)) / 100 / 100) * 100 : 0;
      const districtId = sellerIsDemo ? demoOrg.districtId! : drawnDistrict;
      const serial = (serials.get(year) ?? 0) + 1;
      serials.set(year, serial);
      loaded.push({
        id: loaded.length + 1,
        title: `${domain}${type.startsWith('development') ? '技术开发' : type === 'service' ? '技术服务' : type === 'consulting' ? '技术咨询' : type.startsWith('licence') ? '技术许可' : '技术转让'}合同`,
        sellerOrgId: sellerIsDemo ? demoOrg.id : null,
        sellerName: seller,
        buyerName: rnd.pick(firmPool).name,
        districtId,
        domain,
        amountFen,
        signedOn,
        contractType: type,
        nonTechnicalFen,
        registrationNo: registrationNo(year, codeOf.get(districtId) ?? '330100', serial),
        registeredOn,
      });
    });
  };
  makeYear(2015, DEALS_2015, AMOUNT_2015_FEN);
  makeYear(2016, DEALS_2016, AMOUNT_2016_FEN);
  await repo.bulkLoadRegisteredDeals(tx, loaded);

  // Recent deals of the demo enterprise, not yet registered: the deadline timer has cases.
  const recent = demoOrg
    ? await repo.insertDeals(
        tx,
        [26, 12, 3].map((ago, i) => ({
          source: 'offline' as const,
          title: ['车规级芯片封装测试技术服务合同', '工业视觉检测算法委托开发合同', '物联网模组技术咨询合同'][i],
          sellerOrgId: demoOrg.id,
          sellerName: demoOrg.name,
          buyerName: rnd.pick(firmPool).name,
          districtId: demoOrg.districtId!,
          domain: '电子信息',
          amountFen: [1_280_000, 560_000, 90_000][i] * 100,
          signedOn: addDays(today, -ago),
        })),
      )
    : [];

  // Auctions: one open (ends in three days), bidding history from two firms.
  const now = Date.now();
  const [auction] = await tx
    .insert(tmAuctions)
    .values({
      listingId: auctionListingId,
      sellerOrgId: auctionOwner.id,
      title: '高性能锂离子电池正极材料制备方法专利包',
      startingPriceFen: 800_000 * 100,
      reservePriceFen: 1_000_000 * 100,
      incrementFen: 20_000 * 100,
      startsAt: new Date(now - 2 * 86_400_000),
      endsAt: new Date(now + 3 * 86_400_000),
      extensionWindowSeconds: 300,
      extensionSeconds: 300,
      currentPriceFen: 840_000 * 100,
      currentBidderOrgId: ownerOrgs[2].id,
      bidCount: 3,
    })
    .returning();
  await tx.insert(tmBids).values([
    { auctionId: auction.id, bidderOrgId: ownerOrgs[1].id, bidderUserId: await anyUserId(tx), amountFen: 800_000 * 100, placedAt: new Date(now - 36 * 3_600_000) },
    { auctionId: auction.id, bidderOrgId: ownerOrgs[2].id, bidderUserId: await anyUserId(tx), amountFen: 820_000 * 100, placedAt: new Date(now - 30 * 3_600_000) },
    { auctionId: auction.id, bidderOrgId: ownerOrgs[2].id, bidderUserId: await anyUserId(tx), amountFen: 840_000 * 100, placedAt: new Date(now - 20 * 3_600_000) },
  ]);

  // The demo enterprise user's saved search, with a notification.
  const [enterpriseUser] = demoOrg ? await tx.select().from(users).where(eq(users.organizationId, demoOrg.id)).limit(1) : [];
  if (enterpriseUser && demoOrg) {
    const [sub] = await tx.insert(tmSubscriptions).values({ userId: enterpriseUser.id, organizationId: demoOrg.id, name: '芯片相关成果', q: '芯片', kind: 'supply' }).returning();
    const [hit] = (await repo.searchTier(tx, { match: { tsquery: "'芯片'" }, kind: 'supply', want: 1 })).rows;
    if (hit && hit.organizationId !== demoOrg.id) {
      await tx.insert(tmNotifications).values({ userId: enterpriseUser.id, subscriptionId: sub.id, listingId: hit.id, title: `订阅“芯片相关成果”有新成果：${hit.title}` });
    }
  }

  await recordAuditMany(tx, ctx, [
    { action: 'techmarket.rule.create', objectType: 'tm_registration_rule', objectId: 1, after: { deadlineDays: 30, atRiskDays: 7 } },
    ...listingIds.map((l) => ({ action: 'techmarket.listing.create', objectType: 'tm_listing', objectId: l.id })),
    // The calibrated contract history is one bulk load, audited per year like an import batch.
    ...[2015, 2016].map((year) => {
      const batch = loaded.filter((d) => d.registeredOn.startsWith(`${year}`));
      return {
        action: 'techmarket.registration.bulk_load',
        objectType: 'tm_registration_batch',
        objectId: year,
        after: { contracts: batch.length, amountFen: batch.reduce((a, d) => a + d.amountFen, 0), firstId: batch[0]?.id, lastId: batch[batch.length - 1]?.id },
      };
    }),
    ...recent.map((d) => ({ action: 'techmarket.deal.create', objectType: 'tm_deal', objectId: d.id, after: d })),
    { action: 'techmarket.auction.create', objectType: 'tm_auction', objectId: auction.id },
  ]);
  return { listings: listingIds.length, deals: loaded.length + recent.length, registrations: loaded.length };
}

async function anyUserId(tx: Tx): Promise<number> {
  const [u] = await tx.select({ id: users.id }).from(users).where(sql`'enterprise_user' = any(${users.roles})`).limit(1);
  if (u) {
    return u.id;
  }
  const [first] = await tx.select({ id: users.id }).from(users).limit(1);
  return first.id;
}
