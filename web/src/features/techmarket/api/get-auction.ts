import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

export function getAuction(id: number) {
  return unwrap(api.GET('/api/techmarket/auctions/{id}', { params: { path: { id } } }));
}

export function useAuction(id: number | null) {
  return useQuery({ queryKey: ['techmarket', 'auction', id], queryFn: () => getAuction(id!), enabled: id !== null });
}
