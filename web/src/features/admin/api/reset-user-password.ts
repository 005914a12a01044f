import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

export function resetUserPassword({ id, password }: { id: number; password: string }) {
  return unwrap(api.POST('/api/users/{id}/password', { params: { path: { id } }, body: { password } }));
}

export function useResetUserPassword() {
  return useMutation({ mutationFn: resetUserPassword });
}
