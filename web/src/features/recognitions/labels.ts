import type { Tone } from '../../components/StatusTag';
import type { Catalogue } from '../../lib/i18n';
import { hnteDomainMessages } from '../enterprises/messages';
import { recognitionTypeMessages, type recognitionsMessages } from './messages';

/** A catalogue's Chinese texts by key, for code that has no language at hand. */
const chineseView = (catalogue: Catalogue): Record<string, string> => Object.fromEntries(Object.entries(catalogue).map(([key, [zh]]) => [key, zh]));

/** Chinese type names by code (for code that has no language at hand; UI text uses recognitionTypeMessages). */
export const RECOGNITION_TYPE_NAMES = chineseView(recognitionTypeMessages);


export const HNTE_DOMAINS = Object.keys(hnteDomainMessages) as (keyof typeof hnteDomainMessages)[];

/** The engines name no condition status (they answer passed / failed / pending / waived): the page's words, with their tone. */
export const CONDITION_STATUS: Record<string, { tone: Tone; label: keyof typeof recognitionsMessages }> = {
  passed: { tone: 'success', label: 'recognitions.condition.passed' },
  failed: { tone: 'error', label: 'recognitions.condition.failed' },
  pending: { tone: 'default', label: 'recognitions.condition.pending' },
  waived: { tone: 'processing', label: 'recognitions.condition.waived' },
};
