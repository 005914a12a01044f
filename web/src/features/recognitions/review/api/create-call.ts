import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../../lib/api';
import { refreshApplications } from '../../applications/api/keys';

export type CreateCallInput = BodyOf<'/api/recognition-calls', 'post'>;

export function createCall(body: CreateCallInput) {
  return unwrap(api.POST('/api/recognition-calls', { body }));
}

export function useCreateCall() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createCall, onSuccess: () => refreshApplications(qc) });
}
