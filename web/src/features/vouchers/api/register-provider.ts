import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshVouchers } from './keys';

export type RegisterProviderInput = BodyOf<'/api/vouchers/providers', 'post'>;

export function registerProvider(body: RegisterProviderInput) {
  return unwrap(api.POST('/api/vouchers/providers', { body }));
}

export function useRegisterProvider() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: registerProvider, onSuccess: () => refreshVouchers(qc) });
}
