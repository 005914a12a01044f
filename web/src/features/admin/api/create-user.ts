import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { usersKey } from './list-users';

export type CreateUserInput = BodyOf<'/api/users', 'post'>;

export function createUser(body: CreateUserInput) {
  return unwrap(api.POST('/api/users', { body }));
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createUser, onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }) });
}
