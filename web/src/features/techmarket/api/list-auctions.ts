import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

export function listAuctions() {
  return unwrap(api.GET('/api/techmarket/auctions'));
}

export function useAuctions() {
  return useQuery({ queryKey: ['techmarket', 'auctions'], queryFn: listAuctions });
}
