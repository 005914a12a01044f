import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

export function listMyListings() {
  return unwrap(api.GET('/api/techmarket/my/listings', { params: { query: { limit: 100 } } }));
}

export function useMyListings() {
  return useQuery({ queryKey: ['techmarket', 'my'], queryFn: listMyListings });
}

export type MyListing = Awaited<ReturnType<typeof listMyListings>>['items'][number];
