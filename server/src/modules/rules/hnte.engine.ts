import { add, div, fen, gt, gte, parseDecimal, rational, sub, toNumber, type Rational } from './exact.js';
import type { HnteParams } from './rules.params.js';
import type { RuleSetSeed } from './rules.data.js';
import type { ConditionResult, HnteInput, HnteResult } from './rules.schema.js';

type Band = { band: string; score: [number, number] };

const pct = (r: Rational | null) => (r === null ? '—' : `${(toNumber(r, 6) * 100).toFixed(2)}%`);

/** Same month and day `years` later; 29 February falls back to 28 February (民法典 第二百零二条). */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/**
 * Growth rate over up to three fiscal years, oldest first (工作指引 成长性指标):
 * ½(Y2/Y1 + Y3/Y2) − 1; two years: Y2/Y1 − 1; Y1 = 0: Y3/Y2 − 1; Y2 = 0 or one year: no rate.
 * A negative base (net assets below zero) is treated as the guide treats zero: it is no base.
 */
export function growthRate(values: bigint[]): Rational | null {
  const one = rational(1);
  if (values.length === 2) {
    const [y1, y2] = values;
    return y1 > 0n ? sub(rational(y2, y1), one) : null;
  }
  if (values.length === 3) {
    const [y1, y2, y3] = values;
    if (y2 <= 0n) {
      return null;
    }
    if (y1 <= 0n) {
      return sub(rational(y3, y2), one);
    }
    return sub(div(add(rational(y2, y1), rational(y3, y2)), rational(2)), one);
  }
  return null;
}

export function growthBand(rate: Rational | null, params: HnteParams): Band {
  if (rate !== null) {
    for (const b of params.growthBands) {
      const min = parseDecimal(b.min);
      if (b.strict ? gt(rate, min) : gte(rate, min)) {
        return { band: b.band, score: b.score };
      }
    }
  }
  return params.growthFallback;
}

export function ipQuantityBand(ip: { classI: number; classII: number }, params: HnteParams): Band {
  if (ip.classI >= 1) {
    return params.ipQuantity.classI;
  }
  return params.ipQuantity.classII.find((t) => ip.classII >= t.min) ?? params.ipQuantity.none;
}

/** Yearly average of conversions over the years given (actual years if younger). */
export function conversionBand(conversions: number[], params: HnteParams): Band & { average: Rational } {
  const average = conversions.length ? rational(conversions.reduce((a, b) => a + b, 0), conversions.length) : rational(0);
  const hit = params.conversionBands.find((b) => gte(average, parseDecimal(b.minAverage))) ?? params.conversionFallback;
  return { band: hit.band, score: hit.score, average };
}

/** The R&D intensity threshold set by the latest year's sales revenue. */
export function rdThreshold(latestSalesFen: bigint, params: HnteParams): Rational {
  const tier = params.rdRatioTiers.find((t) => t.maxSalesRevenue === null || latestSalesFen <= fen(t.maxSalesRevenue));
  return parseDecimal((tier ?? params.rdRatioTiers[params.rdRatioTiers.length - 1]).minRatio);
}

function ratioCondition(code: string, label: string, num: bigint, den: bigint, min: Rational, emptyNote: string): ConditionResult {
  if (den === 0n) {
    return { code, label, passed: false, status: 'failed', value: null, threshold: toNumber(min), note: emptyNote };
  }
  const r = rational(num, den);
  const passed = gte(r, min);
  return { code, label, passed, status: passed ? 'passed' : 'failed', value: toNumber(r), threshold: toNumber(min), note: `${pct(r)}，要求不低于${pct(min)}` };
}

const flag = (passed: boolean): 'passed' | 'failed' => (passed ? 'passed' : 'failed');

/** 高新技术企业认定条件 (国科发火〔2016〕32号 第十一条) and the innovation-score bands. Pure. */
export function evaluateHnte(input: HnteInput, ruleSet: RuleSetSeed<HnteParams>): HnteResult {
  const p = ruleSet.params;
  const years = input.years;
  const latest = years[years.length - 1];
  const sum = (pick: (y: HnteInput['years'][number]) => number) => years.reduce((s, y) => s + fen(pick(y)), 0n);

  const eligibleFrom = addYears(input.registeredOn, p.registrationMinYears);
  const registered = input.applicationDate >= eligibleFrom;
  const ipTotal = input.ip.classI + input.ip.classII;
  const inDomain = p.domains.includes(input.domain);
  const stRatio = rational(input.stEmployees, input.employees);
  const stMin = parseDecimal(p.stStaffMinRatio);
  const rdMin = rdThreshold(fen(latest.salesRevenue), p);
  const score = input.innovationScore;

  const conditions: ConditionResult[] = [
    {
      code: 'registered_1y',
      label: `注册成立满${p.registrationMinYears}年`,
      passed: registered,
      status: flag(registered),
      value: input.applicationDate,
      threshold: eligibleFrom,
      note: `注册于${input.registeredOn}，自${eligibleFrom}起可申请`,
    },
    {
      code: 'core_ip',
      label: '拥有核心技术的知识产权（Ⅰ类或Ⅱ类）',
      passed: ipTotal >= 1,
      status: flag(ipTotal >= 1),
      value: ipTotal,
      threshold: 1,
      note: `Ⅰ类${input.ip.classI}项，Ⅱ类${input.ip.classII}项`,
    },
    { code: 'domain', label: '属于国家重点支持的高新技术领域', passed: inDomain, status: flag(inDomain), value: input.domain, threshold: p.domains, note: null },
    {
      code: 'st_staff_ratio',
      label: '科技人员占职工总数比例',
      passed: gte(stRatio, stMin),
      status: flag(gte(stRatio, stMin)),
      value: toNumber(stRatio),
      threshold: toNumber(stMin),
      note: `${input.stEmployees}/${input.employees} = ${pct(stRatio)}，要求不低于${pct(stMin)}`,
    },
    ratioCondition('rd_ratio', `近${years.length}个会计年度研发费用占销售收入比例`, sum((y) => y.rdExpenses), sum((y) => y.salesRevenue), rdMin, '销售收入合计为0，无法计算'),
    ratioCondition('rd_domestic_ratio', '境内研发费用占研发费用总额比例', sum((y) => y.rdDomestic), sum((y) => y.rdExpenses), parseDecimal(p.rdDomesticMinRatio), '研发费用合计为0，无法计算'),
    ratioCondition(
      'hightech_revenue_ratio',
      '上年度高新技术产品（服务）收入占总收入比例',
      fen(input.lastYear.highTechRevenue),
      fen(input.lastYear.totalRevenue),
      parseDecimal(p.hightechRevenueMinRatio),
      '上年度总收入为0，无法计算',
    ),
    {
      code: 'no_major_incident',
      label: '申请前一年内未发生重大安全、重大质量事故或严重环境违法行为',
      passed: !input.majorIncident,
      status: flag(!input.majorIncident),
      value: input.majorIncident,
      threshold: false,
      note: null,
    },
    score === null
      ? { code: 'innovation_score', label: '企业创新能力评价', passed: false, status: 'pending', value: null, threshold: p.innovationScoreAbove, note: `待专家评分，须高于${p.innovationScoreAbove}分` }
      : {
          code: 'innovation_score',
          label: '企业创新能力评价',
          passed: score > p.innovationScoreAbove,
          status: flag(score > p.innovationScoreAbove),
          value: score,
          threshold: p.innovationScoreAbove,
          note: `须高于${p.innovationScoreAbove}分（不含）`,
        },
  ];

  const netRate = growthRate(years.map((y) => fen(y.netAssets)));
  const salesRate = growthRate(years.map((y) => fen(y.salesRevenue)));
  const netBand = growthBand(netRate, p);
  const salesBand = growthBand(salesRate, p);
  const ipBand = ipQuantityBand(input.ip, p);
  const conv = conversionBand(input.conversions, p);
  const range = (b: Band) => ({ band: b.band, min: b.score[0], max: b.score[1] });
  const pending = conditions.filter((c) => c.status === 'pending').map((c) => c.code);

  return {
    eligible: conditions.every((c) => c.passed) && pending.length === 0,
    pending,
    conditions,
    growth: {
      netAssetGrowth: netRate === null ? null : toNumber(netRate),
      netAssetBand: netBand.band,
      salesGrowth: salesRate === null ? null : toNumber(salesRate),
      salesBand: salesBand.band,
    },
    ipQuantityBand: ipBand.band,
    conversionBand: conv.band,
    conversionAverage: toNumber(conv.average),
    scoreRanges: { ipQuantity: range(ipBand), conversion: range(conv), netAssetGrowth: range(netBand), salesGrowth: range(salesBand) },
    ruleSet: { type: ruleSet.type, effectiveFrom: ruleSet.effectiveFrom, title: ruleSet.title, source: ruleSet.source },
  };
}

/** Refuses an expert's score outside the band the engine computed; null when it is inside. */
export function scoreOutsideBand(range: { band: string; min: number; max: number }, score: number, what: string): string | null {
  if (!Number.isFinite(score) || score < range.min || score > range.max) {
    return `${what}评分${score}超出${range.band}档允许范围（${range.min}–${range.max}分）`;
  }
  return null;
}

