import { z } from 'zod';
import { PAYMENT_DIRECTIONS, PAYMENT_STATUSES } from '../../db/schema/index.js';
import { limitSchema } from '../../http/pagination.js';
import { hasAtMostTwoDecimals } from '../../lib/money.js';
import { isoDate } from '../calendar/index.js';

const id = z.coerce.number({ message: '编号应为正整数' }).int('编号应为正整数').positive('编号应为正整数').max(2147483647, '编号过大');
export const idParam = z.object({ id }).strict();
export const userIdParam = z.object({ userId: id }).strict();

const version = z.number({ message: '版本号应为整数' }).int('版本号应为整数').min(1, '版本号应为正整数').max(2147483647).optional().describe('乐观锁：页面所见的版本号（可省略）');

export const listFilter = z
  .object({
    status: z.enum(PAYMENT_STATUSES, { message: `状态应为：${PAYMENT_STATUSES.join('、')}` }).optional().describe('prepared 待审批 · approved 已审批待支付 · sent 已提交银行 · confirmed 已到账 · cancelled 已取消'),
    payable: z.string().trim().min(1).max(64).regex(/^[a-z][a-z0-9_]*$/, '支付事项代码只能包含小写字母、数字和下划线').optional().describe('支付事项代码，如 project_tranche'),
    caseId: id.optional().describe('所付办件编号'),
    direction: z.enum(PAYMENT_DIRECTIONS, { message: '方向应为 out（拨付）或 in（收回）' }).optional(),
  })
  .strict();
export const listQuery = listFilter.extend({ cursor: z.string().max(200).optional(), limit: limitSchema }).strict();
export const summaryQuery = listFilter.omit({ status: true }).strict();

const who = z.object({ id: z.number().int(), name: z.string() });
const accountRef = z.object({ kind: z.string(), scope: z.number(), owner: z.object({ type: z.string(), id: z.number() }).nullable() });

export const order = z.object({
  id: z.number().int(),
  payable: z.string(),
  payableName: z.string(),
  direction: z.enum(PAYMENT_DIRECTIONS),
  directionName: z.string(),
  caseId: z.number().int().nullable(),
  party: z.object({ type: z.string(), id: z.number().int(), name: z.string() }).describe('收款方（拨付）或付款方（收回）'),
  amount: z.number().describe('金额（元）'),
  amountText: z.string(),
  purpose: z.string(),
  book: z.string().describe('账簿代码'),
  movementKind: z.string(),
  debit: accountRef.describe('资金转出账户'),
  credit: accountRef.describe('资金转入账户'),
  idempotencyKey: z.string(),
  status: z.enum(PAYMENT_STATUSES),
  statusName: z.string(),
  preparedBy: z.object({ id: z.number().int().nullable(), name: z.string() }).describe('经办人（制单）'),
  preparedAt: z.string(),
  approvedBy: who.nullable().describe('复核审批人'),
  approvedAt: z.string().nullable(),
  sentBy: who.nullable(),
  sentAt: z.string().nullable(),
  confirmedBy: who.nullable(),
  confirmedAt: z.string().nullable(),
  cancelledBy: who.nullable(),
  cancelledAt: z.string().nullable(),
  ledgerMovementId: z.number().int().nullable(),
  reversalMovementId: z.number().int().nullable(),
  bankReference: z.string().nullable(),
  paidOn: z.string().nullable(),
  cancelReason: z.string().nullable(),
  version: z.number().int(),
  href: z.string().nullable().describe('业务办件页面'),
  actions: z.array(z.enum(['approve', 'send', 'confirm', 'cancel'])).describe('当前用户可办理的操作'),
  blockedReason: z.string().nullable().describe('当前用户不能审批的原因'),
});
export const orderPage = z.object({ items: z.array(order), nextCursor: z.string().nullable() });

export const summary = z.object({
  today: z.string(),
  myLimit: z.number().nullable().describe('当前用户的审批限额（元）；null 为未设置或非复核人员'),
  byStatus: z.array(z.object({ status: z.enum(PAYMENT_STATUSES), statusName: z.string(), count: z.number().int(), amount: z.number() })),
});

export const payablesResult = z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), book: z.string() })) });

export const stepBody = z.object({ version }).strict();
export const confirmBody = z
  .object({
    bankReference: z.string({ message: '请填写银行流水号' }).trim().min(4, '银行流水号至少4个字符').max(64, '银行流水号最多64个字符').regex(/^[A-Za-z0-9-]+$/, '银行流水号只能包含字母、数字和短横线'),
    paidOn: isoDate,
    version,
  })
  .strict();
export const cancelBody = z.object({ reason: z.string({ message: '请填写取消原因' }).trim().min(2, '取消原因至少2个字').max(500, '取消原因最多500个字'), version }).strict();

export const limitBody = z
  .object({
    limit: z
      .number({ message: '审批限额应为数字（元）' })
      .min(0, '审批限额不能为负')
      .max(1e10, '审批限额过大')
      .refine(hasAtMostTwoDecimals, '审批限额最多两位小数'),
  })
  .strict();
export const limitsResult = z.object({
  items: z.array(
    z.object({
      userId: z.number().int(),
      username: z.string(),
      displayName: z.string(),
      disabled: z.boolean(),
      limit: z.number().nullable().describe('审批限额（元）；null 为未设置（不能审批）'),
      version: z.number().int().nullable(),
      updatedAt: z.string().nullable(),
      updatedByName: z.string().nullable(),
    }),
  ),
});
