import { z } from 'zod';
import { APPLICATION_STATUSES, RECOGNITION_TYPES } from '../../db/schema/index.js';
import { limitSchema } from '../../http/pagination.js';
import { applicationDraft, formSpec } from './applications.form.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, '日期无效');

export const recognitionType = z.enum(RECOGNITION_TYPES, { error: '认定类型不正确' });
export const applicationStatus = z.enum(APPLICATION_STATUSES, { error: '申报状态不正确' });
const year = z.coerce.number({ error: '年度须为数字' }).int('年度须为整数').min(2000, '年度不早于2000').max(2100, '年度不晚于2100');

export const idParam = z.object({ id: z.coerce.number().int().positive().max(2147483647) });
export const attachmentParams = idParam.extend({ attachmentId: z.coerce.number().int().positive().max(2147483647) });
export const formParams = z.object({ type: recognitionType, version: z.coerce.number().int().positive().max(10000) });
export const formTypeParams = z.object({ type: recognitionType });

// ---- calls ----

export const callQuery = z.object({ type: recognitionType.optional(), year: year.optional() });
const callFields = {
  type: recognitionType,
  year: z.number({ error: '请填写年度' }).int('年度须为整数').min(2000, '年度不早于2000').max(2100, '年度不晚于2100'),
  batch: z.number({ error: '批次须为整数' }).int('批次须为整数').min(1, '批次从1开始').max(50, '批次不超过50').default(1),
  title: z.string({ error: '请填写通知标题' }).trim().min(4, '通知标题至少4个字').max(100, '通知标题不超过100个字'),
  opensOn: isoDate,
  closesOn: isoDate,
  formVersion: z.number({ error: '请填写申报表版本' }).int('申报表版本须为整数').positive('申报表版本须为正整数'),
  description: z.string().trim().max(2000, '说明不超过2000个字').nullish(),
};
export const createCallBody = z.object(callFields).superRefine((v, ctx) => {
  if (v.closesOn < v.opensOn) {
    ctx.addIssue({ code: 'custom', path: ['closesOn'], message: '截止日期不能早于开始日期' });
  }
});
export const patchCallBody = z
  .object({
    batch: callFields.batch.optional(),
    title: callFields.title.optional(),
    opensOn: isoDate.optional(),
    closesOn: isoDate.optional(),
    formVersion: callFields.formVersion.optional(),
    description: callFields.description,
  })
  .refine((v) => Object.keys(v).length > 0, '没有要修改的内容');
export const callView = z.object({
  id: z.number(),
  type: recognitionType,
  typeName: z.string(),
  year: z.number(),
  batch: z.number(),
  title: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  formVersion: z.number(),
  description: z.string().nullable(),
  state: z.enum(['upcoming', 'open', 'closed']),
  stateName: z.string(),
});
export const callList = z.object({ items: z.array(callView) });

// ---- forms ----

export const formView = z.object({ type: recognitionType, typeName: z.string(), version: z.number(), spec: formSpec, publishedAt: z.string() });
export const publishFormBody = z.object({ spec: formSpec });

// ---- applications ----

export const applicationQuery = z.object({
  type: recognitionType.optional(),
  year: year.optional(),
  district: z.string().trim().max(32).optional(),
  status: applicationStatus.optional(),
  limit: limitSchema,
  cursor: z.string().max(500).optional(),
});
export const exportQuery = applicationQuery.omit({ limit: true, cursor: true });
export const countsQuery = applicationQuery.omit({ limit: true, cursor: true, status: true });

export const applicationItem = z.object({
  id: z.number(),
  callId: z.number(),
  type: recognitionType,
  typeName: z.string(),
  year: z.number(),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  uscc: z.string(),
  districtId: z.number(),
  districtName: z.string(),
  formVersion: z.number(),
  status: applicationStatus,
  statusName: z.string(),
  applicationDate: z.string().nullable(),
  submittedAt: z.string().nullable(),
  dueOn: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export const applicationPage = z.object({ items: z.array(applicationItem), nextCursor: z.string().nullable() });

export const counts = z.object({ items: z.array(z.object({ status: applicationStatus, statusName: z.string(), count: z.number() })), total: z.number() });

const conditionView = z.object({
  code: z.string(),
  label: z.string(),
  passed: z.boolean(),
  status: z.enum(['passed', 'failed', 'pending', 'waived']),
  value: z.unknown(),
  threshold: z.unknown(),
  note: z.string().nullable(),
});
export const assessmentView = z.object({
  type: recognitionType,
  complete: z.boolean(),
  issues: z.array(z.object({ field: z.string(), message: z.string() })),
  eligible: z.boolean().nullable(),
  pending: z.array(z.string()),
  conditions: z.array(conditionView),
  detail: z.unknown(),
  assessedOn: z.string(),
});

export const attachmentView = z.object({ id: z.number(), code: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number(), sha256: z.string(), createdAt: z.string() });

export const applicationDetail = applicationItem.omit({ updatedAt: true }).extend({
  callTitle: z.string(),
  callClosesOn: z.string(),
  nextStep: z.string().nullable(),
  editable: z.boolean(),
  data: z.record(z.string(), z.unknown()),
  assessment: z.record(z.string(), z.unknown()).nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  steps: z.array(z.object({ key: z.string(), title: z.string(), state: z.enum(['done', 'current', 'waiting', 'error']) })),
  events: z.array(
    z.object({
      id: z.number(),
      action: z.string(),
      actionName: z.string(),
      fromStatus: applicationStatus.nullable(),
      toStatus: applicationStatus,
      toStatusName: z.string(),
      comment: z.string().nullable(),
      actorLabel: z.string(),
      dueOn: z.string().nullable(),
      occurredAt: z.string(),
    }),
  ),
  attachments: z.array(attachmentView),
});

export const createApplicationBody = z.object({ callId: z.number({ error: '请选择申报通知' }).int().positive() });
export const patchApplicationBody = z.object({ data: applicationDraft, version: z.number({ error: '缺少版本号 version' }).int().positive() });
export const assessBody = z.object({ data: applicationDraft.optional() }).default({});
export const submitBody = z.object({ version: z.number().int().positive().optional() }).default({});
export const reviewBody = z.object({
  decision: z.enum(['pass', 'return', 'reject'], { error: '审核结论须为 pass（通过）、return（退回修改）或 reject（不通过）' }),
  comment: z.string().trim().max(1000, '审核意见不超过1000个字').nullish(),
});
export const attachmentQuery = z.object({ code: z.string({ error: '请指定附件类别 code' }).regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, '附件类别不正确') });
