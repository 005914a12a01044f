import { HNTE_DOMAINS, type CriteriaSpec, type CriteriaType, type HnteParams, type RuleSetType, type TechSmeParams } from './rules.params.js';

/**
 * The rule sets shipped with the platform. The database is the source of truth (loaded by the
 * migration `rules_reference`, editable later); these constants are that migration's content and
 * what the pure-engine tests run against.
 */
export interface RuleSetSeed<P> {
  type: RuleSetType;
  effectiveFrom: string;
  title: string;
  source: string;
  params: P;
}

export const HNTE_2016: RuleSetSeed<HnteParams> = {
  type: 'hnte',
  effectiveFrom: '2016-01-01',
  title: '高新技术企业认定管理办法（2016）',
  source: '高新技术企业认定管理办法（国科发火〔2016〕32号）第十一条；高新技术企业认定管理工作指引（国科发火〔2016〕195号）',
  params: {
    registrationMinYears: 1,
    domains: [...HNTE_DOMAINS],
    stStaffMinRatio: '0.10',
    rdRatioTiers: [
      { maxSalesRevenue: 50_000_000, minRatio: '0.05' },
      { maxSalesRevenue: 200_000_000, minRatio: '0.04' },
      { maxSalesRevenue: null, minRatio: '0.03' },
    ],
    rdDomesticMinRatio: '0.60',
    hightechRevenueMinRatio: '0.60',
    innovationScoreAbove: 70,
    growthBands: [
      { band: 'A', min: '0.35', strict: false, score: [9, 10] },
      { band: 'B', min: '0.25', strict: false, score: [7, 8] },
      { band: 'C', min: '0.15', strict: false, score: [5, 6] },
      { band: 'D', min: '0.05', strict: false, score: [3, 4] },
      { band: 'E', min: '0', strict: true, score: [1, 2] },
    ],
    growthFallback: { band: 'F', score: [0, 0] },
    ipQuantity: {
      classI: { band: 'A', score: [7, 8] },
      classII: [
        { min: 5, band: 'B', score: [5, 6] },
        { min: 3, band: 'C', score: [3, 4] },
        { min: 1, band: 'D', score: [1, 2] },
      ],
      none: { band: 'E', score: [0, 0] },
    },
    conversionBands: [
      { band: 'A', minAverage: '5', score: [25, 30] },
      { band: 'B', minAverage: '4', score: [19, 24] },
      { band: 'C', minAverage: '3', score: [13, 18] },
      { band: 'D', minAverage: '2', score: [7, 12] },
      { band: 'E', minAverage: '1', score: [1, 6] },
    ],
    conversionFallback: { band: 'F', score: [0, 0] },
    validityYears: 3,
  },
};

const SME_PARAMS: TechSmeParams = {
  maxEmployees: 500,
  maxSalesRevenue: 200_000_000,
  maxTotalAssets: 200_000_000,
  stStaffScores: [
    { min: '0.30', score: 20 },
    { min: '0.25', score: 16 },
    { min: '0.20', score: 12 },
    { min: '0.15', score: 8 },
    { min: '0.10', score: 4 },
  ],
  rdByRevenueScores: [
    { min: '0.06', score: 50 },
    { min: '0.05', score: 40 },
    { min: '0.04', score: 30 },
    { min: '0.03', score: 20 },
    { min: '0.02', score: 10 },
  ],
  rdByCostScores: [
    { min: '0.30', score: 50 },
    { min: '0.25', score: 40 },
    { min: '0.20', score: 30 },
    { min: '0.15', score: 20 },
    { min: '0.10', score: 10 },
  ],
  ipScores: {
    classI: 30,
    classII: [
      { min: 4, score: 24 },
      { min: 3, score: 18 },
      { min: 2, score: 12 },
      { min: 1, score: 6 },
    ],
  },
  passTotal: 60,
  requireStStaffScore: true,
};

export const TECH_SME_2017: RuleSetSeed<TechSmeParams> = {
  type: 'tech_sme',
  effectiveFrom: '2017-05-03',
  title: '科技型中小企业评价办法（2017）',
  source: '科技部 财政部 国家税务总局关于印发《科技型中小企业评价办法》的通知（国科发政〔2017〕115号）',
  params: SME_PARAMS,
};

export const TECH_SME_2022: RuleSetSeed<TechSmeParams> = {
  type: 'tech_sme',
  effectiveFrom: '2022-01-01',
  title: '科技型中小企业评价办法（2022年修订）',
  source: '科技型中小企业评价办法（国科发政〔2017〕115号，2022年修订）',
  params: SME_PARAMS,
};

export const BUILTIN_RULE_SETS = [HNTE_2016, TECH_SME_2017, TECH_SME_2022] as const;

const BUREAU = '杭州市科技局默认配置（业务处室可调整）';
const att = (code: string, name: string, types: CriteriaSpec['requiredAttachments'][number]['types'] = ['pdf', 'jpg', 'png'], maxSizeMb = 10) => ({ code, name, maxSizeMb, types });
const BASE_ATTACHMENTS = [att('businessLicence', '营业执照'), att('auditReport', '近三年财务审计报告', ['pdf'], 20)];

/** Defaults for the recognition types judged by configurable criteria records. */
export const BUILTIN_CRITERIA: { type: CriteriaType; effectiveFrom: string; spec: CriteriaSpec }[] = [
  {
    type: 'tase',
    effectiveFrom: '2017-01-01',
    spec: {
      name: '技术先进型服务企业',
      source: '财政部 税务总局 商务部 科技部 国家发展改革委关于将技术先进型服务企业所得税政策推广至全国实施的通知（财税〔2017〕79号）',
      requiredFields: [
        { field: 'collegeStaffRatio', label: '大专以上学历员工占比' },
        { field: 'serviceRevenueRatio', label: '技术先进型服务业务收入占比' },
        { field: 'offshoreRevenueRatio', label: '离岸服务外包业务收入占比' },
      ],
      thresholds: [
        { code: 'collegeStaff', label: '大专以上学历员工占职工总数50%以上', field: 'collegeStaffRatio', op: 'gte', value: 0.5, unit: null },
        { code: 'serviceRevenue', label: '技术先进型服务业务收入占当年总收入50%以上', field: 'serviceRevenueRatio', op: 'gte', value: 0.5, unit: null },
        { code: 'offshoreRevenue', label: '离岸服务外包收入不低于当年总收入35%', field: 'offshoreRevenueRatio', op: 'gte', value: 0.35, unit: null },
      ],
      requiredAttachments: [...BASE_ATTACHMENTS, att('offshoreContracts', '离岸服务外包合同', ['pdf', 'zip'], 30)],
      reviewerLevels: ['district', 'city'],
      validityYears: 3,
    },
  },
  {
    type: 'municipal_hte',
    effectiveFrom: '2015-01-01',
    spec: {
      name: '杭州市高新技术企业',
      source: BUREAU,
      requiredFields: [
        { field: 'stStaffRatio', label: '科技人员占比' },
        { field: 'rdRatio', label: '研发费用占销售收入比例' },
        { field: 'hightechRevenueRatio', label: '高新技术产品（服务）收入占比' },
      ],
      thresholds: [
        { code: 'stStaff', label: '科技人员占职工总数10%以上', field: 'stStaffRatio', op: 'gte', value: 0.1, unit: null },
        { code: 'rd', label: '研发费用占销售收入3%以上', field: 'rdRatio', op: 'gte', value: 0.03, unit: null },
        { code: 'hightechRevenue', label: '高新技术产品（服务）收入占总收入50%以上', field: 'hightechRevenueRatio', op: 'gte', value: 0.5, unit: null },
      ],
      requiredAttachments: [...BASE_ATTACHMENTS, att('ipCertificates', '知识产权证书', ['pdf', 'zip'], 30)],
      reviewerLevels: ['district', 'city', 'expert'],
      validityYears: 3,
    },
  },
  {
    type: 'eagle',
    effectiveFrom: '2015-01-01',
    spec: {
      name: '雏鹰计划企业',
      source: BUREAU,
      requiredFields: [
        { field: 'yearsSinceRegistration', label: '成立年限' },
        { field: 'salesRevenue', label: '上年度销售收入' },
        { field: 'stStaffRatio', label: '科技人员占比' },
      ],
      thresholds: [
        { code: 'young', label: '成立不超过5年', field: 'yearsSinceRegistration', op: 'lte', value: 5, unit: '年' },
        { code: 'small', label: '上年度销售收入不超过3000万元', field: 'salesRevenue', op: 'lte', value: 30_000_000, unit: '元' },
        { code: 'stStaff', label: '科技人员占职工总数30%以上', field: 'stStaffRatio', op: 'gte', value: 0.3, unit: null },
      ],
      requiredAttachments: [att('businessLicence', '营业执照'), att('businessPlan', '商业计划书', ['pdf', 'doc', 'docx'])],
      reviewerLevels: ['district', 'city', 'expert'],
      validityYears: null,
    },
  },
  {
    type: 'qinglan',
    effectiveFrom: '2015-01-01',
    spec: {
      name: '青蓝计划企业',
      source: BUREAU,
      requiredFields: [
        { field: 'yearsSinceRegistration', label: '成立年限' },
        { field: 'founderEquityRatio', label: '高校院所创业人员持股比例' },
      ],
      thresholds: [
        { code: 'young', label: '成立不超过3年', field: 'yearsSinceRegistration', op: 'lte', value: 3, unit: '年' },
        { code: 'equity', label: '高校院所创业人员合计持股30%以上', field: 'founderEquityRatio', op: 'gte', value: 0.3, unit: null },
      ],
      requiredAttachments: [att('businessLicence', '营业执照'), att('founderProof', '创业人员高校院所身份证明')],
      reviewerLevels: ['district', 'city', 'expert'],
      validityYears: null,
    },
  },
  {
    type: 'rd_center_provincial',
    effectiveFrom: '2015-01-01',
    spec: {
      name: '省级高新技术企业研究开发中心',
      source: BUREAU,
      requiredFields: [
        { field: 'rdStaff', label: '研发人员数' },
        { field: 'rdRatio', label: '研发费用占销售收入比例' },
        { field: 'rdEquipmentValue', label: '研发仪器设备原值' },
      ],
      thresholds: [
        { code: 'rdStaff', label: '研发人员不少于20人', field: 'rdStaff', op: 'gte', value: 20, unit: '人' },
        { code: 'rd', label: '研发费用占销售收入3%以上', field: 'rdRatio', op: 'gte', value: 0.03, unit: null },
        { code: 'equipment', label: '研发仪器设备原值不低于300万元', field: 'rdEquipmentValue', op: 'gte', value: 3_000_000, unit: '元' },
      ],
      requiredAttachments: [...BASE_ATTACHMENTS, att('hnteCertificate', '高新技术企业证书')],
      reviewerLevels: ['district', 'city', 'expert'],
      validityYears: null,
    },
  },
  {
    type: 'rd_center_municipal',
    effectiveFrom: '2015-01-01',
    spec: {
      name: '市级企业高新技术研究开发中心',
      source: BUREAU,
      requiredFields: [
        { field: 'rdStaff', label: '研发人员数' },
        { field: 'rdRatio', label: '研发费用占销售收入比例' },
        { field: 'rdEquipmentValue', label: '研发仪器设备原值' },
      ],
      thresholds: [
        { code: 'rdStaff', label: '研发人员不少于10人', field: 'rdStaff', op: 'gte', value: 10, unit: '人' },
        { code: 'rd', label: '研发费用占销售收入3%以上', field: 'rdRatio', op: 'gte', value: 0.03, unit: null },
        { code: 'equipment', label: '研发仪器设备原值不低于100万元', field: 'rdEquipmentValue', op: 'gte', value: 1_000_000, unit: '元' },
      ],
      requiredAttachments: BASE_ATTACHMENTS,
      reviewerLevels: ['district', 'city', 'expert'],
      validityYears: null,
    },
  },
  {
    type: 'research_institute_provincial',
    effectiveFrom: '2015-01-01',
    spec: {
      name: '省级企业研究院',
      source: BUREAU,
      requiredFields: [
        { field: 'salesRevenue', label: '上年度销售收入' },
        { field: 'rdExpenses', label: '上年度研发费用' },
        { field: 'rdStaff', label: '研发人员数' },
      ],
      thresholds: [
        { code: 'revenue', label: '上年度销售收入不低于1亿元', field: 'salesRevenue', op: 'gte', value: 100_000_000, unit: '元' },
        { code: 'rd', label: '上年度研发费用不低于1000万元', field: 'rdExpenses', op: 'gte', value: 10_000_000, unit: '元' },
        { code: 'rdStaff', label: '研发人员不少于50人', field: 'rdStaff', op: 'gte', value: 50, unit: '人' },
      ],
      requiredAttachments: [...BASE_ATTACHMENTS, att('rdCenterCertificate', '省级研发中心认定文件')],
      reviewerLevels: ['district', 'city', 'expert'],
      validityYears: null,
    },
  },
  {
    type: 'agri_enterprise',
    effectiveFrom: '2015-01-01',
    spec: {
      name: '农业科技企业',
      source: BUREAU,
      requiredFields: [
        { field: 'agriRevenueRatio', label: '农业科技产品收入占比' },
        { field: 'stStaffRatio', label: '科技人员占比' },
        { field: 'rdRatio', label: '研发费用占销售收入比例' },
      ],
      thresholds: [
        { code: 'agriRevenue', label: '农业科技产品收入占总收入60%以上', field: 'agriRevenueRatio', op: 'gte', value: 0.6, unit: null },
        { code: 'stStaff', label: '科技人员占职工总数10%以上', field: 'stStaffRatio', op: 'gte', value: 0.1, unit: null },
        { code: 'rd', label: '研发费用占销售收入2%以上', field: 'rdRatio', op: 'gte', value: 0.02, unit: null },
      ],
      requiredAttachments: BASE_ATTACHMENTS,
      reviewerLevels: ['district', 'city'],
      validityYears: 3,
    },
  },
  {
    type: 'agri_social_rd_center',
    effectiveFrom: '2015-01-01',
    spec: {
      name: '农业与社会发展领域研发中心',
      source: BUREAU,
      requiredFields: [
        { field: 'rdStaff', label: '研发人员数' },
        { field: 'rdRatio', label: '研发费用占销售收入比例' },
      ],
      thresholds: [
        { code: 'rdStaff', label: '研发人员不少于10人', field: 'rdStaff', op: 'gte', value: 10, unit: '人' },
        { code: 'rd', label: '研发费用占销售收入3%以上', field: 'rdRatio', op: 'gte', value: 0.03, unit: null },
      ],
      requiredAttachments: BASE_ATTACHMENTS,
      reviewerLevels: ['district', 'city', 'expert'],
      validityYears: null,
    },
  },
  {
    type: 'leading_team',
    effectiveFrom: '2015-01-01',
    spec: {
      name: '领军型创新创业团队',
      source: BUREAU,
      requiredFields: [
        { field: 'teamSize', label: '核心团队人数' },
        { field: 'leaderAge', label: '带头人年龄' },
        { field: 'leaderEquityRatio', label: '带头人持股比例' },
      ],
      thresholds: [
        { code: 'team', label: '核心团队不少于3人', field: 'teamSize', op: 'gte', value: 3, unit: '人' },
        { code: 'age', label: '带头人年龄不超过55周岁', field: 'leaderAge', op: 'lte', value: 55, unit: '岁' },
        { code: 'equity', label: '带头人持股不低于10%', field: 'leaderEquityRatio', op: 'gte', value: 0.1, unit: null },
      ],
      requiredAttachments: [att('teamIntro', '团队介绍及成员证明材料', ['pdf', 'zip'], 30), att('businessPlan', '项目计划书', ['pdf', 'doc', 'docx'])],
      reviewerLevels: ['city', 'expert'],
      validityYears: null,
    },
  },
];
