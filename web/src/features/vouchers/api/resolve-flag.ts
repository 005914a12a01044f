import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshVouchers } from './keys';

export type ResolveFlagInput = BodyOf<'/api/vouchers/flags/{id}/resolve', 'post'>;

export function resolveFlag(id: number, body: ResolveFlagInput) {
  return unwrap(api.POST('/api/vouchers/flags/{id}/resolve', { params: { path: { id } }, body }));
}

export function useResolveFlag() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: ResolveFlagInput }) => resolveFlag(v.id, v.body), onSuccess: () => refreshVouchers(qc) });
}
