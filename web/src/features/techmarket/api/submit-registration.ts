import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';

export type SubmitRegistrationInput = BodyOf<'/api/techmarket/deals/{id}/registration', 'post'>;

export function submitRegistration(dealId: number, body: SubmitRegistrationInput) {
  return unwrap(api.POST('/api/techmarket/deals/{id}/registration', { params: { path: { id: dealId } }, body }));
}

export function useSubmitRegistration() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { dealId: number; body: SubmitRegistrationInput }) => submitRegistration(v.dealId, v.body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['techmarket'] }),
  });
}
