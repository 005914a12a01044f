import { useQuery } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken, unwrap } from '../../../lib/api';
import type { Me } from '../../../lib/session';

export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no valid session. */
export async function getMe(): Promise<Me | null> {
  try {
    const me = await unwrap(api.GET('/api/auth/me'));
    setCsrfToken(me.csrfToken ?? null);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });
}
