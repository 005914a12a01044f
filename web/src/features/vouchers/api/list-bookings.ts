import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';
import { vouchersKey } from './keys';

export type ListBookingsQuery = QueryOf<'/api/vouchers/bookings', 'get'>;
export type ListBookingsResult = ResponseOf<'/api/vouchers/bookings', 'get'>;

export function listBookings(query: ListBookingsQuery): Promise<ListBookingsResult> {
  return unwrap(api.GET('/api/vouchers/bookings', { params: { query } }));
}

export function useBookings(query: ListBookingsQuery, enabled = true) {
  return useQuery({ queryKey: [...vouchersKey, 'list-bookings', query], queryFn: () => listBookings(query), placeholderData: keepPreviousData, enabled });
}
