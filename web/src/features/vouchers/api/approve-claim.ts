import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshVouchers } from './keys';

export type ApproveClaimInput = BodyOf<'/api/vouchers/claims/{id}/approve', 'post'>;

export function approveClaim(id: number, body: ApproveClaimInput) {
  return unwrap(api.POST('/api/vouchers/claims/{id}/approve', { params: { path: { id } }, body }));
}

export function useApproveClaim() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: ApproveClaimInput }) => approveClaim(v.id, v.body), onSuccess: () => refreshVouchers(qc) });
}
