import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';


export function getListing(id: number) {
  return unwrap(api.GET('/api/techmarket/listings/{id}', { params: { path: { id } } }));
}

export function useListing(id: number) {
  return useQuery({ queryKey: ['techmarket', 'listing', id], queryFn: () => getListing(id) });
}

export type ListingDetail = Awaited<ReturnType<typeof getListing>>;
