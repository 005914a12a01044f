import { count } from 'drizzle-orm';
import type { Db, Tx } from '../client.js';
import { districts, enterprises, organizations, users, type OrgKind, type Role } from '../schema/index.js';
import type { RequestContext } from '../../http/context.js';
import { hashPassword } from '../../lib/password.js';
import type { PiiCipher } from '../../lib/pii.js';
import { createRandom, type Random } from '../../lib/random.js';
import { makeUscc } from '../../lib/uscc.js';
import { recordAuditMany } from '../../modules/audit/index.js';
import { toRow } from '../../modules/enterprises/enterprises.service.js';
import { INDUSTRIES } from '../../modules/enterprises/enterprises.schema.js';
import { appendTimeline } from '../../modules/timeline/index.js';
import { seedTechmarket } from '../../modules/techmarket/techmarket.seed.js';
import { seedVouchers } from '../../modules/vouchers/vouchers.seed.js';
import { seedIndicators } from '../../modules/indicators/indicators.seed.js';
import { seedRecognitions } from '../../modules/recognitions/recognitions.seed.js';
import { seedSupervision } from '../../modules/supervision/index.js';
import { seedOutreach } from '../../modules/outreach/index.js';
import { seedProgrammes } from '../../modules/programmes/programmes.seed.js';
import { seedSubsidies } from '../../modules/subsidies/index.js';
import { seedLoans } from '../../modules/loans/index.js';
import { seedPolicies } from '../../modules/policies/index.js';
import { DEMO_FUND_MANAGER, seedFunds } from '../../modules/funds/funds.seed.js';
import { seedPayments } from '../../modules/payments/payments.seed.js';
import { seedProjects } from '../../modules/projects/projects.seed.js';
import { seedCarriers, DEMO_CARRIER_ORG } from '../../modules/carriers/index.js';
import { seedAllocations } from '../../modules/allocations/allocations.seed.js';
import { seedMatching } from '../../modules/allocations/matching.seed.js';
import { seedAwards } from '../../modules/awards/awards.seed.js';
import { atDemoBusinessStart } from '../../modules/system/business-clock.js';
import { DISTRICT_WEIGHTS, HANGZHOU_DISTRICTS } from './districts.js';

export const DEMO_ACCOUNTS: { username: string; displayName: string; roles: Role[]; org: string; description: string }[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['city_admin'], org: 'bureau', description: '市科委管理员' },
  { username: 'officer', displayName: '王科长', roles: ['city_officer'], org: 'bureau', description: '市科委业务处室' },
  { username: 'xihu', displayName: '李明（西湖区科技局）', roles: ['district_officer'], org: 'district:330106', description: '西湖区科技局' },
  { username: 'binjiang', displayName: '张华（滨江区科技局）', roles: ['district_officer'], org: 'district:330108', description: '滨江区科技局' },
  { username: 'auditor', displayName: '审计员赵敏', roles: ['auditor'], org: 'supervision', description: '审计/监督（只读）' },
  { username: 'enterprise', displayName: '陈静（企业用户）', roles: ['enterprise_user'], org: 'enterprise', description: '西湖区企业用户' },
  { username: 'provider', displayName: '服务机构联系人', roles: ['provider'], org: 'provider', description: '创新券服务机构' },
  { username: 'expert', displayName: '刘教授', roles: ['expert'], org: 'expert_org', description: '评审专家' },
  { username: 'fund', displayName: '吴涛（钱江创投）', roles: ['fund_manager'], org: 'fund', description: '基金管理人（合作基金季度投资报告）' },
  { username: 'treasurer', displayName: '孙会计（计划财务处）', roles: ['finance_officer'], org: 'bureau', description: '计划财务处支付复核（审批限额500万元）' },
  { username: 'carrier', displayName: '周洁（梦想小镇众创空间）', roles: ['carrier_operator'], org: 'carrier', description: '创新载体运营机构（众创空间）' },
];

export const DEMO_ENTERPRISE_NAME = '杭州西溪智芯科技有限公司';
/** 6032 valid tech SMEs in 2015 (INDICATORS.md) need at least as many enterprises, with room for the revoked and the 2016 ones. */
const DEMO_ENTERPRISE_COUNT = 8000;

const WORDS = ['智芯', '云帆', '数联', '华信', '睿思', '之江', '钱塘', '天目', '恒星', '创维', '博远', '新禾', '青橙', '海创', '锐捷', '明德', '中科', '星辰', '致远', '安恒', '同方', '正泰', '九州', '灵犀', '聚光', '微纳', '长风', '湖畔', '远景', '金桥', '蓝海', '卓越', '慧眼', '品源', '优创', '晶华'];
const SUFFIX: Record<(typeof INDUSTRIES)[number], string[]> = {
  电子信息: ['电子科技', '信息技术', '软件', '网络科技', '微电子'],
  生物与新医药: ['生物科技', '医药科技', '生物医药', '医疗器械'],
  航空航天: ['航空科技', '航天技术'],
  新材料: ['新材料科技', '材料技术', '纳米科技'],
  高技术服务: ['科技服务', '检测技术', '数据服务', '设计咨询'],
  新能源与节能: ['新能源科技', '节能技术', '光伏科技'],
  资源与环境: ['环保科技', '环境工程', '水处理技术'],
  先进制造与自动化: ['智能装备', '自动化', '机电科技', '精密机械'],
  其他: ['科技', '农业科技', '文化科技'],
};
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '郑'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰', '涛', '明', '超', '秀英', '建华', '志强', '晓东', '海燕'];

function pad(n: number) {
  return String(n).padStart(2, '0');
}

function demoEnterprise(rnd: Random, serial: number, districtCode: string, name?: string) {
  const industry = rnd.weighted(INDUSTRIES, [30, 12, 2, 10, 14, 8, 6, 14, 4]);
  const year = rnd.int(1998, 2015);
  const district = HANGZHOU_DISTRICTS.find((d) => d.code === districtCode)!;
  const size = rnd.weighted(['micro', 'small', 'medium', 'large'] as const, [30, 45, 20, 5]);
  return {
    uscc: makeUscc(districtCode, 10_000_000 + serial * 7919),
    name: name ?? `杭州${rnd.pick(WORDS)}${rnd.pick(SUFFIX[industry])}有限公司`,
    districtCode,
    registeredOn: `${year}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`,
    industry,
    size,
    registeredCapital: rnd.int(10, 5000) * 10_000,
    employees: { micro: rnd.int(3, 9), small: rnd.int(10, 99), medium: rnd.int(100, 299), large: rnd.int(300, 2000) }[size],
    address: `杭州市${district.name}${rnd.pick(['文三路', '江南大道', '西园路', '古墩路', '滨安路', '文一西路', '莫干山路', '钱江路'])}${rnd.int(1, 999)}号`,
    legalRepName: `${rnd.pick(SURNAMES)}${rnd.pick(GIVEN)}`,
    legalRepPhone: `13${rnd.int(0, 9)}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`,
    contactName: `${rnd.pick(SURNAMES)}${rnd.pick(GIVEN)}`,
    contactPhone: `0571${String(rnd.int(80_000_000, 89_999_999))}`,
  };
}

/** True when the database holds no districts yet: the demo data is loaded on first start only. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(districts);
  return Number(row.n) === 0;
}

async function insertOrg(tx: Tx, name: string, kind: OrgKind, districtId: number | null, enterpriseId: number | null = null) {
  const [row] = await tx.insert(organizations).values({ name, kind, districtId, enterpriseId }).returning();
  return row;
}

/** Loads the demo dataset in one transaction, each row audited as the work of the "seed" system job. */
export async function seedDemo(opts: { db: Db; pii: PiiCipher; password: string }): Promise<{ enterprises: number; users: number }> {
  const ctx: RequestContext = { actor: null, requestId: 'seed', ip: '127.0.0.1', system: 'seed' };
  const rnd = createRandom(20151231);
  const passwordHash = await hashPassword(opts.password);
  // the demo is written at its business date (modules/system/business-clock.ts), stored with it
  return atDemoBusinessStart((storeClock) => opts.db.transaction(async (tx) => {
    await storeClock(tx);
    const ds = await tx
      .insert(districts)
      .values(HANGZHOU_DISTRICTS.map((d, i) => ({ code: d.code, name: d.name, sortOrder: i + 1 })))
      .returning();
    const byCode = new Map(ds.map((d) => [d.code, d]));

    const ents = [demoEnterprise(rnd, 1, '330106', DEMO_ENTERPRISE_NAME)];
    const codes = HANGZHOU_DISTRICTS.map((d) => d.code);
    for (let i = 2; i <= DEMO_ENTERPRISE_COUNT; i++) {
      ents.push(demoEnterprise(rnd, i, rnd.weighted(codes, codes.map((c) => DISTRICT_WEIGHTS[c]))));
    }
    // in chunks: a statement takes at most 65535 parameters
    const insertedEnts: { id: number; name: string }[] = [];
    for (let i = 0; i < ents.length; i += 1000) {
      const chunk = await tx
        .insert(enterprises)
        .values(ents.slice(i, i + 1000).map(({ districtCode, ...e }) => toRow({ ...e, districtId: byCode.get(districtCode)!.id }, opts.pii)))
        .returning({ id: enterprises.id, name: enterprises.name });
      insertedEnts.push(...chunk);
      await appendTimeline(
        tx,
        chunk.map((e) => ({ enterpriseId: e.id, module: 'enterprises', kind: 'created', title: '录入企业库（初始数据）', refType: 'enterprise', refId: e.id })),
      );
    }

    const bureau = await insertOrg(tx, '杭州市科学技术委员会', 'bureau', null);
    const supervision = await insertOrg(tx, '杭州市审计局（科技专项监督）', 'supervision', null);
    const districtOrgs = new Map<string, number>();
    for (const d of ds) {
      districtOrgs.set(d.code, (await insertOrg(tx, `${d.name}科技局`, 'district_bureau', d.id)).id);
    }
    const enterpriseOrg = await insertOrg(tx, DEMO_ENTERPRISE_NAME, 'enterprise', byCode.get('330106')!.id, insertedEnts[0].id);
    const provider = await insertOrg(tx, '浙江省科技创新服务平台（杭州）', 'provider', byCode.get('330108')!.id);
    const experts = await insertOrg(tx, '杭州市科技评审专家库', 'expert_org', null);
    const carrierOrg = await insertOrg(tx, DEMO_CARRIER_ORG, 'carrier', byCode.get('330110')!.id);
    const fundOrg = await insertOrg(tx, DEMO_FUND_MANAGER, 'fund', byCode.get('330106')!.id);
    const orgFor = (key: string): number => {
      const fixed: Record<string, number> = {
        bureau: bureau.id,
        supervision: supervision.id,
        enterprise: enterpriseOrg.id,
        provider: provider.id,
        expert_org: experts.id,
        carrier: carrierOrg.id,
        fund: fundOrg.id,
      };
      return key.startsWith('district:') ? districtOrgs.get(key.slice(9))! : fixed[key];
    };
    const insertedUsers = await tx
      .insert(users)
      .values(DEMO_ACCOUNTS.map((a) => ({ username: a.username, displayName: a.displayName, roles: a.roles, organizationId: orgFor(a.org), passwordHash })))
      .returning({ id: users.id, username: users.username, roles: users.roles });

    const orgRows = await tx.select().from(organizations);
    await recordAuditMany(tx, ctx, [
      ...ds.map((d) => ({ action: 'district.create', objectType: 'district', objectId: d.id, after: d })),
      ...insertedEnts.map((e) => ({ action: 'enterprise.create', objectType: 'enterprise', objectId: e.id, after: { name: e.name } })),
      ...orgRows.map((o) => ({ action: 'organization.create', objectType: 'organization', objectId: o.id, after: o })),
      ...insertedUsers.map((u) => ({ action: 'user.create', objectType: 'user', objectId: u.id, after: u })),
    ]);
    await seedTechmarket({ tx, ctx, pii: opts.pii });
    await seedVouchers({ tx, ctx, pii: opts.pii });
    await seedIndicators({ tx, ctx });
    await seedRecognitions({ tx, ctx, pii: opts.pii });
    await seedSupervision({ tx, ctx });
    await seedOutreach({ tx, ctx });
    await seedAllocations({ tx, ctx });
    await seedMatching({ tx, ctx });
    await seedAwards({ tx, ctx });
    await seedPolicies({ tx, ctx });
    await seedFunds({ tx, ctx });
    await seedPayments({ tx, ctx });
    await seedCarriers({ tx, ctx });
    await seedProgrammes({ tx, ctx });
    await seedProjects({ tx, ctx });
    await seedSubsidies({ tx, ctx });
    await seedLoans({ tx, ctx });
    return { enterprises: insertedEnts.length, users: insertedUsers.length };
  }));
}
