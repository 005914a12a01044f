import { RECOGNITION_TYPE_NAMES } from '../recognitions/labels';

/** Recognition type names (the server's TYPE_NAMES), for selects and titles. */
export const TYPE_NAMES = RECOGNITION_TYPE_NAMES;
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
