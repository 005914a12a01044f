import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken, unwrap, type BodyOf } from '../../../lib/api';
import { getMe, meQueryKey } from './get-me';

export type LoginInput = BodyOf<'/api/auth/login', 'post'>;

export async function login(input: LoginInput) {
  const res = await unwrap(api.POST('/api/auth/login', { body: input }));
  setCsrfToken(res.csrfToken);
  return res;
}

/** Logs in, then loads the full session (roles, organisation) before resolving. */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async () => {
      qc.removeQueries();
      await qc.fetchQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 0 });
    },
  });
}
