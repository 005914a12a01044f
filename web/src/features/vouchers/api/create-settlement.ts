import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshVouchers } from './keys';

export type CreateSettlementInput = BodyOf<'/api/vouchers/settlements', 'post'>;

export function createSettlement(body: CreateSettlementInput) {
  return unwrap(api.POST('/api/vouchers/settlements', { body }));
}

export function useCreateSettlement() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createSettlement, onSuccess: () => refreshVouchers(qc) });
}
