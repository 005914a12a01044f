import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

export function moderateListing(input: { id: number; decision: 'approve' } | { id: number; decision: 'reject'; reason: string }) {
  const path = { path: { id: input.id } };
  return input.decision === 'approve'
    ? unwrap(api.POST('/api/techmarket/listings/{id}/approve', { params: path }))
    : unwrap(api.POST('/api/techmarket/listings/{id}/reject', { params: path, body: { reason: input.reason } }));
}

export function useModerateListing() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: moderateListing, onSuccess: () => qc.invalidateQueries({ queryKey: ['techmarket'] }) });
}
