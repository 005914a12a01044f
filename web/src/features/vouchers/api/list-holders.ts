import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';
import { vouchersKey } from './keys';

export type ListHoldersQuery = QueryOf<'/api/vouchers/holders', 'get'>;
export type ListHoldersResult = ResponseOf<'/api/vouchers/holders', 'get'>;

export function listHolders(query: ListHoldersQuery): Promise<ListHoldersResult> {
  return unwrap(api.GET('/api/vouchers/holders', { params: { query } }));
}

export function useHolders(query: ListHoldersQuery, enabled = true) {
  return useQuery({ queryKey: [...vouchersKey, 'list-holders', query], queryFn: () => listHolders(query), placeholderData: keepPreviousData, enabled });
}
