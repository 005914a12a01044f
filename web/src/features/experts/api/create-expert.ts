import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshExperts } from './keys';

export type CreateExpertInput = BodyOf<'/api/experts', 'post'>;

export function createExpert(body: CreateExpertInput) {
  return unwrap(api.POST('/api/experts', { body }));
}

export function useCreateExpert() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createExpert, onSuccess: () => refreshExperts(qc) });
}
