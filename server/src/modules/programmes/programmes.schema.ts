import { z } from 'zod';
import { isoDate } from '../calendar/index.js';
import { BUDGET_CATEGORIES, KPI_KINDS } from './form.js';

const id = z.coerce.number({ error: '编号须为数字' }).int().positive().max(2147483647);
const year = z.coerce.number({ error: '年度须为数字' }).int('年度须为整数').min(2000, '年度不早于2000').max(2100, '年度不晚于2100');
const text = (max: number, label: string) => z.string({ error: `请填写${label}` }).trim().max(max, `${label}不超过${max}字`);
/** An amount in yuan (two decimals at most), stored as fen. */
export const yuan = (label: string) =>
  z
    .number({ error: `${label}须为数字（元）` })
    .min(0, `${label}不能为负数`)
    .max(10_000_000_000, `${label}过大`)
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, `${label}最多保留两位小数`);
const positiveYuan = (label: string) => yuan(label).refine((v) => v > 0, `${label}须大于0`);

export const idParam = z.object({ id });
export const attachmentParams = z.object({ id, attachmentId: id });
export const okView = z.object({ ok: z.literal(true) });
export const projectType = z.enum(['major', 'general', 'agri_social'], { error: '计划类型不正确' });
const statusCode = z.string().trim().regex(/^[a-z_]{1,32}$/, '状态不正确');

// ---- programmes ----
export const scoreItem = z.object({ code: z.string().trim().regex(/^[a-z][a-z0-9_]{0,31}$/, '评分项代码不正确'), label: text(40, '评分项名称').min(1, '请填写评分项名称'), max: z.number().int().min(1).max(100) }).strict();
export const createProgrammeBody = z
  .object({
    code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,31}$/, '计划代码只能包含小写字母、数字和下划线'),
    name: text(60, '计划名称').min(2, '请填写计划名称'),
    type: projectType,
    selection: z.enum(['designed', 'district', 'open'], { error: '征集方式不正确' }),
    description: text(1000, '计划说明').optional(),
    trancheSplit: z
      .array(z.number().int().min(1).max(100), { error: '拨付比例须为百分数数组' })
      .min(1)
      .max(5)
      .refine((a) => a.reduce((s, x) => s + x, 0) === 100, '各笔拨付比例之和须为100%')
      .optional(),
    scoreItems: z.array(scoreItem).min(1, '至少一个评分项').max(10).optional(),
  })
  .strict();
export const programmeYearBody = z.object({ year, budget: positiveYuan('年度预算') }).strict();

const yearView = z.object({ id: z.number(), year: z.number(), budget: z.number(), available: z.number(), committed: z.number() });
export const programmeView = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  typeName: z.string(),
  selection: z.string(),
  selectionName: z.string(),
  description: z.string().nullable(),
  trancheSplit: z.array(z.number()),
  scoreItems: z.array(z.object({ code: z.string(), label: z.string(), max: z.number() })),
  years: z.array(yearView),
});
export const programmeList = z.object({ items: z.array(programmeView) });

// ---- calls ----
const topic = z.object({ code: z.string().trim().regex(/^[A-Za-z0-9_-]{1,16}$/, '方向编号只能包含字母、数字、-和_'), title: text(80, '方向名称').min(2, '请填写方向名称'), description: text(1000, '方向说明') }).strict();
export const createCallBody = z
  .object({
    programmeId: z.number({ error: '请选择计划类别' }).int().positive(),
    year,
    batch: z.number().int().min(1).max(9).default(1),
    title: text(120, '指南标题').min(4, '请填写指南标题'),
    description: text(4000, '指南说明').optional(),
    eligibility: text(2000, '申报条件').min(4, '请填写申报条件'),
    topics: z.array(topic).max(30),
    ceiling: positiveYuan('单项资助上限'),
    totalBudget: positiveYuan('指南资助总额'),
    opensOn: isoDate,
    closesOn: isoDate,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.closesOn < v.opensOn) {
      ctx.addIssue({ code: 'custom', path: ['closesOn'], message: '截止日期不能早于开始日期' });
    }
    if (v.totalBudget < v.ceiling) {
      ctx.addIssue({ code: 'custom', path: ['totalBudget'], message: '指南资助总额不能小于单项资助上限' });
    }
    if (new Set(v.topics.map((t) => t.code)).size !== v.topics.length) {
      ctx.addIssue({ code: 'custom', path: ['topics'], message: '方向编号不能重复' });
    }
  });
export const callQuery = z.object({ year: year.optional(), programmeId: id.optional() }).strict();
export const invitationsBody = z.object({ enterpriseIds: z.array(z.number().int().positive()).min(1, '请选择受邀企业').max(200) }).strict();

export const callView = z.object({
  id: z.number(),
  type: z.string(),
  typeName: z.string(),
  year: z.number(),
  batch: z.number(),
  title: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  state: z.string(),
  stateName: z.string(),
  description: z.string().nullable(),
  programme: z.object({ id: z.number(), code: z.string(), name: z.string(), selection: z.string(), selectionName: z.string() }),
  eligibility: z.string(),
  topics: z.array(z.object({ code: z.string(), title: z.string(), description: z.string() })),
  ceiling: z.number(),
  totalBudget: z.number(),
  invitedOnly: z.boolean(),
  invited: z.array(z.object({ enterpriseId: z.number(), name: z.string() })).nullable().describe('受邀单位（仅主动设计类、仅市科委可见）'),
  invitedYou: z.boolean().nullable().describe('主动设计类指南：当前企业用户是否受邀（其他情况为 null）'),
});
export const callList = z.object({ items: z.array(callView) });

// ---- applications ----
const budgetLine = z.object({ category: z.enum(Object.keys(BUDGET_CATEGORIES) as [string, ...string[]], { error: '预算科目不正确' }), city: yuan('市财政资助'), self: yuan('自筹经费'), note: text(200, '说明').default('') }).strict();
const kpi = z.object({ key: z.enum(Object.keys(KPI_KINDS) as [string, ...string[]], { error: '指标类别不正确' }), name: text(40, '指标名称').min(1, '请填写指标名称'), unit: text(10, '计量单位'), target: z.number({ error: '目标值须为数字' }).min(0, '目标值不能为负数').max(1_000_000_000) }).strict();
const milestone = z.object({ name: text(80, '节点名称').min(1, '请填写节点名称'), due: isoDate }).strict();
export const plan = z
  .object({
    summary: text(2000, '项目摘要'),
    objectives: text(2000, '项目目标'),
    content: text(4000, '研究内容'),
    basis: text(2000, '研究基础'),
    team: z.array(z.object({ name: text(20, '姓名').min(1, '请填写姓名'), title: text(20, '职称'), role: text(20, '分工') }).strict()).max(30),
    partners: z.array(z.object({ name: text(60, '合作单位').min(1, '请填写合作单位'), role: text(60, '合作内容') }).strict()).max(10),
  })
  .strict();
export const contentBody = z
  .object({
    title: text(100, '项目名称'),
    topicCode: z.string().trim().max(16).nullable(),
    plan,
    budgetLines: z.array(budgetLine).max(11),
    kpis: z.array(kpi).max(12),
    milestones: z.array(milestone).max(20),
    startOn: isoDate.nullable(),
    endOn: isoDate.nullable(),
  })
  .strict();
export const createApplicationBody = z.object({ callId: z.number({ error: '请选择申报指南' }).int().positive(), title: text(100, '项目名称').min(4, '请填写项目名称（至少4个字）') }).strict();
export const applicationQuery = z
  .object({ callId: id.optional(), programmeId: id.optional(), status: statusCode.optional(), year: year.optional(), limit: z.coerce.number().int().min(1).max(500).default(200) })
  .strict();
export const reviewBody = z
  .object({
    action: z.enum(['district_recommend', 'district_return', 'formal_pass', 'formal_return', 'formal_reject'], { error: '审核动作不正确' }),
    comment: text(1000, '审核意见').optional(),
  })
  .strict();
export const moderationBody = z
  .object({
    select: z.boolean({ error: '请选择是否列入拟立项' }),
    recommended: positiveYuan('拟资助金额').optional(),
    reason: text(1000, '审定理由').optional(),
  })
  .strict();
export const attachmentQuery = z.object({ code: z.string({ error: '请指定附件类别 code' }).regex(/^[a-z][a-z0-9_]{0,31}$/, '附件类别不正确') }).strict();

const issue = z.object({ field: z.string(), message: z.string() });
export const applicationItem = z.object({
  id: z.number(),
  type: z.string(),
  typeName: z.string(),
  year: z.number(),
  title: z.string(),
  status: z.string(),
  statusName: z.string(),
  callId: z.number().nullable(),
  dueOn: z.string().nullable(),
  panelScore: z.number().nullable(),
  enterprise: z.object({ id: z.number(), name: z.string() }).nullable(),
  districtName: z.string().nullable(),
  programme: z.object({ id: z.number(), name: z.string() }),
  requested: z.number(),
  selfRaised: z.number(),
  recommended: z.number().nullable(),
  approved: z.number().nullable(),
  contractNo: z.string().nullable(),
});
export const applicationList = z.object({ items: z.array(applicationItem) });
export const attachmentView = z.object({ id: z.number(), code: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number(), createdAt: z.string() });
const eventView = z.object({ action: z.string(), actionName: z.string(), toStatusName: z.string(), comment: z.string().nullable(), actorLabel: z.string(), occurredAt: z.string() });
export const applicationView = applicationItem.extend({
  topicCode: z.string().nullable(),
  plan,
  budgetLines: z.array(z.object({ category: z.string(), categoryName: z.string(), city: z.number(), self: z.number(), note: z.string() })),
  kpis: z.array(z.object({ key: z.string(), name: z.string(), unit: z.string(), target: z.number() })),
  milestones: z.array(z.object({ name: z.string(), due: z.string() })),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  moderationReason: z.string().nullable(),
  approvedOn: z.string().nullable(),
  contractSignedOn: z.string().nullable(),
  call: z.object({ id: z.number(), title: z.string(), ceiling: z.number(), closesOn: z.string(), topics: z.array(z.object({ code: z.string(), title: z.string() })) }),
  trancheSplit: z.array(z.number()),
  issues: z.array(issue).describe('提交前须解决的问题（字段与说明）'),
  actions: z.array(z.object({ action: z.string(), name: z.string(), needsComment: z.boolean() })).describe('当前用户可执行的下一步'),
  attachments: z.array(attachmentView),
  attachmentRules: z.object({ codes: z.array(z.object({ code: z.string(), name: z.string() })), types: z.array(z.string()), maxBytes: z.number() }).describe('附件类别、允许的格式与单个文件大小上限'),
  canWithdraw: z.boolean().describe('申报单位可撤回（删除）这份未提交过的草稿'),
  events: z.array(eventView),
});
export const duplicatesView = z.object({
  funded: z.array(z.object({ id: z.number(), instrument: z.string(), instrumentName: z.string(), typeName: z.string(), year: z.number(), title: z.string(), statusName: z.string(), amount: z.number().nullable() })),
  similar: z.array(z.object({ id: z.number(), title: z.string(), enterpriseName: z.string(), year: z.number(), similarity: z.number(), sameEnterprise: z.boolean(), reason: z.string() })),
  threshold: z.number(),
});
export const rankingView = z.object({
  call: z.object({ id: z.number(), title: z.string(), totalBudget: z.number(), ceiling: z.number() }),
  selected: z.number().describe('已审定拟资助金额合计（元）'),
  items: z.array(
    z.object({
      rank: z.number(),
      id: z.number(),
      title: z.string(),
      enterpriseName: z.string(),
      districtName: z.string().nullable(),
      panelScore: z.number(),
      requested: z.number(),
      cumulative: z.number(),
      withinBudget: z.boolean(),
      status: z.string(),
      statusName: z.string(),
      recommended: z.number().nullable(),
      moderationReason: z.string().nullable(),
    }),
  ),
});
export const trancheView = z.object({ n: z.number(), percent: z.number(), amount: z.number(), orderId: z.number().nullable(), status: z.string().nullable() });
