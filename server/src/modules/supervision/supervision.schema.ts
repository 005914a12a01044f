import { z } from 'zod';
import { RECOGNITION_TYPES } from '../../db/schema/index.js';

const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), '日期无效');
const id = z.coerce.number().int().positive().max(2147483647);
const yearQ = z.coerce.number({ message: '年度应为数字' }).int('年度应为整数').min(2000, '年度应在2000至2100之间').max(2100, '年度应在2000至2100之间');
const yearB = z.number({ message: '请填写年度' }).int('年度应为整数').min(2000, '年度应在2000至2100之间').max(2100, '年度应在2000至2100之间');
const yuan = (label: string) => z.number({ message: `请填写${label}` }).min(0, `${label}不能为负`).max(1e12, `${label}过大`);
const persons = (label: string) => z.number({ message: `请填写${label}` }).int(`${label}应为整数`).min(0, `${label}不能为负`).max(1_000_000, `${label}过大`);

export const idParam = z.object({ id });

// ---- annual reports ----
export const REPORTED_TYPES = ['hnte', 'tase', 'municipal_hte'] as const;
export const reportData = z.object({
  revenue: yuan('营业收入（元）'),
  highTechRevenue: yuan('高新技术产品（服务）收入（元）'),
  rdExpenses: yuan('研究开发费用（元）'),
  employees: persons('职工总数'),
  stEmployees: persons('科技人员数'),
  ipCount: persons('有效知识产权数'),
});
export const reportBody = z.object({ recognitionId: id, year: yearB, data: reportData });
export const reportQuery = z.object({ year: yearQ.optional(), status: z.enum(['submitted', 'accepted', 'returned'], { message: '状态应为 submitted、accepted 或 returned' }).optional() });
export const reviewBody = z.object({ accept: z.boolean({ message: '请选择审核结论' }), comment: z.string().trim().max(500, '意见不超过500个字').optional() });
export const reportView = z.object({
  id: z.number(),
  recognitionId: z.number(),
  recognitionTypeName: z.string(),
  certificateNo: z.string(),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  districtName: z.string(),
  year: z.number(),
  data: reportData,
  /** the ratios the reviewer reads (R&D / revenue, high-tech revenue share, S&T staff share) */
  ratios: z.object({ rdRatio: z.number().nullable(), highTechShare: z.number().nullable(), stShare: z.number().nullable() }),
  status: z.string(),
  statusName: z.string(),
  submittedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
});
export const reportList = z.object({ items: z.array(reportView) });
export const dueList = z.object({
  year: z.number(),
  items: z.array(z.object({ recognitionId: z.number(), typeName: z.string(), certificateNo: z.string(), issuedOn: z.string(), validUntil: z.string().nullable(), report: reportView.nullable() })),
});

// ---- spot checks ----
export const drawBody = z.object({
  year: yearB,
  title: z.string({ message: '请填写抽查名称' }).trim().min(4, '抽查名称至少4个字').max(100, '抽查名称不超过100个字'),
  types: z.array(z.enum(RECOGNITION_TYPES, { message: '认定类型不正确' })).min(1, '请至少选择一种认定类型').max(13),
  rate: z.number({ message: '请填写抽查比例' }).gt(0, '抽查比例须大于0').max(1, '抽查比例不超过1'),
});
export const findingBody = z.object({
  finding: z.enum(['compliant', 'rectify', 'revoke'], { message: '结论应为 compliant（符合）、rectify（限期整改）或 revoke（撤销认定）' }),
  note: z.string({ message: '请填写检查情况' }).trim().min(4, '检查情况至少4个字').max(2000, '检查情况不超过2000个字'),
  checkedOn: isoDay,
  requirement: z.string().trim().max(1000, '整改要求不超过1000个字').optional(),
  rectifyBy: isoDay.optional(),
});
const stratum = z.object({ districtId: z.number(), districtName: z.string(), population: z.number(), drawn: z.number() });
export const drawView = z.object({
  id: z.number(),
  year: z.number(),
  title: z.string(),
  types: z.array(z.string()),
  rate: z.number(),
  seed: z.string(),
  drawnOn: z.string(),
  population: z.number(),
  drawn: z.number(),
  checked: z.number(),
  strata: z.array(stratum),
});
export const drawList = z.object({ items: z.array(drawView) });
export const itemView = z.object({
  id: z.number(),
  recognitionId: z.number(),
  typeName: z.string(),
  certificateNo: z.string(),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  districtName: z.string(),
  finding: z.string().nullable(),
  findingName: z.string().nullable(),
  findingNote: z.string().nullable(),
  checkedOn: z.string().nullable(),
  caseId: z.number().nullable(),
  caseStatusName: z.string().nullable(),
});
export const drawDetail = drawView.extend({ reproducible: z.boolean(), items: z.array(itemView) });

// ---- cases ----
export const caseActionBody = z.object({
  action: z.enum(['submit_report', 'accept_report', 'return_report', 'propose_revocation', 'revoke', 'drop_revocation'], { message: '操作不正确' }),
  comment: z.string().trim().max(2000, '意见不超过2000个字').optional(),
  report: z.string().trim().min(10, '整改报告至少10个字').max(5000, '整改报告不超过5000个字').optional(),
  effectiveOn: isoDay.optional(),
});
export const caseView = z.object({
  id: z.number(),
  type: z.string(),
  typeName: z.string(),
  status: z.string(),
  statusName: z.string(),
  nextStep: z.string().nullable(),
  dueOn: z.string().nullable(),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  districtName: z.string(),
  recognitionId: z.number(),
  recognitionTypeName: z.string(),
  certificateNo: z.string(),
  finding: z.string(),
  requirement: z.string().nullable(),
  rectifyBy: z.string().nullable(),
  report: z.string().nullable(),
  revokedOn: z.string().nullable(),
  spotCheckItemId: z.number().nullable(),
  events: z.array(z.object({ action: z.string(), actionName: z.string(), toStatusName: z.string(), comment: z.string().nullable(), actorLabel: z.string(), at: z.string() })),
  actions: z.array(z.object({ action: z.string(), name: z.string(), needsComment: z.boolean() })),
});
export const caseList = z.object({ items: z.array(caseView.omit({ events: true, actions: true })) });
export const caseQuery = z.object({ status: z.string().trim().max(40).optional() });
