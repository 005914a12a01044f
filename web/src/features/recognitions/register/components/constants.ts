import { businessDayjs } from '../../../../lib/business-clock';
import type { Vars } from '../../../../lib/i18n';
import { recognitionTypeMessages, type recognitionsMessages } from '../../messages';

export type RecognitionsT = (key: keyof typeof recognitionsMessages, vars?: Vars) => string;

/** The recognition types as the register shows them (same names as the server's TYPE_NAMES). */
export const TYPE_CODES = Object.keys(recognitionTypeMessages) as (keyof typeof recognitionTypeMessages)[];
export type RecognitionTypeCode = (typeof TYPE_CODES)[number];

export const STATUS_FILTERS = ['valid', 'expired', 'revoked'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** "2019-11-30" or 长期有效 for the types without a fixed validity (tech SMEs: dynamic management). */
export const validityLabel = (validUntil: string | null, t: RecognitionsT) => validUntil ?? t('recognitions.validityOpenEnded');

/** Years the register can be filtered by: from the first recognitions on record to next year. */
export function yearOptions(t: RecognitionsT): { value: number; label: string }[] {
  const last = businessDayjs().year() + 1;
  return Array.from({ length: last - 2010 }, (_, i) => last - i).map((y) => ({ value: y, label: t('recognitions.yearOption', { year: y }) }));
}
