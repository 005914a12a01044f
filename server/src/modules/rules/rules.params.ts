import { z } from 'zod';

/** Rule-set and criteria shapes: the data the engines read, validated on every load and edit. */

/** A ratio threshold as a plain decimal string ("0.05"), so it stays exact. */
export const decimalText = z.string().regex(/^\d+(\.\d+)?$/, '比例须写成小数，如 0.05');

export const HNTE_DOMAINS = ['电子信息', '生物与新医药', '航空航天', '新材料', '高技术服务', '新能源与节能', '资源与环境', '先进制造与自动化'] as const;

const scoreRange = z.tuple([z.number().int().min(0), z.number().int().min(0)]).refine(([lo, hi]) => lo <= hi, '分值区间下限不能大于上限');

/** Bands by a rational rate or ratio, best first; a value takes the first band it reaches. */
const rateBand = z.object({
  band: z.string().min(1).max(2),
  min: z.string().regex(/^-?\d+(\.\d+)?$/, '下限须为小数'),
  /** true: strictly above `min` (the E band "> 0"); false: at or above. */
  strict: z.boolean().default(false),
  score: scoreRange,
});
const fallbackBand = z.object({ band: z.string().min(1).max(2), score: scoreRange });

export const hnteParams = z.object({
  registrationMinYears: z.number().int().min(0).max(10),
  domains: z.array(z.string().min(1)).min(1),
  stStaffMinRatio: decimalText,
  /** R&D intensity threshold by the latest year's sales revenue (yuan); the last tier has no cap. */
  rdRatioTiers: z
    .array(z.object({ maxSalesRevenue: z.number().positive().nullable(), minRatio: decimalText }))
    .min(1)
    .refine((t) => t[t.length - 1].maxSalesRevenue === null, '最后一档不设上限'),
  rdDomesticMinRatio: decimalText,
  hightechRevenueMinRatio: decimalText,
  /** The innovation score must be strictly above this. */
  innovationScoreAbove: z.number().min(0).max(100),
  growthBands: z.array(rateBand).min(1),
  growthFallback: fallbackBand,
  /** IP quantity: any Class I right gives the first band; otherwise Class II counts. */
  ipQuantity: z.object({
    classI: z.object({ band: z.string(), score: scoreRange }),
    classII: z.array(z.object({ min: z.number().int().min(1), band: z.string(), score: scoreRange })).min(1),
    none: fallbackBand,
  }),
  /** Conversions: yearly average over the years given. */
  conversionBands: z.array(z.object({ band: z.string(), minAverage: decimalText, score: scoreRange })).min(1),
  conversionFallback: fallbackBand,
  validityYears: z.number().int().min(1).max(10),
});
export type HnteParams = z.infer<typeof hnteParams>;

const scoreStep = z.object({ min: decimalText, score: z.number().int().min(0).max(100) });

export const techSmeParams = z.object({
  maxEmployees: z.number().int().positive(),
  maxSalesRevenue: z.number().positive(),
  maxTotalAssets: z.number().positive(),
  stStaffScores: z.array(scoreStep).min(1),
  rdByRevenueScores: z.array(scoreStep).min(1),
  rdByCostScores: z.array(scoreStep).min(1),
  ipScores: z.object({
    classI: z.number().int().min(0).max(100),
    classII: z.array(z.object({ min: z.number().int().min(1), score: z.number().int().min(0).max(100) })).min(1),
  }),
  passTotal: z.number().int().min(0).max(100),
  /** The S&T staff score must be above zero as well. */
  requireStStaffScore: z.boolean(),
});
export type TechSmeParams = z.infer<typeof techSmeParams>;

export const RULE_SET_TYPES = ['hnte', 'tech_sme'] as const;
export type RuleSetType = (typeof RULE_SET_TYPES)[number];
export const RULE_SET_NAMES: Record<RuleSetType, string> = { hnte: '高新技术企业认定', tech_sme: '科技型中小企业评价' };

/** The recognition types whose criteria are configurable records. */
export const CRITERIA_TYPES = [
  'tase',
  'municipal_hte',
  'eagle',
  'qinglan',
  'rd_center_provincial',
  'rd_center_municipal',
  'research_institute_provincial',
  'agri_enterprise',
  'agri_social_rd_center',
  'leading_team',
] as const;
export type CriteriaType = (typeof CRITERIA_TYPES)[number];

export const REVIEWER_LEVELS = ['district', 'city', 'expert'] as const;

const code = z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, '代码须为字母开头的字母、数字或下划线');

export const criteriaSpec = z
  .object({
    name: z.string().trim().min(2, '名称至少2个字').max(60, '名称不超过60个字'),
    source: z.string().trim().max(200, '依据不超过200个字').nullable(),
    requiredFields: z.array(z.object({ field: code, label: z.string().trim().min(1, '请填写字段名称').max(40) })).max(60),
    thresholds: z
      .array(
        z.object({
          code,
          label: z.string().trim().min(1, '请填写条件名称').max(60),
          field: code,
          op: z.enum(['gte', 'gt', 'lte', 'lt', 'eq'], { message: '比较方式须为 gte/gt/lte/lt/eq' }),
          value: z.number().finite(),
          unit: z.string().max(10).nullable().default(null),
        }),
      )
      .max(40),
    requiredAttachments: z
      .array(
        z.object({
          code,
          name: z.string().trim().min(1, '请填写附件名称').max(60),
          maxSizeMb: z.number().positive('大小上限须大于0').max(50, '单个附件不超过50MB'),
          types: z.array(z.enum(['pdf', 'jpg', 'png', 'doc', 'docx', 'xls', 'xlsx', 'zip'], { message: '附件类型不支持' })).min(1, '至少允许一种文件类型'),
        }),
      )
      .max(30),
    reviewerLevels: z.array(z.enum(REVIEWER_LEVELS, { message: '审核层级须为 district/city/expert' })).min(1, '至少一个审核层级'),
    validityYears: z.number().int().min(1).max(10).nullable(),
  })
  .superRefine((spec, ctx) => {
    const fields = new Set(spec.requiredFields.map((f) => f.field));
    const dup = (list: string[], path: string) => {
      const seen = new Set<string>();
      list.forEach((v, i) => {
        if (seen.has(v)) {
          ctx.addIssue({ code: 'custom', path: [path, i], message: `重复：${v}` });
        }
        seen.add(v);
      });
    };
    dup(spec.requiredFields.map((f) => f.field), 'requiredFields');
    dup(spec.thresholds.map((t) => t.code), 'thresholds');
    dup(spec.requiredAttachments.map((a) => a.code), 'requiredAttachments');
    dup(spec.reviewerLevels, 'reviewerLevels');
    spec.thresholds.forEach((t, i) => {
      if (!fields.has(t.field)) {
        ctx.addIssue({ code: 'custom', path: ['thresholds', i, 'field'], message: `条件引用的字段“${t.field}”不在必填字段中` });
      }
    });
  });
export type CriteriaSpec = z.infer<typeof criteriaSpec>;
