import { z } from "zod";
import { yuan } from "./allocations.schema.js";

export const MATCHING_LEVELS = {
  national: "国家级",
  provincial: "省级",
} as const;
const level = z.enum(["national", "provincial"], {
  message: "级别应为 national 或 provincial",
});
const isoDate = z
  .string({ message: "日期必填" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    "日期无效",
  );
const text = (label: string, max: number, min = 1) =>
  z
    .string({ message: `${label}必填` })
    .trim()
    .min(min, `${label}必填`)
    .max(max, `${label}最多${max}字`);

export const policyBody = z.object({
  level,
  ratio: z.union([z.number(), z.string().max(12)], {
    message: "配套比例应为小数，如 0.5",
  }),
  cap: yuan("配套上限", 0),
  effectiveFrom: isoDate,
  documentNo: text("政策文号", 60, 2),
});
export const policyItem = z.object({
  id: z.number(),
  level: z.string(),
  levelName: z.string(),
  ratio: z.string(),
  cap: z.number(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  documentNo: z.string(),
});
export const policyList = z.object({ items: z.array(policyItem) });

export const projectBody = z.object({
  level,
  sourceProgramme: text("来源计划", 60, 2),
  title: text("项目名称", 120, 4),
  approvalDocNo: text("立项文号", 60, 4),
  enterpriseId: z
    .number({ message: "请选择承担企业" })
    .int()
    .positive()
    .max(2147483647),
  external: yuan("上级资助金额"),
  approvedOn: isoDate,
});
export type ProjectInput = z.infer<typeof projectBody>;
export const projectsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  level: level.optional(),
});
export const projectItem = z.object({
  id: z.number(),
  level: z.string(),
  levelName: z.string(),
  sourceProgramme: z.string(),
  title: z.string(),
  approvalDocNo: z.string(),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  districtName: z.string().nullable(),
  external: z.number(),
  approvedOn: z.string(),
  year: z.number(),
  policy: z.object({
    id: z.number(),
    documentNo: z.string(),
    ratio: z.string(),
    cap: z.number(),
  }),
  /** the city's promise (配套承诺), paid so far (approved payment orders) and what remains promised */
  matching: z.number(),
  paid: z.number(),
  remaining: z.number(),
  orderIds: z.array(z.number()),
});
export const projectList = z.object({
  items: z.array(projectItem),
  totals: z.object({
    external: z.number(),
    matching: z.number(),
    paid: z.number(),
  }),
});
export const paymentBody = z.object({ amount: yuan("本次拨付金额") });
export const idParam = z.object({
  id: z.coerce.number().int().positive().max(2147483647),
});
