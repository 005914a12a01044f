import { z } from 'zod';
import { ENTERPRISE_SIZES } from '../../db/schema/index.js';
import { limitSchema } from '../../http/pagination.js';
import { businessToday } from '../../lib/clock.js';
import { hasAtMostTwoDecimals } from '../../lib/money.js';
import { isValidIdNumber, isValidPhone } from '../../lib/pii.js';
import { USCC_MESSAGES, usccProblem } from '../../lib/uscc.js';

/** The eight technical domains of the national high-tech enterprise rules, plus "other". */
export const INDUSTRIES = [
  '电子信息',
  '生物与新医药',
  '航空航天',
  '新材料',
  '高技术服务',
  '新能源与节能',
  '资源与环境',
  '先进制造与自动化',
  '其他',
] as const;

export const SIZE_NAMES: Record<(typeof ENTERPRISE_SIZES)[number], string> = {
  micro: '微型',
  small: '小型',
  medium: '中型',
  large: '大型',
};

export const usccField = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .superRefine((v, ctx) => {
    const problem = usccProblem(v);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: USCC_MESSAGES[problem] });
    }
  });

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), '日期无效')
  .refine((v) => v >= '1949-10-01' && v <= businessToday(), '成立日期应在1949-10-01至今天之间');

const optionalText = (max: number) => z.string().trim().max(max, `不超过${max}个字符`).optional().nullable();
const phone = z.string().trim().refine(isValidPhone, '电话号码格式不正确（手机11位或区号+号码）').optional().nullable();

export const enterpriseFields = {
  name: z.string().trim().min(2, '企业名称至少2个字').max(100, '企业名称不超过100个字'),
  district: z.string().trim().min(1, '请选择所属区县').max(32),
  registeredOn: isoDate,
  industry: z.enum(INDUSTRIES, { message: `行业应为：${INDUSTRIES.join('、')}` }),
  size: z.enum(ENTERPRISE_SIZES, { message: '规模应为 micro/small/medium/large' }).optional().nullable(),
  registeredCapital: z
    .number()
    .min(0, '注册资本不能为负')
    .max(1e12, '注册资本过大')
    .refine(hasAtMostTwoDecimals, '金额最多两位小数')
    .optional()
    .nullable(),
  employees: z.number().int('职工人数应为整数').min(0).max(1_000_000).optional().nullable(),
  address: optionalText(200),
  website: optionalText(200),
  legalRepName: optionalText(32),
  legalRepPhone: phone,
  legalRepIdNumber: z.string().trim().refine(isValidIdNumber, '身份证号码格式或校验位不正确').optional().nullable(),
  contactName: optionalText(32),
  contactPhone: phone,
};

export const createEnterpriseBody = z.object({ uscc: usccField, ...enterpriseFields });
export type CreateEnterpriseInput = z.infer<typeof createEnterpriseBody>;

export const patchEnterpriseBody = createEnterpriseBody
  .partial()
  .extend({ version: z.number({ message: '缺少版本号 version' }).int().positive() });
export type PatchEnterpriseInput = z.infer<typeof patchEnterpriseBody>;

export const enterpriseQuery = z.object({
  q: z.string().trim().max(100, '搜索词不超过100个字').optional(),
  district: z.string().trim().max(32).optional(),
  industry: z.enum(INDUSTRIES).optional(),
  size: z.enum(ENTERPRISE_SIZES).optional(),
  sort: z.enum(['id', 'name', 'registeredOn']).default('id'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: limitSchema,
  cursor: z.string().max(500).optional(),
});
export type EnterpriseQuery = z.infer<typeof enterpriseQuery>;
export const exportQuery = enterpriseQuery.omit({ limit: true, cursor: true });

export const enterpriseItem = z.object({
  id: z.number(),
  uscc: z.string(),
  name: z.string(),
  districtId: z.number(),
  districtCode: z.string(),
  districtName: z.string(),
  registeredOn: z.string(),
  industry: z.string(),
  size: z.enum(ENTERPRISE_SIZES).nullable(),
  sizeName: z.string().nullable(),
  employees: z.number().nullable(),
  version: z.number(),
});

export const enterpriseDetail = enterpriseItem.extend({
  registeredCapital: z.number().nullable(),
  address: z.string().nullable(),
  website: z.string().nullable(),
  legalRepName: z.string().nullable(),
  legalRepPhone: z.string().nullable().describe('masked'),
  legalRepIdNumber: z.string().nullable().describe('masked'),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable().describe('masked'),
  createdAt: z.date(),
  updatedAt: z.date(),
  timeline: z.array(
    z.object({
      id: z.number(),
      occurredAt: z.date(),
      module: z.string(),
      kind: z.string(),
      title: z.string(),
      refType: z.string().nullable(),
      refId: z.string().nullable(),
    }),
  ),
});

export const enterprisePage = z.object({ items: z.array(enterpriseItem), nextCursor: z.string().nullable() });
export const idParam = z.object({ id: z.coerce.number().int().positive().max(2147483647) });
