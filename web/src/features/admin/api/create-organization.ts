import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { organizationsKey } from './list-organizations';

export type CreateOrganizationInput = BodyOf<'/api/organizations', 'post'>;

export function createOrganization(body: CreateOrganizationInput) {
  return unwrap(api.POST('/api/organizations', { body }));
}

export function useCreateOrganization() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createOrganization, onSuccess: () => qc.invalidateQueries({ queryKey: organizationsKey }) });
}
