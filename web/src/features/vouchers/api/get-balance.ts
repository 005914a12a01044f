import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { vouchersKey } from './keys';

export type Balance = ResponseOf<'/api/vouchers/holders/{holderId}/balance', 'get'>;

export function getBalance(holderId: number, policyId?: number): Promise<Balance> {
  return unwrap(api.GET('/api/vouchers/holders/{holderId}/balance', { params: { path: { holderId }, query: { policyId } } }));
}

export function useBalance(holderId: number | undefined, policyId?: number) {
  return useQuery({ queryKey: [...vouchersKey, 'balance', holderId, policyId], queryFn: () => getBalance(holderId!, policyId), enabled: holderId !== undefined });
}
