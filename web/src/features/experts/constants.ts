import type { Vars } from '../../lib/i18n';
import { expertFieldMessages, type expertsMessages } from './messages';

type ExpertsKey = keyof typeof expertsMessages;
type ExpertsT = (key: ExpertsKey, vars?: Vars) => string;

export const CATEGORY_OPTIONS: readonly { value: 'technical' | 'finance' | 'management'; label: ExpertsKey }[] = [
  { value: 'technical', label: 'experts.category.technical' },
  { value: 'finance', label: 'experts.category.finance' },
  { value: 'management', label: 'experts.category.management' },
];

export const LINK_KIND_OPTIONS: readonly { value: 'employer' | 'shareholding' | 'former_employer' | 'relative'; label: ExpertsKey }[] = [
  { value: 'employer', label: 'experts.link.employer' },
  { value: 'shareholding', label: 'experts.link.shareholding' },
  { value: 'former_employer', label: 'experts.link.former_employer' },
  { value: 'relative', label: 'experts.link.relative' },
];

/** Suggested fields of expertise: the eight hnte domains plus the finance and management ones. */
export const FIELD_SUGGESTIONS = Object.keys(expertFieldMessages) as (keyof typeof expertFieldMessages)[];

/** Why an expert was not drawn, in the UI language (the draw log keeps the server's codes). */
export function excludedReason(reason: string, t: ExpertsT): string {
  if (reason === 'inactive') {
    return t('experts.excluded.inactive');
  }
  if (reason === 'load cap') {
    return t('experts.excluded.loadCap');
  }
  if (reason === 'replaced earlier') {
    return t('experts.excluded.replacedEarlier');
  }
  if (reason.startsWith('conflict: ')) {
    return t('experts.excluded.conflict', { detail: reason.slice('conflict: '.length) });
  }
  if (reason.startsWith('replaced: ')) {
    return t('experts.excluded.replaced', { detail: reason.slice('replaced: '.length) });
  }
  return reason;
}
