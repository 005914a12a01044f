import { z } from 'zod';
import { CONTRACT_TYPES, DEAL_SOURCES, LISTING_KINDS, LISTING_STATUSES, PRICE_MODES } from '../../db/schema/techmarket.js';
import { limitSchema } from '../../http/pagination.js';
import { hasAtMostTwoDecimals } from '../../lib/money.js';
import { isValidPhone } from '../../lib/pii.js';

/** Technical domains (the eight fields of the high-tech enterprise rules, plus other). */
export const TECH_DOMAINS = ['电子信息', '生物与新医药', '航空航天', '新材料', '高技术服务', '新能源与节能', '资源与环境', '先进制造与自动化', '其他'] as const;

export const CONTRACT_TYPE_NAMES: Record<(typeof CONTRACT_TYPES)[number], string> = {
  development_commissioned: '技术开发（委托）',
  development_cooperative: '技术开发（合作）',
  transfer_patent: '技术转让（专利权）',
  transfer_patent_application: '技术转让（专利申请权）',
  transfer_know_how: '技术转让（技术秘密）',
  transfer_other: '技术转让（其他）',
  licence_patent: '技术许可（专利实施许可）',
  licence_know_how: '技术许可（技术秘密使用许可）',
  consulting: '技术咨询',
  service: '技术服务',
};
export const CONTRACT_GROUP: Record<(typeof CONTRACT_TYPES)[number], string> = {
  development_commissioned: '技术开发',
  development_cooperative: '技术开发',
  transfer_patent: '技术转让',
  transfer_patent_application: '技术转让',
  transfer_know_how: '技术转让',
  transfer_other: '技术转让',
  licence_patent: '技术许可',
  licence_know_how: '技术许可',
  consulting: '技术咨询',
  service: '技术服务',
};

/** The names of a listing's status, a deal's contract registration and an auction's phase, sent next to each code. */
export const LISTING_STATUS_NAMES: Record<(typeof LISTING_STATUSES)[number], string> = { pending: '待审核', approved: '已公开', rejected: '已退回', withdrawn: '已撤回' };
export const REGISTRATION_STATUS_NAMES: Record<'none' | 'submitted' | 'returned' | 'registered', string> = {
  none: '未申请',
  submitted: '待登记',
  returned: '已退回',
  registered: '已登记',
};
export const AUCTION_PHASE_NAMES: Record<'upcoming' | 'bidding' | 'ended' | 'closed', string> = { upcoming: '未开始', bidding: '竞价中', ended: '待结束', closed: '已结束' };

export const MAX_QUERY_CHARS = 100;

const yuan = (max = 1e11) =>
  z.number().positive('金额须大于0').max(max, '金额过大').refine(hasAtMostTwoDecimals, '金额最多两位小数');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), '日期无效');
export const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const kindEnum = z.enum(LISTING_KINDS, { message: 'kind 应为 supply（成果）或 demand（需求）' });
export const domainEnum = z.enum(TECH_DOMAINS, { message: `技术领域应为：${TECH_DOMAINS.join('、')}` });

export const searchQuery = z.object({
  // Length is checked in the service (400 invalid_search with a clear message), after trimming.
  q: z.string().max(1000, '检索词过长').optional(),
  kind: kindEnum.optional(),
  domain: domainEnum.optional(),
  district: z.string().trim().max(32).optional(),
  limit: limitSchema.pipe(z.number().max(100, '每页最多100条')),
  cursor: z.string().max(200).optional(),
});
export type SearchQuery = z.infer<typeof searchQuery>;

const range = z.tuple([z.number().int(), z.number().int()]);
export const listingItem = z.object({
  id: z.number().int(),
  kind: kindEnum,
  title: z.string(),
  summary: z.string(),
  domain: z.string(),
  maturity: z.number().int().nullable(),
  priceMode: z.enum(PRICE_MODES),
  price: z.number().nullable(),
  districtName: z.string().nullable(),
  ownerName: z.string(),
  status: z.enum(LISTING_STATUSES),
  statusName: z.string(),
  approvedAt: z.date().nullable(),
  highlight: z.object({ title: z.array(range), summary: z.array(range) }).nullable(),
  titleHit: z.boolean().nullable(),
});
export const listingPage = z.object({ items: z.array(listingItem), nextCursor: z.string().nullable() });

const ipItem = z.object({
  type: z.string().trim().min(1).max(20),
  number: z.string().trim().max(40).optional(),
  title: z.string().trim().min(1).max(200),
});
const attachment = z.object({ name: z.string().trim().min(1).max(200), url: z.string().trim().max(500).optional() });

export const listingFields = {
  kind: kindEnum,
  title: z.string().trim().min(4, '标题至少4个字').max(100, '标题不超过100个字'),
  description: z.string().trim().min(10, '描述至少10个字').max(5000, '描述不超过5000个字'),
  domain: domainEnum,
  maturity: z.number().int().min(1, '技术成熟度为 TRL 1–9').max(9, '技术成熟度为 TRL 1–9').optional().nullable(),
  ipItems: z.array(ipItem).max(50).optional(),
  priceMode: z.enum(PRICE_MODES, { message: 'priceMode 应为 fixed / negotiable / auction' }),
  price: yuan().optional().nullable(),
  district: z.string().trim().max(32).optional().nullable(),
  contactName: z.string().trim().max(40).optional().nullable(),
  contactPhone: z.string().trim().refine(isValidPhone, '电话号码格式不正确').optional().nullable(),
  contactEmail: z.string().trim().email('邮箱格式不正确').max(100).optional().nullable(),
  attachments: z.array(attachment).max(20).optional(),
};
export const createListingBody = z.object(listingFields).strict();
export type CreateListingInput = z.infer<typeof createListingBody>;
export const patchListingBody = z
  .object({ ...Object.fromEntries(Object.entries(listingFields).filter(([k]) => k !== 'kind')), version: z.number().int().positive() })
  .partial()
  .required({ version: true })
  .strict() as z.ZodType<Partial<Omit<CreateListingInput, 'kind'>> & { version: number }>;
export type PatchListingInput = Partial<Omit<CreateListingInput, 'kind'>> & { version: number };

export const listingDetail = listingItem.extend({
  description: z.string(),
  ipItems: z.array(ipItem),
  attachments: z.array(attachment),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  rejectReason: z.string().nullable(),
  organizationId: z.number().int(),
  mine: z.boolean(),
  version: z.number().int(),
  createdAt: z.date(),
  auctionId: z.number().int().nullable(),
});
export const createdListing = z.object({ id: z.number().int(), status: z.enum(LISTING_STATUSES), statusName: z.string() });
export const rejectBody = z.object({ reason: z.string().trim().min(2, '请填写退回理由').max(500) }).strict();
export const moderationQuery = z.object({
  status: z.enum(LISTING_STATUSES).default('pending'),
  limit: limitSchema.pipe(z.number().max(100)),
  cursor: z.string().max(200).optional(),
});
export const myListingsQuery = z.object({ limit: limitSchema.pipe(z.number().max(100)), cursor: z.string().max(200).optional() });

export const matchItem = z.object({
  id: z.number().int(),
  kind: kindEnum,
  title: z.string(),
  domain: z.string(),
  districtName: z.string().nullable(),
  ownerName: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
});
export const matchList = z.object({ items: z.array(matchItem) });

export const subscriptionBody = z
  .object({
    name: z.string().trim().min(1).max(50),
    q: z.string().trim().max(MAX_QUERY_CHARS).optional().nullable(),
    kind: kindEnum.optional().nullable(),
    domain: domainEnum.optional().nullable(),
  })
  .strict();
export const subscription = z.object({
  id: z.number().int(),
  name: z.string(),
  q: z.string().nullable(),
  kind: kindEnum.nullable(),
  domain: z.string().nullable(),
  createdAt: z.date(),
});
export const subscriptionList = z.object({ items: z.array(subscription) });
export const notification = z.object({
  id: z.number().int(),
  title: z.string(),
  listingId: z.number().int().nullable(),
  subscriptionId: z.number().int().nullable(),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});
export const notificationList = z.object({ items: z.array(notification), unread: z.number().int() });

// Deals and registration
export const createDealBody = z
  .object({
    source: z.enum(['listing', 'offline'] as const, { message: 'source 应为 listing 或 offline（拍卖成交由系统生成）' }),
    title: z.string().trim().min(2).max(200),
    supplyListingId: z.number().int().positive().optional().nullable(),
    demandListingId: z.number().int().positive().optional().nullable(),
    sellerName: z.string().trim().min(2).max(100).optional(),
    buyerName: z.string().trim().min(2, '请填写买方名称').max(100),
    district: z.string().trim().max(32).optional(),
    domain: domainEnum,
    amount: yuan(),
    signedOn: isoDate,
  })
  .strict();
export type CreateDealInput = z.infer<typeof createDealBody>;
export const dealsQuery = z.object({
  atRisk: z.enum(['true', 'false']).optional(),
  limit: limitSchema.pipe(z.number().max(100)),
  cursor: z.string().max(200).optional(),
});
export const registrationStatus = z.enum(['none', 'submitted', 'returned', 'registered']);
export const deal = z.object({
  id: z.number().int(),
  source: z.enum(DEAL_SOURCES),
  title: z.string(),
  supplyListingId: z.number().int().nullable(),
  demandListingId: z.number().int().nullable(),
  auctionId: z.number().int().nullable(),
  sellerName: z.string(),
  buyerName: z.string(),
  districtName: z.string(),
  domain: z.string(),
  amount: z.number(),
  signedOn: z.string(),
  deadlineOn: z.string(),
  daysLeft: z.number().int(),
  atRisk: z.boolean(),
  registrationId: z.number().int().nullable(),
  registrationStatus,
  registrationStatusName: z.string(),
  mine: z.boolean(),
});
export const dealPage = z.object({ items: z.array(deal), nextCursor: z.string().nullable() });

const nonTechnicalItem = z.object({
  kind: z.string().trim().min(1).max(40),
  amount: z.number().min(0).max(1e11).refine(hasAtMostTwoDecimals, '金额最多两位小数'),
});
export const submitRegistrationBody = z
  .object({
    contractType: z.enum(CONTRACT_TYPES, { message: '合同类型无效' }),
    contractTitle: z.string().trim().min(2).max(200),
    amount: yuan(),
    nonTechnicalItems: z.array(nonTechnicalItem).max(20).default([]),
  })
  .strict();
export type SubmitRegistrationInput = z.infer<typeof submitRegistrationBody>;
export const registerBody = z
  .object({
    contractType: z.enum(CONTRACT_TYPES).optional(),
    technicalIncome: z.number().min(0).max(1e11).refine(hasAtMostTwoDecimals, '金额最多两位小数').optional(),
  })
  .strict();
export const returnBody = z.object({ reasons: z.array(z.string().trim().min(2).max(300)).min(1, '请至少填写一条退回理由').max(10) }).strict();
export const registrationsQuery = z.object({
  status: z.enum(['submitted', 'returned', 'registered']).optional(),
  limit: limitSchema.pipe(z.number().max(100)),
  cursor: z.string().max(200).optional(),
});
export const registration = z.object({
  id: z.number().int(),
  dealId: z.number().int(),
  status: z.enum(['submitted', 'returned', 'registered']),
  statusName: z.string(),
  contractType: z.enum(CONTRACT_TYPES),
  contractTypeName: z.string(),
  contractTitle: z.string(),
  sellerName: z.string(),
  buyerName: z.string(),
  signedOn: z.string(),
  deadlineOn: z.string(),
  ruleVersion: z.number().int(),
  amount: z.number(),
  nonTechnicalItems: z.array(nonTechnicalItem),
  nonTechnical: z.number(),
  technicalIncome: z.number().nullable(),
  registrationNo: z.string().nullable(),
  returnReasons: z.array(z.string()),
  submittedAt: z.date(),
  registeredOn: z.string().nullable(),
  districtName: z.string(),
  domain: z.string(),
});
export const registrationPage = z.object({ items: z.array(registration), nextCursor: z.string().nullable() });
export const ruleBody = z
  .object({
    deadlineDays: z.number().int().min(1).max(365),
    atRiskDays: z.number().int().min(0).max(365),
    effectiveFrom: isoDate,
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((r) => r.atRiskDays <= r.deadlineDays, { message: '预警天数不能大于登记期限', path: ['atRiskDays'] });
export const rule = z.object({
  version: z.number().int(),
  deadlineDays: z.number().int(),
  atRiskDays: z.number().int(),
  effectiveFrom: z.string(),
  note: z.string().nullable(),
  createdAt: z.date(),
});
export const ruleList = z.object({ items: z.array(rule) });

// Auctions
export const createAuctionBody = z
  .object({
    listingId: z.number().int().positive(),
    startingPrice: yuan(),
    reservePrice: yuan(),
    increment: yuan(),
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date(),
    extensionWindowSeconds: z.number().int().min(0).max(3600).default(300),
    extensionSeconds: z.number().int().min(0).max(3600).default(300),
  })
  .strict()
  .refine((a) => a.reservePrice >= a.startingPrice, { message: '保留价不能低于起拍价', path: ['reservePrice'] })
  .refine((a) => a.endsAt > a.startsAt, { message: '结束时间须晚于开始时间', path: ['endsAt'] });
export type CreateAuctionInput = z.infer<typeof createAuctionBody>;
export const bidBody = z.object({ amount: yuan() }).strict();
export const auctionSummary = z.object({
  id: z.number().int(),
  listingId: z.number().int(),
  title: z.string(),
  status: z.enum(['open', 'sold', 'unsold', 'cancelled']),
  phase: z.enum(['upcoming', 'bidding', 'ended', 'closed']),
  phaseName: z.string(),
  startingPrice: z.number(),
  increment: z.number(),
  currentPrice: z.number().nullable(),
  minimumBid: z.number(),
  reserveMet: z.boolean(),
  bidCount: z.number().int(),
  startsAt: z.date(),
  endsAt: z.date(),
  extensionWindowSeconds: z.number().int(),
  extensionSeconds: z.number().int(),
  leading: z.boolean(),
  dealId: z.number().int().nullable(),
});
export const auctionList = z.object({ items: z.array(auctionSummary) });
export const bidItem = z.object({ id: z.number().int(), bidder: z.string(), amount: z.number(), placedAt: z.date(), extended: z.boolean() });
export const auctionDetail = auctionSummary.extend({ bids: z.array(bidItem), reservePrice: z.number().nullable() });
export const bidResult = z.object({ accepted: z.boolean(), amount: z.number(), endsAt: z.date(), extended: z.boolean(), bidCount: z.number().int() });

// Statistics
export const statsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100), district: z.string().trim().max(32).optional() });
const bucket = z.object({ key: z.string(), name: z.string(), deals: z.number().int(), amount: z.number(), technicalIncome: z.number() });
export const stats = z.object({
  year: z.number().int(),
  dateBasis: z.string(),
  amountBasis: z.string(),
  totals: z.object({ deals: z.number().int(), amount: z.number(), technicalIncome: z.number() }),
  byDistrict: z.array(bucket),
  byType: z.array(bucket),
  byDomain: z.array(bucket),
  byMonth: z.array(bucket),
  byYear: z.array(bucket),
});
