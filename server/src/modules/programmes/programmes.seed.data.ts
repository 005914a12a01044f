import type { ProjectStatus, ProjectType } from './instrument.js';

/** The demo's programmes: code, name, type, selection, yearly budgets (yuan), call ceilings (yuan). */
export const SEED_PROGRAMMES = [
  { code: 'major_innovation', name: '重大科技创新项目', type: 'major', selection: 'designed', description: '围绕本市产业发展重大需求，由市科委主动设计项目指南，定向邀请优势企业牵头承担。', budgets: { 2015: 150_000_000, 2016: 90_000_000 }, ceiling: 5_000_000 },
  { code: 'general_research', name: '一般科研项目', type: 'general', selection: 'district', description: '依托区、县（市）科技局组织申报和推荐，支持企业开展技术研发。', budgets: { 2015: 40_000_000, 2016: 40_000_000 }, ceiling: 1_000_000 },
  { code: 'agri_social', name: '农业与社会发展科研项目', type: 'agri_social', selection: 'open', description: '支持农业科技、生态环境、人口健康、公共安全等领域的科研项目。', budgets: { 2015: 12_000_000, 2016: 12_000_000 }, ceiling: 500_000 },
] as const satisfies readonly { code: string; type: ProjectType; selection: string; budgets: Record<number, number>; ceiling: number; name: string; description: string }[];

export interface SeedCall {
  key: string;
  programme: (typeof SEED_PROGRAMMES)[number]['code'];
  year: number;
  batch: number;
  title: string;
  opensOn: string;
  closesOn: string;
  totalBudget: number;
  topics: { code: string; title: string; description: string }[];
  /** final statuses of the call's cases, with counts */
  statuses: Partial<Record<ProjectStatus | 'in_progress_paid', number>>;
  /** the notice after which the approved ones were decided, and an open one (in_notice) */
  decidedOn?: string;
  noticeOn?: string;
  openNoticeOn?: string;
}

const MAJOR_TOPICS = [
  { code: 'M1', title: '集成电路与新一代信息技术', description: '高端芯片设计、工业互联网平台、人工智能关键技术' },
  { code: 'M2', title: '生物医药与高端医疗器械', description: '创新药物、体外诊断、高端医学影像设备' },
  { code: 'M3', title: '高端装备与智能制造', description: '工业机器人、数控系统、智能产线' },
  { code: 'M4', title: '新材料与新能源', description: '先进高分子材料、动力电池、光伏关键材料' },
];
const GENERAL_TOPICS = [
  { code: 'G1', title: '电子信息', description: '软件、物联网、信息安全' },
  { code: 'G2', title: '先进制造', description: '装备、自动化、检测' },
  { code: 'G3', title: '新材料与节能环保', description: '材料、节能、环保技术' },
];
const AGRI_TOPICS = [
  { code: 'A1', title: '现代农业', description: '种业、设施农业、农产品加工' },
  { code: 'A2', title: '社会发展', description: '人口健康、生态环境、公共安全' },
];

export const SEED_CALLS: SeedCall[] = [
  { key: 'major2015', programme: 'major_innovation', year: 2015, batch: 1, title: '2015年度杭州市重大科技创新项目申报指南', opensOn: '2015-03-02', closesOn: '2015-04-30', totalBudget: 140_000_000, topics: MAJOR_TOPICS, statuses: { in_progress_paid: 35, not_selected: 9, rejected: 4 }, noticeOn: '2015-07-06', decidedOn: '2015-07-20' },
  { key: 'general2015', programme: 'general_research', year: 2015, batch: 1, title: '2015年度杭州市一般科研项目申报指南', opensOn: '2015-03-16', closesOn: '2015-05-15', totalBudget: 36_000_000, topics: GENERAL_TOPICS, statuses: { in_progress_paid: 48, not_selected: 22, rejected: 10 }, noticeOn: '2015-07-27', decidedOn: '2015-08-10' },
  { key: 'agri2015', programme: 'agri_social', year: 2015, batch: 1, title: '2015年度杭州市农业与社会发展科研项目申报指南', opensOn: '2015-04-01', closesOn: '2015-05-29', totalBudget: 10_000_000, topics: AGRI_TOPICS, statuses: { in_progress_paid: 22, not_selected: 12, rejected: 5 }, noticeOn: '2015-08-10', decidedOn: '2015-08-24' },
  {
    key: 'major2016', programme: 'major_innovation', year: 2016, batch: 1, title: '2016年度杭州市重大科技创新项目申报指南', opensOn: '2016-03-01', closesOn: '2016-04-29', totalBudget: 80_000_000, topics: MAJOR_TOPICS,
    statuses: { in_progress_paid: 3, in_progress: 2, approved: 4, in_notice: 3, ranked: 1, scored: 3, not_selected: 3, checked: 2, pending_check: 1, returned: 1, rejected: 1 },
    noticeOn: '2016-08-08', decidedOn: '2016-08-22', openNoticeOn: '2016-09-07',
  },
  {
    key: 'general2016a', programme: 'general_research', year: 2016, batch: 1, title: '2016年度杭州市一般科研项目申报指南（第一批）', opensOn: '2016-04-01', closesOn: '2016-05-31', totalBudget: 20_000_000, topics: GENERAL_TOPICS,
    statuses: { in_progress_paid: 2, in_progress: 4, approved: 5, in_notice: 4, ranked: 3, scored: 5, not_selected: 4, checked: 4, pending_check: 5, submitted: 4, returned: 2, rejected: 2 },
    noticeOn: '2016-08-15', decidedOn: '2016-08-29', openNoticeOn: '2016-09-08',
  },
  { key: 'general2016b', programme: 'general_research', year: 2016, batch: 2, title: '2016年度杭州市一般科研项目申报指南（第二批）', opensOn: '2016-09-01', closesOn: '2016-10-31', totalBudget: 15_000_000, topics: GENERAL_TOPICS, statuses: { draft: 6, submitted: 5 } },
  { key: 'agri2016', programme: 'agri_social', year: 2016, batch: 1, title: '2016年度杭州市农业与社会发展科研项目申报指南', opensOn: '2016-08-15', closesOn: '2016-10-14', totalBudget: 10_000_000, topics: AGRI_TOPICS, statuses: { draft: 4, pending_check: 3, checked: 2 } },
];

/** Title parts: a technology, an object and a kind of work, per programme type. */
export const TITLE_PARTS: Record<ProjectType, { tech: string[]; object: string[]; suffix: string[] }> = {
  major: {
    tech: ['基于国产处理器的', '面向工业互联网的', '高通量', '基于深度学习的', '高精度', '大功率', '低功耗', '基于5G的', '高安全', '国产化'],
    object: ['边缘计算网关', '工业机器人控制器', '动力电池管理系统', '体外诊断试剂与仪器', '医学影像设备', '数控系统', '视频智能分析芯片', '光伏逆变器', '智能网联汽车电子', '高性能膜材料'],
    suffix: ['研发及产业化', '关键技术研究与产业化', '研制与示范应用'],
  },
  general: {
    tech: ['智能', '基于物联网的', '高效', '新型', '基于大数据的', '低成本', '柔性', '绿色'],
    object: ['仓储物流系统', '电机驱动器', '水处理装置', '检测平台', '传感器', '节能照明模组', '包装材料', '工业软件', '安防终端', '印染助剂'],
    suffix: ['研发', '关键技术研究', '开发与应用'],
  },
  agri_social: {
    tech: ['西湖龙井茶', '设施蔬菜', '淡水鱼', '城市河道', '社区慢病', '山核桃', '老年认知障碍', '农村生活污水', '食用菌', '城市内涝'],
    object: ['绿色防控技术', '精准栽培技术', '健康养殖技术', '生态修复技术', '智能监测预警系统', '早期筛查方法', '资源化处理技术', '精深加工技术'],
    suffix: ['研究', '集成与示范', '研究与推广'],
  },
};
