import type { BudgetLine, ProjectKpi, ProjectMilestone, ProjectPlanData } from '../../db/schema/index.js';
import type { FieldIssue } from '../../http/errors.js';

/** Budget categories of a project (国家科技计划经费科目, abridged). */
export const BUDGET_CATEGORIES = {
  equipment: '设备费',
  materials: '材料费',
  testing: '测试化验加工费',
  fuel_power: '燃料动力费',
  travel: '差旅费',
  conference: '会议费',
  publication: '出版/文献/信息传播/知识产权事务费',
  labour: '劳务费',
  expert: '专家咨询费',
  management: '管理费',
  other: '其他支出',
} as const;
export type BudgetCategory = keyof typeof BUDGET_CATEGORIES;

/** Committed KPIs: a key, its default name and unit. */
export const KPI_KINDS = {
  patents: { name: '申请发明专利', unit: '件' },
  patents_granted: { name: '授权发明专利', unit: '件' },
  revenue: { name: '新增销售收入', unit: '万元' },
  new_products: { name: '新产品', unit: '个' },
  standards: { name: '制定标准', unit: '项' },
  jobs: { name: '新增就业', unit: '人' },
  papers: { name: '发表论文', unit: '篇' },
} as const;

/** The bureau's ratio rules (configurable defaults, read by the checks and the form). */
export const BUDGET_RULES = {
  /** management ≤ 5 % of the project's total budget */
  managementMaxRatio: 0.05,
  /** the city subsidy ≤ the self-raised funds */
  cityAtMostSelf: true,
  /** a project runs at most this many months */
  maxMonths: 36,
};

export interface ApplicationContent {
  title: string;
  topicCode: string | null;
  plan: ProjectPlanData;
  budgetLines: BudgetLine[];
  kpis: ProjectKpi[];
  milestones: ProjectMilestone[];
  startOn: string | null;
  endOn: string | null;
}

export const emptyPlan = (): ProjectPlanData => ({ summary: '', objectives: '', content: '', basis: '', team: [], partners: [] });

export const sumCity = (lines: BudgetLine[]) => lines.reduce((s, l) => s + l.cityFen, 0);
export const sumSelf = (lines: BudgetLine[]) => lines.reduce((s, l) => s + l.selfFen, 0);
export const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const wan = (fen: number) => `${(fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万元`;

function monthsBetween(a: string, b: string): number {
  const [ay, am, ad] = a.split('-').map(Number);
  const [by, bm, bd] = b.split('-').map(Number);
  return (by - ay) * 12 + (bm - am) + (bd > ad ? 1 : 0);
}

/**
 * Everything that keeps an application from being submitted, with the field it is about: the
 * plan's parts, the budget (ceiling, city ≤ self-raised, management ≤ 5 %), KPIs, milestones,
 * the project period. Drafts may have issues; submit refuses while there are any.
 */
export function applicationIssues(a: ApplicationContent, call: { ceilingFen: number; topics: { code: string }[] }): FieldIssue[] {
  const out: FieldIssue[] = [];
  const need = (field: string, ok: boolean, message: string) => {
    if (!ok) {
      out.push({ field, message });
    }
  };
  need('title', a.title.trim().length >= 4, '请填写项目名称（至少4个字）');
  if (call.topics.length > 0) {
    need('topicCode', !!a.topicCode && call.topics.some((t) => t.code === a.topicCode), '请选择指南方向');
  }
  need('plan.summary', a.plan.summary.trim().length >= 20, '请填写项目摘要（至少20字）');
  need('plan.objectives', a.plan.objectives.trim().length >= 10, '请填写项目目标（至少10字）');
  need('plan.content', a.plan.content.trim().length >= 20, '请填写主要研究内容（至少20字）');
  need('plan.team', a.plan.team.length > 0, '请填写项目团队（至少1人）');
  need('plan.team', a.plan.team.some((m) => m.role === '负责人'), '项目团队须有一名负责人');

  const city = sumCity(a.budgetLines);
  const self = sumSelf(a.budgetLines);
  const total = city + self;
  need('budgetLines', a.budgetLines.length > 0 && city > 0, '请填写经费预算，市财政资助须大于0');
  const seen = new Set<string>();
  a.budgetLines.forEach((l, i) => {
    if (seen.has(l.category)) {
      out.push({ field: `budgetLines.${i}.category`, message: `“${BUDGET_CATEGORIES[l.category as BudgetCategory] ?? l.category}”重复填写` });
    }
    seen.add(l.category);
  });
  if (city > call.ceilingFen) {
    out.push({ field: 'budgetLines', message: `申请市财政资助${wan(city)}，超过指南单项资助上限${wan(call.ceilingFen)}` });
  }
  if (BUDGET_RULES.cityAtMostSelf && city > self) {
    out.push({ field: 'budgetLines', message: `市财政资助（${wan(city)}）不得超过单位自筹（${wan(self)}）` });
  }
  const mi = a.budgetLines.findIndex((l) => l.category === 'management');
  if (mi >= 0 && total > 0) {
    const m = a.budgetLines[mi].cityFen + a.budgetLines[mi].selfFen;
    if (m > total * BUDGET_RULES.managementMaxRatio) {
      out.push({ field: `budgetLines.${mi}.cityFen`, message: `管理费${wan(m)}超过总预算的5%（不超过${wan(Math.floor(total * BUDGET_RULES.managementMaxRatio))}）` });
    }
  }

  need('kpis', a.kpis.length > 0, '请至少填写一项考核指标');
  a.kpis.forEach((k, i) => {
    need(`kpis.${i}.target`, k.target > 0, `“${k.name}”的目标值须大于0`);
    need(`kpis.${i}.unit`, k.unit.trim().length > 0, `请填写“${k.name}”的计量单位`);
  });

  need('startOn', !!a.startOn, '请填写项目起始日期');
  need('endOn', !!a.endOn, '请填写项目结束日期');
  if (a.startOn && a.endOn) {
    if (a.endOn <= a.startOn) {
      out.push({ field: 'endOn', message: '结束日期须晚于起始日期' });
    } else if (monthsBetween(a.startOn, a.endOn) > BUDGET_RULES.maxMonths) {
      out.push({ field: 'endOn', message: `项目实施期不超过${BUDGET_RULES.maxMonths}个月` });
    }
  }
  need('milestones', a.milestones.length > 0, '请至少填写一个进度节点');
  a.milestones.forEach((m, i) => {
    if (a.startOn && a.endOn && (m.due < a.startOn || m.due > a.endOn)) {
      out.push({ field: `milestones.${i}.due`, message: `节点“${m.name}”的日期须在项目实施期内（${a.startOn} 至 ${a.endOn}）` });
    }
  });
  return out;
}
