import type { QueryClient } from '@tanstack/react-query';

/** Every recognition-application query starts with this key; a mutation refreshes them all. */
export const applicationsKey = ['recognition-applications'] as const;

export const refreshApplications = (qc: QueryClient) => qc.invalidateQueries({ queryKey: applicationsKey });
