import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { organizationsKey } from './list-organizations';

export type UpdateOrganizationInput = BodyOf<'/api/organizations/{id}', 'patch'>;

export function updateOrganization(id: number, body: UpdateOrganizationInput) {
  return unwrap(api.PATCH('/api/organizations/{id}', { params: { path: { id } }, body }));
}

export function useUpdateOrganization() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateOrganizationInput }) => updateOrganization(id, body),
    onSettled: () => qc.invalidateQueries({ queryKey: organizationsKey }),
  });
}
