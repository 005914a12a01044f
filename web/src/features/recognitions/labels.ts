import { recognitionTypeMessages } from './messages';

/** Display names shared by the application and review pages. */
export const APPLICATION_STATUS_NAMES: Record<string, string> = {
  draft: '草稿',
  submitted: '已提交，待区县审核',
  returned: '退回修改',
  district_passed: '区县审核通过，待市级审核',
  city_passed: '市级审核通过',
  expert_review: '专家评审中',
  scored: '专家评审完成',
  in_notice: '公示中',
  approved: '已认定',
  rejected: '未通过',
};

/** Chinese type names by code (for code that has no language at hand; UI text uses recognitionTypeMessages). */
export const RECOGNITION_TYPE_NAMES: Record<string, string> = Object.fromEntries(Object.entries(recognitionTypeMessages).map(([code, [zh]]) => [code, zh]));

export const IP_KIND_NAMES: Record<string, string> = {
  invention: '发明专利（Ⅰ类）',
  defence_patent: '国防专利（Ⅰ类）',
  plant_variety: '植物新品种（Ⅰ类）',
  crop_variety: '国家级农作物品种（Ⅰ类）',
  new_drug: '国家新药（Ⅰ类）',
  tcm_variety: '国家一级中药保护品种（Ⅰ类）',
  ic_layout: '集成电路布图设计（Ⅰ类）',
  utility_model: '实用新型专利（Ⅱ类）',
  design: '外观设计专利（Ⅱ类）',
  software: '软件著作权（Ⅱ类）',
};

export const HNTE_DOMAINS = ['电子信息', '生物与新医药', '航空航天', '新材料', '高技术服务', '新能源与节能', '资源与环境', '先进制造与自动化'] as const;

export const CONDITION_STATUS: Record<string, { color: string; label: string }> = {
  passed: { color: 'success', label: '符合' },
  failed: { color: 'error', label: '不符合' },
  pending: { color: 'default', label: '待定' },
  waived: { color: 'blue', label: '免予' },
};
