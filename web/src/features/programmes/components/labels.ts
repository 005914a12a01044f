/** Status colours of the programmes instrument's cases (labels come from the server). */
export const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  pending_check: 'processing',
  checked: 'processing',
  expert_review: 'processing',
  scored: 'cyan',
  ranked: 'blue',
  in_notice: 'purple',
  approved: 'green',
  in_progress: 'green',
  accepting: 'gold',
  completed: 'success',
  not_selected: 'default',
  rejected: 'error',
  failed: 'error',
  terminated: 'error',
};

export const BUDGET_CATEGORIES: Record<string, string> = {
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
};

export const KPI_KINDS: Record<string, { name: string; unit: string }> = {
  patents: { name: '申请发明专利', unit: '件' },
  patents_granted: { name: '授权发明专利', unit: '件' },
  revenue: { name: '新增销售收入', unit: '万元' },
  new_products: { name: '新产品', unit: '个' },
  standards: { name: '制定标准', unit: '项' },
  jobs: { name: '新增就业', unit: '人' },
  papers: { name: '发表论文', unit: '篇' },
};

export const wan = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? '—' : `${(yuan / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元`);
