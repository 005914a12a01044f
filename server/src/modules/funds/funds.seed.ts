import { asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { caseEvents, cases, districts, enterprises, fundExits, fundInvestments, fundMovements, fundReports, fundValuations, organizations, overseasProjects, partnerFunds, users, type FundProgramme } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import { createRandom, type Random } from '../../lib/random.js';
import { recordAuditMany } from '../audit/index.js';
import { postMovements, type MovementInput } from '../ledger/index.js';
import { appendTimeline } from '../timeline/index.js';
import { FUNDS_BOOK, PROGRAMME_SCOPE } from './funds.book.js';
import { FUND_REPORTS } from './funds.instrument.js';
import { EXIT_METHODS, INDUSTRIES, ROUNDS } from './funds.schema.js';
import { quarterRange } from './reports.service.js';

/** The demo fund-management organisation of the `fund` account (demo.ts creates it). */
export const DEMO_FUND_MANAGER = '杭州钱江创业投资管理有限公司';

/** INDICATORS.md, 2015: the figures the records below reproduce exactly. */
export const FUND_FIGURES_2015 = {
  guidancePartners: 33,
  guidanceScaleYuan: 4_650_000_000,
  investedProjects: 198,
  investedYuan: 2_622_000_000,
  angelPartners: 13,
  angelNew: 8,
  angelScaleYuan: 729_000_000,
  overseasInvested: 20,
  overseasReturned: 3,
};

const MANAGERS = [
  DEMO_FUND_MANAGER,
  '浙江华睿投资管理有限公司',
  '杭州赛伯乐创业投资管理有限公司',
  '浙江浙商创业投资管理有限公司',
  '杭州银江资本管理有限公司',
  '杭州如山创业投资管理有限公司',
  '浙江天堂硅谷资产管理集团有限公司',
  '杭州海邦投资管理有限公司',
  '杭州联创永源投资管理有限公司',
  '杭州泰恒投资管理有限公司',
  '杭州华瓯创业投资管理有限公司',
  '杭州凯泰资本管理有限公司',
];
const FUND_WORDS = ['钱江', '之江', '西溪', '良渚', '湘湖', '运河', '天目', '富春', '千岛湖', '九溪', '龙井', '孤山', '宝石山', '北山', '南屏', '灵隐', '云栖', '梦想', '东部', '城西'];
const FUND_KINDS = ['创业投资合伙企业（有限合伙）', '股权投资合伙企业（有限合伙）', '创业投资有限公司'];
const FOREIGN_CITIES = ['上海', '北京', '深圳', '苏州', '南京', '宁波'];
const FOREIGN_WORDS = ['宏图', '智行', '新锐', '晨光', '汇智', '博纳', '君达', '启明', '合众', '灵动', '天衡', '卓群'];
const OVERSEAS = [
  ['第三代基因芯片', '美国', '圣何塞', '生物与新医药'],
  ['柔性显示驱动芯片', '美国', '圣克拉拉', '电子信息'],
  ['智能视觉检测平台', '美国', '帕洛阿尔托', '电子信息'],
  ['可穿戴健康监测', '美国', '旧金山', '生物与新医药'],
  ['锂硫电池材料', '美国', '弗里蒙特', '新能源与节能'],
  ['工业物联网网关', '美国', '山景城', '电子信息'],
  ['手术导航机器人', '美国', '森尼韦尔', '先进制造与自动化'],
  ['肿瘤液体活检', '美国', '南旧金山', '生物与新医药'],
  ['云端数据安全', '美国', '圣马特奥', '高技术服务'],
  ['石墨烯导热膜', '美国', '库比蒂诺', '新材料'],
  ['无人机航测系统', '美国', '圣何塞', '航空航天'],
  ['分布式光伏运维', '美国', '奥克兰', '新能源与节能'],
  ['水质在线监测', '美国', '伯克利', '资源与环境'],
  ['语音识别引擎', '美国', '帕洛阿尔托', '电子信息'],
  ['3D打印骨科植入物', '美国', '圣克拉拉', '新材料'],
  ['移动支付风控', '美国', '旧金山', '高技术服务'],
  ['基因测序数据分析', '美国', '山景城', '生物与新医药'],
  ['激光雷达传感器', '美国', '森尼韦尔', '电子信息'],
  ['精准农业传感网', '美国', '戴维斯', '资源与环境'],
  ['微流控诊断芯片', '美国', '门洛帕克', '生物与新医药'],
  ['边缘计算芯片', '美国', '圣何塞', '电子信息'],
  ['智能仓储机器人', '美国', '弗里蒙特', '先进制造与自动化'],
  ['新型疫苗佐剂', '美国', '南旧金山', '生物与新医药'],
] as const;

const pad = (n: number) => String(n).padStart(2, '0');
const dateIn = (rnd: Random, from: string, to: string) => {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + rnd.int(0, Math.max(0, Math.round((b - a) / 86_400_000))) * 86_400_000).toISOString().slice(0, 10);
};
const quarterOf = (d: string) => Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1;
const maxDate = (a: string, b: string) => (a > b ? a : b);

/** n random multiples of `step` in [min, max] steps summing to exactly total (total a multiple of step). */
function spread(rnd: Random, n: number, total: number, step: number, min: number, max: number): number[] {
  const out = Array.from({ length: n }, () => rnd.int(min, max));
  let diff = total / step - out.reduce((s, x) => s + x, 0);
  let guard = 0;
  while (diff !== 0 && guard++ < 1_000_000) {
    const i = rnd.int(0, n - 1);
    if (diff > 0 && out[i] < max) {
      out[i]++;
      diff--;
    } else if (diff < 0 && out[i] > min) {
      out[i]--;
      diff++;
    }
  }
  if (diff !== 0) {
    throw new Error('funds seed: cannot spread the total');
  }
  return out.map((x) => x * step);
}

interface FundPlan {
  programme: FundProgramme;
  name: string;
  managerOrgId: number;
  registrationNo: string;
  districtId: number;
  scaleFen: number;
  commitmentFen: number;
  setUpOn: string;
  status: 'setting_up' | 'active' | 'exited';
  exitedOn: string | null;
}

/**
 * The funds demo: 12 fund managers, the guidance fund's partner funds 2009–2016 (33 alive at the end
 * of 2015, 46.5亿元, two that exited before), the angel fund's (13, 8 of them new in 2015, 7.29亿元),
 * every commitment, capital call and distribution on the ledger book, 198 accepted guidance-fund
 * investments for 26.22亿元 up to 2015 in accepted quarterly reports (and angel ones), 2016 reports in
 * every state, and the Silicon Valley incubator's 20 overseas projects (3 back in Hangzhou by 2015).
 */
export async function seedFunds(opts: { tx: Tx; ctx: RequestContext }): Promise<{ funds: number; investments: number }> {
  const { tx, ctx } = opts;
  const rnd = createRandom(2015_0933);
  const F = FUND_FIGURES_2015;
  const ds = await tx.select({ id: districts.id, name: districts.name }).from(districts).orderBy(asc(districts.sortOrder));
  const districtWeights = ds.map((_, i) => [10, 8, 6, 10, 14, 16, 8, 10, 4, 3, 3, 2, 2][i] ?? 2);
  const pickDistrict = () => rnd.weighted(ds, districtWeights).id;
  const [demoOrg] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, DEMO_FUND_MANAGER));
  const otherOrgs = await tx
    .insert(organizations)
    .values(MANAGERS.slice(demoOrg ? 1 : 0).map((name) => ({ name, kind: 'fund' as const, districtId: pickDistrict() })))
    .returning({ id: organizations.id });
  const managerIds = [...(demoOrg ? [demoOrg.id] : []), ...otherOrgs.map((o) => o.id)];
  const [officer] = await tx.select({ id: users.id, label: users.displayName }).from(users).where(eq(users.username, 'officer'));
  const [fundUser] = await tx.select({ id: users.id, label: users.displayName }).from(users).where(eq(users.username, 'fund'));

  // ---------- partner funds ----------
  const plans: FundPlan[] = [];
  const usedNames = new Set<string>();
  let serial = 0;
  const plan = (programme: FundProgramme, scaleFen: number, setUpOn: string, status: FundPlan['status'], exitedOn: string | null, managerOrgId?: number) => {
    let name = '';
    do {
      name = `杭州${rnd.pick(FUND_WORDS)}${programme === 'angel' ? '天使' : rnd.pick(['创新', '成长', '科技', '产业', '智造', '健康'])}${rnd.pick(FUND_KINDS)}`;
      if (usedNames.has(name)) {
        name = name.replace('杭州', `杭州${rnd.pick(['一期', '二期', '三期'])}`);
      }
    } while (usedNames.has(name));
    usedNames.add(name);
    serial++;
    const share = programme === 'angel' ? rnd.int(20, 30) : rnd.int(15, 25);
    plans.push({
      programme,
      name,
      managerOrgId: managerOrgId ?? rnd.pick(managerIds),
      registrationNo: `91330100MA${String(27_000_000 + serial * 7717).slice(0, 7)}${'ABCDEFGHJK'[serial % 10]}`,
      districtId: pickDistrict(),
      scaleFen,
      commitmentFen: Math.round((scaleFen * share) / 100 / 10_000_00) * 10_000_00,
      setUpOn,
      status,
      exitedOn,
    });
  };
  // guidance: 33 alive at 2015's end (46.5亿元), set up 2009–2015; two exited in 2014; five in 2016
  const gYears = [2009, 2009, 2009, 2010, 2010, 2010, 2011, 2011, 2011, 2011, 2012, 2012, 2012, 2012, 2012, 2013, 2013, 2013, 2013, 2013, 2014, 2014, 2014, 2014, 2014, 2014, 2015, 2015, 2015, 2015, 2015, 2015, 2015];
  const gScales = spread(rnd, F.guidancePartners, F.guidanceScaleYuan * 100, 10_000_000_00, 5, 30);
  gYears.forEach((y, i) => plan('guidance', gScales[i], `${y}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`, 'active', null, i < 2 ? demoOrg?.id : undefined));
  plan('guidance', 200_000_000_00, '2009-11-18', 'exited', '2014-06-30');
  plan('guidance', 150_000_000_00, '2010-05-06', 'exited', '2014-12-19');
  for (const [d, st] of [['2016-01-22', 'active'], ['2016-03-15', 'active'], ['2016-05-09', 'active'], ['2016-07-28', 'active'], ['2016-08-30', 'setting_up']] as const) {
    plan('guidance', rnd.int(8, 25) * 10_000_000_00, d, st, null);
  }
  // angel: 5 set up 2012–2014, 8 in 2015 (13, 7.29亿元); one in 2016
  const aScales = spread(rnd, F.angelPartners, F.angelScaleYuan * 100, 1_000_000_00, 30, 90);
  [2012, 2013, 2013, 2014, 2014, 2015, 2015, 2015, 2015, 2015, 2015, 2015, 2015].forEach((y, i) =>
    plan('angel', aScales[i], `${y}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`, 'active', null, i === 5 ? demoOrg?.id : undefined),
  );
  plan('angel', 60_000_000_00, '2016-04-12', 'active', null);
  const fundRows = await tx
    .insert(partnerFunds)
    .values(plans.map((p) => ({ ...p, createdBy: officer?.id ?? null })))
    .returning();

  // ---------- the ledger: appropriations, commitments, calls, distributions, releases ----------
  const items: MovementInput<'appropriation' | 'available' | 'committed' | 'paid_in' | 'proceeds' | 'returned', 'appropriate' | 'commit' | 'call' | 'distribute' | 'release'>[] = [];
  const movementRows: { fundIdx: number; kind: 'call' | 'distribution'; amountFen: number; valueDate: string; memo: string; itemIdx: number }[] = [];
  for (const programme of ['guidance', 'angel'] as const) {
    const need = fundRows.filter((f) => f.programme === programme).reduce((s, f) => s + f.commitmentFen, 0);
    const extra = programme === 'guidance' ? 300_000_000_00 : 50_000_000_00;
    for (const [date, share] of [['2009-03-20', 0.5], ['2012-03-16', 0.3], ['2015-03-18', 0.2]] as const) {
      const amountFen = Math.round(((need + extra) * share) / 100) * 100;
      items.push({
        kind: 'appropriate',
        valueDate: programme === 'angel' && date === '2009-03-20' ? '2012-01-10' : date,
        memo: '财政拨付引导基金',
        entries: [
          { account: { kind: 'appropriation', scope: PROGRAMME_SCOPE[programme] }, amountFen: -amountFen },
          { account: { kind: 'available', scope: PROGRAMME_SCOPE[programme] }, amountFen },
        ],
      });
    }
  }
  fundRows.forEach((f, idx) => {
    items.push({
      kind: 'commit',
      valueDate: f.setUpOn,
      idempotencyKey: `commit:${f.id}`,
      memo: '阶段参股认缴承诺',
      entries: [
        { account: { kind: 'available', scope: PROGRAMME_SCOPE[f.programme] }, amountFen: -f.commitmentFen },
        { account: { kind: 'committed', scope: f.id }, amountFen: f.commitmentFen },
      ],
    });
    if (f.status === 'setting_up') {
      return;
    }
    const age = 2016 - Number(f.setUpOn.slice(0, 4));
    const paidShare = f.status === 'exited' ? 100 : Math.min(100, 30 + age * 15 + rnd.int(0, 10));
    const calls = age >= 3 ? 2 : 1;
    let left = Math.round((f.commitmentFen * paidShare) / 100 / 100) * 100;
    for (let k = 0; k < calls && left > 0; k++) {
      const amountFen = k === calls - 1 ? left : Math.round(left / (calls - k) / 100) * 100;
      left -= amountFen;
      const y = Number(f.setUpOn.slice(0, 4)) + k;
      const last = [f.exitedOn ?? '2016-09-09', `${y}-12-31`].sort()[0];
      const start = [maxDate(f.setUpOn, `${y}-01-01`), last].sort()[0];
      const valueDate = dateIn(rnd, start, last);
      movementRows.push({ fundIdx: idx, kind: 'call', amountFen, valueDate, memo: `第${k + 1}期实缴出资`, itemIdx: items.length });
      items.push({
        kind: 'call',
        valueDate,
        memo: `第${k + 1}期实缴出资`,
        entries: [
          { account: { kind: 'committed', scope: f.id }, amountFen: -amountFen },
          { account: { kind: 'paid_in', scope: f.id }, amountFen },
        ],
      });
    }
    if (f.status === 'exited' || (age >= 5 && rnd.next() < 0.6)) {
      const amountFen = Math.round((f.commitmentFen * (f.status === 'exited' ? rnd.int(110, 160) : rnd.int(10, 40))) / 100 / 100) * 100;
      const valueDate = f.exitedOn ?? dateIn(rnd, '2014-01-01', '2016-06-30');
      const memo = f.status === 'exited' ? '阶段参股退出回款' : '项目退出收益分配';
      movementRows.push({ fundIdx: idx, kind: 'distribution', amountFen, valueDate, memo, itemIdx: items.length });
      items.push({
        kind: 'distribute',
        valueDate,
        memo,
        entries: [
          { account: { kind: 'proceeds', scope: f.id }, amountFen: -amountFen },
          { account: { kind: 'returned', scope: PROGRAMME_SCOPE[f.programme] }, amountFen },
        ],
      });
    }
    if (f.status === 'exited') {
      const released = f.commitmentFen - Math.round(f.commitmentFen / 100) * 100;
      if (released > 0) {
        items.push({
          kind: 'release',
          valueDate: f.exitedOn!,
          memo: '基金退出，未缴承诺额释放',
          entries: [
            { account: { kind: 'committed', scope: f.id }, amountFen: -released },
            { account: { kind: 'available', scope: PROGRAMME_SCOPE[f.programme] }, amountFen: released },
          ],
        });
      }
    }
  });
  const posted = await postMovements(tx, FUNDS_BOOK, items);
  const mvRows: (typeof fundMovements.$inferInsert)[] = movementRows.map((m) => ({
    fundId: fundRows[m.fundIdx].id,
    kind: m.kind,
    amountFen: m.amountFen,
    valueDate: m.valueDate,
    memo: m.memo,
    status: 'posted' as const,
    requestedBy: null,
    reviewedBy: null,
    ledgerMovementId: posted[m.itemIdx].id,
  }));
  // two 2016 calls waiting for the checker, one returned
  const demoFund = fundRows.find((f) => f.managerOrgId === demoOrg?.id && f.programme === 'guidance') ?? fundRows[30];
  const young = fundRows.filter((f) => f.setUpOn >= '2016-01-01' && f.status === 'active');
  mvRows.push(
    { fundId: young[0].id, kind: 'call', amountFen: Math.round(young[0].commitmentFen / 4 / 100) * 100, valueDate: '2016-09-08', memo: '第2期实缴出资', status: 'pending' as const, requestedBy: officer?.id ?? null, reviewedBy: null, ledgerMovementId: null },
    { fundId: young[1].id, kind: 'call', amountFen: Math.round(young[1].commitmentFen / 5 / 100) * 100, valueDate: '2016-09-09', memo: '第2期实缴出资', status: 'pending' as const, requestedBy: null, reviewedBy: null, ledgerMovementId: null },
  );
  await tx.insert(fundMovements).values(mvRows);
  await tx.insert(fundMovements).values({
    fundId: demoFund.id,
    kind: 'distribution',
    amountFen: 3_000_000_00,
    valueDate: '2016-08-15',
    memo: '项目退出收益分配',
    status: 'rejected',
    requestedBy: null,
    reviewedBy: officer?.id ?? null,
    reviewComment: '回款凭证金额与基金分配通知书不一致，请核对后重新提交',
    reviewedAt: new Date('2016-08-20T10:00:00+08:00'),
  });

  // ---------- investments in quarterly reports ----------
  // a fifth of the registry is enough to draw portfolio companies from (and quicker to read)
  const ents = await tx
    .select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc, districtId: enterprises.districtId, industry: enterprises.industry })
    .from(enterprises)
    .where(sql`${enterprises.id} % 5 = 1`)
    .orderBy(asc(enterprises.id));
  const usedEnt = new Set<number>();
  let foreignSerial = 0;
  const usedForeign = new Set<string>();
  const company = (): { enterpriseId: number | null; companyName: string; uscc: string | null; districtId: number | null; industry: string } => {
    if (rnd.next() < 0.75) {
      let e = rnd.pick(ents);
      while (usedEnt.has(e.id)) {
        e = rnd.pick(ents);
      }
      usedEnt.add(e.id);
      return { enterpriseId: e.id, companyName: e.name, uscc: e.uscc, districtId: e.districtId, industry: e.industry };
    }
    let name = '';
    do {
      foreignSerial++;
      name = `${rnd.pick(FOREIGN_CITIES)}${rnd.pick(FOREIGN_WORDS)}${rnd.pick(['科技', '信息技术', '生物科技', '智能科技', '新材料', '医疗科技'])}有限公司`;
    } while (usedForeign.has(name) && foreignSerial < 10_000);
    if (usedForeign.has(name)) {
      name = name.replace('有限公司', `${foreignSerial}有限公司`);
    }
    usedForeign.add(name);
    return { enterpriseId: null, companyName: name, uscc: null, districtId: null, industry: rnd.pick(INDUSTRIES) };
  };
  type Inv = ReturnType<typeof company> & { fundIdx: number; amountFen: number; round: string; investedOn: string };
  const invs: Inv[] = [];
  const aliveGuidance = fundRows.map((f, i) => ({ f, i })).filter(({ f }) => f.programme === 'guidance' && f.status === 'active' && f.setUpOn <= '2015-12-31');
  const gAmounts = spread(rnd, F.investedProjects, F.investedYuan * 100, 100_000_00, 30, 260);
  for (let k = 0; k < F.investedProjects; k++) {
    const { f, i } = aliveGuidance[k < aliveGuidance.length ? k : rnd.int(0, aliveGuidance.length - 1)];
    invs.push({ ...company(), fundIdx: i, amountFen: gAmounts[k], round: rnd.weighted(ROUNDS, [5, 20, 35, 20, 15, 5]), investedOn: dateIn(rnd, maxDate(f.setUpOn, '2010-01-01'), '2015-12-31') });
  }
  const angels = fundRows.map((f, i) => ({ f, i })).filter(({ f }) => f.programme === 'angel' && f.setUpOn <= '2015-12-31');
  for (let k = 0; k < 45; k++) {
    const { f, i } = rnd.pick(angels);
    invs.push({ ...company(), fundIdx: i, amountFen: rnd.int(20, 150) * 10_000_00, round: rnd.weighted(ROUNDS, [30, 50, 20, 0, 0, 0]), investedOn: dateIn(rnd, f.setUpOn, '2015-12-31') });
  }
  // 2016: Q1 and Q2 of a dozen funds
  const reporting = [...aliveGuidance.slice(0, 10), ...angels.slice(4, 7)];
  for (const { f, i } of reporting) {
    for (const q of [1, 2]) {
      const { from, to } = quarterRange(2016, q);
      for (let k = rnd.int(0, 3); k > 0; k--) {
        invs.push({ ...company(), fundIdx: i, amountFen: rnd.int(f.programme === 'angel' ? 20 : 50, f.programme === 'angel' ? 150 : 2000) * 10_000_00, round: rnd.pick(ROUNDS), investedOn: dateIn(rnd, from, to) });
      }
    }
  }
  // reports: one per (fund, year, quarter) with investments, plus the 2016 reports of the reporting funds
  const reportKey = (fundIdx: number, y: number, q: number) => `${fundIdx}:${y}:${q}`;
  const reports = new Map<string, { fundIdx: number; year: number; quarter: number; status: string }>();
  for (const inv of invs) {
    const y = Number(inv.investedOn.slice(0, 4));
    const key = reportKey(inv.fundIdx, y, quarterOf(inv.investedOn));
    if (!reports.has(key)) {
      reports.set(key, { fundIdx: inv.fundIdx, year: y, quarter: quarterOf(inv.investedOn), status: 'accepted' });
    }
  }
  for (const { i } of reporting) {
    for (const q of [1, 2]) {
      const key = reportKey(i, 2016, q);
      if (!reports.has(key)) {
        reports.set(key, { fundIdx: i, year: 2016, quarter: q, status: 'accepted' });
      }
    }
  }
  // 2016 Q2 in every state: the demo manager's first fund returned, its second submitted, others mixed; its angel fund in draft
  const demoFunds = fundRows.map((f, i) => ({ f, i })).filter(({ f }) => f.managerOrgId === demoOrg?.id);
  const q2 = [...reports.values()].filter((r) => r.year === 2016 && r.quarter === 2);
  q2.forEach((r, k) => (r.status = ['accepted', 'submitted', 'accepted', 'returned', 'submitted'][k % 5]));
  for (const [k, { i }] of demoFunds.entries()) {
    const key = reportKey(i, 2016, 2);
    const r = reports.get(key) ?? { fundIdx: i, year: 2016, quarter: 2, status: 'accepted' };
    r.status = ['returned', 'submitted', 'draft'][k] ?? 'submitted';
    reports.set(key, r);
    const q1 = reportKey(i, 2016, 1);
    if (!reports.has(q1)) {
      reports.set(q1, { fundIdx: i, year: 2016, quarter: 1, status: 'accepted' });
    }
  }
  const reportList = [...reports.entries()].sort(([, a], [, b]) => a.year - b.year || a.quarter - b.quarter || a.fundIdx - b.fundIdx);
  const caseRows = await tx
    .insert(cases)
    .values(
      reportList.map(([, r]) => {
        const f = fundRows[r.fundIdx];
        const end = quarterRange(r.year, r.quarter).to;
        const filed = new Date(`${end}T10:00:00+08:00`);
        filed.setUTCDate(filed.getUTCDate() + 15);
        return {
          instrument: FUND_REPORTS,
          type: 'quarterly',
          year: r.year,
          title: `${f.name}${r.year}年第${r.quarter}季度投资报告`,
          organizationId: f.managerOrgId,
          status: r.status,
          dueOn: r.status === 'submitted' ? '2016-09-23' : r.status === 'returned' ? '2016-09-26' : null,
          submittedAt: r.status === 'draft' ? null : filed,
          decidedAt: r.status === 'accepted' ? new Date(filed.getTime() + 10 * 86_400_000) : null,
          createdBy: f.managerOrgId === demoOrg?.id ? (fundUser?.id ?? null) : null,
          createdAt: filed,
          updatedAt: filed,
        };
      }),
    )
    .returning({ id: cases.id });
  const caseIdOf = new Map(reportList.map(([key], k) => [key, caseRows[k].id]));
  await tx.insert(fundReports).values(
    reportList.map(([key, r]) => ({ id: caseIdOf.get(key)!, fundId: fundRows[r.fundIdx].id, year: r.year, quarter: r.quarter, navFen: null, note: null })),
  );
  const fundLabel = '基金管理人';
  const officerLabel = officer ? `${officer.label}（杭州市科学技术委员会）` : '市科委';
  await tx.insert(caseEvents).values(
    reportList.flatMap(([key, r]) => {
      const caseId = caseIdOf.get(key)!;
      const ev: (typeof caseEvents.$inferInsert)[] = [{ caseId, action: 'create', fromStatus: null, toStatus: 'draft', comment: null, actorId: null, actorLabel: fundLabel, dueOn: null }];
      if (r.status !== 'draft') {
        ev.push({ caseId, action: 'submit', fromStatus: 'draft', toStatus: 'submitted', comment: null, actorId: null, actorLabel: fundLabel, dueOn: null });
      }
      if (r.status === 'accepted') {
        ev.push({ caseId, action: 'accept', fromStatus: 'submitted', toStatus: 'accepted', comment: null, actorId: officer?.id ?? null, actorLabel: officerLabel, dueOn: null });
      }
      if (r.status === 'returned') {
        ev.push({ caseId, action: 'return', fromStatus: 'submitted', toStatus: 'returned', comment: '请补充被投企业的统一社会信用代码，并核对第2行投资日期', actorId: officer?.id ?? null, actorLabel: officerLabel, dueOn: null });
      }
      return ev;
    }),
  );
  const invRows = await tx
    .insert(fundInvestments)
    .values(
      invs.map((v) => ({
        reportId: caseIdOf.get(reportKey(v.fundIdx, Number(v.investedOn.slice(0, 4)), quarterOf(v.investedOn)))!,
        fundId: fundRows[v.fundIdx].id,
        enterpriseId: v.enterpriseId,
        companyName: v.companyName,
        uscc: v.uscc,
        amountFen: v.amountFen,
        round: v.round,
        investedOn: v.investedOn,
        districtId: v.districtId,
        industry: v.industry,
      })),
    )
    .returning({ id: fundInvestments.id, reportId: fundInvestments.reportId });
  // valuations and exits in some 2016 reports
  const r2016 = reportList.filter(([, r]) => r.year === 2016);
  const vals = r2016.flatMap(([key, r]) =>
    invs
      .filter((v) => v.fundIdx === r.fundIdx && v.investedOn < quarterRange(r.year, r.quarter).from)
      .slice(0, 3)
      .map((v) => ({ reportId: caseIdOf.get(key)!, companyName: v.companyName, enterpriseId: v.enterpriseId, valueFen: Math.round((v.amountFen * rnd.int(90, 260)) / 100 / 100) * 100 })),
  );
  if (vals.length) {
    await tx.insert(fundValuations).values(vals);
  }
  const exits = r2016
    .filter(([, r]) => r.quarter === 2)
    .slice(0, 4)
    .flatMap(([key, r]) => {
      const v = invs.find((x) => x.fundIdx === r.fundIdx && x.investedOn < '2014-01-01');
      return v ? [{ reportId: caseIdOf.get(key)!, companyName: v.companyName, enterpriseId: v.enterpriseId, exitedOn: dateIn(rnd, '2016-04-01', '2016-06-30'), method: rnd.pick(EXIT_METHODS), proceedsFen: v.amountFen * 2 }] : [];
    });
  if (exits.length) {
    await tx.insert(fundExits).values(exits);
  }
  // accepted investments linked to the registry go on the enterprise's timeline
  const acceptedCase = new Set(reportList.filter(([, r]) => r.status === 'accepted').map(([key]) => caseIdOf.get(key)!));
  await appendTimeline(
    tx,
    invs.flatMap((v, k) =>
      v.enterpriseId !== null && acceptedCase.has(invRows[k].reportId)
        ? [{ enterpriseId: v.enterpriseId, module: 'finance', kind: 'investment', title: `获${fundRows[v.fundIdx].name}投资（${v.round}，${(v.amountFen / 1_000_000).toFixed(2)}万元，${v.investedOn}）`, refType: 'fund_investment', refId: invRows[k].id, occurredAt: new Date(`${v.investedOn}T12:00:00+08:00`) }]
        : [],
    ),
  );

  // ---------- overseas (Silicon Valley incubator) ----------
  const returnedEnts = [rnd.pick(ents), rnd.pick(ents), rnd.pick(ents)];
  const overseas = OVERSEAS.map(([name, country, city, field], k) => {
    const investedOn = k < F.overseasInvested ? dateIn(rnd, '2012-06-01', '2015-11-30') : dateIn(rnd, '2016-01-15', '2016-08-31');
    const back = k === 0 ? { on: '2015-04-16', e: returnedEnts[0], name: '杭州联川基因芯片科技有限公司' } : k === 5 ? { on: '2015-09-22', e: returnedEnts[1], name: null } : k === 9 ? { on: '2015-12-08', e: null, name: '杭州烯导新材料科技有限公司' } : k === 13 ? { on: '2016-06-20', e: returnedEnts[2], name: null } : null;
    return {
      name,
      country,
      city,
      field,
      investedOn: back && investedOn > back.on ? dateIn(rnd, '2012-06-01', maxDate('2012-06-01', back.on)) : investedOn,
      amountFen: rnd.int(60, 500) * 10_000_00,
      returnedOn: back?.on ?? null,
      returnedEnterpriseId: back?.e?.id ?? null,
      returnedName: back ? (back.e?.name ?? back.name) : null,
      returnedDistrictId: back ? (back.e?.districtId ?? ds[5].id) : null,
      createdBy: officer?.id ?? null,
    };
  });
  const ovRows = await tx.insert(overseasProjects).values(overseas).returning({ id: overseasProjects.id });
  await appendTimeline(
    tx,
    overseas.flatMap((o, k) =>
      o.returnedEnterpriseId ? [{ enterpriseId: o.returnedEnterpriseId, module: 'finance', kind: 'overseas_return', title: `硅谷孵化器海外项目“${o.name}”回杭落户`, refType: 'overseas_project', refId: ovRows[k].id }] : [],
    ),
  );

  await recordAuditMany(tx, ctx, [
    ...fundRows.map((f) => ({ action: 'partner_fund.create', objectType: 'partner_fund', objectId: f.id, after: { name: f.name, programme: f.programme, scaleFen: f.scaleFen, commitmentFen: f.commitmentFen } })),
    ...caseRows.map((c) => ({ action: 'fund_report.create', objectType: 'fund_report', objectId: c.id, after: { seeded: true } })),
    ...ovRows.map((o) => ({ action: 'overseas_project.create', objectType: 'overseas_project', objectId: o.id, after: { seeded: true } })),
  ]);
  return { funds: fundRows.length, investments: invs.length };
}
