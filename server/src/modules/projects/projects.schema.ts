import { z } from 'zod';
import { CHANGE_KINDS } from '../../db/schema/index.js';
import { hasAtMostTwoDecimals } from '../../lib/money.js';
import { isoDate } from '../calendar/index.js';

const id = z.coerce.number({ message: '编号应为正整数' }).int('编号应为正整数').positive('编号应为正整数').max(2147483647, '编号过大');
export const idParam = z.object({ id }).strict();
const yuan = (label: string) =>
  z
    .number({ message: `${label}应为数字（元）` })
    .min(0, `${label}不能为负`)
    .max(1e10, `${label}过大`)
    .refine(hasAtMostTwoDecimals, `${label}最多两位小数`);
const text = (label: string, max: number) => z.string({ message: `请填写${label}` }).trim().max(max, `${label}最多${max}个字`);
const key = z.string({ message: '请填写指标代码' }).trim().min(1, '请填写指标代码').max(40, '指标代码最多40个字符');

const kpiReport = z
  .object({
    key,
    actual: z.number({ message: '完成值应为数字' }).min(0, '完成值不能为负').max(1e12, '完成值过大'),
    evidence: text('佐证材料', 500).optional(),
  })
  .strict();

export const midtermReportBody = z
  .object({ progress: text('项目进展', 5000).min(10, '项目进展至少10个字'), kpis: z.array(kpiReport).max(50, '考核指标最多50项'), spent: yuan('已支出经费') })
  .strict();
export const acceptanceReportBody = z
  .object({ summary: text('执行总结', 5000).min(10, '执行总结至少10个字'), kpis: z.array(kpiReport).max(50, '考核指标最多50项'), spent: yuan('已支出经费') })
  .strict();

export const midtermConclusionBody = z
  .object({ result: z.enum(['pass', 'return', 'fail'], { message: '结论应为 pass（通过）、return（退回补充）或 fail（不通过）' }), comment: text('意见', 1000).optional() })
  .strict();
export const acceptanceConclusionBody = z
  .object({ result: z.enum(['pass', 'pass_conditions', 'fail'], { message: '结论应为 pass（通过）、pass_conditions（附条件通过）或 fail（不通过）' }), comment: text('意见', 1000).optional() })
  .strict();

const budgetLine = z
  .object({ category: z.string().trim().min(1, '请填写预算科目').max(40), city: yuan('市财政资助'), self: yuan('自筹'), note: z.string().trim().max(200).default('') })
  .strict();
const kpiDef = z
  .object({ key, name: text('指标名称', 100).min(1, '请填写指标名称'), unit: text('计量单位', 20).min(1, '请填写计量单位'), target: z.number({ message: '目标值应为数字' }).positive('目标值应大于0').max(1e12) })
  .strict();
export const changeBody = z
  .object({
    kind: z.enum(CHANGE_KINDS, { message: '变更类别应为 extension（延期）、budget_shift（预算调整）或 kpi_change（考核指标调整）' }),
    reason: text('变更理由', 2000).min(10, '变更理由至少10个字'),
    endOn: isoDate.optional(),
    budgetLines: z.array(budgetLine).max(30).optional(),
    kpis: z.array(kpiDef).max(50).optional(),
  })
  .strict();
export const changeDecisionBody = z.object({ approve: z.boolean({ message: 'approve 应为 true 或 false' }), comment: text('意见', 1000).optional() }).strict();

export const listQuery = z
  .object({
    status: z.enum(['in_progress', 'accepting', 'completed', 'failed', 'terminated'], { message: '状态应为 in_progress、accepting、completed、failed 或 terminated' }).optional(),
    year: z.coerce.number({ message: '年度应为整数' }).int().min(2000, '年度不早于2000').max(2100, '年度不晚于2100').optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .strict();
export const performanceQuery = z
  .object({
    year: z.coerce.number({ message: '年度应为整数' }).int().min(2000, '年度不早于2000').max(2100, '年度不晚于2100').optional(),
    programmeId: id.optional(),
  })
  .strict();

const stepRef = z.object({ id: z.number().int(), status: z.string(), statusName: z.string(), dueOn: z.string().nullable() });
export const projectList = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      year: z.number().int(),
      enterpriseName: z.string(),
      status: z.string(),
      statusName: z.string(),
      midterm: stepRef.nullable(),
      acceptance: stepRef.nullable(),
      changes: z.object({ total: z.number().int(), pending: z.number().int(), lastId: z.number().int().nullable() }),
    }),
  ),
});

const changePayload = z.object({
  endOn: z.string().optional(),
  budgetLines: z.array(z.object({ category: z.string(), city: z.number(), self: z.number(), note: z.string() })).optional(),
  kpis: z.array(z.object({ key: z.string(), name: z.string(), unit: z.string(), target: z.number() })).optional(),
});
export const okView = z.object({ ok: z.literal(true) });
export const evidenceView = z.object({ id: z.number().int(), kpi: z.string(), fileName: z.string(), size: z.number().int(), createdAt: z.string() });
export const evidenceQuery = z.object({ kpi: key }).strict();
export const evidenceParams = z.object({ id, attachmentId: id }).strict();
const kpiOut = z.object({ key: z.string(), actual: z.number(), evidence: z.string().nullable().optional() });
export const followUp = z.object({
  id: z.number().int(),
  instrument: z.string(),
  type: z.string(),
  typeName: z.string(),
  status: z.string(),
  statusName: z.string(),
  dueOn: z.string().nullable(),
  title: z.string(),
  panelScore: z.number().nullable(),
  version: z.number().int(),
  projectId: z.number().int(),
  report: z.object({ progress: z.string().nullable(), summary: z.string().nullable(), kpis: z.array(kpiOut), spent: z.number().nullable() }).nullable(),
  result: z.string().nullable(),
  trancheOrderId: z.number().int().nullable(),
  clawbackOrderId: z.number().int().nullable(),
  change: z
    .object({
      kind: z.string(),
      reason: z.string(),
      requested: changePayload,
      previous: changePayload,
      applied: z.boolean(),
    })
    .nullable(),
  events: z.array(z.object({ action: z.string(), toStatus: z.string(), comment: z.string().nullable(), actor: z.string(), at: z.string() })),
  evidence: z.array(evidenceView).describe('验收：各考核指标完成值的佐证材料（文件）'),
  proposal: z
    .object({
      result: z.enum(['pass', 'pass_conditions', 'fail']),
      resultName: z.string(),
      reasons: z.array(z.string()),
      items: z.array(z.object({ code: z.string(), label: z.string(), max: z.number(), mean: z.number() })),
    })
    .nullable()
    .describe('验收：专家组按评分表各项平均分给出的建议结论（市科委、审计可见；评审完成后）'),
});

export const projectDetail = z.object({
  id: z.number().int(),
  title: z.string(),
  status: z.string(),
  statusName: z.string(),
  enterprise: z.object({ id: z.number().int(), name: z.string() }),
  programme: z.object({ id: z.number().int(), code: z.string(), name: z.string(), trancheSplit: z.array(z.number()) }),
  contractNo: z.string().nullable(),
  approved: z.number(),
  committed: z.number(),
  paid: z.number(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  kpis: z.array(z.object({ key: z.string(), name: z.string(), unit: z.string(), target: z.number() })),
  budgetLines: z.array(z.object({ category: z.string(), city: z.number(), self: z.number(), note: z.string() })),
  changesApplied: z.number().int(),
  followUps: z.array(followUp),
  payments: z.array(z.object({ id: z.number().int(), direction: z.string(), amount: z.number(), purpose: z.string(), status: z.string(), statusName: z.string(), paidOn: z.string().nullable() })),
});

export const openResult = z.object({ opened: z.number().int(), ids: z.array(z.number().int()) });

export const performanceResult = z.object({
  year: z.number().int().nullable(),
  formula: z.string(),
  programmes: z.array(
    z.object({ id: z.number().int(), name: z.string(), projects: z.number().int(), reported: z.number().int(), approved: z.number(), paid: z.number(), spent: z.number(), score: z.number().nullable(), grade: z.string() }),
  ),
  projects: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      enterpriseName: z.string(),
      programmeId: z.number().int(),
      programmeName: z.string(),
      year: z.number().int(),
      status: z.string(),
      statusName: z.string(),
      approved: z.number(),
      paid: z.number(),
      spent: z.number().nullable(),
      source: z.string().nullable(),
      kpiAttainment: z.number().nullable(),
      spendRate: z.number().nullable(),
      score: z.number().nullable(),
      grade: z.string(),
      kpis: z.array(z.object({ name: z.string(), unit: z.string(), target: z.number(), actual: z.number().nullable() })),
    }),
  ),
});
