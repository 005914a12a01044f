import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

export function getMatches(id: number) {
  return unwrap(api.GET('/api/techmarket/listings/{id}/matches', { params: { path: { id } } }));
}

export function useMatches(id: number | null) {
  return useQuery({ queryKey: ['techmarket', 'matches', id], queryFn: () => getMatches(id!), enabled: id !== null });
}
