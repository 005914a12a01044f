import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshVouchers } from './keys';

export type CreateBookingInput = BodyOf<'/api/vouchers/bookings', 'post'>;

/** The key is made once per booking form, so a double click or a retry after a timeout books once. */
export function createBooking(body: CreateBookingInput, idempotencyKey: string) {
  return unwrap(api.POST('/api/vouchers/bookings', { body, params: { header: { 'idempotency-key': idempotencyKey } } }));
}

export function useCreateBooking() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { body: CreateBookingInput; key: string }) => createBooking(v.body, v.key), onSuccess: () => refreshVouchers(qc) });
}
