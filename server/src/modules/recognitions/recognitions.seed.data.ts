import type { RecognitionType } from '../../db/schema/index.js';
import type { Random } from '../../lib/random.js';
import { HNTE_DOMAINS } from '../rules/index.js';
import type { ApplicationData, ApplicationDraft, IpItem } from './applications.form.js';

/** The enterprise as the application form needs it. */
export interface Applicant {
  id: number;
  name: string;
  districtId: number;
  registeredOn: string;
  industry: string;
  contactName: string | null;
  employees: number | null;
}

const IP_TITLES = ['一种基于深度学习的图像识别方法', '一种低功耗无线传感节点', '智能仓储调度管理系统V2.0', '一种高精度伺服电机控制装置', '一种可降解复合包装材料及其制备方法', '一种光伏组件清洗机器人', '工业设备远程运维平台V1.0', '一种污水深度处理装置', '一种微流控芯片检测装置', '一种锂电池极片涂布设备'];
const PRODUCTS = ['智能控制终端', '数据分析平台', '工业传感器模组', '检测试剂盒', '节能控制系统', '精密加工部件', '环境监测设备', '软件技术服务'];

const round2 = (x: number) => Math.round(x * 100) / 100;
const round0 = (x: number) => Math.round(x / 1000) * 1000;

/** The domain of an enterprise's industry (the hnte domains; '其他' maps to 高技术服务). */
export function domainOf(industry: string): (typeof HNTE_DOMAINS)[number] {
  return (HNTE_DOMAINS as readonly string[]).includes(industry) ? (industry as (typeof HNTE_DOMAINS)[number]) : '高技术服务';
}

/** The criteria fields each type asks for (rules.data BUILTIN_CRITERIA requiredFields), plausible passing values. */
function criteriaFields(type: RecognitionType, rnd: Random, sales: number, employees: number, registeredOn: string): Record<string, number> {
  const years = 2016 - Number(registeredOn.slice(0, 4));
  switch (type) {
    case 'municipal_hte':
      return { stStaffRatio: round2(0.15 + rnd.next() * 0.2), rdRatio: round2(0.04 + rnd.next() * 0.03), hightechRevenueRatio: round2(0.6 + rnd.next() * 0.3) };
    case 'eagle':
      return { yearsSinceRegistration: Math.max(1, years), salesRevenue: Math.min(sales, 25_000_000), stStaffRatio: round2(0.35 + rnd.next() * 0.3) };
    case 'qinglan':
      return { yearsSinceRegistration: Math.max(1, Math.min(3, years)), founderEquityRatio: round2(0.35 + rnd.next() * 0.3) };
    case 'rd_center_provincial':
    case 'rd_center_municipal':
      return { rdStaff: Math.max(12, Math.round(employees * 0.2)), rdRatio: round2(0.035 + rnd.next() * 0.03), rdEquipmentValue: round0(1_500_000 + rnd.next() * 4_000_000) };
    case 'agri_enterprise':
      return { agriRevenueRatio: round2(0.65 + rnd.next() * 0.2), stStaffRatio: round2(0.12 + rnd.next() * 0.1), rdRatio: round2(0.025 + rnd.next() * 0.02) };
    default:
      return {};
  }
}

/**
 * A complete application form (applications.form.ts applicationData) for the enterprise: three
 * fiscal years 2013–2015, last year's revenue, IP list, products, conversions. `weak` makes the
 * hnte high-tech revenue share fall short (a case the reviewers reject).
 */
export function applicationDataFor(rnd: Random, type: RecognitionType, e: Applicant, opts: { weak?: boolean } = {}): ApplicationData {
  const employees = Math.max(25, e.employees ?? 60);
  const stEmployees = Math.max(4, Math.round(employees * (0.18 + rnd.next() * 0.2)));
  const base = round0(8_000_000 + rnd.next() * 60_000_000);
  const firstYear = Math.min(2015, Math.max(2013, Number(e.registeredOn.slice(0, 4)) + 1));
  const financials = [];
  for (let y = firstYear, sales = base; y <= 2015; y++, sales = round0(sales * (1.15 + rnd.next() * 0.25))) {
    const rd = round0(sales * (0.055 + rnd.next() * 0.03));
    const assets = round0(sales * (0.8 + rnd.next() * 0.4));
    financials.push({
      year: y,
      salesRevenue: sales,
      totalAssets: assets,
      totalLiabilities: round0(assets * (0.3 + rnd.next() * 0.2)),
      rdExpenses: rd,
      rdDomestic: round0(rd * (0.85 + rnd.next() * 0.15)),
      totalCostExpenses: round0(sales * (0.75 + rnd.next() * 0.15)),
    });
  }
  const last = financials[financials.length - 1];
  const totalRevenue = round0(last.salesRevenue * 1.03);
  const ipList: IpItem[] = [];
  const nIp = 2 + Math.floor(rnd.next() * 5);
  for (let i = 0; i < nIp; i++) {
    const kind = i === 0 && rnd.next() < 0.7 ? 'invention' : rnd.pick(['utility_model', 'software', 'utility_model', 'design'] as const);
    const year = 2012 + Math.floor(rnd.next() * 4);
    ipList.push({
      title: rnd.pick(IP_TITLES),
      kind,
      number: kind === 'software' ? `${year}SR${String(100000 + Math.floor(rnd.next() * 899999))}` : `ZL${year}${kind === 'invention' ? '1' : kind === 'design' ? '3' : '2'}${String(1000000 + Math.floor(rnd.next() * 8999999))}.${Math.floor(rnd.next() * 10)}`,
      grantedOn: `${year}-${String(1 + Math.floor(rnd.next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd.next() * 28)).padStart(2, '0')}`,
    });
  }
  const share = opts.weak ? 0.52 : 0.68 + rnd.next() * 0.2;
  const hightech = round0(totalRevenue * share);
  const p1 = rnd.pick(PRODUCTS);
  const p2 = rnd.pick(PRODUCTS.filter((p) => p !== p1));
  return {
    profile: {
      contactName: e.contactName ?? '王经理',
      contactPhone: `0571-8${String(1000000 + Math.floor(rnd.next() * 8999999))}`,
      employees,
      stEmployees,
      domain: domainOf(e.industry),
      registeredOn: e.registeredOn,
      registeredInChina: true,
      majorIncident: false,
      restrictedIndustry: false,
      seriousDishonesty: false,
    },
    financials,
    lastYear: { totalRevenue, highTechRevenue: hightech },
    ipList,
    products: [
      { name: p1, revenue: hightech, highTech: true },
      { name: p2, revenue: totalRevenue - hightech, highTech: false },
    ],
    conversions: financials.map(() => 2 + Math.floor(rnd.next() * 4)),
    direct: { validHnte: false, nationalAwardTop3: false, provincialRdInstitution: false, ledStandard: false },
    fields: criteriaFields(type, rnd, last.salesRevenue, employees, e.registeredOn),
  };
}

/** A draft the enterprise has started: the profile and one fiscal year. */
export function draftDataFor(rnd: Random, type: RecognitionType, e: Applicant): ApplicationDraft {
  const full = applicationDataFor(rnd, type, e);
  return { profile: full.profile, financials: full.financials.slice(0, 1), lastYear: {}, ipList: full.ipList.slice(0, 1), products: [], conversions: [], direct: {}, fields: {} };
}
