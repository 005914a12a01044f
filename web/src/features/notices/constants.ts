/** Recognition type names (the server's TYPE_NAMES), for selects and titles. */
export const TYPE_NAMES: Record<string, string> = {
  hnte: '国家高新技术企业',
  tase: '技术先进型服务企业',
  municipal_hte: '杭州市高新技术企业',
  tech_sme: '科技型中小企业',
  eagle: '雏鹰计划企业',
  qinglan: '青蓝计划企业',
  rd_center_provincial: '省级高新技术企业研发中心',
  rd_center_municipal: '市级高新技术企业研发中心',
  research_institute_provincial: '省企业研究院',
  research_institute_provincial_key: '省重点企业研究院',
  agri_enterprise: '市农业科技企业',
  agri_social_rd_center: '市级农业和社会发展企业研发中心',
  leading_team: '领军型创新创业团队',
};
export type RecognitionTypeCode = 'hnte' | 'tase' | 'municipal_hte' | 'tech_sme' | 'eagle' | 'qinglan' | 'rd_center_provincial' | 'rd_center_municipal' | 'research_institute_provincial' | 'research_institute_provincial_key' | 'agri_enterprise' | 'agri_social_rd_center' | 'leading_team';
export const TYPE_OPTIONS = Object.entries(TYPE_NAMES).map(([value, label]) => ({ value: value as RecognitionTypeCode, label }));

export const NOTICE_STATE: Record<string, { label: string; color: string }> = {
  scheduled: { label: '待发布', color: 'default' },
  open: { label: '公示中', color: 'processing' },
  closed: { label: '公示期满', color: 'success' },
};

export const APPLICATION_STATUS_COLOR: Record<string, string> = {
  in_notice: 'processing',
  approved: 'success',
  rejected: 'error',
};

export const OBJECTION_STATUS: Record<string, { label: string; color: string }> = {
  open: { label: '待处理', color: 'red' },
  upheld: { label: '异议成立', color: 'orange' },
  dismissed: { label: '异议不成立', color: 'default' },
};
