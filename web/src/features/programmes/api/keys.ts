import type { QueryClient } from '@tanstack/react-query';

/** Every programmes query starts with this key; any step refreshes them all. */
export const programmesKey = ['programmes'] as const;
export const refreshProgrammes = (qc: QueryClient) => qc.invalidateQueries({ queryKey: programmesKey });
