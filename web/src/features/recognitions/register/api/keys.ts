import type { QueryClient } from '@tanstack/react-query';

/** Every register query starts with this key; a revocation refreshes them all (lists, detail, counts move together). */
export const registerKey = ['recognitions', 'register'] as const;

export const refreshRegister = (qc: QueryClient) => qc.invalidateQueries({ queryKey: registerKey });
