import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshVouchers } from './keys';

export type RejectClaimInput = BodyOf<'/api/vouchers/claims/{id}/reject', 'post'>;

export function rejectClaim(id: number, body: RejectClaimInput) {
  return unwrap(api.POST('/api/vouchers/claims/{id}/reject', { params: { path: { id } }, body }));
}

export function useRejectClaim() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: RejectClaimInput }) => rejectClaim(v.id, v.body), onSuccess: () => refreshVouchers(qc) });
}
