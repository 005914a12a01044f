import type { ApplicationStatus, RecognitionType, Role } from '../../db/schema/index.js';

/** Chinese names of the recognition types (the hnte/tech_sme rule sets and the criteria types). */
export const TYPE_NAMES: Record<RecognitionType, string> = {
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

export const STATUS_NAMES: Record<ApplicationStatus, string> = {
  draft: '草稿',
  submitted: '已提交，待区县审核',
  returned: '退回修改',
  district_passed: '区县审核通过，待市级审核',
  city_passed: '市级审核通过',
  expert_review: '专家评审中',
  scored: '专家评审完成',
  in_notice: '公示中',
  recommended: '已推荐上报，待上级认定',
  approved: '已认定',
  rejected: '未通过',
};

/** Working days each pending step may take; the applicant sees the deadline. */
export const STEP_WORKING_DAYS: Partial<Record<ApplicationStatus, number>> = {
  returned: 10,
  submitted: 10,
  district_passed: 10,
  city_passed: 10,
  expert_review: 10,
  scored: 10,
};

export type WorkflowAction =
  | 'submit'
  | 'district_pass'
  | 'district_return'
  | 'district_reject'
  | 'city_pass'
  | 'city_return'
  | 'city_reject'
  | 'draw_panel'
  | 'panel_scored'
  | 'publish_notice'
  | 'approve'
  | 'decline'
  | 'recommend'
  | 'record_recognised'
  | 'record_not_recognised';

export const ACTION_NAMES: Record<WorkflowAction, string> = {
  submit: '提交申报',
  district_pass: '区县审核通过',
  district_return: '区县退回修改',
  district_reject: '区县审核不通过',
  city_pass: '市级审核通过',
  city_return: '市级退回修改',
  city_reject: '市级审核不通过',
  draw_panel: '抽取评审专家',
  panel_scored: '专家评审完成',
  publish_notice: '进入公示',
  approve: '认定通过，颁发证书',
  decline: '不予认定',
  recommend: '推荐上报',
  record_recognised: '登记上级认定结果：已认定',
  record_not_recognised: '登记上级认定结果：未予认定',
};

interface Transition {
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  /** who may take it; the district officer only within its district, the enterprise only its own */
  roles: readonly Role[];
  /** a comment is required (returns and rejections must say why) */
  needsComment: boolean;
}

/** The workflow: the one table every service moves applications by (moveApplication checks it). */
export const TRANSITIONS: Record<WorkflowAction, Transition> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: ['enterprise_user'], needsComment: false },
  district_pass: { from: ['submitted'], to: 'district_passed', roles: ['district_officer'], needsComment: false },
  district_return: { from: ['submitted'], to: 'returned', roles: ['district_officer'], needsComment: true },
  district_reject: { from: ['submitted'], to: 'rejected', roles: ['district_officer'], needsComment: true },
  city_pass: { from: ['district_passed'], to: 'city_passed', roles: ['city_officer'], needsComment: false },
  city_return: { from: ['district_passed'], to: 'returned', roles: ['city_officer'], needsComment: true },
  city_reject: { from: ['district_passed', 'city_passed', 'scored'], to: 'rejected', roles: ['city_officer'], needsComment: true },
  draw_panel: { from: ['city_passed'], to: 'expert_review', roles: ['city_officer'], needsComment: false },
  // taken by the system when the last panel member has scored
  panel_scored: { from: ['expert_review'], to: 'scored', roles: ['expert'], needsComment: false },
  // city_passed only for types without expert review; scored for those with it (checked by the notices service)
  publish_notice: { from: ['city_passed', 'scored'], to: 'in_notice', roles: ['city_officer'], needsComment: false },
  approve: { from: ['in_notice'], to: 'approved', roles: ['city_officer'], needsComment: false },
  decline: { from: ['in_notice'], to: 'rejected', roles: ['city_officer'], needsComment: true },
  // types decided above the city: the approval after the notice is a recommendation, the upper body's result is recorded
  recommend: { from: ['in_notice'], to: 'recommended', roles: ['city_officer'], needsComment: false },
  record_recognised: { from: ['recommended'], to: 'approved', roles: ['city_officer'], needsComment: false },
  record_not_recognised: { from: ['recommended'], to: 'rejected', roles: ['city_officer'], needsComment: false },
};

/** What happens next, for the applicant's "where is my application" view. */
export const NEXT_STEP: Record<ApplicationStatus, string | null> = {
  draft: '企业完善申报材料并提交',
  submitted: '区县科技局审核',
  returned: '企业按审核意见修改后重新提交',
  district_passed: '市科委业务处室审核',
  city_passed: '市科委组织专家评审或进入公示',
  expert_review: '评审专家打分',
  scored: '市科委发布公示',
  in_notice: '公示期满且无未处理异议后，市科委作出认定决定（上级认定的类别为推荐上报）',
  recommended: '上级主管部门认定，市科委登记认定结果及文号',
  approved: null,
  rejected: null,
};

/**
 * Types decided above the city ("recommend, then record", RULES.md §1–2): after its notice the
 * city recommends the case to the upper body, and records the body's result (document number and
 * date); the recognition and its validity follow that result. The other types are the city's own.
 */
export const UPPER_BODY: Partial<Record<RecognitionType, string>> = {
  hnte: '浙江省高新技术企业认定管理机构',
  tase: '浙江省科学技术厅等部门',
  tech_sme: '浙江省科学技术厅',
  rd_center_provincial: '浙江省科学技术厅',
  research_institute_provincial: '浙江省科学技术厅等部门',
  research_institute_provincial_key: '浙江省科学技术厅等部门',
};

export const isUpperType = (type: RecognitionType): boolean => UPPER_BODY[type] !== undefined;
