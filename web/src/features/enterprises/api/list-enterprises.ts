import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';

export type EnterpriseQuery = QueryOf<'/api/enterprises', 'get'>;
export type EnterprisePage = ResponseOf<'/api/enterprises', 'get'>;
export type EnterpriseListItem = EnterprisePage['items'][number];

export const enterprisesKey = ['enterprises'] as const;

export function listEnterprises(query: EnterpriseQuery): Promise<EnterprisePage> {
  return unwrap(api.GET('/api/enterprises', { params: { query } }));
}

/** Keeps the previous page on screen while the next one loads, so the table does not jump. */
export function useEnterprises(query: EnterpriseQuery) {
  return useQuery({
    queryKey: [...enterprisesKey, 'list', query],
    queryFn: () => listEnterprises(query),
    placeholderData: keepPreviousData,
  });
}
