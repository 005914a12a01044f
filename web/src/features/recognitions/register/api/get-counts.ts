import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../../lib/api';
import { registerKey } from './keys';

export type CountsQuery = QueryOf<'/api/recognitions/counts', 'get'>;
export type Counts = ResponseOf<'/api/recognitions/counts', 'get'>;

export function getCounts(query: CountsQuery): Promise<Counts> {
  return unwrap(api.GET('/api/recognitions/counts', { params: { query } }));
}

export function useCounts(query: CountsQuery, enabled = true) {
  return useQuery({ queryKey: [...registerKey, 'counts', query], queryFn: () => getCounts(query), enabled });
}
