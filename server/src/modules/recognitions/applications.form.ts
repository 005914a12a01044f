import { z } from 'zod';
import { hasAtMostTwoDecimals } from '../../lib/money.js';
import { HNTE_DOMAINS } from '../rules/index.js';

/**
 * The application form's data (recognition_applications.data), one shape for every type.
 * Money in yuan (at most two decimals), dates ISO YYYY-MM-DD, ratios are not stored (computed).
 *
 * - profile: the enterprise's basics (contact, staff, domain, registration, declarations)
 * - financials: up to three fiscal years, oldest first; net assets = totalAssets − totalLiabilities
 * - lastYear: the last fiscal year's total and high-tech product/service revenue (hnte)
 * - ipList: IP rights; Class I / II is derived from `kind` (RULES.md §3, ipClassOf)
 * - products: main products/services with their revenue and whether high-tech
 * - conversions: results converted per year, oldest first (aligned with financials)
 * - direct: tech SME direct-qualification grounds
 * - fields: the configurable criteria types' requiredFields, by field code
 *
 * A draft may be incomplete (applicationDraft); submission checks the complete shape for the
 * sections of the application's form version (completenessIssues) with field-level messages
 * whose path starts at `data.` (e.g. data.financials.1.rdExpenses).
 */

export const IP_KINDS = ['invention', 'defence_patent', 'plant_variety', 'crop_variety', 'new_drug', 'tcm_variety', 'ic_layout', 'utility_model', 'design', 'software'] as const;
export type IpKind = (typeof IP_KINDS)[number];
export const IP_KIND_NAMES: Record<IpKind, string> = {
  invention: '发明专利',
  defence_patent: '国防专利',
  plant_variety: '植物新品种',
  crop_variety: '国家级农作物品种',
  new_drug: '国家新药',
  tcm_variety: '国家一级中药保护品种',
  ic_layout: '集成电路布图设计专有权',
  utility_model: '实用新型专利',
  design: '外观设计专利',
  software: '软件著作权',
};
const CLASS_I_KINDS: ReadonlySet<IpKind> = new Set(['invention', 'defence_patent', 'plant_variety', 'crop_variety', 'new_drug', 'tcm_variety', 'ic_layout']);

/** RULES.md §3: Class I = invention (incl. defence) patents, plant/crop varieties, new drugs, TCM varieties, IC layouts; Class II = utility models, designs, software. */
export function ipClassOf(kind: IpKind): 'I' | 'II' {
  return CLASS_I_KINDS.has(kind) ? 'I' : 'II';
}

/** The sections a form version may have (the SPA's tabs). */
export const FORM_SECTIONS = ['profile', 'financials', 'lastYear', 'ipList', 'products', 'conversions', 'direct', 'fields'] as const;
export type FormSection = (typeof FORM_SECTIONS)[number];

const MAX_MONEY = 1e13;
const req = (label: string, expected: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null ? `请填写${label}` : `${label}${expected}`),
});
const money = (label: string) =>
  z
    .number(req(label, '须为数字（元）'))
    .finite(`${label}须为有限数字`)
    .min(0, `${label}不能为负数`)
    .max(MAX_MONEY, `${label}超出范围`)
    .refine(hasAtMostTwoDecimals, `${label}最多两位小数`);
const count = (label: string) => z.number(req(label, '须为整数')).int(`${label}须为整数`).min(0, `${label}不能为负数`).max(10_000_000, `${label}超出范围`);
const text = (label: string, max: number) => z.string(req(label, '须为文字')).trim().min(1, `请填写${label}`).max(max, `${label}不超过${max}个字`);
const flag = (label: string) => z.boolean({ error: `请选择${label}` });
const isoDate = (label: string) =>
  z
    .string(req(label, '须为日期'))
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
    }, `${label}无效`);

export const profileSchema = z.object({
  contactName: text('联系人', 30),
  contactPhone: z.string(req('联系电话', '须为文字')).trim().regex(/^[0-9+\-() ]{7,20}$/, '联系电话格式不正确'),
  employees: count('职工总数').min(1, '职工总数须大于0'),
  stEmployees: count('科技人员数'),
  domain: z.enum(HNTE_DOMAINS, { error: `技术领域须为：${HNTE_DOMAINS.join('、')}` }).nullable(),
  registeredOn: isoDate('注册日期'),
  registeredInChina: flag('是否在中国境内（不含港澳台）注册'),
  majorIncident: flag('是否发生重大安全、质量事故或严重环境违法行为'),
  restrictedIndustry: flag('是否属于限制类、淘汰类行业'),
  seriousDishonesty: flag('是否有严重科研失信行为或列入经营异常名录、严重违法失信名单'),
});

export const financialYearSchema = z.object({
  year: z.number(req('会计年度', '须为整数')).int('会计年度须为整数').min(1990, '会计年度过早').max(2100, '会计年度超出范围'),
  salesRevenue: money('销售收入'),
  totalAssets: money('资产总额'),
  totalLiabilities: money('负债总额'),
  rdExpenses: money('研发费用'),
  rdDomestic: money('境内研发费用'),
  totalCostExpenses: money('成本费用总额'),
});

export const lastYearSchema = z.object({ totalRevenue: money('上年度总收入'), highTechRevenue: money('上年度高新技术产品（服务）收入') });

export const ipItemSchema = z.object({
  title: text('知识产权名称', 100),
  kind: z.enum(IP_KINDS, { error: '请选择知识产权类别' }),
  number: text('授权号/登记号', 50),
  grantedOn: isoDate('授权日期'),
});

export const productSchema = z.object({ name: text('产品（服务）名称', 60), revenue: money('产品（服务）收入'), highTech: flag('是否高新技术产品（服务）') });

export const directSchema = z.object({
  validHnte: z.boolean().default(false),
  nationalAwardTop3: z.boolean().default(false),
  provincialRdInstitution: z.boolean().default(false),
  ledStandard: z.boolean().default(false),
});

/** The complete shape (every section present); a form version requires only its own sections. */
export const applicationData = z.object({
  profile: profileSchema,
  financials: z.array(financialYearSchema).max(3, '最多填写近三个会计年度'),
  lastYear: lastYearSchema,
  ipList: z.array(ipItemSchema).max(500, '知识产权最多500项'),
  products: z.array(productSchema).max(100, '产品（服务）最多100项'),
  conversions: z.array(count('成果转化数')).max(3, '成果转化最多填写近三年'),
  direct: directSchema,
  fields: z.record(z.string(), z.number({ error: '须为数字' }).finite('须为有限数字')),
});
export type ApplicationData = z.infer<typeof applicationData>;
export type FinancialYear = z.infer<typeof financialYearSchema>;
export type IpItem = z.infer<typeof ipItemSchema>;

/** Deep-partial and nullable: what a draft may hold (types still checked where a value is given). */
const loose = <T extends z.ZodRawShape>(shape: z.ZodObject<T>) =>
  z.object(Object.fromEntries(Object.entries(shape.shape).map(([k, v]) => [k, (v as z.ZodType).nullish()])) as unknown as { [K in keyof T]: z.ZodOptional<z.ZodNullable<T[K]>> });

export const applicationDraft = z.object({
  profile: z
    .object({
      contactName: z.string().max(30, '联系人不超过30个字').nullish(),
      contactPhone: z.string().max(20, '联系电话不超过20位').nullish(),
      employees: z.number().int('职工总数须为整数').min(0, '职工总数不能为负数').nullish(),
      stEmployees: z.number().int('科技人员数须为整数').min(0, '科技人员数不能为负数').nullish(),
      domain: z.string().max(20).nullish(),
      registeredOn: z.string().max(10).nullish(),
      registeredInChina: z.boolean().nullish(),
      majorIncident: z.boolean().nullish(),
      restrictedIndustry: z.boolean().nullish(),
      seriousDishonesty: z.boolean().nullish(),
    })
    .default({}),
  financials: z.array(loose(financialYearSchema)).max(3, '最多填写近三个会计年度').default([]),
  lastYear: loose(lastYearSchema).default({}),
  ipList: z.array(z.object({ title: z.string().max(100).nullish(), kind: z.enum(IP_KINDS, { error: '请选择知识产权类别' }).nullish(), number: z.string().max(50).nullish(), grantedOn: z.string().max(10).nullish() })).max(500).default([]),
  products: z.array(z.object({ name: z.string().max(60).nullish(), revenue: z.number().min(0, '收入不能为负数').nullish(), highTech: z.boolean().nullish() })).max(100).default([]),
  conversions: z.array(z.number().int('成果转化数须为整数').min(0, '成果转化数不能为负数').nullable()).max(3).default([]),
  direct: z.object({ validHnte: z.boolean().nullish(), nationalAwardTop3: z.boolean().nullish(), provincialRdInstitution: z.boolean().nullish(), ledStandard: z.boolean().nullish() }).default({}),
  fields: z.record(z.string().max(40), z.number({ error: '须为数字' }).finite().nullable()).default({}),
});
export type ApplicationDraft = z.infer<typeof applicationDraft>;

/** An empty draft. */
export function emptyApplicationData(): ApplicationDraft {
  return { profile: {}, financials: [], lastYear: {}, ipList: [], products: [], conversions: [], direct: {}, fields: {} };
}

/** What a form version asks for (recognition_forms.spec). */
export const formSpec = z.object({
  title: z.string().trim().min(2).max(60),
  sections: z.array(z.enum(FORM_SECTIONS)).min(1, '至少一个表单部分'),
  /** hnte: the technology domain is required */
  requireDomain: z.boolean().default(false),
  /** financial years required at submission (the rules use fewer when the enterprise is younger) */
  minFinancialYears: z.number().int().min(0).max(3).default(0),
  fields: z.array(z.object({ field: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/), label: z.string().min(1).max(40), unit: z.string().max(10).nullable().default(null) })).max(60).default([]),
  thresholds: z
    .array(z.object({ code: z.string(), label: z.string(), field: z.string(), op: z.enum(['gte', 'gt', 'lte', 'lt', 'eq']), value: z.number(), unit: z.string().nullable().default(null) }))
    .max(40)
    .default([]),
  attachments: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/),
        name: z.string().min(1).max(60),
        maxSizeMb: z.number().positive().max(50),
        types: z.array(z.enum(['pdf', 'jpg', 'png', 'doc', 'docx', 'xls', 'xlsx', 'zip'])).min(1),
        required: z.boolean().default(true),
      }),
    )
    .max(30)
    .default([]),
});
export type FormSpec = z.infer<typeof formSpec>;
export type FieldIssueLike = { field: string; message: string };

const SECTION_SCHEMAS = {
  profile: profileSchema,
  lastYear: lastYearSchema,
  direct: directSchema,
} as const;

/**
 * Every missing or invalid field of `data` for the form version `spec`, paths prefixed `data.`
 * (empty when the application is complete enough to submit).
 */
export function completenessIssues(data: unknown, spec: FormSpec): FieldIssueLike[] {
  const issues: FieldIssueLike[] = [];
  const d = (data ?? {}) as Record<string, unknown>;
  const push = (err: z.ZodError, prefix: (string | number)[]) => {
    for (const i of err.issues) {
      issues.push({ field: ['data', ...prefix, ...i.path].map(String).join('.'), message: i.message });
    }
  };
  for (const section of spec.sections) {
    if (section === 'profile' || section === 'lastYear' || section === 'direct') {
      const raw = (d[section] ?? {}) as Record<string, unknown>;
      const r = SECTION_SCHEMAS[section].safeParse(raw);
      if (!r.success) {
        push(r.error, [section]);
      }
      // cross-field checks on whatever values are there, so every problem shows at once
      const num = (k: string) => (typeof raw[k] === 'number' ? (raw[k] as number) : null);
      if (section === 'profile') {
        const [st, all] = [num('stEmployees'), num('employees')];
        if (st !== null && all !== null && st > all) {
          issues.push({ field: 'data.profile.stEmployees', message: '科技人员数不能多于职工总数' });
        }
        if (spec.requireDomain && !raw.domain) {
          issues.push({ field: 'data.profile.domain', message: '请选择技术领域' });
        }
      } else if (section === 'lastYear') {
        const [ht, total] = [num('highTechRevenue'), num('totalRevenue')];
        if (ht !== null && total !== null && ht > total) {
          issues.push({ field: 'data.lastYear.highTechRevenue', message: '高新技术产品（服务）收入不能大于总收入' });
        }
      }
    } else if (section === 'financials') {
      const list = Array.isArray(d.financials) ? d.financials : [];
      if (list.length < Math.max(spec.minFinancialYears, 1)) {
        issues.push({ field: 'data.financials', message: `请至少填写${Math.max(spec.minFinancialYears, 1)}个会计年度的财务数据` });
      }
      const r = z.array(financialYearSchema).max(3, '最多填写近三个会计年度').safeParse(list);
      if (!r.success) {
        push(r.error, ['financials']);
      }
      const years = list as Record<string, unknown>[];
      years.forEach((y, i) => {
        if (typeof y?.rdDomestic === 'number' && typeof y.rdExpenses === 'number' && y.rdDomestic > y.rdExpenses) {
          issues.push({ field: `data.financials.${i}.rdDomestic`, message: '境内研发费用不能大于研发费用总额' });
        }
        const prev = years[i - 1]?.year;
        if (i > 0 && typeof y?.year === 'number' && typeof prev === 'number' && y.year !== prev + 1) {
          issues.push({ field: `data.financials.${i}.year`, message: '会计年度须连续且从早到晚排列' });
        }
      });
    } else if (section === 'ipList') {
      const r = applicationData.shape.ipList.safeParse(Array.isArray(d.ipList) ? d.ipList : []);
      if (!r.success) {
        push(r.error, ['ipList']);
      }
    } else if (section === 'products') {
      const r = applicationData.shape.products.safeParse(Array.isArray(d.products) ? d.products : []);
      if (!r.success) {
        push(r.error, ['products']);
      }
    } else if (section === 'conversions') {
      const r = applicationData.shape.conversions.safeParse(Array.isArray(d.conversions) ? d.conversions : []);
      if (!r.success) {
        push(r.error, ['conversions']);
      }
    } else if (section === 'fields') {
      const fields = (d.fields ?? {}) as Record<string, unknown>;
      for (const f of spec.fields) {
        const v = fields[f.field];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          issues.push({ field: `data.fields.${f.field}`, message: `请填写${f.label}` });
        }
      }
    }
  }
  return issues;
}

/** Counts of Class I and Class II rights in the IP list. */
export function ipCountsOf(list: readonly { kind?: IpKind | null }[]): { classI: number; classII: number } {
  let classI = 0;
  let classII = 0;
  for (const i of list) {
    if (!i.kind) {
      continue;
    }
    if (ipClassOf(i.kind) === 'I') {
      classI += 1;
    } else {
      classII += 1;
    }
  }
  return { classI, classII };
}

/** Net assets of a fiscal year (year-end total assets − total liabilities). */
export function netAssetsOf(y: Pick<FinancialYear, 'totalAssets' | 'totalLiabilities'>): number {
  return Math.round((y.totalAssets - y.totalLiabilities) * 100) / 100;
}
