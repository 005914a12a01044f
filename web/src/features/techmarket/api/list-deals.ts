import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';

export type Deal = ResponseOf<'/api/techmarket/deals', 'get'>['items'][number];

export function listDeals(atRisk: boolean) {
  return unwrap(api.GET('/api/techmarket/deals', { params: { query: { limit: 100, ...(atRisk ? { atRisk: 'true' as const } : {}) } } }));
}

export function useDeals(atRisk: boolean) {
  return useQuery({ queryKey: ['techmarket', 'deals', atRisk], queryFn: () => listDeals(atRisk) });
}
