import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';
import { vouchersKey } from './keys';

export type ListFlagsQuery = QueryOf<'/api/vouchers/flags', 'get'>;
export type ListFlagsResult = ResponseOf<'/api/vouchers/flags', 'get'>;

export function listFlags(query: ListFlagsQuery): Promise<ListFlagsResult> {
  return unwrap(api.GET('/api/vouchers/flags', { params: { query } }));
}

export function useFlags(query: ListFlagsQuery, enabled = true) {
  return useQuery({ queryKey: [...vouchersKey, 'list-flags', query], queryFn: () => listFlags(query), placeholderData: keepPreviousData, enabled });
}
