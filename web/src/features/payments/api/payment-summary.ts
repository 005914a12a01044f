import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';
import { paymentsKey } from './keys';

export type SummaryQuery = QueryOf<'/api/payments/summary', 'get'>;
export type PaymentSummary = ResponseOf<'/api/payments/summary', 'get'>;

export function paymentSummary(query: SummaryQuery) {
  return unwrap(api.GET('/api/payments/summary', { params: { query } }));
}

export function usePaymentSummary(query: SummaryQuery) {
  return useQuery({ queryKey: [...paymentsKey, 'summary', query], queryFn: () => paymentSummary(query) });
}
