import type { ExpertCategory } from '../../db/schema/index.js';
import type { Random } from '../../lib/random.js';
import { HNTE_DOMAINS } from '../rules/index.js';

/** The demo expert account's expert (username 'expert', shown as 刘教授). */
export const DEMO_EXPERT_NAME = '刘振华';

export interface ExpertSeed {
  name: string;
  organization: string;
  title: string;
  category: ExpertCategory;
  fields: string[];
  active: boolean;
  /** the demo expert: linked to the 'expert' login */
  demo?: boolean;
}

const TECH_ORGS = [
  '浙江大学',
  '浙江大学',
  '杭州电子科技大学',
  '中国计量大学',
  '浙江工业大学',
  '浙江理工大学',
  '杭州师范大学',
  '浙江省科学技术信息研究院',
  '中国科学院宁波材料技术与工程研究所',
  '浙江省机电设计研究院',
  '中电海康集团有限公司',
  '浙江省医学科学院',
];
const TECH_TITLES = ['教授', '教授', '研究员', '副教授', '高级工程师', '教授级高级工程师', '副研究员'];
const FINANCE_ORGS = ['天健会计师事务所（特殊普通合伙）', '立信会计师事务所浙江分所', '中汇会计师事务所（特殊普通合伙）', '浙江财经大学', '杭州市科技创业投资服务中心', '瑞华会计师事务所浙江分所'];
const FINANCE_TITLES = ['注册会计师', '注册会计师', '高级会计师', '教授', '注册税务师'];
const MGMT_ORGS = ['浙江大学管理学院', '浙江工商大学', '杭州市生产力促进中心', '浙江省科技评估和成果转化中心', '杭州市科技咨询中心'];
const MGMT_TITLES = ['教授', '研究员', '高级经济师', '副教授'];

const SURNAMES = ['王', '李', '张', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '郑', '梁', '谢', '宋', '唐', '韩', '冯', '沈', '曹', '叶', '蒋', '潘'];
const GIVEN = ['建国', '卫东', '晓明', '志刚', '国华', '丽萍', '海涛', '文杰', '春燕', '振宇', '立新', '雪梅', '永强', '慧敏', '伟民', '德明', '晓燕', '红英', '宏伟', '少华', '明辉', '静怡', '学军', '俊峰', '秀兰', '光辉', '玉珍', '浩然', '子健', '一鸣'];

/** About 60 experts: 44 technical (every hnte domain covered), 9 finance, 7 management; two inactive. */
export function expertSeeds(rnd: Random): ExpertSeed[] {
  const names = new Set<string>([DEMO_EXPERT_NAME]);
  const name = () => {
    for (;;) {
      const n = `${rnd.pick(SURNAMES)}${rnd.pick(GIVEN)}`;
      if (!names.has(n)) {
        names.add(n);
        return n;
      }
    }
  };
  const out: ExpertSeed[] = [
    { name: DEMO_EXPERT_NAME, organization: '浙江大学', title: '教授', category: 'technical', fields: ['电子信息', '先进制造与自动化'], active: true, demo: true },
  ];
  for (let i = 0; i < 43; i++) {
    const primary = HNTE_DOMAINS[i % HNTE_DOMAINS.length];
    const second = rnd.next() < 0.4 ? rnd.pick(HNTE_DOMAINS) : primary;
    out.push({
      name: name(),
      organization: rnd.pick(TECH_ORGS),
      title: rnd.pick(TECH_TITLES),
      category: 'technical',
      fields: [...new Set([primary, second])],
      active: i !== 17,
    });
  }
  for (let i = 0; i < 9; i++) {
    out.push({ name: name(), organization: rnd.pick(FINANCE_ORGS), title: rnd.pick(FINANCE_TITLES), category: 'finance', fields: [...new Set([rnd.pick(HNTE_DOMAINS), rnd.pick(HNTE_DOMAINS)])], active: true });
  }
  for (let i = 0; i < 7; i++) {
    out.push({ name: name(), organization: rnd.pick(MGMT_ORGS), title: rnd.pick(MGMT_TITLES), category: 'management', fields: [...new Set([rnd.pick(HNTE_DOMAINS), rnd.pick(HNTE_DOMAINS)])], active: i !== 6 });
  }
  return out;
}
