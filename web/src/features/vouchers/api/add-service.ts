import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshVouchers } from './keys';

export type AddServiceInput = BodyOf<'/api/vouchers/providers/{id}/services', 'post'>;

export function addService(id: number, body: AddServiceInput) {
  return unwrap(api.POST('/api/vouchers/providers/{id}/services', { params: { path: { id } }, body }));
}

export function useAddService() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: AddServiceInput }) => addService(v.id, v.body), onSuccess: () => refreshVouchers(qc) });
}
