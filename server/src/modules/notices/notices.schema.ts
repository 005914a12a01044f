import { z } from 'zod';
import { OBJECTION_STATUSES } from '../../db/schema/index.js';
import { isValidIdNumber, isValidPhone } from '../../lib/pii.js';
import { isoDate } from '../calendar/index.js';

const id = z.coerce.number().int().positive().max(2147483647);
export const idParam = z.object({ id });

const typeField = z.string({ message: '类型不正确' }).trim().regex(/^[a-z0-9_]{1,64}$/, '类型不正确');
/** the instrument whose cases the notice lists (default: recognitions) */
const instrumentField = z.string().trim().regex(/^[a-z0-9_]{1,64}$/, '业务类别不正确').optional();
const yearField = z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确');

export const NOTICE_STATES = ['scheduled', 'open', 'closed'] as const;
/** The name of a notice's state (worked out from its dates), sent as `stateName`. */
export const NOTICE_STATE_NAMES: Record<(typeof NOTICE_STATES)[number], string> = { scheduled: '待发布', open: '公示中', closed: '公示期满' };

// ---------- publish ----------
export const publishBody = z.object({
  instrument: instrumentField,
  subject: typeField,
  year: yearField,
  title: z.string().trim().min(4, '公示标题至少4个字').max(200, '公示标题不超过200个字'),
  body: z.string().trim().max(5000, '公示正文不超过5000个字').optional().nullable(),
  applicationIds: z
    .array(id, { message: '请选择要公示的申报' })
    .min(1, '请至少选择一个申报')
    .max(500, '一次公示不超过500个申报')
    .refine((ids) => new Set(ids).size === ids.length, '申报重复'),
  workingDays: z.number().int().min(1, '公示期至少1个工作日').max(60, '公示期不超过60个工作日').optional(),
  publishedOn: isoDate.optional(),
});
export type PublishInput = z.infer<typeof publishBody>;

export const candidatesQuery = z.object({ instrument: instrumentField, type: typeField, year: yearField });

export const candidateList = z.object({
  type: typeField,
  typeName: z.string(),
  year: z.number(),
  expertReview: z.boolean(),
  defaultWorkingDays: z.number(),
  items: z.array(
    z.object({
      applicationId: z.number(),
      enterpriseId: z.number().nullable(),
      enterpriseName: z.string(),
      districtName: z.string(),
      status: z.string(),
      panelScore: z.number().nullable(),
      submittedAt: z.string().nullable(),
    }),
  ),
});

// ---------- public views ----------
const noticeSummary = z.object({
  id: z.number(),
  instrument: z.string(),
  title: z.string(),
  subject: z.string(),
  subjectName: z.string(),
  year: z.number(),
  publishedOn: z.string(),
  workingDays: z.number(),
  endsOn: z.string(),
  state: z.enum(NOTICE_STATES),
  stateName: z.string(),
  itemCount: z.number(),
});
export const noticeListQuery = z.object({
  instrument: instrumentField,
  subject: typeField.optional(),
  year: yearField.optional(),
  state: z.enum(NOTICE_STATES, { message: '状态应为 scheduled/open/closed' }).optional(),
});
export const noticeList = z.object({ items: z.array(noticeSummary), today: z.string() });

export const noticeDetail = noticeSummary.extend({
  body: z.string().nullable(),
  /** the last moment objections are accepted: 24:00 China time of endsOn */
  objectionDeadline: z.string(),
  items: z.array(z.object({ id: z.number(), name: z.string(), districtName: z.string(), summary: z.string().nullable() })),
});

export const publishResult = noticeDetail;

// ---------- officer view of the items ----------
export const reviewItems = z.object({
  noticeId: z.number(),
  endsOn: z.string(),
  state: z.enum(NOTICE_STATES),
  stateName: z.string(),
  items: z.array(
    z.object({
      itemId: z.number(),
      applicationId: z.number(),
      enterpriseId: z.number().nullable(),
      name: z.string(),
      districtName: z.string(),
      summary: z.string().nullable(),
      status: z.string(),
      statusName: z.string(),
      objections: z.object({ open: z.number(), upheld: z.number(), dismissed: z.number() }),
      /** null when a decision can be taken now; otherwise why not */
      blockedReason: z.string().nullable(),
      /** an upheld objection: only a decline is possible */
      declineOnly: z.boolean(),
    }),
  ),
});

// ---------- objections ----------
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const objectionBody = z.object({
  itemId: id,
  name: z.string().trim().min(2, '请填写真实姓名（至少2个字）').max(30, '姓名不超过30个字'),
  phone: z.string().trim().refine(isValidPhone, '联系电话格式不正确（手机11位，或区号+固定电话号码）'),
  idNumber: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .refine(isValidIdNumber, '身份证号码不正确（18位，校验位不符）')
      .optional()
      .nullable(),
  ),
  reason: z.string().trim().min(10, '异议理由至少10个字').max(2000, '异议理由不超过2000个字'),
  evidence: z.preprocess(emptyToUndefined, z.string().trim().max(2000, '证据说明不超过2000个字').optional().nullable()),
});
export type ObjectionInput = z.infer<typeof objectionBody>;

export const objectionReceipt = z.object({
  id: z.number(),
  receiptNo: z.string(),
  noticeId: z.number(),
  itemId: z.number(),
  filedAt: z.string(),
  message: z.string(),
});

export const objectionQuery = z.object({
  status: z.enum(OBJECTION_STATUSES, { message: '状态应为 open/upheld/dismissed' }).optional(),
  noticeId: id.optional(),
});

const objectionItem = z.object({
  id: z.number(),
  receiptNo: z.string(),
  noticeId: z.number(),
  noticeTitle: z.string(),
  noticeEndsOn: z.string(),
  itemId: z.number(),
  itemName: z.string(),
  districtName: z.string(),
  applicationId: z.number(),
  name: z.string(),
  phone: z.string(),
  reason: z.string(),
  status: z.enum(OBJECTION_STATUSES),
  statusName: z.string(),
  filedAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export const objectionList = z.object({ items: z.array(objectionItem) });
export const objectionDetail = objectionItem.extend({
  idNumber: z.string().nullable(),
  evidence: z.string().nullable(),
  evidenceFileName: z.string().nullable(),
  resolution: z.string().nullable(),
  resolvedBy: z.string().nullable(),
});

export const resolveBody = z.object({
  outcome: z.enum(['upheld', 'dismissed'], { message: '处理结果应为 upheld（异议成立）或 dismissed（异议不成立）' }),
  resolution: z.string().trim().min(5, '请填写核查处理意见（至少5个字）').max(2000, '处理意见不超过2000个字'),
});

// ---------- decisions ----------
export const decisionBody = z.object({
  approve: z.boolean({ message: '请选择认定或不予认定' }),
  comment: z.string().trim().max(1000, '意见不超过1000个字').optional().nullable(),
});
export const decisionResult = z.object({
  applicationId: z.number(),
  status: z.string(),
  recognition: z.object({ id: z.number(), certificateNo: z.string(), issuedOn: z.string(), validUntil: z.string().nullable() }).nullable(),
  /** what the instrument's decision produced (the recognition, a task contract…) */
  outcome: z.record(z.string(), z.unknown()).nullable().optional(),
});
export const approveAllResult = z.object({
  approved: z.array(z.object({ applicationId: z.number(), certificateNo: z.string().nullable() })),
  skipped: z.array(z.object({ applicationId: z.number(), reason: z.string() })),
});
