import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshVouchers } from './keys';

export type ReverseClaimInput = BodyOf<'/api/vouchers/claims/{id}/reverse', 'post'>;

export function reverseClaim(id: number, body: ReverseClaimInput) {
  return unwrap(api.POST('/api/vouchers/claims/{id}/reverse', { params: { path: { id } }, body }));
}

export function useReverseClaim() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: ReverseClaimInput }) => reverseClaim(v.id, v.body), onSuccess: () => refreshVouchers(qc) });
}
