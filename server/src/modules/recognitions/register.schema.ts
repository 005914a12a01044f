import { z } from 'zod';
import { RECOGNITION_TYPES } from '../../db/schema/index.js';
import { limitSchema } from '../../http/pagination.js';

export const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), '日期无效');

const typeField = z.enum(RECOGNITION_TYPES, { message: `认定类型应为：${RECOGNITION_TYPES.join('、')}` });
export const REGISTER_STATUSES = ['valid', 'expired', 'revoked'] as const;
const yearField = z.coerce.number({ message: '年度应为数字' }).int('年度应为整数').min(1990, '年度应在1990至2100之间').max(2100, '年度应在1990至2100之间');

export const registerFilterQuery = z.object({
  type: typeField.optional(),
  year: yearField.optional(),
  district: z.string().trim().min(1).max(32).optional().describe('区县名称或6位行政区划代码'),
  status: z.enum(REGISTER_STATUSES, { message: '状态应为 valid（有效）、expired（已过期）或 revoked（已撤销）' }).optional(),
  on: isoDay.optional().describe('判断状态的日期，默认今天（北京时间）'),
  enterpriseId: z.coerce.number().int().positive().max(2147483647).optional(),
  q: z.string().trim().max(100, '搜索词不超过100个字').optional().describe('企业名称、统一社会信用代码或证书编号'),
});
export const registerListQuery = registerFilterQuery.extend({ cursor: z.string().max(500).optional(), limit: limitSchema });
export type RegisterFilterQuery = z.infer<typeof registerFilterQuery>;
export type RegisterListQuery = z.infer<typeof registerListQuery>;

export const countsQuery = z.object({ year: yearField, district: z.string().trim().min(1).max(32).optional() });

const statusField = z.enum(['valid', 'expired', 'revoked', 'pending']).describe('valid 有效 · expired 已过期 · revoked 已撤销 · pending 尚未生效');

export const registerItem = z.object({
  id: z.number(),
  type: typeField,
  typeName: z.string(),
  certificateNo: z.string(),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  uscc: z.string(),
  districtId: z.number(),
  districtName: z.string(),
  issuedOn: z.string(),
  validUntil: z.string().nullable().describe('null：长期有效（动态管理，直至撤销）'),
  revokedOn: z.string().nullable(),
  status: statusField,
  statusName: z.string(),
});
export const registerPage = z.object({ items: z.array(registerItem), nextCursor: z.string().nullable() });

export const registerDetail = registerItem.extend({
  districtCode: z.string(),
  applicationId: z.number().nullable(),
  statusOn: z.string().describe('状态所指的日期（今天）'),
  revocation: z
    .object({ effectiveOn: z.string(), reason: z.string(), revokedBy: z.string().nullable() })
    .nullable(),
  expiryRecordedAt: z.date().nullable(),
  createdAt: z.date(),
});

export const countsResult = z.object({
  year: z.number(),
  districtId: z.number().nullable(),
  items: z.array(z.object({ type: typeField, typeName: z.string(), valid: z.number().describe('当年12月31日有效'), issued: z.number().describe('当年新认定') })),
});

export const revokeBody = z.object({
  reason: z.string({ message: '请填写撤销原因' }).trim().min(4, '撤销原因至少4个字').max(500, '撤销原因不超过500个字'),
  effectiveOn: isoDay.describe('撤销生效日期：当日起不再有效'),
});
export type RevokeInput = z.infer<typeof revokeBody>;

export const idParam = z.object({ id: z.coerce.number().int().positive().max(2147483647) });
