import { z } from 'zod';
import { RECOGNITION_TYPES } from '../../db/schema/index.js';
import { isoDay } from './register.schema.js';

const typeField = z.enum(RECOGNITION_TYPES, { message: '认定类型不正确' });
const yearField = z.coerce.number({ message: '年度应为数字' }).int('年度应为整数').min(2000, '年度应在2000至2100之间').max(2100, '年度应在2000至2100之间');
const id = z.coerce.number().int().positive().max(2147483647);

export const recommendationQuery = z.object({
  type: typeField.optional(),
  year: yearField.optional(),
  batchId: id.optional(),
  state: z.enum(['pending', 'recorded', 'all'], { message: '状态应为 pending（待登记结果）、recorded（已登记）或 all' }).default('all'),
});

export const recommendationItem = z.object({
  applicationId: z.number(),
  type: typeField,
  typeName: z.string(),
  year: z.number(),
  status: z.string(),
  statusName: z.string(),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  uscc: z.string(),
  districtName: z.string(),
  recommendedOn: z.string(),
  upperBody: z.string(),
  batchId: z.number().nullable(),
  batchTitle: z.string().nullable(),
  result: z.enum(['recognised', 'not_recognised']).nullable(),
  resultName: z.string(),
  resultDocNo: z.string().nullable(),
  resultOn: z.string().nullable(),
  recognitionId: z.number().nullable(),
  certificateNo: z.string().nullable(),
  validUntil: z.string().nullable(),
});
export const recommendationList = z.object({ items: z.array(recommendationItem) });

export const batchBody = z.object({
  type: typeField,
  year: z.number({ message: '请填写年度' }).int('年度应为整数').min(2000, '年度应在2000至2100之间').max(2100, '年度应在2000至2100之间'),
  title: z.string({ message: '请填写批次名称' }).trim().min(4, '批次名称至少4个字').max(100, '批次名称不超过100个字'),
  applicationIds: z.array(id, { message: '请选择推荐上报的企业' }).min(1, '请至少选择一家推荐上报的企业').max(1000, '一批不超过1000家'),
});
export const batchQuery = z.object({ type: typeField.optional(), year: yearField.optional() });
export const batchItem = z.object({
  id: z.number(),
  type: typeField,
  typeName: z.string(),
  year: z.number(),
  title: z.string(),
  upperBody: z.string(),
  submittedOn: z.string(),
  total: z.number(),
  recognised: z.number(),
  notRecognised: z.number(),
});
export const batchList = z.object({ items: z.array(batchItem) });

export const resultBody = z.object({
  recognised: z.boolean({ message: '请选择上级认定结果' }),
  docNo: z.string({ message: '请填写上级认定文件的文号' }).trim().min(4, '文号至少4个字，如 浙科发高〔2015〕120号').max(60, '文号不超过60个字'),
  resultOn: isoDay,
  certificateNo: z.string().trim().regex(/^[A-Z0-9]{6,30}$/, '证书编号应为6至30位大写字母或数字').optional(),
  comment: z.string().trim().max(500, '说明不超过500个字').optional(),
});
export const resultAnswer = z.object({ applicationId: z.number(), status: z.string(), statusName: z.string(), certificateNo: z.string().nullable(), validUntil: z.string().nullable() });
