import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshExperts } from './keys';

export type UpdateExpertInput = BodyOf<'/api/experts/{id}', 'patch'>;

export function updateExpert(id: number, body: UpdateExpertInput) {
  return unwrap(api.PATCH('/api/experts/{id}', { params: { path: { id } }, body }));
}

export function useUpdateExpert() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: UpdateExpertInput }) => updateExpert(v.id, v.body), onSuccess: () => refreshExperts(qc) });
}
