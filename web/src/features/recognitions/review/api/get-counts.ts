import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf } from '../../../../lib/api';
import { applicationsKey } from '../../applications/api/keys';

export type CountsQuery = QueryOf<'/api/recognition-applications/counts', 'get'>;

export function getCounts(query: CountsQuery) {
  return unwrap(api.GET('/api/recognition-applications/counts', { params: { query } }));
}

export function useCounts(query: CountsQuery) {
  return useQuery({ queryKey: [...applicationsKey, 'counts', query], queryFn: () => getCounts(query) });
}
