import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';
import { vouchersKey } from './keys';

export type ListClaimsQuery = QueryOf<'/api/vouchers/claims', 'get'>;
export type ListClaimsResult = ResponseOf<'/api/vouchers/claims', 'get'>;

export function listClaims(query: ListClaimsQuery): Promise<ListClaimsResult> {
  return unwrap(api.GET('/api/vouchers/claims', { params: { query } }));
}

export function useClaims(query: ListClaimsQuery, enabled = true) {
  return useQuery({ queryKey: [...vouchersKey, 'list-claims', query], queryFn: () => listClaims(query), placeholderData: keepPreviousData, enabled });
}
