import { z } from 'zod';
import { BOOKING_STATUSES, CLAIM_FILE_KINDS, CLAIM_MODES, FLAG_KINDS, VOUCHER_CATEGORIES } from '../../db/schema/vouchers.js';
import { limitSchema } from '../../http/pagination.js';
import { hasAtMostTwoDecimals } from '../../lib/money.js';

export const CATEGORY_NAMES: Record<(typeof VOUCHER_CATEGORIES)[number], string> = {
  testing: '检验检测',
  rd_design: '研发设计',
  consulting: '技术咨询',
  ip: '知识产权',
  tech_transfer: '技术转移',
};

export const FLAG_NAMES: Record<(typeof FLAG_KINDS)[number], string> = {
  same_contact: '持有人与服务机构联系人/电话相同',
  provider_concentration: '服务机构兑付集中于少数持有人',
  round_under_cap: '反复出现略低于上限的整数金额',
  near_expiry: '临近有效期截止集中预约',
  shareholding_link: '持有人与服务机构存在股权关联',
};

// The statuses of each list and their names (`statusName`); the SPA shows the names, never its own.
export const POLICY_STATUSES = ['active', 'expired'] as const;
export const PROVIDER_STATUSES = ['pending', 'approved', 'suspended', 'blacklisted'] as const;
export const CLAIM_STATUSES = ['submitted', 'approved', 'rejected', 'reversed'] as const;
export const SETTLEMENT_STATUSES = ['pending', 'paid'] as const;
export const FLAG_STATUSES = ['open', 'dismissed', 'confirmed'] as const;

export const POLICY_STATUS_NAMES: Record<(typeof POLICY_STATUSES)[number], string> = { active: '执行中', expired: '已到期' };
export const PROVIDER_STATUS_NAMES: Record<(typeof PROVIDER_STATUSES)[number], string> = { pending: '待审核', approved: '已通过', suspended: '已暂停', blacklisted: '黑名单' };
export const BOOKING_STATUS_NAMES: Record<(typeof BOOKING_STATUSES)[number], string> = {
  booked: '已预约（冻结中）',
  claimed: '已申请兑付',
  redeemed: '已兑付',
  cancelled: '已取消',
  expired: '已过期',
};
export const CLAIM_STATUS_NAMES: Record<(typeof CLAIM_STATUSES)[number], string> = { submitted: '待审核', approved: '已通过', rejected: '已驳回', reversed: '已冲正' };
export const SETTLEMENT_STATUS_NAMES: Record<(typeof SETTLEMENT_STATUSES)[number], string> = { pending: '待付款', paid: '已付款' };
export const FLAG_STATUS_NAMES: Record<(typeof FLAG_STATUSES)[number], string> = { open: '待处理', dismissed: '已排除', confirmed: '已确认' };
export const MODE_NAMES: Record<(typeof CLAIM_MODES)[number], string> = { tongdui: '通兑（机构申请）', tongyong: '通用（持有人报销）' };

/** Yuan with at most two decimals (stored as integer fen). */
const yuan = (label: string, min = 0.01) =>
  z
    .number({ message: `${label}应为数字（元）` })
    .min(min, `${label}不能小于${min}元`)
    .max(1e10, `${label}过大`)
    .refine(hasAtMostTwoDecimals, `${label}最多两位小数`);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), '日期无效');

const category = z.enum(VOUCHER_CATEGORIES, {
  message: `服务类别应为：${VOUCHER_CATEGORIES.join('、')}`,
});
const id = z.number().int().positive().max(2147483647);
const cursor = z.string().max(500).optional();

export const idParam = z.object({
  id: z.coerce.number().int().positive().max(2147483647),
});
export const holderIdParam = z.object({
  holderId: z.coerce.number().int().positive().max(2147483647),
});

// ── policies ────────────────────────────────────────────────────────────────
export const createPolicyBody = z
  .object({
    year: z.number().int().min(2000).max(2100),
    name: z.string().trim().min(2).max(100),
    budget: yuan('年度预算').default(30_000_000),
    enterpriseCap: yuan('企业年度上限').default(100_000),
    teamCap: yuan('创业团队年度上限').default(30_000),
    coverageRatio: z.number().gt(0, '补助比例应大于0').max(1, '补助比例不能超过1').default(0.5),
    validUntil: isoDate.optional(),
    categories: z
      .array(category)
      .min(1)
      .max(VOUCHER_CATEGORIES.length)
      .default([...VOUCHER_CATEGORIES]),
  })
  .strict();
export type CreatePolicyInput = z.infer<typeof createPolicyBody>;

export const patchPolicyBody = z
  .object({
    name: z.string().trim().min(2).max(100).optional(),
    budget: yuan('年度预算').optional(),
    enterpriseCap: yuan('企业年度上限').optional(),
    teamCap: yuan('创业团队年度上限').optional(),
    coverageRatio: z.number().gt(0).max(1).optional(),
    validUntil: isoDate.optional(),
    categories: z.array(category).min(1).max(VOUCHER_CATEGORIES.length).optional(),
    version: z.number().int().positive(),
  })
  .strict();
export type PatchPolicyInput = z.infer<typeof patchPolicyBody>;

export const policyOut = z.object({
  id: z.number(),
  year: z.number(),
  name: z.string(),
  budget: z.number(),
  issued: z.number(),
  remaining: z.number().describe('预算余额（未发放，含到期收回）'),
  enterpriseCap: z.number(),
  teamCap: z.number(),
  coverageRatio: z.number(),
  validUntil: z.string(),
  categories: z.array(z.string()),
  categoryNames: z.array(z.string()),
  status: z.enum(POLICY_STATUSES),
  statusName: z.string(),
  version: z.number(),
});
export const policyList = z.object({ items: z.array(policyOut) });

export const expireResult = z.object({
  policyId: z.number(),
  holders: z.number(),
  released: z.number(),
  expired: z.number(),
});

// ── holders ─────────────────────────────────────────────────────────────────
export const createHolderBody = z.union([
  z
    .object({
      kind: z.literal('enterprise').default('enterprise'),
      enterpriseId: id,
    })
    .strict(),
  z
    .object({
      kind: z.literal('team'),
      name: z.string().trim().min(2).max(100),
      districtId: id,
      leaderName: z.string().trim().min(1).max(32),
      organizationId: id.optional(),
    })
    .strict(),
]);
export type CreateHolderInput = z.infer<typeof createHolderBody>;

export const holderQuery = z.object({
  q: z.string().trim().max(100).optional(),
  districtId: z.coerce.number().int().positive().max(2147483647).optional(),
  kind: z.enum(['enterprise', 'team']).optional(),
  limit: limitSchema,
  cursor,
});
export type HolderQuery = z.infer<typeof holderQuery>;

export const holderOut = z.object({
  id: z.number(),
  kind: z.enum(['enterprise', 'team']),
  enterpriseId: z.number().nullable(),
  uscc: z.string().nullable(),
  name: z.string(),
  districtId: z.number(),
  districtName: z.string(),
  leaderName: z.string().nullable(),
});
export const holderPage = z.object({
  items: z.array(holderOut),
  nextCursor: z.string().nullable(),
});

export const balanceQuery = z.object({
  policyId: z.coerce.number().int().positive().max(2147483647).optional(),
});
export const balanceOut = z.object({
  holderId: z.number(),
  policyId: z.number().nullable(),
  issued: z.number(),
  available: z.number(),
  frozen: z.number(),
  redeemed: z.number(),
  expired: z.number(),
  cap: z.number().nullable(),
});

// ── issuance ────────────────────────────────────────────────────────────────
export const issueBody = z.object({ policyId: id, holderId: id, amount: yuan('发放金额') }).strict();
export type IssueInput = z.infer<typeof issueBody>;
export const issueOut = z.object({
  movementId: z.number(),
  policyId: z.number(),
  holderId: z.number(),
  amount: z.number(),
  balance: balanceOut,
});

// ── providers and services ──────────────────────────────────────────────────
export const providerQuery = z.object({
  q: z.string().trim().max(100).optional(),
  category: category.optional(),
  districtId: z.coerce.number().int().positive().max(2147483647).optional(),
  status: z.enum(PROVIDER_STATUSES).optional(),
  limit: limitSchema,
  cursor,
});
export type ProviderQuery = z.infer<typeof providerQuery>;

export const createProviderBody = z
  .object({
    name: z.string().trim().min(2).max(100),
    districtId: id,
    categories: z.array(category).min(1).max(VOUCHER_CATEGORIES.length),
    contactName: z.string().trim().max(32).optional(),
    contactPhone: z
      .string()
      .trim()
      .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '电话号码格式不正确')
      .optional(),
    description: z.string().trim().max(500).optional(),
    enterpriseId: id.optional(),
    organizationId: id.optional(),
  })
  .strict();
export type CreateProviderInput = z.infer<typeof createProviderBody>;

export const providerStatusBody = z
  .object({
    status: z.enum(['approved', 'suspended', 'blacklisted']),
    note: z.string().trim().max(500).optional(),
  })
  .strict();

export const serviceBody = z
  .object({
    category,
    name: z.string().trim().min(2).max(100),
    price: yuan('价格', 0),
    unit: z.string().trim().min(1).max(16).default('项'),
    description: z.string().trim().max(500).optional(),
  })
  .strict();
export type ServiceInput = z.infer<typeof serviceBody>;

export const serviceOut = z.object({
  id: z.number(),
  providerId: z.number(),
  category: z.string(),
  categoryName: z.string(),
  name: z.string(),
  price: z.number(),
  unit: z.string(),
  description: z.string().nullable(),
});

export const providerOut = z.object({
  id: z.number(),
  name: z.string(),
  categories: z.array(z.string()),
  categoryNames: z.array(z.string()),
  status: z.enum(PROVIDER_STATUSES),
  statusName: z.string(),
  districtId: z.number(),
  districtName: z.string(),
  organizationId: z.number().nullable(),
  contactName: z.string().nullable(),
  description: z.string().nullable(),
});
export const providerPage = z.object({
  items: z.array(providerOut),
  nextCursor: z.string().nullable(),
});
export const providerDetail = providerOut.extend({
  services: z.array(serviceOut),
});

// ── bookings ────────────────────────────────────────────────────────────────
export const bookingBody = z
  .object({
    holderId: id,
    policyId: id,
    providerId: id,
    serviceCategory: category,
    serviceId: id.optional().describe('服务机构目录中的服务项目（持有人预约时必填）'),
    serviceStart: isoDate.optional().describe('服务开始日期（持有人预约时必填）'),
    serviceEnd: isoDate.optional().describe('服务完成日期（不早于开始日期，不晚于政策有效期）'),
    contractAmount: yuan('服务合同金额'),
    amount: yuan('使用创新券金额'),
  })
  .strict();
export type BookingInput = z.infer<typeof bookingBody>;

export const idempotencyHeaders = z.object({
  'idempotency-key': z.string().trim().min(1).max(200).optional().describe('同一键重复提交返回同一结果且只生效一次'),
});

export const bookingOut = z.object({
  id: z.number(),
  amount: z.number(),
  status: z.enum(BOOKING_STATUSES),
  statusName: z.string(),
  policyId: z.number(),
  holderId: z.number(),
  holderName: z.string(),
  providerId: z.number(),
  providerName: z.string(),
  serviceCategory: z.string(),
  serviceCategoryName: z.string(),
  serviceId: z.number().nullable(),
  serviceName: z.string().nullable(),
  serviceStart: z.string().nullable(),
  serviceEnd: z.string().nullable(),
  contractAmount: z.number(),
  bookedOn: z.string(),
});
export const bookingQuery = z.object({
  status: z.enum(BOOKING_STATUSES).optional(),
  holderId: z.coerce.number().int().positive().max(2147483647).optional(),
  providerId: z.coerce.number().int().positive().max(2147483647).optional(),
  policyId: z.coerce.number().int().positive().max(2147483647).optional(),
  limit: limitSchema,
  cursor,
});
export type BookingQuery = z.infer<typeof bookingQuery>;
export const bookingPage = z.object({
  items: z.array(bookingOut),
  nextCursor: z.string().nullable(),
});

// ── claims and settlement ───────────────────────────────────────────────────
export const claimBody = z
  .object({
    bookingId: id,
    mode: z.enum(CLAIM_MODES, {
      message: '兑付方式应为 tongdui（通兑）或 tongyong（通用）',
    }),
    amount: yuan('申请兑付金额').optional(),
    contractNo: z.string().trim().min(1).max(64),
    evidenceRef: z.string().trim().min(1).max(200).describe('通兑：用户验收单号；通用：全额付款发票号'),
    paidAmount: yuan('已付金额').optional(),
  })
  .strict();
export type ClaimInput = z.infer<typeof claimBody>;
export const decisionBody = z.object({ note: z.string().trim().max(500).optional() }).strict();
export const rejectBody = z.object({ note: z.string().trim().min(2, '请填写驳回理由').max(500) }).strict();

export const claimOut = z.object({
  id: z.number(),
  bookingId: z.number(),
  mode: z.enum(CLAIM_MODES),
  modeName: z.string(),
  amount: z.number(),
  contractNo: z.string(),
  evidenceRef: z.string(),
  status: z.enum(CLAIM_STATUSES),
  statusName: z.string(),
  submittedOn: z.string(),
  decidedOn: z.string().nullable(),
  decisionNote: z.string().nullable(),
  settlementId: z.number().nullable(),
  holderId: z.number(),
  holderName: z.string(),
  providerId: z.number(),
  providerName: z.string(),
  serviceCategory: z.string(),
  serviceCategoryName: z.string(),
  serviceName: z.string().nullable(),
  serviceStart: z.string().nullable(),
  serviceEnd: z.string().nullable(),
  policyId: z.number(),
});
export const claimQuery = z.object({
  status: z.enum(CLAIM_STATUSES).optional(),
  mode: z.enum(CLAIM_MODES).optional(),
  providerId: z.coerce.number().int().positive().max(2147483647).optional(),
  holderId: z.coerce.number().int().positive().max(2147483647).optional(),
  limit: limitSchema,
  cursor,
});
export type ClaimQuery = z.infer<typeof claimQuery>;
export const claimPage = z.object({
  items: z.array(claimOut),
  nextCursor: z.string().nullable(),
});

export const settlementBody = z.object({ policyId: id, providerId: id }).strict();
export const settlementOut = z.object({
  id: z.number(),
  policyId: z.number(),
  providerId: z.number(),
  providerName: z.string(),
  status: z.enum(SETTLEMENT_STATUSES),
  statusName: z.string(),
  total: z.number(),
  claimCount: z.number(),
  createdAt: z.date(),
  paidAt: z.date().nullable(),
  paymentRef: z.string().nullable().describe('付款流水号（登记付款时填写）'),
  paidOn: z.string().nullable().describe('付款日期'),
});
export const paymentBody = z
  .object({
    paymentRef: z.string().trim().min(4, '请填写付款流水号（至少4位）').max(64, '付款流水号过长'),
    paidOn: isoDate.describe('付款日期（不晚于今天）'),
  })
  .strict();
export const settlementQuery = z.object({
  providerId: z.coerce.number().int().positive().max(2147483647).optional(),
  status: z.enum(SETTLEMENT_STATUSES).optional(),
  limit: limitSchema,
  cursor,
});
export const settlementPage = z.object({
  items: z.array(settlementOut),
  nextCursor: z.string().nullable(),
});

// ── statistics, flags, ledger check ─────────────────────────────────────────
export const statsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  by: z.enum(['district', 'provider', 'category', 'month']).default('district'),
});
const statsFigures = {
  issued: z.number(),
  redeemed: z.number(),
  expired: z.number(),
  usageRate: z.number().nullable(),
  holders: z.number().nullable(),
};
export const statsOut = z.object({
  year: z.number(),
  by: z.string(),
  totals: z.object(statsFigures),
  rows: z.array(z.object({ key: z.string(), label: z.string(), ...statsFigures })),
});

export const flagQuery = z.object({
  status: z.enum(FLAG_STATUSES).optional(),
  kind: z.enum(FLAG_KINDS).optional(),
  limit: limitSchema,
  cursor,
});
export const flagOut = z.object({
  id: z.number(),
  kind: z.enum(FLAG_KINDS),
  kindName: z.string(),
  holderId: z.number().nullable(),
  holderName: z.string().nullable(),
  providerId: z.number().nullable(),
  providerName: z.string().nullable(),
  bookingId: z.number().nullable(),
  evidence: z.record(z.string(), z.unknown()),
  status: z.enum(FLAG_STATUSES),
  statusName: z.string(),
  resolutionNote: z.string().nullable(),
  createdAt: z.date(),
  resolvedAt: z.date().nullable(),
});
export const flagPage = z.object({
  items: z.array(flagOut),
  nextCursor: z.string().nullable(),
});
export const resolveFlagBody = z
  .object({
    resolution: z.enum(['dismissed', 'confirmed']),
    note: z.string().trim().min(2, '请填写处理意见').max(500),
  })
  .strict();
export const scanOut = z.object({ raised: z.number() });

export const ledgerCheckOut = z.object({
  balanced: z.boolean(),
  unbalancedMovements: z.number(),
  driftedAccounts: z.number(),
  negativeAccounts: z.number(),
  holderMismatches: z.number(),
  overBudgetPolicies: z.number(),
  total: z.number(),
});

export const errorOut = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown(),
  }),
});

// ── claim files ─────────────────────────────────────────────────────────────
export const claimFileQuery = z.object({
  kind: z.enum(CLAIM_FILE_KINDS, { message: '材料类别应为 acceptance（服务验收报告）或 invoice（服务发票）' }),
});
export const claimFileOut = z.object({
  id: z.number(),
  kind: z.enum(CLAIM_FILE_KINDS),
  kindName: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});
export const claimFileList = z.object({ items: z.array(claimFileOut) });
