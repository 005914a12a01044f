import { z } from "zod";
import { hasAtMostTwoDecimals } from "../../lib/money.js";

export const yuan = (label: string, min = 0.01) =>
  z
    .number({ message: `${label}应为数字（元）` })
    .min(min, `${label}不能小于${min}元`)
    .max(1e11, `${label}过大`)
    .refine(hasAtMostTwoDecimals, `${label}最多两位小数`);

const decimalLike = (label: string) =>
  z.union(
    [
      z.number({ message: `${label}应为数字` }),
      z.string({ message: `${label}应为数字` }).max(40, `${label}过长`),
    ],
    { message: `${label}应为数字` },
  );

export const factorInput = z.object({
  code: z
    .string({ message: "因素代码必填" })
    .regex(
      /^[a-z][a-z0-9_]{0,31}$/,
      "因素代码为小写字母开头的字母、数字或下划线，最多32位",
    ),
  name: z
    .string({ message: "因素名称必填" })
    .trim()
    .min(1, "因素名称必填")
    .max(40, "因素名称最多40字"),
  weight: decimalLike("权重"),
});
export const districtInput = z.object({
  code: z
    .string({ message: "区县代码必填" })
    .regex(/^\d{6}$/, "区县代码为6位数字"),
  values: z.record(z.string().max(32), decimalLike("因素值")),
});

/** RULES §6's request, field names as the contract says. */
export const previewBody = z.object({
  total: yuan("分配总额"),
  factors: z
    .array(factorInput)
    .min(1, "至少需要一个因素")
    .max(12, "最多12个因素"),
  districts: z
    .array(districtInput)
    .min(1, "至少需要一个区县")
    .max(50, "区县过多"),
});
export type PreviewInput = z.infer<typeof previewBody>;

export const allocationLine = z.object({
  code: z.string(),
  name: z.string(),
  share: z.string(),
  amountFen: z.number().int(),
  amount: z.number(),
});
export const previewResult = z.object({
  totalFen: z.number().int(),
  allocations: z.array(allocationLine),
});

export const PLAN_KINDS = {
  city_funds: "市科技资金（因素法切块）",
  demonstration: "小微企业创业创新示范城市中央资金（竞争性分配）",
} as const;
export const PLAN_STATUSES = {
  draft: "草稿",
  approved: "已审批下达",
  superseded: "已被更正",
} as const;

export const planBody = previewBody.extend({
  name: z
    .string({ message: "方案名称必填" })
    .trim()
    .min(2, "方案名称至少2字")
    .max(80, "方案名称最多80字"),
  year: z
    .number({ message: "年度应为数字" })
    .int("年度应为整数")
    .min(2000, "年度不早于2000")
    .max(2100, "年度不晚于2100"),
  kind: z.enum(Object.keys(PLAN_KINDS) as [keyof typeof PLAN_KINDS], {
    message: "分配类型应为 city_funds 或 demonstration",
  }),
  note: z.string().trim().max(500, "说明最多500字").nullable().optional(),
  correctsPlanId: z
    .number()
    .int()
    .positive()
    .max(2147483647)
    .nullable()
    .optional(),
});
export type PlanInput = z.infer<typeof planBody>;
export const planUpdateBody = planBody.extend({
  version: z.number().int().positive().max(2147483647),
});
export const approveBody = z.object({
  version: z.number({ message: "版本号必填" }).int().positive().max(2147483647),
});
export const idParam = z.object({
  id: z.coerce.number().int().positive().max(2147483647),
});
export const listQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z
    .enum(Object.keys(PLAN_STATUSES) as [keyof typeof PLAN_STATUSES])
    .optional(),
});

const userRef = z.object({ id: z.number(), name: z.string() }).nullable();
export const planSummary = z.object({
  id: z.number(),
  name: z.string(),
  year: z.number(),
  kind: z.string(),
  kindName: z.string(),
  status: z.string(),
  statusName: z.string(),
  total: z.number(),
  totalFen: z.number(),
  preparedBy: userRef,
  approvedBy: userRef,
  approvedOn: z.string().nullable(),
  correctsPlanId: z.number().nullable(),
  supersededBy: z.number().nullable(),
  version: z.number(),
  /** the district officer's own line (null for the city's view) */
  ownAllocation: allocationLine.nullable(),
});
export const planDetail = planSummary.extend({
  note: z.string().nullable(),
  factors: z.array(
    z.object({ code: z.string(), name: z.string(), weight: z.string() }),
  ),
  districts: z.array(
    allocationLine.extend({ values: z.record(z.string(), z.string()) }),
  ),
  booking: z
    .object({
      movementId: z.number(),
      valueDate: z.string(),
      reversalMovementId: z.number().nullable(),
    })
    .nullable(),
  /** may the caller approve it (a draft, a checker role, not the preparer) */
  canApprove: z.boolean(),
  canEdit: z.boolean(),
});
export const planList = z.object({ items: z.array(planSummary) });
export const balancesQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
});
export const balancesResult = z.object({
  year: z.number(),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      balanceFen: z.number(),
      balance: z.number(),
    }),
  ),
  totalFen: z.number(),
});
