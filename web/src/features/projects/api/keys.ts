import type { QueryClient } from '@tanstack/react-query';

/** Every projects query starts with this key; any step refreshes them all. */
export const projectsKey = ['projects'] as const;
export const refreshProjects = (qc: QueryClient) => qc.invalidateQueries({ queryKey: projectsKey });
