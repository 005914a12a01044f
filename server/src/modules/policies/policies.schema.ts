import { z } from 'zod';
import { POLICY_STATUSES } from '../../db/schema/index.js';

const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), '日期无效');

export const POLICY_STATUS_NAMES = { in_force: '现行有效', repealed: '已废止', amended: '已修订' } as const;
export const CITATION_TYPES = ['call', 'programme', 'recognition_type'] as const;
export const CITATION_TYPE_NAMES = { call: '申报通知（指南）', programme: '科技计划', recognition_type: '认定类别' } as const;

const statusField = z.enum(POLICY_STATUSES, { message: '状态应为 in_force（现行有效）、repealed（已废止）或 amended（已修订）' });
export const idParam = z.object({ id: z.coerce.number().int().positive().max(2147483647) });

export const listQuery = z.object({
  q: z.string().trim().max(50, '检索词不超过50个字').optional().describe('标题、文号、发文机关或全文，空格分隔的词须同时出现'),
  status: statusField.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100000).default(0),
});

const fields = {
  title: z.string({ message: '请填写标题' }).trim().min(4, '标题至少4个字').max(200, '标题不超过200个字'),
  docNo: z.string().trim().max(60, '文号不超过60个字').nullable().optional(),
  issuer: z.string({ message: '请填写发文机关' }).trim().min(2, '发文机关至少2个字').max(100, '发文机关不超过100个字'),
  issuedOn: isoDay.nullable().optional(),
  effectiveOn: isoDay.nullable().optional(),
  expiresOn: isoDay.nullable().optional(),
  status: statusField.default('in_force'),
  summary: z.string().trim().max(500, '摘要不超过500个字').nullable().optional(),
  body: z.string().trim().max(200000, '全文不超过20万字').nullable().optional(),
};
export const createBody = z.object(fields);
export const patchBody = z.object({
  version: z.number({ message: '请提供版本号' }).int().min(1),
  title: fields.title.optional(),
  docNo: fields.docNo,
  issuer: fields.issuer.optional(),
  issuedOn: fields.issuedOn,
  effectiveOn: fields.effectiveOn,
  expiresOn: fields.expiresOn,
  status: statusField.optional(),
  summary: fields.summary,
  body: fields.body,
});

export const citationBody = z.object({
  objectType: z.enum(CITATION_TYPES, { message: '引用对象应为 call（申报通知）、programme（科技计划）或 recognition_type（认定类别）' }),
  objectId: z.string({ message: '请填写引用对象' }).trim().min(1, '请填写引用对象').max(40, '引用对象不超过40个字'),
});
export const citationQuery = citationBody;

export const policyItem = z.object({
  id: z.number(),
  title: z.string(),
  docNo: z.string().nullable(),
  issuer: z.string(),
  issuedOn: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  status: statusField,
  statusName: z.string(),
  summary: z.string().nullable(),
  hasFile: z.boolean(),
  snippet: z.string().nullable(),
});
export const policyPage = z.object({ total: z.number(), items: z.array(policyItem) });
export const citationView = z.object({ objectType: z.string(), objectTypeName: z.string(), objectId: z.string(), label: z.string() });
export const policyDetail = policyItem.extend({
  body: z.string().nullable(),
  fileName: z.string().nullable(),
  fileSize: z.number().nullable(),
  version: z.number(),
  citations: z.array(citationView),
});
export const citedList = z.object({ items: z.array(policyItem) });
