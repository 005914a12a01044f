import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

export function decideRegistration(input: { id: number; decision: 'register'; technicalIncome?: number } | { id: number; decision: 'return'; reasons: string[] }) {
  const path = { path: { id: input.id } };
  return input.decision === 'register'
    ? unwrap(api.POST('/api/techmarket/registrations/{id}/register', { params: path, body: input.technicalIncome === undefined ? {} : { technicalIncome: input.technicalIncome } }))
    : unwrap(api.POST('/api/techmarket/registrations/{id}/return', { params: path, body: { reasons: input.reasons } }));
}

export function useDecideRegistration() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: decideRegistration, onSuccess: () => qc.invalidateQueries({ queryKey: ['techmarket'] }) });
}
