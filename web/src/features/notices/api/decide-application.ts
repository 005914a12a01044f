import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshNotices } from './keys';

export type DecisionInput = BodyOf<'/api/recognition-applications/{id}/decision', 'post'>;

export function decideApplication(id: number, body: DecisionInput) {
  return unwrap(api.POST('/api/recognition-applications/{id}/decision', { params: { path: { id } }, body }));
}

export function useDecideApplication() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: DecisionInput }) => decideApplication(v.id, v.body), onSuccess: () => refreshNotices(qc) });
}
