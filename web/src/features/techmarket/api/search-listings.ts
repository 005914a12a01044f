import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf } from '../../../lib/api';

export type SearchParams = QueryOf<'/api/techmarket/listings', 'get'>;

export function searchListings(query: SearchParams) {
  return unwrap(api.GET('/api/techmarket/listings', { params: { query } }));
}

export function useSearchListings(query: SearchParams) {
  return useQuery({ queryKey: ['techmarket', 'search', query], queryFn: () => searchListings(query), placeholderData: keepPreviousData, retry: false });
}

export type ListingPage = Awaited<ReturnType<typeof searchListings>>;
export type ListingItem = ListingPage['items'][number];
