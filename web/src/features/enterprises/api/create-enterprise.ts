import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { enterprisesKey } from './list-enterprises';

export type CreateEnterpriseInput = BodyOf<'/api/enterprises', 'post'>;

export function createEnterprise(body: CreateEnterpriseInput) {
  return unwrap(api.POST('/api/enterprises', { body }));
}

export function useCreateEnterprise() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createEnterprise,
    onSuccess: () => qc.invalidateQueries({ queryKey: enterprisesKey }),
  });
}
