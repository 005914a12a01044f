import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshVouchers } from './keys';

export type CreatePolicyInput = BodyOf<'/api/vouchers/policies', 'post'>;

export function createPolicy(body: CreatePolicyInput) {
  return unwrap(api.POST('/api/vouchers/policies', { body }));
}

export function useCreatePolicy() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createPolicy, onSuccess: () => refreshVouchers(qc) });
}
