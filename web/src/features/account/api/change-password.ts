import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';

export type ChangePasswordInput = BodyOf<'/api/auth/password', 'post'>;

export function changePassword(body: ChangePasswordInput) {
  return unwrap(api.POST('/api/auth/password', { body }));
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
