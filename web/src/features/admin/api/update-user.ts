import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { usersKey } from './list-users';

export type UpdateUserInput = BodyOf<'/api/users/{id}', 'patch'>;

export function updateUser(id: number, body: UpdateUserInput) {
  return unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body }));
}

/** Edit, disable/enable or unlock a user (PATCH with version). */
export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateUserInput }) => updateUser(id, body),
    onSettled: () => qc.invalidateQueries({ queryKey: usersKey }),
  });
}
