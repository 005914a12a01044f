import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshVouchers } from './keys';

export type SubmitClaimInput = BodyOf<'/api/vouchers/claims', 'post'>;

export function submitClaim(body: SubmitClaimInput) {
  return unwrap(api.POST('/api/vouchers/claims', { body }));
}

export function useSubmitClaim() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: submitClaim, onSuccess: () => refreshVouchers(qc) });
}
