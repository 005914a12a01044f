import { useMemo } from 'react';
import { useMessages } from '../../lib/i18n';
import { vouchersMessages } from './messages';

export const VOUCHER_CATEGORIES = ['testing', 'rd_design', 'consulting', 'ip', 'tech_transfer'] as const;
export type VoucherCategory = (typeof VOUCHER_CATEGORIES)[number];

/**
 * The service categories as options of the category filter and of the forms, in the chosen language.
 * Statuses, redemption modes and the categories of a record are shown as the API names them.
 */
export function useCategoryOptions() {
  const t = useMessages(vouchersMessages);
  return useMemo(() => VOUCHER_CATEGORIES.map((value) => ({ value, label: t(`vouchers.categoryName.${value}`) })), [t]);
}

export const newIdempotencyKey = () => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);
