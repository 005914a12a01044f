import { z } from 'zod';
import { hasAtMostTwoDecimals } from '../../lib/money.js';

const typeError = (label: string, expected: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? `${label}为必填项` : `${label}${expected}`),
});

export const isoDate = (label: string) =>
  z
    .string(typeError(label, '须为日期（YYYY-MM-DD）'))
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
    }, `${label}无效`)
    .refine((v) => v >= '1990-01-01' && v <= '2100-12-31', `${label}应在1990-01-01至2100-12-31之间`);

const hasAtMostFourDecimals = (n: number) => Math.abs(n * 10_000 - Math.round(n * 10_000)) < 1e-6;

export const PROGRAMMES = ['eagle', 'qinglan'] as const;
export const PROGRAMME_NAMES: Record<(typeof PROGRAMMES)[number], string> = { eagle: '雏鹰计划', qinglan: '青蓝计划' };
export const programme = z.enum(PROGRAMMES, { error: (i) => (i.input === undefined ? '资助计划为必填项' : '资助计划须为 eagle（雏鹰计划）或 qinglan（青蓝计划）') });

export const principal = z
  .number(typeError('贷款本金', '须为数字（元）'))
  .finite('贷款本金须为有限数字')
  .gt(0, '贷款本金须大于0')
  .max(1e11, '贷款本金超出范围')
  .refine(hasAtMostTwoDecimals, '贷款本金最多两位小数');
export const rate = z
  .number(typeError('合同年利率', '须为数字（%）'))
  .finite('合同年利率须为有限数字')
  .gt(0, '合同年利率须大于0')
  .max(100, '合同年利率不能超过100%')
  .refine(hasAtMostFourDecimals, '合同年利率最多四位小数');
export const year = z.number(typeError('贴息年度', '须为整数')).int('贴息年度须为整数').min(2000, '贴息年度不能早于2000年').max(2100, '贴息年度超出范围');

const endAfterStart = (l: { startOn: string; endOn: string }, ctx: z.RefinementCtx) => {
  if (l.endOn <= l.startOn) {
    ctx.addIssue({ code: 'custom', path: ['endOn'], message: '还款日须晚于放款日' });
  }
};

const calcLoan = z.object({ principal, rate, startOn: isoDate('放款日'), endOn: isoDate('还款日') }).superRefine(endAfterStart);

export const evaluateInput = z.object({
  programme,
  year,
  loans: z.array(calcLoan, typeError('贷款', '须为列表')).min(1, '至少填写一笔贷款').max(50, '最多50笔贷款'),
});
export type EvaluateInput = z.infer<typeof evaluateInput>;

export const evaluateResult = z.object({
  programme,
  year: z.number().int(),
  lines: z.array(
    z.object({
      bucket: z.enum(['1y', '1-5y', '5y+']),
      benchmarkRate: z.number(),
      rateUsed: z.number(),
      days: z.number().int(),
      interestBase: z.number(),
      subsidy: z.number(),
    }),
  ),
  sum: z.number(),
  cap: z.number(),
  amount: z.number(),
});

export const paramsView = z.object({
  benchmarks: z.array(z.object({ effectiveFrom: z.string(), inForceUntil: z.string().nullable(), rate1y: z.number(), rate1to5y: z.number(), rate5yPlus: z.number() })),
  programmes: z.array(z.object({ programme, programmeName: z.string(), effectiveFrom: z.string(), ratio: z.number(), cap: z.number() })),
});

// ── applications ───────────────────────────────────────────────────────────────────────────────

const text = (label: string, max: number) =>
  z.string(typeError(label, '须为文字')).trim().min(1, `请填写${label}`).max(max, `${label}不超过${max}个字`);

export const applicationLoan = z
  .object({ bank: text('贷款银行', 60), contractNo: text('借款合同编号', 60), principal, rate, startOn: isoDate('放款日'), endOn: isoDate('还款日') })
  .superRefine(endAfterStart);

export const applicationInput = z
  .object({
    programme,
    year,
    contactName: text('联系人', 30),
    contactPhone: z.string(typeError('联系电话', '须为文字')).trim().regex(/^[0-9+\-() ]{7,20}$/, '联系电话格式不正确'),
    loans: z.array(applicationLoan, typeError('贷款', '须为列表')).min(1, '至少填写一笔贷款').max(20, '最多20笔贷款'),
  })
  .superRefine((a, ctx) => {
    const seen = new Set<string>();
    a.loans.forEach((l, i) => {
      const key = `${l.bank}|${l.contractNo}`;
      if (seen.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['loans', i, 'contractNo'], message: '同一笔贷款不能重复填写' });
      }
      seen.add(key);
    });
  });
export type ApplicationInput = z.infer<typeof applicationInput>;

export const idParam = z.object({ id: z.coerce.number({ message: 'id 须为整数' }).int('id 须为整数').positive('id 须为正整数').max(2_147_483_647, 'id 超出范围') });

export const ACTIONS = ['submit', 'district_pass', 'district_return', 'district_reject', 'city_approve', 'city_return', 'city_reject'] as const;
export const actionInput = z.object({
  action: z.enum(ACTIONS, { error: () => `操作须为以下之一：${ACTIONS.join('、')}` }),
  comment: z.string().trim().max(500, '意见不超过500个字').nullable().optional(),
});

export const listQuery = z.object({
  year: z.coerce.number().int('年度须为整数').min(2000, '年度超出范围').max(2100, '年度超出范围').optional(),
  status: z.string().max(40, '状态代码过长').regex(/^[a-z_]+$/, '状态代码无效').optional(),
  mine: z.enum(['true', 'false'], { message: 'mine 须为 true 或 false' }).optional(),
  limit: z.coerce.number().int('条数须为整数').min(1, '条数至少1').max(200, '条数不超过200').default(50),
  offset: z.coerce.number().int('偏移须为整数').min(0, '偏移不能为负').max(1_000_000, '偏移过大').default(0),
});

const money = z.number();
const caseSummary = z.object({
  id: z.number().int(),
  programme,
  programmeName: z.string(),
  year: z.number().int(),
  enterpriseId: z.number().int().nullable(),
  enterpriseName: z.string(),
  districtName: z.string(),
  status: z.string(),
  statusName: z.string(),
  next: z.string().nullable(),
  dueOn: z.string().nullable(),
  requested: money.nullable(),
  approved: money.nullable(),
  approvedOn: z.string().nullable(),
  paidOn: z.string().nullable(),
  loanCount: z.number().int(),
});
export const applicationList = z.object({ total: z.number().int(), items: z.array(caseSummary) });

export const applicationDetail = caseSummary.extend({
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  recognition: z.object({ id: z.number().int(), certificateNo: z.string(), issuedOn: z.string(), validUntil: z.string().nullable() }).nullable(),
  loans: z.array(z.object({ id: z.number().int(), bank: z.string(), contractNo: z.string(), principal: money, rate: z.number(), startOn: z.string(), endOn: z.string() })),
  calculation: evaluateResult.nullable(),
  attachments: z.array(z.object({ id: z.number().int(), code: z.string(), codeName: z.string(), fileName: z.string(), size: z.number().int(), createdAt: z.string() })),
  events: z.array(z.object({ action: z.string(), actionName: z.string(), actorLabel: z.string(), comment: z.string().nullable(), createdAt: z.string(), toStatusName: z.string() })),
  payments: z.array(z.object({ id: z.number().int(), status: z.string(), amount: money })),
  actions: z.array(z.object({ action: z.string(), name: z.string(), needsComment: z.boolean() })),
});

export const ATTACHMENT_CODES = { loan_contract: '借款合同', interest_receipt: '利息支付凭证' } as const;
export const attachmentParams = z.object({
  id: idParam.shape.id,
  code: z.enum(Object.keys(ATTACHMENT_CODES) as [keyof typeof ATTACHMENT_CODES], { message: '附件类别须为 loan_contract（借款合同）或 interest_receipt（利息支付凭证）' }),
});
export const attachmentView = z.object({ id: z.number().int(), code: z.string(), fileName: z.string(), size: z.number().int() });

// ── performance assessments ─────────────────────────────────────────────────────────────────────

const count = (label: string) => z.number(typeError(label, '须为整数')).int(`${label}须为整数`).min(0, `${label}不能为负数`).max(10_000_000, `${label}超出范围`);
const yuan = (label: string) =>
  z.number(typeError(label, '须为数字（元）')).finite(`${label}须为有限数字`).min(0, `${label}不能为负数`).max(1e12, `${label}超出范围`).refine(hasAtMostTwoDecimals, `${label}最多两位小数`);

export const assessmentInput = z.object({
  programme,
  year: z.number(typeError('考核年度', '须为整数')).int('考核年度须为整数').min(2000, '考核年度超出范围').max(2100, '考核年度超出范围'),
  revenue: yuan('营业收入'),
  rdSpend: yuan('研发投入'),
  tax: yuan('上缴税金'),
  employees: count('职工人数'),
  newJobs: count('新增就业'),
  ipCount: count('新增知识产权'),
  summary: z.string().trim().max(1000, '年度总结不超过1000个字').nullable().optional(),
});
export type AssessmentInput = z.infer<typeof assessmentInput>;

export const GRADES = ['excellent', 'pass', 'fail'] as const;
export const GRADE_NAMES: Record<(typeof GRADES)[number], string> = { excellent: '优秀', pass: '合格', fail: '不合格' };
export const gradeInput = z.object({
  grade: z.enum(GRADES, { error: () => '考核等次须为 excellent（优秀）、pass（合格）或 fail（不合格）' }),
  comment: z.string().trim().max(500, '考核意见不超过500个字').nullable().optional(),
});

export const assessmentQuery = z.object({
  year: z.coerce.number().int('年度须为整数').min(2000, '年度超出范围').max(2100, '年度超出范围').optional(),
  programme: programme.optional(),
  graded: z.enum(['true', 'false'], { message: 'graded 须为 true 或 false' }).optional(),
  limit: z.coerce.number().int('条数须为整数').min(1, '条数至少1').max(200, '条数不超过200').default(50),
  offset: z.coerce.number().int('偏移须为整数').min(0, '偏移不能为负').max(1_000_000, '偏移过大').default(0),
});

export const assessmentView = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  districtName: z.string(),
  programme,
  programmeName: z.string(),
  year: z.number().int(),
  revenue: money,
  rdSpend: money,
  tax: money,
  employees: z.number().int(),
  newJobs: z.number().int(),
  ipCount: z.number().int(),
  summary: z.string().nullable(),
  reportedOn: z.string(),
  grade: z.enum(GRADES).nullable(),
  gradeName: z.string().nullable(),
  gradeComment: z.string().nullable(),
  gradedOn: z.string().nullable(),
  /** the recognition a fail may lead to revoking (the register's revoke action) */
  recognitionId: z.number().int().nullable(),
});
export const assessmentList = z.object({ total: z.number().int(), items: z.array(assessmentView) });
