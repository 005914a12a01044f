import type { noticesMessages } from './messages';
import { recognitionTypeMessages } from '../recognitions/messages';

export type RecognitionTypeCode = 'hnte' | 'tase' | 'municipal_hte' | 'tech_sme' | 'eagle' | 'qinglan' | 'rd_center_provincial' | 'rd_center_municipal' | 'research_institute_provincial' | 'research_institute_provincial_key' | 'agri_enterprise' | 'agri_social_rd_center' | 'leading_team';
export const TYPE_CODES = Object.keys(recognitionTypeMessages) as RecognitionTypeCode[];

type NoticesKey = keyof typeof noticesMessages;

export const NOTICE_STATE: Record<string, { label: NoticesKey; color: string }> = {
  scheduled: { label: 'notices.state.scheduled', color: 'default' },
  open: { label: 'notices.state.open', color: 'processing' },
  closed: { label: 'notices.state.closed', color: 'success' },
};

export const OBJECTION_STATUS: Record<string, { label: NoticesKey; color: string }> = {
  open: { label: 'notices.objections.status.open', color: 'red' },
  upheld: { label: 'notices.objections.status.upheld', color: 'orange' },
  dismissed: { label: 'notices.objections.status.dismissed', color: 'default' },
};
