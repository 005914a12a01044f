import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { refreshVouchers } from './keys';

export function paySettlement(id: number) {
  return unwrap(api.POST('/api/vouchers/settlements/{id}/pay', { params: { path: { id } } }));
}

export function usePaySettlement() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: paySettlement, onSuccess: () => refreshVouchers(qc) });
}
