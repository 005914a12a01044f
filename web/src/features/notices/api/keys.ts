import type { QueryClient } from '@tanstack/react-query';

/** Every notices query starts with this key; any decision or objection outcome refreshes them all. */
export const noticesKey = ['notices'] as const;

export const refreshNotices = (qc: QueryClient) => qc.invalidateQueries({ queryKey: noticesKey });
