import type { QueryClient } from '@tanstack/react-query';

/** Every indicator query starts with this key; an import or a target change refreshes them all. */
export const indicatorsKey = ['indicators'] as const;

export const refreshIndicators = (qc: QueryClient) => qc.invalidateQueries({ queryKey: indicatorsKey });
