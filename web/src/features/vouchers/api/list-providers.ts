import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';
import { vouchersKey } from './keys';

export type ListProvidersQuery = QueryOf<'/api/vouchers/providers', 'get'>;
export type ListProvidersResult = ResponseOf<'/api/vouchers/providers', 'get'>;

export function listProviders(query: ListProvidersQuery): Promise<ListProvidersResult> {
  return unwrap(api.GET('/api/vouchers/providers', { params: { query } }));
}

export function useProviders(query: ListProvidersQuery, enabled = true) {
  return useQuery({ queryKey: [...vouchersKey, 'list-providers', query], queryFn: () => listProviders(query), placeholderData: keepPreviousData, enabled });
}
