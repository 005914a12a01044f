import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshExperts } from './keys';

export type ScoreInput = BodyOf<'/api/expert/assignments/{memberId}/score', 'post'>;

export function submitScore(memberId: number, body: ScoreInput) {
  return unwrap(api.POST('/api/expert/assignments/{memberId}/score', { params: { path: { memberId } }, body }));
}

export function useSubmitScore() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { memberId: number; body: ScoreInput }) => submitScore(v.memberId, v.body), onSuccess: () => refreshExperts(qc) });
}
