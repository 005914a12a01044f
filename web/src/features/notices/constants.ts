import type { Tone } from '../../components/StatusTag';
import type { noticesMessages } from './messages';
import { recognitionTypeMessages } from '../recognitions/messages';

export type RecognitionTypeCode = 'hnte' | 'tase' | 'municipal_hte' | 'tech_sme' | 'eagle' | 'qinglan' | 'rd_center_provincial' | 'rd_center_municipal' | 'research_institute_provincial' | 'research_institute_provincial_key' | 'agri_enterprise' | 'agri_social_rd_center' | 'leading_team';
export const TYPE_CODES = Object.keys(recognitionTypeMessages) as RecognitionTypeCode[];

type NoticesKey = keyof typeof noticesMessages;

/** A notice's state is worked out from its dates (the API sends no name for it): the words are the page's own. */
export const NOTICE_STATE: Record<string, { label: NoticesKey; tone: Tone }> = {
  scheduled: { label: 'notices.state.scheduled', tone: 'default' },
  open: { label: 'notices.state.open', tone: 'processing' },
  closed: { label: 'notices.state.closed', tone: 'success' },
};

/** An objection's status; the API names only the outcomes, so the words are the page's own (and feed its filter). */
export const OBJECTION_STATUS: Record<string, { label: NoticesKey; tone: Tone }> = {
  open: { label: 'notices.objections.status.open', tone: 'error' },
  upheld: { label: 'notices.objections.status.upheld', tone: 'warning' },
  dismissed: { label: 'notices.objections.status.dismissed', tone: 'default' },
};
