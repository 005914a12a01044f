import { z } from 'zod';
import { FUND_MOVEMENT_KINDS, FUND_MOVEMENT_STATUSES, FUND_PROGRAMMES, FUND_STATUSES } from '../../db/schema/index.js';
import { hasAtMostTwoDecimals } from '../../lib/money.js';

export const PROGRAMME_NAMES: Record<(typeof FUND_PROGRAMMES)[number], string> = { guidance: '创投引导基金', angel: '蒲公英天使投资引导基金' };
export const FUND_STATUS_NAMES: Record<(typeof FUND_STATUSES)[number], string> = { setting_up: '设立中', active: '存续', exited: '已退出' };
export const MOVEMENT_KIND_NAMES: Record<(typeof FUND_MOVEMENT_KINDS)[number], string> = { call: '实缴出资', distribution: '分配/退出回款' };
export const MOVEMENT_STATUS_NAMES: Record<(typeof FUND_MOVEMENT_STATUSES)[number], string> = { pending: '待复核', posted: '已入账', rejected: '已退回' };
/** The registry's industry list (enterprises module), the same words an investment is classified by. */
export const INDUSTRIES = ['电子信息', '生物与新医药', '航空航天', '新材料', '高技术服务', '新能源与节能', '资源与环境', '先进制造与自动化', '其他'] as const;
export const ROUNDS = ['种子轮', '天使轮', 'A轮', 'B轮', 'C轮及以后', 'Pre-IPO'] as const;
export const EXIT_METHODS = ['IPO', '并购', '股权转让', '回购', '清算'] as const;

const yuan = (label = '金额') =>
  z
    .number({ message: `${label}须为数字` })
    .positive(`${label}须大于0`)
    .max(1e11, `${label}过大`)
    .refine(hasAtMostTwoDecimals, `${label}最多两位小数`);
export const isoDate = z
  .string({ message: '请填写日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), '日期无效');
const name = (label: string) => z.string({ message: `请填写${label}` }).trim().min(2, `${label}至少2个字`).max(100, `${label}最多100个字`);
const id = z.coerce.number().int().positive().max(2_147_483_647);
export const idParam = z.object({ id });
export const programmeEnum = z.enum(FUND_PROGRAMMES, { message: '基金类别应为 guidance（创投引导基金）或 angel（蒲公英天使投资引导基金）' });
export const programmeParam = z.object({ code: programmeEnum });
export const fundStatusEnum = z.enum(FUND_STATUSES, { message: '状态应为 setting_up（设立中）、active（存续）或 exited（已退出）' });
const uscc = z
  .string()
  .trim()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '统一社会信用代码应为18位')
  .nullish();
const comment = z.string().trim().max(500, '意见最多500字');
export const ok = z.object({ ok: z.literal(true) });

// ---------- programmes and partner funds ----------
export const appropriationBody = z.object({ amount: yuan('拨付金额'), valueDate: isoDate, memo: z.string().trim().max(200, '说明最多200字').nullish() });
export const programmeItem = z.object({
  code: programmeEnum,
  name: z.string(),
  funds: z.number().int(),
  activeFunds: z.number().int(),
  scale: z.number(),
  commitment: z.number(),
  appropriated: z.number(),
  available: z.number(),
  committedUncalled: z.number(),
  paidIn: z.number(),
  returned: z.number(),
});
export const programmeList = z.object({ items: z.array(programmeItem) });

export const createFundBody = z.object({
  programme: programmeEnum,
  name: name('基金名称'),
  managerOrgId: id,
  registrationNo: z.string().trim().min(6, '登记编号至少6位').max(30, '登记编号最多30位').nullish(),
  districtId: id.nullish(),
  scale: yuan('认缴规模'),
  commitment: yuan('引导基金认缴出资'),
  setUpOn: isoDate,
  status: z.enum(['setting_up', 'active'], { message: '新登记的基金状态应为 setting_up（设立中）或 active（存续）' }),
});
export const fundStatusBody = z.object({ status: fundStatusEnum, exitedOn: isoDate.nullish(), version: z.number().int().positive() });
export const fundsQuery = z.object({ programme: programmeEnum.optional(), status: fundStatusEnum.optional() });
export const fundItem = z.object({
  id: z.number(),
  programme: programmeEnum,
  programmeName: z.string(),
  name: z.string(),
  managerOrgId: z.number(),
  managerName: z.string(),
  registrationNo: z.string().nullable(),
  districtId: z.number().nullable(),
  districtName: z.string().nullable(),
  scale: z.number(),
  commitment: z.number(),
  /** the bureau's share of the fund's scale, in percent */
  share: z.number(),
  setUpOn: z.string(),
  status: fundStatusEnum,
  statusName: z.string(),
  exitedOn: z.string().nullable(),
  version: z.number(),
  paidIn: z.number(),
  uncalled: z.number(),
  returned: z.number(),
  investments: z.number().int(),
  invested: z.number(),
});
export const fundList = z.object({ items: z.array(fundItem) });
export const managerList = z.object({ items: z.array(z.object({ id: z.number(), name: z.string() })) });

export const movementBody = z.object({
  kind: z.enum(FUND_MOVEMENT_KINDS, { message: '类别应为 call（实缴出资）或 distribution（分配/退出回款）' }),
  amount: yuan(),
  valueDate: isoDate,
  memo: z.string().trim().max(200, '说明最多200字').nullish(),
});
export const movementsQuery = z.object({ status: z.enum(FUND_MOVEMENT_STATUSES).optional(), fundId: id.optional() });
export const movementItem = z.object({
  id: z.number(),
  fundId: z.number(),
  fundName: z.string(),
  kind: z.enum(FUND_MOVEMENT_KINDS),
  kindName: z.string(),
  amount: z.number(),
  valueDate: z.string(),
  memo: z.string().nullable(),
  status: z.enum(FUND_MOVEMENT_STATUSES),
  statusName: z.string(),
  requestedBy: z.string().nullable(),
  /** the maker's user id: the maker never approves its own request */
  requestedById: z.number().nullable(),
  reviewedBy: z.string().nullable(),
  reviewComment: z.string().nullable(),
  ledgerMovementId: z.number().nullable(),
});
export const movementList = z.object({ items: z.array(movementItem) });
export const rejectBody = z.object({ comment: comment.min(1, '请填写退回理由') });

// ---------- quarterly reports ----------
export const investmentRow = z.object({
  companyName: name('被投企业名称'),
  uscc,
  amount: yuan('投资金额'),
  round: z.enum(ROUNDS, { message: `轮次应为：${ROUNDS.join('、')}` }),
  investedOn: isoDate,
  districtId: id.nullish(),
  industry: z.enum(INDUSTRIES, { message: `行业应为：${INDUSTRIES.join('、')}` }),
});
export const valuationRow = z.object({ companyName: name('企业名称'), value: yuan('估值') });
export const exitRow = z.object({
  companyName: name('企业名称'),
  exitedOn: isoDate,
  method: z.enum(EXIT_METHODS, { message: `退出方式应为：${EXIT_METHODS.join('、')}` }),
  proceeds: yuan('退出回款'),
});
const reportContent = {
  nav: yuan('基金净值').nullish(),
  note: z.string().trim().max(1000, '说明最多1000字').nullish(),
  investments: z.array(investmentRow).max(200, '一次最多200条投资'),
  valuations: z.array(valuationRow).max(200, '一次最多200条估值').default([]),
  exits: z.array(exitRow).max(100, '一次最多100条退出').default([]),
};
export const createReportBody = z.object({
  fundId: id,
  year: z.number({ message: '请填写年度' }).int().min(2009, '年度不早于2009年').max(2100, '年度无效'),
  quarter: z.number({ message: '请填写季度' }).int().min(1, '季度应为1-4').max(4, '季度应为1-4'),
  ...reportContent,
});
export const updateReportBody = z.object({ ...reportContent, version: z.number().int().positive() });
export const reviewBody = z.object({ comment: comment.nullish() });
export const reportsQuery = z.object({
  status: z.enum(['draft', 'submitted', 'returned', 'accepted']).optional(),
  fundId: id.optional(),
  year: z.coerce.number().int().min(2009).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const reportSummary = z.object({
  id: z.number(),
  fundId: z.number(),
  fundName: z.string(),
  programme: programmeEnum,
  year: z.number(),
  quarter: z.number(),
  status: z.string(),
  statusName: z.string(),
  dueOn: z.string().nullable(),
  investments: z.number().int(),
  invested: z.number(),
  version: z.number(),
});
export const reportList = z.object({ items: z.array(reportSummary) });
export const reportDetail = reportSummary.extend({
  nav: z.number().nullable(),
  note: z.string().nullable(),
  managerName: z.string(),
  investmentRows: z.array(
    investmentRow.extend({ id: z.number(), uscc: z.string().nullable(), districtId: z.number().nullable(), districtName: z.string().nullable(), enterpriseId: z.number().nullable() }),
  ),
  valuations: z.array(valuationRow.extend({ enterpriseId: z.number().nullable() })),
  exits: z.array(exitRow.extend({ enterpriseId: z.number().nullable() })),
  events: z.array(z.object({ action: z.string(), toStatus: z.string(), statusName: z.string(), comment: z.string().nullable(), actorLabel: z.string().nullable(), at: z.string() })),
});

// ---------- overseas ----------
export const overseasBody = z.object({
  name: name('项目名称'),
  country: z.string({ message: '请填写国家/地区' }).trim().min(2, '国家/地区至少2个字').max(40, '国家/地区最多40个字'),
  city: z.string().trim().max(40, '城市最多40个字').nullish(),
  field: z.enum(INDUSTRIES, { message: `领域应为：${INDUSTRIES.join('、')}` }),
  investedOn: isoDate,
  amount: yuan('投资金额'),
});
export const overseasReturnBody = z.object({
  returnedOn: isoDate,
  returnedName: name('落户企业名称'),
  uscc,
  districtId: id.nullish(),
  version: z.number().int().positive(),
});
export const overseasItem = z.object({
  id: z.number(),
  name: z.string(),
  country: z.string(),
  city: z.string().nullable(),
  field: z.string(),
  investedOn: z.string(),
  amount: z.number(),
  returnedOn: z.string().nullable(),
  returnedName: z.string().nullable(),
  returnedEnterpriseId: z.number().nullable(),
  returnedDistrictName: z.string().nullable(),
  version: z.number(),
});
export const overseasList = z.object({ items: z.array(overseasItem) });

// ---------- charts ----------
export const statsQuery = z.object({ year: z.coerce.number().int().min(2009).max(2100).optional() });
export const statsResponse = z.object({
  year: z.number(),
  scaleByYear: z.array(z.object({ year: z.number(), programme: programmeEnum, funds: z.number(), scale: z.number() })),
  byDistrict: z.array(z.object({ districtName: z.string(), projects: z.number(), amount: z.number() })),
  byIndustry: z.array(z.object({ industry: z.string(), projects: z.number(), amount: z.number() })),
});
