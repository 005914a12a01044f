import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { paymentsKey } from './keys';

export function listPayables() {
  return unwrap(api.GET('/api/payments/payables'));
}

export function usePayables() {
  return useQuery({ queryKey: [...paymentsKey, 'payables'], queryFn: listPayables, staleTime: 60_000 });
}
