import { z } from 'zod';
import { hasAtMostTwoDecimals } from '../../lib/money.js';

const typeError = (label: string, expected: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? `${label}为必填项` : `${label}${expected}`),
});
const text = (label: string, max: number) => z.string(typeError(label, '须为文字')).trim().min(1, `请填写${label}`).max(max, `${label}不超过${max}个字`);
const amount = (label: string) =>
  z
    .number(typeError(label, '须为数字（元）'))
    .finite(`${label}须为有限数字`)
    .gt(0, `${label}须大于0`)
    .max(1e10, `${label}超出范围`)
    .refine(hasAtMostTwoDecimals, `${label}最多两位小数`);

export const idParam = z.object({ id: z.coerce.number({ message: 'id 须为整数' }).int('id 须为整数').positive('id 须为正整数').max(2_147_483_647, 'id 超出范围') });

export const bridgeInput = z.object({
  bank: text('原贷款银行', 60),
  bankLoanNo: text('原贷款合同编号', 60),
  amount: amount('申请金额').refine((v) => v <= 50_000_000, '单笔周转金不超过5000万元'),
  termDays: z.number(typeError('使用天数', '须为整数')).int('使用天数须为整数').min(1, '使用天数至少1天').max(90, '周转金使用期限不超过90天'),
  purpose: z.string().trim().max(300, '用途说明不超过300个字').nullable().optional(),
});

export const guaranteeInput = z.object({
  scheme: z.enum(['policy', 'zhubaodai'], { error: () => '担保类别须为 policy（政策性担保）或 zhubaodai（助保贷）' }),
  bank: text('贷款银行', 60),
  amount: amount('贷款金额').refine((v) => v <= 30_000_000, '单户担保贷款不超过3000万元'),
  termMonths: z.number(typeError('贷款期限', '须为整数（月）')).int('贷款期限须为整数（月）').min(1, '贷款期限至少1个月').max(36, '贷款期限不超过36个月'),
  feeRate: z
    .number(typeError('担保费率', '须为数字（%/年）'))
    .finite('担保费率须为有限数字')
    .min(0, '担保费率不能为负数')
    .max(3, '担保费率不超过3%/年')
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, '担保费率最多两位小数'),
});

export const BRIDGE_ACTIONS = ['submit', 'district_pass', 'district_return', 'district_reject', 'approve', 'reject', 'disburse', 'repay'] as const;
export const GUARANTEE_ACTIONS = ['submit', 'district_pass', 'district_return', 'district_reject', 'approve', 'reject', 'release', 'default', 'compensate'] as const;
const comment = z.string().trim().max(500, '意见不超过500个字').nullable().optional();
export const bridgeAction = z.object({
  action: z.enum(BRIDGE_ACTIONS, { error: () => `操作须为以下之一：${BRIDGE_ACTIONS.join('、')}` }),
  comment,
  /** approve: the approved amount (at most the requested one; default the requested) */
  amount: amount('批准金额').optional(),
});
export const guaranteeAction = z.object({
  action: z.enum(GUARANTEE_ACTIONS, { error: () => `操作须为以下之一：${GUARANTEE_ACTIONS.join('、')}` }),
  comment,
  /** compensate: the amount paid to the bank (at most the guaranteed loan) */
  amount: amount('代偿金额').optional(),
});

export const listQuery = z.object({
  year: z.coerce.number().int('年度须为整数').min(2000, '年度超出范围').max(2100, '年度超出范围').optional(),
  status: z.string().max(40, '状态代码过长').regex(/^[a-z_]+$/, '状态代码无效').optional(),
  mine: z.enum(['true', 'false'], { message: 'mine 须为 true 或 false' }).optional(),
  limit: z.coerce.number().int('条数须为整数').min(1, '条数至少1').max(200, '条数不超过200').default(50),
  offset: z.coerce.number().int('偏移须为整数').min(0, '偏移不能为负').max(1_000_000, '偏移过大').default(0),
});

const common = {
  id: z.number().int(),
  type: z.string(),
  typeName: z.string(),
  year: z.number().int(),
  enterpriseId: z.number().int().nullable(),
  enterpriseName: z.string(),
  districtName: z.string(),
  status: z.string(),
  statusName: z.string(),
  next: z.string().nullable(),
  dueOn: z.string().nullable(),
  bank: z.string(),
};
const detailExtras = {
  events: z.array(z.object({ action: z.string(), actionName: z.string(), actorLabel: z.string(), comment: z.string().nullable(), createdAt: z.string(), toStatusName: z.string() })),
  actions: z.array(z.object({ action: z.string(), name: z.string(), needsComment: z.boolean() })),
};

export const bridgeView = z.object({
  ...common,
  bankLoanNo: z.string(),
  requested: z.number(),
  termDays: z.number().int(),
  purpose: z.string().nullable(),
  approved: z.number().nullable(),
  disbursedOn: z.string().nullable(),
  repayBy: z.string().nullable(),
  repaidOn: z.string().nullable(),
  overdueDays: z.number().int().nullable(),
  overdue: z.boolean(),
});
export const bridgeDetail = bridgeView.extend(detailExtras);
export const bridgeList = z.object({ total: z.number().int(), items: z.array(bridgeView) });

export const guaranteeView = z.object({
  ...common,
  amount: z.number(),
  termMonths: z.number().int(),
  feeRate: z.number(),
  fee: z.number().nullable(),
  feeSubsidy: z.number().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  repaidOn: z.string().nullable(),
  defaultedOn: z.string().nullable(),
  compensated: z.number().nullable(),
  compensatedOn: z.string().nullable(),
});
export const guaranteeDetail = guaranteeView.extend(detailExtras);
export const guaranteeList = z.object({ total: z.number().int(), items: z.array(guaranteeView) });

export const poolView = z.object({
  book: z.string(),
  accounts: z.array(z.object({ kind: z.string(), name: z.string(), balance: z.number() })),
  figures: z.array(z.object({ code: z.string(), name: z.string(), value: z.number(), unit: z.string() })),
});
