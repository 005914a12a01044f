import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';

export type TechmarketStats = ResponseOf<'/api/techmarket/stats', 'get'>;

export function getStats(year: number) {
  return unwrap(api.GET('/api/techmarket/stats', { params: { query: { year } } }));
}

export function useStats(year: number) {
  return useQuery({ queryKey: ['techmarket', 'stats', year], queryFn: () => getStats(year) });
}
