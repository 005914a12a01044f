import { z } from "zod";

/** The technical fields of a nomination (the expert pool's fields: a panel prefers experts of the nomination's field). */
export const AWARD_FIELDS = [
  "电子信息",
  "生物与新医药",
  "航空航天",
  "新材料",
  "高技术服务",
  "新能源与节能",
  "资源与环境",
  "先进制造与自动化",
] as const;
export const GRADES = {
  first: "一等奖",
  second: "二等奖",
  third: "三等奖",
} as const;
export const RECORD_GRADES = {
  special: "特等奖",
  first: "一等奖",
  second: "二等奖",
  third: "三等奖",
} as const;
export const LEVELS = { national: "国家级", provincial: "省级" } as const;
export const CATEGORIES = {
  progress: "科学技术进步奖",
  invention: "技术发明奖",
  natural_science: "自然科学奖",
} as const;
type Keys<T> = [keyof T & string, ...(keyof T & string)[]];
const keys = <T extends object>(o: T) => Object.keys(o) as Keys<T>;

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
    .min(min, min > 1 ? `${label}至少${min}字` : `${label}必填`)
    .max(max, `${label}最多${max}字`);
export const idParam = z.object({
  id: z.coerce.number().int().positive().max(2147483647),
});
const year = z
  .number({ message: "年度应为数字" })
  .int("年度应为整数")
  .min(2000, "年度不早于2000")
  .max(2100, "年度不晚于2100");

export const completer = z.object({
  name: text("完成人姓名", 20),
  unit: text("完成单位", 60),
  contribution: text("主要贡献", 200),
});
export const nominationBody = z.object({
  title: text("成果名称", 80, 4),
  field: z.enum(AWARD_FIELDS, {
    message: `技术领域应为：${AWARD_FIELDS.join("、")}`,
  }),
  achievement: text("主要科技创新内容", 2000, 20),
  summary: text("经济社会效益", 1000, 10),
  completers: z
    .array(completer)
    .min(1, "至少一名完成人")
    .max(15, "完成人最多15名"),
  nominatingUnit: text("提名单位", 60, 2),
});
export type NominationInput = z.infer<typeof nominationBody>;
export const nominationUpdateBody = nominationBody.extend({
  version: z.number().int().positive().max(2147483647),
});

/** The steps an officer or the nominator takes here (the panel, the notice and the decision are the kernel's routes). */
export const ACTIONS = [
  "submit",
  "formal_pass",
  "formal_return",
  "formal_reject",
] as const;
export const actionBody = z.object({
  action: z.enum(ACTIONS, { message: `操作应为：${ACTIONS.join("、")}` }),
  comment: z.string().trim().max(500, "意见最多500字").nullable().optional(),
});
export const gradeBody = z.object({
  grade: z.enum(keys(GRADES), { message: "等级应为 first、second 或 third" }),
});
export const callBody = z
  .object({
    year,
    title: text("通知标题", 80, 4),
    opensOn: isoDate,
    closesOn: isoDate,
    description: z.string().trim().max(2000).nullable().optional(),
  })
  .refine((c) => c.closesOn >= c.opensOn, {
    message: "截止日期不能早于开始日期",
    path: ["closesOn"],
  });
export const nominationsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.string().max(40).optional(),
});

const event = z.object({
  action: z.string(),
  name: z.string(),
  toStatus: z.string(),
  comment: z.string().nullable(),
  actorLabel: z.string(),
  occurredAt: z.string(),
});
export const nominationSummary = z.object({
  id: z.number(),
  year: z.number(),
  title: z.string(),
  field: z.string(),
  enterpriseId: z.number().nullable(),
  enterpriseName: z.string().nullable(),
  districtName: z.string().nullable(),
  nominatingUnit: z.string(),
  status: z.string(),
  statusName: z.string(),
  next: z.string().nullable(),
  dueOn: z.string().nullable(),
  panelScore: z.number().nullable(),
  proposedGrade: z.string().nullable(),
  grade: z.string().nullable(),
  gradeName: z.string().nullable(),
  certificateNo: z.string().nullable(),
  version: z.number(),
});
export const nominationDetail = nominationSummary.extend({
  achievement: z.string(),
  summary: z.string(),
  completers: z.array(completer),
  awardedOn: z.string().nullable(),
  noticeId: z.number().nullable(),
  events: z.array(event),
  /** the steps the caller may take now (actions of this module) */
  actions: z.array(
    z.object({
      action: z.string(),
      name: z.string(),
      needsComment: z.boolean(),
    }),
  ),
});
export const nominationList = z.object({ items: z.array(nominationSummary) });

export const callItem = z.object({
  id: z.number(),
  year: z.number(),
  title: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  state: z.string(),
});
export const callList = z.object({ items: z.array(callItem) });

export const recordBody = z.object({
  level: z.enum(keys(LEVELS), { message: "级别应为 national 或 provincial" }),
  category: z
    .enum(keys(CATEGORIES), {
      message: "奖种应为 progress、invention 或 natural_science",
    })
    .default("progress"),
  grade: z.enum(keys(RECORD_GRADES), {
    message: "等级应为 special、first、second 或 third",
  }),
  year,
  projectTitle: text("项目名称", 120, 4),
  units: z
    .array(text("获奖单位", 60, 2))
    .min(1, "至少一个获奖单位")
    .max(20, "获奖单位最多20个"),
  enterpriseId: z
    .number()
    .int()
    .positive()
    .max(2147483647)
    .nullable()
    .optional(),
  documentNo: text("文号", 60, 4),
  awardedOn: isoDate,
});
export type RecordInput = z.infer<typeof recordBody>;
export const recordsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  level: z.enum(keys(LEVELS)).optional(),
});
export const recordItem = z.object({
  id: z.number(),
  level: z.string(),
  levelName: z.string(),
  category: z.string(),
  categoryName: z.string(),
  grade: z.string(),
  gradeName: z.string(),
  year: z.number(),
  projectTitle: z.string(),
  units: z.array(z.string()),
  enterpriseId: z.number().nullable(),
  districtName: z.string().nullable(),
  documentNo: z.string(),
  awardedOn: z.string(),
});
export const recordList = z.object({ items: z.array(recordItem) });
export const summaryQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
});
export const summaryResult = z.object({
  year: z.number(),
  nationalFirst: z.number(),
  nationalSecond: z.number(),
  provincial: z.number(),
  cityAwarded: z.record(z.string(), z.number()),
});
