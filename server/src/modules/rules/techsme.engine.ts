import { fen, gte, parseDecimal, rational, toNumber, type Rational } from './exact.js';
import type { RuleSetSeed } from './rules.data.js';
import type { TechSmeParams } from './rules.params.js';
import type { ConditionResult, TechSmeInput, TechSmeResult } from './rules.schema.js';

const DIRECT_GROUNDS: Record<keyof TechSmeInput['direct'], string> = {
  validHnte: '拥有有效期内高新技术企业资格证书',
  nationalAwardTop3: '近五年内获得过国家级科技奖励，并在获奖单位中排在前三名',
  provincialRdInstitution: '拥有经认定的省部级以上研发机构',
  ledStandard: '近五年内主导制定过国际标准、国家标准或行业标准',
};

/** The score of the first step the ratio reaches (steps best first), else 0. */
export function stepScore(ratio: Rational | null, steps: { min: string; score: number }[]): number {
  if (ratio === null) {
    return 0;
  }
  return steps.find((s) => gte(ratio, parseDecimal(s.min)))?.score ?? 0;
}

export function ipScore(ip: { classI: number; classII: number }, params: TechSmeParams): number {
  if (ip.classI >= 1) {
    return params.ipScores.classI;
  }
  return params.ipScores.classII.find((t) => ip.classII >= t.min)?.score ?? 0;
}

const flag = (passed: boolean): 'passed' | 'failed' => (passed ? 'passed' : 'failed');
const ratioOf = (num: bigint, den: bigint) => (den === 0n ? null : rational(num, den));
const num = (r: Rational | null) => (r === null ? null : toNumber(r));

/** 科技型中小企业评价 (国科发政〔2017〕115号, 2022 revision). Pure. */
export function evaluateTechSme(input: TechSmeInput, ruleSet: RuleSetSeed<TechSmeParams>): TechSmeResult {
  const p = ruleSet.params;
  const sizeOk = input.employees <= p.maxEmployees && fen(input.salesRevenue) <= fen(p.maxSalesRevenue) && fen(input.totalAssets) <= fen(p.maxTotalAssets);
  const incident = input.majorIncident || input.seriousDishonesty;

  const stRatio = rational(input.stEmployees, input.employees);
  const rdRevenue = ratioOf(fen(input.rdExpenses), fen(input.salesRevenue));
  const rdCost = ratioOf(fen(input.rdExpenses), fen(input.totalCostExpenses));
  const stStaff = stepScore(stRatio, p.stStaffScores);
  const rdByRevenue = stepScore(rdRevenue, p.rdByRevenueScores);
  const rdByCost = stepScore(rdCost, p.rdByCostScores);
  const rd = Math.max(rdByRevenue, rdByCost);
  const ip = ipScore(input.ip, p);
  const total = stStaff + rd + ip;

  const basics: ConditionResult[] = [
    {
      code: 'registered_in_china',
      label: '在中国境内（不含港、澳、台地区）注册的居民企业',
      passed: input.registeredInChina,
      status: flag(input.registeredInChina),
      value: input.registeredInChina,
      threshold: true,
      note: null,
    },
    {
      code: 'size_limits',
      label: `职工总数不超过${p.maxEmployees}人、年销售收入不超过${p.maxSalesRevenue / 1e4}万元、资产总额不超过${p.maxTotalAssets / 1e4}万元`,
      passed: sizeOk,
      status: flag(sizeOk),
      value: { employees: input.employees, salesRevenue: input.salesRevenue, totalAssets: input.totalAssets },
      threshold: { employees: p.maxEmployees, salesRevenue: p.maxSalesRevenue, totalAssets: p.maxTotalAssets },
      note: null,
    },
    {
      code: 'not_restricted',
      label: '产品和服务不属于国家规定的禁止、限制和淘汰类',
      passed: !input.restrictedIndustry,
      status: flag(!input.restrictedIndustry),
      value: input.restrictedIndustry,
      threshold: false,
      note: null,
    },
    {
      code: 'no_incident',
      label: '上一年度至今未发生重大安全、重大质量事故和严重环境违法、科研严重失信行为，未列入经营异常名录和严重违法失信名单',
      passed: !incident,
      status: flag(!incident),
      value: incident,
      threshold: false,
      note: null,
    },
  ];
  const basicsOk = basics.every((c) => c.passed);
  const grounds = (Object.keys(DIRECT_GROUNDS) as (keyof TechSmeInput['direct'])[]).filter((k) => input.direct[k]);
  const directQualified = basicsOk && grounds.length > 0;
  const scorePassed = total >= p.passTotal && (!p.requireStStaffScore || stStaff > 0);
  const scoreCondition: ConditionResult = directQualified
    ? { code: 'score', label: '综合评价得分', passed: true, status: 'waived', value: total, threshold: p.passTotal, note: `符合直接确认条件（${grounds.map((g) => DIRECT_GROUNDS[g]).join('；')}），免于评分` }
    : {
        code: 'score',
        label: '综合评价得分',
        passed: scorePassed,
        status: flag(scorePassed),
        value: total,
        threshold: p.passTotal,
        note: `总分${total}分，须不低于${p.passTotal}分${p.requireStStaffScore ? `且科技人员指标得分不为0（当前${stStaff}分）` : ''}`,
      };

  return {
    eligible: basicsOk && (directQualified || scorePassed),
    directQualified,
    directGrounds: directQualified ? grounds.map((g) => DIRECT_GROUNDS[g]) : [],
    conditions: [...basics, scoreCondition],
    score: { stStaff, rdByRevenue, rdByCost, rd, ip, total },
    ratios: { stStaff: toNumber(stRatio), rdByRevenue: num(rdRevenue), rdByCost: num(rdCost) },
    ruleSet: { type: ruleSet.type, effectiveFrom: ruleSet.effectiveFrom, title: ruleSet.title, source: ruleSet.source },
  };
}
