import { recognitionTypeMessages } from '../recognitions/messages';

export type RecognitionTypeCode = 'hnte' | 'tase' | 'municipal_hte' | 'tech_sme' | 'eagle' | 'qinglan' | 'rd_center_provincial' | 'rd_center_municipal' | 'research_institute_provincial' | 'research_institute_provincial_key' | 'agri_enterprise' | 'agri_social_rd_center' | 'leading_team';
export const TYPE_CODES = Object.keys(recognitionTypeMessages) as RecognitionTypeCode[];
