import type { QueryClient } from '@tanstack/react-query';

/** Every voucher query starts with this key; a voucher mutation refreshes them all (balances move together). */
export const vouchersKey = ['vouchers'] as const;

export const refreshVouchers = (qc: QueryClient) => qc.invalidateQueries({ queryKey: vouchersKey });
