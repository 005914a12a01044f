import type { QueryClient } from '@tanstack/react-query';

/** Every carriers query starts with this key; any change refreshes them all (lists are small). */
export const carriersKey = ['carriers'] as const;
export const refreshCarriers = (qc: QueryClient) => qc.invalidateQueries({ queryKey: carriersKey });

/** Field issues of the API on the form's flat field names ('form.mentors' → 'mentors'). */
export const flatField = (field: string) => field.replace(/^(body\.)?(form|fields)\./, '');
