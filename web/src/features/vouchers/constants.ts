import { useMemo } from 'react';
import { useMessages } from '../../lib/i18n';
import { vouchersMessages } from './messages';

export const VOUCHER_CATEGORIES = ['testing', 'rd_design', 'consulting', 'ip', 'tech_transfer'] as const;
export type VoucherCategory = (typeof VOUCHER_CATEGORIES)[number];

type Labelled = Record<string, { label: string; color: string }>;
const BOOKING_COLORS = { booked: 'blue', claimed: 'gold', redeemed: 'green', cancelled: 'default', expired: 'default' } as const;
const CLAIM_COLORS = { submitted: 'gold', approved: 'green', rejected: 'red', reversed: 'magenta' } as const;
const PROVIDER_COLORS = { pending: 'gold', approved: 'green', suspended: 'orange', blacklisted: 'red' } as const;

/** The voucher pages' labels of categories, statuses and redemption methods, in the chosen language. */
export function useVoucherLabels() {
  const t = useMessages(vouchersMessages);
  return useMemo(() => {
    const labelled = <K extends string>(colors: Record<K, string>, prefix: 'booking' | 'claim' | 'provider'): Labelled =>
      Object.fromEntries(Object.entries<string>(colors).map(([key, color]) => [key, { label: t(`vouchers.${prefix}Status.${key}` as keyof typeof vouchersMessages), color }]));
    const categoryOptions = VOUCHER_CATEGORIES.map((value) => ({ value, label: t(`vouchers.categoryName.${value}`) }));
    return {
      categoryOptions,
      categoryLabel: (c: string) => categoryOptions.find((o) => o.value === c)?.label ?? c,
      bookingStatus: labelled(BOOKING_COLORS, 'booking'),
      claimStatus: labelled(CLAIM_COLORS, 'claim'),
      providerStatus: labelled(PROVIDER_COLORS, 'provider'),
      modeLabel: { tongdui: t('vouchers.modeName.tongdui'), tongyong: t('vouchers.modeName.tongyong') } as Record<string, string>,
    };
  }, [t]);
}

export const newIdempotencyKey = () => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);
