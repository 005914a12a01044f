import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';
import { paymentsKey } from './keys';

export type PaymentsQuery = QueryOf<'/api/payments', 'get'>;
export type PaymentPage = ResponseOf<'/api/payments', 'get'>;
export type PaymentOrder = PaymentPage['items'][number];

export function listPayments(query: PaymentsQuery) {
  return unwrap(api.GET('/api/payments', { params: { query } }));
}

export function usePayments(query: PaymentsQuery) {
  return useQuery({ queryKey: [...paymentsKey, 'list', query], queryFn: () => listPayments(query), placeholderData: keepPreviousData });
}
