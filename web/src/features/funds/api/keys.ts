import type { QueryClient } from '@tanstack/react-query';

/** Every funds query starts with this key; any change refreshes them all (small lists). */
export const fundsKey = ['funds'] as const;
export const refreshFunds = (qc: QueryClient) => qc.invalidateQueries({ queryKey: fundsKey });
