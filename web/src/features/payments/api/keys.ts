import type { QueryClient } from '@tanstack/react-query';

/** Every payments query starts with this key; any step refreshes them all. */
export const paymentsKey = ['payments'] as const;
export const refreshPayments = (qc: QueryClient) => qc.invalidateQueries({ queryKey: paymentsKey });
