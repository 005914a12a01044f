import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { enterprisesKey } from './list-enterprises';

export type EnterpriseDetail = ResponseOf<'/api/enterprises/{id}', 'get'>;
export type TimelineEvent = EnterpriseDetail['timeline'][number];

export const enterpriseKey = (id: number) => [...enterprisesKey, 'detail', id] as const;

export function getEnterprise(id: number): Promise<EnterpriseDetail> {
  return unwrap(api.GET('/api/enterprises/{id}', { params: { path: { id } } }));
}

export function useEnterprise(id: number | null) {
  return useQuery({
    queryKey: enterpriseKey(id ?? 0),
    queryFn: () => getEnterprise(id ?? 0),
    enabled: id !== null && id > 0,
  });
}
