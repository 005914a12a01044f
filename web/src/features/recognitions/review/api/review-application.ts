import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../../lib/api';
import { refreshApplications } from '../../applications/api/keys';

export type ReviewInput = BodyOf<'/api/recognition-applications/{id}/review', 'post'>;

export function reviewApplication(id: number, body: ReviewInput) {
  return unwrap(api.POST('/api/recognition-applications/{id}/review', { params: { path: { id } }, body }));
}

export function useReviewApplication() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: ReviewInput }) => reviewApplication(v.id, v.body), onSuccess: () => refreshApplications(qc) });
}
