import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshVouchers } from './keys';

export type PaymentInput = BodyOf<'/api/vouchers/settlements/{id}/pay', 'post'>;

export function paySettlement({ id, body }: { id: number; body: PaymentInput }) {
  return unwrap(api.POST('/api/vouchers/settlements/{id}/pay', { params: { path: { id } }, body }));
}

export function usePaySettlement() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: paySettlement, onSuccess: () => refreshVouchers(qc) });
}
