import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { enterpriseKey } from './get-enterprise';
import { enterprisesKey } from './list-enterprises';

export type UpdateEnterpriseInput = BodyOf<'/api/enterprises/{id}', 'patch'>;

export function updateEnterprise(id: number, body: UpdateEnterpriseInput) {
  return unwrap(api.PATCH('/api/enterprises/{id}', { params: { path: { id } }, body }));
}

/** PATCH with the version read; a 409 version_conflict means someone else saved first. */
export function useUpdateEnterprise(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateEnterpriseInput) => updateEnterprise(id, body),
    onSuccess: (updated) => {
      qc.setQueryData(enterpriseKey(id), updated);
      return qc.invalidateQueries({ queryKey: [...enterprisesKey, 'list'] });
    },
  });
}
