import { z } from 'zod';
import { EXPERT_CATEGORIES, EXPERT_LINK_KINDS, PANEL_MEMBER_STATUSES } from '../../db/schema/recognitions.js';
import { limitSchema } from '../../http/pagination.js';
import { USCC_MESSAGES, usccProblem } from '../../lib/uscc.js';

export const CATEGORY_NAMES = { technical: '技术专家', finance: '财务专家', management: '管理专家' } as const;
export const LINK_KIND_NAMES = { employer: '任职单位', shareholding: '持股企业', former_employer: '原任职单位', relative: '近亲属任职或持股' } as const;
export const MEMBER_STATUS_NAMES = { assigned: '待声明', accepted: '已声明无利益冲突', conflict: '申报利益冲突', scored: '已评分', replaced: '已替换' } as const;

const id = z.coerce.number().int().positive().max(2147483647);
export const idParam = z.object({ id });
export const linkParam = z.object({ id, linkId: id });
export const memberParam = z.object({ memberId: id });
export const materialParams = z.object({ memberId: id, attachmentId: id });

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, '日期无效');

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: (i) => (i.input === undefined ? `请填写${label}` : `${label}须为文字`) })
    .trim()
    .min(min, min <= 1 ? `请填写${label}` : `${label}至少${min}个字`)
    .max(max, `${label}不超过${max}个字`);

const category = z.enum(EXPERT_CATEGORIES, { error: '专家类别须为 technical（技术）、finance（财务）或 management（管理）' });

export const expertFields = {
  name: text('姓名', 2, 30),
  organization: text('工作单位', 2, 100),
  title: text('职称', 1, 30),
  category,
  fields: z
    .array(text('专业领域', 1, 20), { error: '专业领域须为文字列表' })
    .min(1, '请至少填写一个专业领域')
    .max(10, '专业领域最多10个')
    .refine((f) => new Set(f).size === f.length, '专业领域不能重复'),
  active: z.boolean({ error: '是否在库须为是/否' }),
  userId: id.nullable(),
};

export const createExpertBody = z.object({ ...expertFields, active: expertFields.active.default(true), userId: expertFields.userId.optional() });
export type CreateExpertInput = z.infer<typeof createExpertBody>;

export const patchExpertBody = z
  .object(expertFields)
  .partial()
  .extend({ version: z.number({ error: '缺少版本号 version' }).int().positive() });
export type PatchExpertInput = z.infer<typeof patchExpertBody>;

export const expertQuery = z.object({
  q: z.string().trim().max(50, '搜索词不超过50个字').optional(),
  category: category.optional(),
  field: z.string().trim().max(20).optional(),
  active: z.enum(['true', 'false'], { error: 'active 须为 true 或 false' }).optional(),
  limit: limitSchema,
  cursor: z.string().max(500).optional(),
});
export type ExpertQuery = z.infer<typeof expertQuery>;

export const linkBody = z
  .object({
    kind: z.enum(EXPERT_LINK_KINDS, { error: '关联类型须为 employer（任职）、shareholding（持股）、former_employer（原任职）或 relative（近亲属）' }),
    enterpriseId: id.optional(),
    companyName: text('企业名称', 2, 100).optional(),
    uscc: z
      .string()
      .trim()
      .transform((v) => v.toUpperCase())
      .superRefine((v, ctx) => {
        const problem = usccProblem(v);
        if (problem) {
          ctx.addIssue({ code: 'custom', message: USCC_MESSAGES[problem] });
        }
      })
      .optional(),
    endedOn: isoDate.nullable().optional(),
    note: z.string().trim().max(200, '备注不超过200个字').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.enterpriseId === undefined && !v.companyName) {
      ctx.addIssue({ code: 'custom', path: ['companyName'], message: '请选择企业库中的企业，或填写企业名称' });
    }
    if (v.kind !== 'former_employer' && v.endedOn) {
      ctx.addIssue({ code: 'custom', path: ['endedOn'], message: '只有原任职单位需要填写离职日期' });
    }
  });
export type LinkInput = z.infer<typeof linkBody>;

export const linkView = z.object({
  id: z.number(),
  kind: z.enum(EXPERT_LINK_KINDS),
  kindName: z.string(),
  enterpriseId: z.number().nullable(),
  companyName: z.string(),
  uscc: z.string().nullable(),
  endedOn: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.date(),
});

export const expertItem = z.object({
  id: z.number(),
  userId: z.number().nullable(),
  name: z.string(),
  organization: z.string(),
  title: z.string(),
  category,
  categoryName: z.string(),
  fields: z.array(z.string()),
  active: z.boolean(),
  /** open assignments (seats assigned or accepted on applications under expert review) */
  load: z.number(),
  version: z.number(),
});
export const expertPage = z.object({ items: z.array(expertItem), nextCursor: z.string().nullable() });
export const expertDetail = expertItem.extend({ links: z.array(linkView), createdAt: z.date(), updatedAt: z.date() });
export const linkList = z.object({ expertId: z.number(), items: z.array(linkView) });

// ── panels ──────────────────────────────────────────────────────────────────────────────────
export const drawBody = z.object({
  reason: z.string().trim().max(200, '说明不超过200个字').optional(),
  /** panel size (at least the rule's size) */
  size: z.number().int('人数须为整数').min(3, '评审组至少3人').max(15, '评审组不超过15人').optional(),
});
export const redrawBody = z.object({
  expertId: id,
  reason: text('替换理由', 2, 200),
});

const rulesView = z.object({ size: z.number(), minTechnicalRatio: z.number(), minFinance: z.number(), loadCap: z.number() });
const drawLogEntry = z.object({
  id: z.number(),
  kind: z.enum(['draw', 'redraw']),
  reason: z.string(),
  seed: z.string(),
  rules: rulesView,
  selected: z.array(z.object({ expertId: z.number(), name: z.string(), category, fieldMatch: z.boolean() })),
  excluded: z.array(z.object({ expertId: z.number(), name: z.string(), reason: z.string() })),
  replacedExpertId: z.number().nullable(),
  drawnBy: z.number().nullable(),
  drawnByName: z.string().nullable(),
  drawnAt: z.date(),
});
export type DrawLogEntry = z.infer<typeof drawLogEntry>;


export const memberView = z.object({
  id: z.number(),
  expertId: z.number(),
  name: z.string(),
  organization: z.string(),
  title: z.string(),
  category,
  categoryName: z.string(),
  status: z.enum(PANEL_MEMBER_STATUSES),
  statusName: z.string(),
  declaredAt: z.date().nullable(),
  conflictNote: z.string().nullable(),
  scores: z.record(z.string(), z.number()).nullable(),
  total: z.number().nullable(),
  comment: z.string().nullable(),
  scoredAt: z.date().nullable(),
});

export const panelView = z.object({
  applicationId: z.number(),
  applicationStatus: z.string(),
  type: z.string(),
  enterpriseName: z.string(),
  rules: rulesView,
  panelScore: z.number().nullable(),
  members: z.array(memberView),
  draws: z.array(drawLogEntry),
});

// ── expert workspace ───────────────────────────────────────────────────────────────────────
export const assignmentItem = z.object({
  memberId: z.number(),
  applicationId: z.number(),
  type: z.string(),
  typeName: z.string(),
  year: z.number(),
  enterpriseName: z.string(),
  enterpriseUscc: z.string(),
  applicationStatus: z.string(),
  status: z.enum(PANEL_MEMBER_STATUSES),
  statusName: z.string(),
  /** still to do (declare or score) while the application is under expert review */
  live: z.boolean(),
  dueOn: z.string().nullable(),
  declaredAt: z.date().nullable(),
  total: z.number().nullable(),
  scoredAt: z.date().nullable(),
});
export const assignmentList = z.object({ items: z.array(assignmentItem) });

export const declarationBody = z
  .object({
    noConflict: z.boolean({ error: '请声明是否存在利益冲突（noConflict 为 true 或 false）' }),
    note: z.string().trim().max(500, '说明不超过500个字').optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.noConflict && !v.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: '申报利益冲突时请说明与申报企业的关系' });
    }
  });

/** A score: an integer or one decimal. */
const point = (label: string) =>
  z
    .number({ error: (i) => (i.input === undefined ? `请填写${label}` : `${label}须为数字`) })
    .finite(`${label}须为有限数字`)
    .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, `${label}只能为整数或一位小数`);

export const scoreBody = z.object({
  /** itemised sheets: item code → score (the sheet of the case names the items and their ranges) */
  scores: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, '评分项代码无效'), point('评分')).optional(),
  total: point('总分').optional(),
  comment: z.string().trim().max(2000, '评审意见不超过2000个字').optional(),
});
export type ScoreInput = z.infer<typeof scoreBody>;

const scoreItem = z.object({ code: z.string(), label: z.string(), group: z.string(), band: z.string().nullable(), min: z.number(), max: z.number() });
export type ScoreItem = z.infer<typeof scoreItem>;

export const caseView = z.object({
  memberId: z.number(),
  status: z.enum(PANEL_MEMBER_STATUSES),
  statusName: z.string(),
  application: z.object({
    id: z.number(),
    type: z.string(),
    typeName: z.string(),
    year: z.number(),
    status: z.string(),
    applicationDate: z.string().nullable(),
    dueOn: z.string().nullable(),
    data: z.unknown(),
  }),
  enterprise: z.object({ id: z.number(), name: z.string(), uscc: z.string(), industry: z.string(), registeredOn: z.string() }),
  /** the uploaded materials, read-only and listed only while the seat is live (declared no conflict, case under review, not yet scored) */
  materials: z.object({
    open: z.boolean(),
    items: z.array(z.object({ id: z.number(), code: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number(), createdAt: z.string() })),
  }),
  /** the engine's assessment recomputed on the application data (hnte: with the score bands) */
  assessment: z.unknown().nullable(),
  /** what the expert scores, each with its allowed range */
  scoring: z.object({ mode: z.enum(['hnte', 'items', 'total']), items: z.array(scoreItem), maxTotal: z.number() }),
  myScore: z.object({ scores: z.record(z.string(), z.number()).nullable(), total: z.number().nullable(), comment: z.string().nullable(), scoredAt: z.date().nullable() }),
});
