import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { refreshVouchers } from './keys';

export function cancelBooking(id: number) {
  return unwrap(api.POST('/api/vouchers/bookings/{id}/cancel', { params: { path: { id } } }));
}

export function useCancelBooking() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: cancelBooking, onSuccess: () => refreshVouchers(qc) });
}
