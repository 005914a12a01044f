import type { QueryClient } from '@tanstack/react-query';

/** Every experts query starts with this key; a mutation refreshes them all (pool, panels and assignments move together). */
export const expertsKey = ['experts'] as const;

export const refreshExperts = (qc: QueryClient) => qc.invalidateQueries({ queryKey: expertsKey });
