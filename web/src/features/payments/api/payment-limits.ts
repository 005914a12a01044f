import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { paymentsKey, refreshPayments } from './keys';

export type PaymentLimits = ResponseOf<'/api/payment-limits', 'get'>;

export function listLimits() {
  return unwrap(api.GET('/api/payment-limits'));
}
export function setLimit(userId: number, limit: number) {
  return unwrap(api.PUT('/api/payment-limits/{userId}', { params: { path: { userId } }, body: { limit } }));
}

export function usePaymentLimits() {
  return useQuery({ queryKey: [...paymentsKey, 'limits'], queryFn: listLimits });
}
export function useSetLimit() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { userId: number; limit: number }) => setLimit(v.userId, v.limit), onSuccess: () => refreshPayments(qc) });
}
