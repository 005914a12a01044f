import { z } from 'zod';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, '日期无效')
  .refine((v) => v >= '1990-01-01' && v <= '2099-12-31', '日期应在1990-01-01至2099-12-31之间');

export const workingDaysQuery = z.object({
  from: isoDate,
  days: z.coerce.number({ message: '工作日数须为整数' }).int('工作日数须为整数').min(1, '工作日数至少为1').max(1000, '工作日数不超过1000'),
});
export const workingDaysResult = z.object({
  end: z.string(),
  start: z.string(),
  days: z.number(),
  provisional: z.boolean(),
});

export const dateParams = z.object({ date: isoDate });
export const dayResult = z.object({
  date: z.string(),
  workingDay: z.boolean(),
  holiday: z.string().nullable(),
  weekend: z.boolean(),
  adjustedWorkday: z.boolean(),
  note: z.string().nullable(),
  provisional: z.boolean(),
});

const yearNumber = z.coerce.number({ message: '年份须为整数' }).int('年份须为整数').min(1990, '年份不早于1990').max(2099, '年份不晚于2099');
export const yearParams = z.object({ year: yearNumber });

export const noticeSchema = z.object({
  title: z.string().trim().min(4, '请填写通知标题').max(120, '标题不超过120个字'),
  number: z.string().trim().max(40, '文号不超过40个字').nullable(),
  publishedOn: isoDate.nullable(),
});
const entry = z.object({ date: isoDate, name: z.string().trim().min(1, '请填写名称').max(60, '名称不超过60个字') });

/** A whole year's arrangement; validated against the year in the path by the service. */
export const yearBody = z.object({
  notices: z.array(noticeSchema).min(1, '至少引用一份通知（标题和文号）').max(10, '最多10份通知'),
  holidays: z.array(entry).max(120, '放假日期过多'),
  workdays: z.array(entry).max(60, '调休上班日期过多'),
});
export type YearBody = z.infer<typeof yearBody>;

export const yearView = yearBody.extend({ year: z.number(), updatedAt: z.string() });
export const yearList = z.object({
  items: z.array(z.object({ year: z.number(), notices: z.array(noticeSchema), holidays: z.number(), workdays: z.number(), updatedAt: z.string() })),
});
