import { z } from 'zod';

const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), '日期无效');
const id = z.coerce.number().int().positive().max(2147483647);
const yearQ = z.coerce.number({ message: '年度应为数字' }).int('年度应为整数').min(2000, '年度应在2000至2100之间').max(2100, '年度应在2000至2100之间');
const yearB = z.number({ message: '请填写年度' }).int('年度应为整数').min(2000, '年度应在2000至2100之间').max(2100, '年度应在2000至2100之间');
const count = (label: string, max: number) => z.number({ message: `请填写${label}` }).int(`${label}应为整数`).min(0, `${label}不能为负`).max(max, `${label}不超过${max}`);

export const idParam = z.object({ id });
export const photoParams = z.object({ id, photoId: id });

// ---- events (科技下乡) ----
export const eventQuery = z.object({ year: yearQ.optional(), q: z.string().trim().max(40, '检索词不超过40个字').optional() });
export const eventBody = z.object({
  title: z.string({ message: '请填写活动名称' }).trim().min(4, '活动名称至少4个字').max(100, '活动名称不超过100个字'),
  heldOn: isoDay,
  place: z.string({ message: '请填写活动地点' }).trim().min(2, '活动地点至少2个字').max(100, '活动地点不超过100个字'),
  district: z.string().trim().min(2).max(20).optional().describe('区县名称；区县科技局默认本区县'),
  organisers: z.string({ message: '请填写主办、承办单位' }).trim().min(2, '请填写主办、承办单位').max(200, '主办、承办单位不超过200个字'),
  participants: count('参加人数', 100000),
  content: z.string({ message: '请填写活动内容' }).trim().min(10, '活动内容至少10个字').max(5000, '活动内容不超过5000个字'),
});
export const photoView = z.object({ id: z.number(), fileName: z.string(), caption: z.string().nullable() });
export const eventView = z.object({
  id: z.number(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string(),
  districtName: z.string().nullable(),
  organisers: z.string(),
  participants: z.number(),
  content: z.string(),
  photos: z.array(photoView),
});
export const eventList = z.object({ total: z.number(), items: z.array(eventView) });
export const photoQuery = z.object({ caption: z.string().trim().max(100, '说明不超过100个字').optional() });

// ---- commissioners (科技特派员) ----
export const commissionerQuery = z.object({ year: yearQ.optional(), q: z.string().trim().max(40).optional() });
export const commissionerBody = z.object({
  name: z.string({ message: '请填写姓名' }).trim().min(2, '姓名至少2个字').max(30, '姓名不超过30个字'),
  organization: z.string({ message: '请填写派出单位' }).trim().min(2, '请填写派出单位').max(100, '派出单位不超过100个字'),
  title: z.string().trim().max(30, '职称不超过30个字').optional(),
  expertise: z.string({ message: '请填写专业领域' }).trim().min(2, '请填写专业领域').max(100, '专业领域不超过100个字'),
  since: yearB,
});
export const assignmentBody = z.object({
  district: z.string({ message: '请选择区县' }).trim().min(2, '请选择区县').max(20),
  township: z.string({ message: '请填写乡镇（街道）' }).trim().min(2, '请填写乡镇（街道）').max(40, '乡镇名称不超过40个字'),
  enterpriseId: id.optional(),
  startOn: isoDay,
  endOn: isoDay.optional(),
  task: z.string({ message: '请填写服务任务' }).trim().min(4, '服务任务至少4个字').max(500, '服务任务不超过500个字'),
});
export const serviceRecordBody = z.object({
  year: yearB,
  serviceDays: count('服务天数', 366),
  enterprisesServed: count('服务企业（农户）数', 10000),
  trainings: count('培训场次', 1000),
  technologiesIntroduced: count('引进推广技术数', 1000),
  summary: z.string({ message: '请填写服务情况' }).trim().min(10, '服务情况至少10个字').max(2000, '服务情况不超过2000个字'),
});
const assignmentView = z.object({
  id: z.number(),
  districtName: z.string(),
  township: z.string(),
  enterpriseId: z.number().nullable(),
  enterpriseName: z.string().nullable(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  task: z.string(),
});
const recordView = serviceRecordBody.extend({ id: z.number() });
export const commissionerView = z.object({
  id: z.number(),
  name: z.string(),
  organization: z.string(),
  title: z.string().nullable(),
  expertise: z.string(),
  since: z.number(),
  active: z.boolean(),
  assignments: z.array(assignmentView),
  records: z.array(recordView),
});
export const commissionerList = z.object({ items: z.array(commissionerView) });
