import { z } from 'zod';
import { ASSESSMENT_GRADES, CARRIER_KINDS, PARK_KINDS } from '../../db/schema/carriers.js';
import { isoDate } from '../calendar/index.js';
import { hasAtMostTwoDecimals } from '../../lib/money.js';
import { SERVICE_OPTIONS } from './carriers.rules.js';

const text = (label: string, max = 200) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过${max}字`);
const count = (label: string, max = 1_000_000) => z.number({ message: `${label}须为整数` }).int(`${label}须为整数`).min(0, `${label}不能为负数`).max(max, `${label}过大`);
const yuan = (label: string) => z.number({ message: `${label}须为数字` }).min(0, `${label}不能为负数`).max(1e12, `${label}过大`).refine(hasAtMostTwoDecimals, `${label}最多两位小数`);
const id = z.coerce.number({ message: '编号须为正整数' }).int('编号须为正整数').positive('编号须为正整数').max(2_147_483_647, '编号过大');
const year = z.coerce.number({ message: '年度须为整数' }).int('年度须为整数').min(2000, '年度不早于2000年').max(2100, '年度不晚于2100年');

export const idParam = z.object({ id });
export const kindEnum = z.enum(CARRIER_KINDS, { message: '载体类别应为 makerspace、incubator 或 platform' });
export const gradeEnum = z.enum(ASSESSMENT_GRADES);

export const listQuery = z.object({
  kind: kindEnum.optional(),
  districtId: id.optional(),
  parkId: id.optional(),
  q: z.string().trim().max(50, '关键词不超过50字').optional(),
});
export const statsListQuery = z.object({ year: year.optional(), status: z.string().max(30, '状态代码过长').optional() });
export const yearQuery = z.object({ year });

const manager = z.object({ name: text('负责人姓名', 30), title: text('职务', 30) });
export const carrierBody = z.object({
  kind: kindEnum,
  name: text('载体名称', 100),
  address: text('地址', 200),
  districtId: id,
  parkId: id.nullable().optional(),
  areaM2: count('场地面积', 10_000_000).refine((v) => v > 0, '场地面积须大于0'),
  services: z.array(z.enum(SERVICE_OPTIONS, { message: '服务内容不在可选范围内' })).max(SERVICE_OPTIONS.length, '服务内容过多').default([]),
  managers: z.array(manager).max(20, '负责人不超过20人').default([]),
  foundedOn: isoDate.nullable().optional(),
  description: z.string().trim().max(2000, '简介不超过2000字').nullable().optional(),
});
export const carrierPatch = carrierBody.omit({ kind: true }).partial().extend({ version: z.number().int().positive('版本号须为正整数') });

export const park = z.object({ id: z.number(), code: z.string(), name: z.string(), kind: z.enum(PARK_KINDS), kindName: z.string(), districtId: z.number().nullable(), districtName: z.string().nullable() });
export const parkList = z.object({ items: z.array(park) });

const recognition = z.object({ id: z.number(), level: z.enum(['municipal', 'national']), levelName: z.string(), kind: kindEnum, reference: z.string(), issuer: z.string(), recognisedOn: z.string(), revokedOn: z.string().nullable(), revokeReason: z.string().nullable(), caseId: z.number().nullable() });
export const carrierSummary = z.object({
  id: z.number(),
  kind: kindEnum,
  kindName: z.string(),
  name: z.string(),
  districtId: z.number(),
  districtName: z.string(),
  parkId: z.number().nullable(),
  parkName: z.string().nullable(),
  areaM2: z.number(),
  operatorName: z.string(),
  municipalSince: z.string().nullable(),
  nationalSince: z.string().nullable(),
  exitedOn: z.string().nullable(),
});
export const carrierList = z.object({ items: z.array(carrierSummary) });
export const publicCarrier = carrierSummary.omit({ exitedOn: true }).extend({ address: z.string(), services: z.array(z.string()), municipalReference: z.string().nullable(), nationalReference: z.string().nullable() });
export const publicCarrierList = z.object({ items: z.array(publicCarrier) });

const caseLine = z.object({ id: z.number(), year: z.number(), status: z.string(), statusName: z.string(), instrument: z.string() });
const assessment = z.object({
  id: z.number(),
  carrierId: z.number(),
  carrierName: z.string(),
  year: z.number(),
  kind: z.enum(['annual', 'acceptance']),
  items: z.array(z.object({ code: z.string(), score: z.number() })),
  score: z.number(),
  grade: gradeEnum,
  gradeName: z.string(),
  comment: z.string().nullable(),
  subsidy: z.number(),
  paymentOrderId: z.number().nullable(),
  assessedOn: z.string(),
  exited: z.boolean(),
});
export const assessmentOut = assessment;
export const assessmentList = z.object({ items: z.array(assessment) });
export const carrierDetail = carrierSummary.extend({
  organizationId: z.number(),
  address: z.string(),
  services: z.array(z.string()),
  managers: z.array(z.object({ name: z.string(), title: z.string() })),
  foundedOn: z.string().nullable(),
  description: z.string().nullable(),
  exitReason: z.string().nullable(),
  version: z.number(),
  recognitions: z.array(recognition),
  firms: z.object({ inIncubation: z.number(), graduated: z.number(), exited: z.number(), total: z.number() }),
  applications: z.array(caseLine.extend({ certificateNo: z.string().nullable() })),
  stats: z.array(caseLine),
  assessments: z.array(assessment),
});

// ── national status: recommend, then record ──
export const recommendBody = z.object({ recommendedOn: isoDate.optional(), docNo: z.string().trim().max(60, '推荐文号不超过60字').optional() });
export const nationalResultBody = z.object({
  recognised: z.boolean({ message: '请选择上级认定结果' }),
  docNo: text('上级文件文号', 60),
  resultOn: isoDate,
  issuer: z.string().trim().max(60, '认定机关不超过60字').optional(),
  comment: z.string().trim().max(500, '说明不超过500字').optional(),
});
export const nationalQuery = z.object({ year: year.optional(), status: z.enum(['recommended', 'recognised', 'not_recognised'], { message: '状态应为 recommended、recognised 或 not_recognised' }).optional(), carrierId: id.optional() });
const nationalCase = z.object({
  id: z.number(),
  instrument: z.string(),
  instrumentName: z.string(),
  year: z.number(),
  status: z.string(),
  statusName: z.string(),
  next: z.string().nullable(),
  dueOn: z.string().nullable(),
  type: z.enum(['incubator', 'makerspace']),
  typeName: z.string(),
  carrierId: z.number(),
  carrierName: z.string(),
  districtName: z.string(),
  recommendedOn: z.string(),
  recommendDocNo: z.string().nullable(),
  resultDocNo: z.string().nullable(),
  resultOn: z.string().nullable(),
  resultIssuer: z.string().nullable(),
});
export const nationalList = z.object({ items: z.array(nationalCase) });
export const nationalDetail = nationalCase.extend({ events: z.array(z.object({ action: z.string(), actorLabel: z.string(), comment: z.string().nullable(), at: z.string(), toStatusName: z.string().nullable() })) });

export const firmBody = z.object({ firmName: text('企业名称', 100), enterpriseId: id.nullable().optional(), enteredOn: isoDate });
export const firmPatch = z.object({ outcome: z.enum(['graduated', 'exited'], { message: '去向应为 graduated（毕业）或 exited（退出）' }), on: isoDate });
export const firmParams = z.object({ id, firmId: id });
export const firm = z.object({ id: z.number(), carrierId: z.number(), enterpriseId: z.number().nullable(), firmName: z.string(), enteredOn: z.string(), graduatedOn: z.string().nullable(), exitedOn: z.string().nullable(), status: z.enum(['incubating', 'graduated', 'exited']), statusName: z.string() });
export const firmList = z.object({ items: z.array(firm) });

export const applicationForm = z.object({
  areaM2: count('场地面积', 10_000_000),
  publicAreaM2: count('公共服务面积', 10_000_000),
  firms: count('在孵企业（团队）数', 100_000),
  mentors: count('创业导师人数', 10_000),
  services: z.array(z.enum(SERVICE_OPTIONS, { message: '服务内容不在可选范围内' })).max(SERVICE_OPTIONS.length, '服务内容过多'),
  operatingSince: isoDate,
  plan: text('运营方案', 4000),
});
export type ApplicationForm = z.infer<typeof applicationForm>;
export const applicationBody = z.object({ year: year.optional(), form: applicationForm });
export const applicationPatch = z.object({ form: applicationForm });
export const actionBody = z.object({ action: z.string().min(1, '请选择操作').max(40, '操作代码过长'), comment: z.string().trim().max(1000, '意见不超过1000字').optional() });
const event = z.object({ action: z.string(), actorLabel: z.string(), comment: z.string().nullable(), at: z.string(), toStatusName: z.string().nullable() });
export const applicationDetail = z.object({
  id: z.number(),
  instrument: z.string(),
  instrumentName: z.string(),
  year: z.number(),
  status: z.string(),
  statusName: z.string(),
  next: z.string().nullable(),
  dueOn: z.string().nullable(),
  carrier: carrierSummary,
  form: applicationForm,
  criteria: z.array(z.object({ label: z.string(), required: z.string(), actual: z.string(), met: z.boolean() })),
  certificateNo: z.string().nullable(),
  actions: z.array(z.object({ action: z.string(), name: z.string(), needsComment: z.boolean() })),
  events: z.array(event),
});
export const applicationList = z.object({ items: z.array(z.object({ id: z.number(), instrument: z.string(), instrumentName: z.string(), year: z.number(), status: z.string(), statusName: z.string(), dueOn: z.string().nullable(), carrierId: z.number(), carrierName: z.string(), districtName: z.string(), certificateNo: z.string().nullable() })) });

export const statsFields = z.object({
  areaM2: count('场地面积', 10_000_000),
  firmsInIncubation: count('在孵企业数', 100_000),
  newFirms: count('当年新孵企业数', 100_000),
  graduatedFirms: count('当年毕业企业数', 100_000),
  revenue: yuan('在孵企业总收入'),
  jobs: count('从业人员数', 10_000_000),
  investment: yuan('获得投融资额'),
  ipCount: count('知识产权数', 1_000_000),
  events: count('创业活动场次', 100_000),
});
export type StatsFields = z.infer<typeof statsFields>;
export const statsBody = z.object({ year, fields: statsFields });
export const statsPatch = z.object({ fields: statsFields });
const statsLine = z.object({
  id: z.number(),
  carrierId: z.number(),
  carrierName: z.string(),
  carrierKind: kindEnum,
  districtName: z.string(),
  year: z.number(),
  status: z.string(),
  statusName: z.string(),
  dueOn: z.string().nullable(),
  fields: statsFields,
  flags: z.array(z.object({ field: z.string(), message: z.string() })),
});
export const statsList = z.object({ items: z.array(statsLine) });
export const statsDetail = statsLine.extend({
  previous: statsFields.nullable(),
  actions: z.array(z.object({ action: z.string(), name: z.string(), needsComment: z.boolean() })),
  events: z.array(event),
});

export const assessmentBody = z.object({
  year,
  kind: z.enum(['annual', 'acceptance'], { message: '考核类别应为 annual（年度考核）或 acceptance（验收）' }).default('annual'),
  items: z.array(z.object({ code: z.string().max(30, '评分项代码过长'), score: z.number({ message: '得分须为数字' }) })).min(1, '请填写评分').max(10, '评分项过多'),
  comment: z.string().trim().max(1000, '意见不超过1000字').optional(),
});

export const parkFigures = z.object({
  items: z.array(z.object({ parkId: z.number(), parkName: z.string(), incubators: z.number(), makerspaces: z.number(), platforms: z.number(), incubatorArea: z.number(), enterprises: z.number() })),
});
export const enterpriseParkBody = z.object({ parkId: id.nullable() });
export const enterprisePark = z.object({ enterpriseId: z.number(), parkId: z.number().nullable(), parkName: z.string().nullable() });
export const parkEnterprises = z.object({ items: z.array(z.object({ id: z.number(), name: z.string(), districtId: z.number().nullable() })) });

const sheetItem = z.object({ code: z.string(), label: z.string(), max: z.number() });
export const scoreSheets = z.object({
  items: z.array(z.object({ carrierKind: kindEnum, kind: z.enum(['annual', 'acceptance']), items: z.array(sheetItem), subsidy: z.record(z.string(), z.number()).nullable() })),
  grades: z.array(z.object({ grade: gradeEnum, name: z.string(), min: z.number() })),
  acceptancePass: z.number(),
});
