import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken, unwrap } from '../../../lib/api';
import { meQueryKey } from './get-me';

export async function logout(): Promise<void> {
  await unwrap(api.POST('/api/auth/logout'));
}

/** Ends the session; whatever the server says, the client forgets everything it cached. */
export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(meQueryKey, null);
    },
  });
}
