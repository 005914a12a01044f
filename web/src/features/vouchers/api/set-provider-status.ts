import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshVouchers } from './keys';

export type SetProviderStatusInput = BodyOf<'/api/vouchers/providers/{id}/status', 'post'>;

export function setProviderStatus(id: number, body: SetProviderStatusInput) {
  return unwrap(api.POST('/api/vouchers/providers/{id}/status', { params: { path: { id } }, body }));
}

export function useSetProviderStatus() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: SetProviderStatusInput }) => setProviderStatus(v.id, v.body), onSuccess: () => refreshVouchers(qc) });
}
