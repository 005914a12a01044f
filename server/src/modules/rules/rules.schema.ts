import { z } from 'zod';
import { hasAtMostTwoDecimals } from '../../lib/money.js';
import { CRITERIA_TYPES, HNTE_DOMAINS, RULE_SET_TYPES, criteriaSpec } from './rules.params.js';

const MAX_MONEY = 1e13;

/** A type error that says "required" when the field is missing, else what type was expected. */
const typeError = (label: string, expected: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? `${label}为必填项` : `${label}${expected}`),
});

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, '日期无效')
  .refine((v) => v >= '1949-10-01' && v <= '2100-12-31', '日期应在1949-10-01至2100-12-31之间');

/** An amount in yuan, at most two decimals. */
const money = (label: string, { signed = false } = {}) =>
  z
    .number(typeError(label, '须为数字（元）'))
    .finite(`${label}须为有限数字`)
    .min(signed ? -MAX_MONEY : 0, signed ? `${label}超出范围` : `${label}不能为负数`)
    .max(MAX_MONEY, `${label}超出范围`)
    .refine(hasAtMostTwoDecimals, `${label}最多两位小数`);

const count = (label: string) =>
  z.number(typeError(label, '须为整数')).int(`${label}须为整数`).min(0, `${label}不能为负数`).max(10_000_000, `${label}超出范围`);

const ipCounts = z.object({ classI: count('Ⅰ类知识产权数'), classII: count('Ⅱ类知识产权数') });

const hnteYear = z
  .object({
    year: z.number().int('会计年度须为整数').min(1990, '会计年度过早').max(2100, '会计年度超出范围'),
    salesRevenue: money('销售收入'),
    netAssets: money('净资产', { signed: true }),
    rdExpenses: money('研发费用'),
    rdDomestic: money('境内研发费用'),
  })
  .superRefine((y, ctx) => {
    if (y.rdDomestic > y.rdExpenses) {
      ctx.addIssue({ code: 'custom', path: ['rdDomestic'], message: '境内研发费用不能大于研发费用总额' });
    }
  });

export const hnteInput = z
  .object({
    applicationDate: isoDate,
    registeredOn: isoDate,
    domain: z.enum(HNTE_DOMAINS, { message: `技术领域须为国家重点支持的八大领域之一：${HNTE_DOMAINS.join('、')}` }),
    employees: z.number(typeError('职工总数', '须为整数')).int('职工总数须为整数').min(1, '职工总数须大于0').max(10_000_000, '职工总数超出范围'),
    stEmployees: count('科技人员数'),
    years: z.array(hnteYear).min(1, '至少填写一个会计年度的财务数据').max(3, '最多填写近三个会计年度'),
    lastYear: z
      .object({ totalRevenue: money('上年度总收入'), highTechRevenue: money('上年度高新技术产品（服务）收入') })
      .superRefine((l, ctx) => {
        if (l.highTechRevenue > l.totalRevenue) {
          ctx.addIssue({ code: 'custom', path: ['highTechRevenue'], message: '高新技术产品（服务）收入不能大于总收入' });
        }
      }),
    ip: ipCounts,
    conversions: z.array(count('成果转化数')).max(3, '成果转化最多填写近三年').default([]),
    majorIncident: z.boolean({ message: '请选择是否发生重大安全、质量事故或严重环境违法行为' }),
    innovationScore: z.number({ message: '创新能力评分须为数字' }).min(0, '创新能力评分不能为负数').max(100, '创新能力评分不超过100').nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.stEmployees > v.employees) {
      ctx.addIssue({ code: 'custom', path: ['stEmployees'], message: '科技人员数不能多于职工总数' });
    }
    if (v.registeredOn > v.applicationDate) {
      ctx.addIssue({ code: 'custom', path: ['registeredOn'], message: '注册日期不能晚于申请日期' });
    }
    const appYear = Number(v.applicationDate.slice(0, 4));
    v.years.forEach((y, i) => {
      if (i > 0 && y.year !== v.years[i - 1].year + 1) {
        ctx.addIssue({ code: 'custom', path: ['years', i, 'year'], message: '会计年度须连续且从早到晚排列' });
      }
      if (y.year >= appYear) {
        ctx.addIssue({ code: 'custom', path: ['years', i, 'year'], message: '会计年度须早于申请年度' });
      }
    });
  });
export type HnteInput = z.infer<typeof hnteInput>;

const scalar = z.union([z.number(), z.string(), z.boolean(), z.null()]);
const conditionValue = z.union([scalar, z.array(z.string()), z.record(z.string(), z.number())]);

export const conditionResult = z.object({
  code: z.string(),
  label: z.string(),
  passed: z.boolean(),
  status: z.enum(['passed', 'failed', 'pending', 'waived']),
  value: conditionValue,
  threshold: conditionValue,
  note: z.string().nullable(),
});
export type ConditionResult = z.infer<typeof conditionResult>;

const bandRange = z.object({ band: z.string(), min: z.number(), max: z.number() });
const ruleSetRef = z.object({ type: z.enum(RULE_SET_TYPES), effectiveFrom: z.string(), title: z.string(), source: z.string() });

export const hnteResult = z.object({
  eligible: z.boolean(),
  pending: z.array(z.string()),
  conditions: z.array(conditionResult),
  growth: z.object({
    netAssetGrowth: z.number().nullable(),
    netAssetBand: z.string(),
    salesGrowth: z.number().nullable(),
    salesBand: z.string(),
  }),
  ipQuantityBand: z.string(),
  conversionBand: z.string(),
  conversionAverage: z.number(),
  /** The expert score range of every computed band: experts must score inside it. */
  scoreRanges: z.object({ ipQuantity: bandRange, conversion: bandRange, netAssetGrowth: bandRange, salesGrowth: bandRange }),
  ruleSet: ruleSetRef,
});
export type HnteResult = z.infer<typeof hnteResult>;

export const techSmeInput = z.object({
  evaluationDate: isoDate.optional(),
  registeredInChina: z.boolean({ message: '请选择是否在中国境内（不含港澳台）注册' }),
  employees: z.number(typeError('职工总数', '须为整数')).int('职工总数须为整数').min(1, '职工总数须大于0').max(10_000_000, '职工总数超出范围'),
  stEmployees: count('科技人员数'),
  salesRevenue: money('销售收入'),
  totalAssets: money('资产总额'),
  rdExpenses: money('研发费用'),
  totalCostExpenses: money('成本费用总额'),
  ip: ipCounts,
  restrictedIndustry: z.boolean({ message: '请选择是否属于限制类、淘汰类行业' }),
  majorIncident: z.boolean({ message: '请选择是否发生重大安全、质量事故或严重环境违法行为' }),
  seriousDishonesty: z.boolean({ message: '请选择是否有严重科研失信行为或被列入经营异常名录、严重违法失信名单' }),
  direct: z
    .object({
      validHnte: z.boolean().default(false),
      nationalAwardTop3: z.boolean().default(false),
      provincialRdInstitution: z.boolean().default(false),
      ledStandard: z.boolean().default(false),
    })
    .default({ validHnte: false, nationalAwardTop3: false, provincialRdInstitution: false, ledStandard: false }),
}).superRefine((v, ctx) => {
  if (v.stEmployees > v.employees) {
    ctx.addIssue({ code: 'custom', path: ['stEmployees'], message: '科技人员数不能多于职工总数' });
  }
});
export type TechSmeInput = z.infer<typeof techSmeInput>;

export const techSmeResult = z.object({
  eligible: z.boolean(),
  directQualified: z.boolean(),
  directGrounds: z.array(z.string()),
  conditions: z.array(conditionResult),
  score: z.object({
    stStaff: z.number(),
    rdByRevenue: z.number(),
    rdByCost: z.number(),
    rd: z.number(),
    ip: z.number(),
    total: z.number(),
  }),
  ratios: z.object({ stStaff: z.number(), rdByRevenue: z.number().nullable(), rdByCost: z.number().nullable() }),
  ruleSet: ruleSetRef,
});
export type TechSmeResult = z.infer<typeof techSmeResult>;

// ---- rule sets and criteria records ----

export const ruleSetView = ruleSetRef.extend({ params: z.record(z.string(), z.unknown()), updatedAt: z.string() });
export const ruleSetList = z.object({ items: z.array(ruleSetView) });
export const ruleSetParams = z.object({ type: z.enum(RULE_SET_TYPES, { message: '规则类型须为 hnte 或 tech_sme' }), effectiveFrom: isoDate });
export const ruleSetBody = z.object({
  title: z.string().trim().min(2, '标题至少2个字').max(100, '标题不超过100个字'),
  source: z.string().trim().min(2, '请填写依据文件').max(300, '依据不超过300个字'),
  params: z.record(z.string(), z.unknown()),
});

export const criteriaType = z.enum(CRITERIA_TYPES, { message: `认定类型须为：${CRITERIA_TYPES.join('、')}` });
export const criteriaView = z.object({ type: criteriaType, effectiveFrom: z.string(), spec: criteriaSpec, updatedAt: z.string() });
export const criteriaList = z.object({ items: z.array(criteriaView) });
export const criteriaQuery = z.object({ on: isoDate.optional() });
export const criteriaTypeParams = z.object({ type: criteriaType });
export const criteriaVersionParams = z.object({ type: criteriaType, effectiveFrom: isoDate });
