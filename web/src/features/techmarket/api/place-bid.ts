import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

export function placeBid(id: number, amount: number) {
  return unwrap(api.POST('/api/techmarket/auctions/{id}/bids', { params: { path: { id } }, body: { amount } }));
}

export function usePlaceBid() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; amount: number }) => placeBid(v.id, v.amount), onSettled: () => qc.invalidateQueries({ queryKey: ['techmarket'] }) });
}
