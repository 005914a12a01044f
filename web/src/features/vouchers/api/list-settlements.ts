import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';
import { vouchersKey } from './keys';

export type ListSettlementsQuery = QueryOf<'/api/vouchers/settlements', 'get'>;
export type ListSettlementsResult = ResponseOf<'/api/vouchers/settlements', 'get'>;

export function listSettlements(query: ListSettlementsQuery): Promise<ListSettlementsResult> {
  return unwrap(api.GET('/api/vouchers/settlements', { params: { query } }));
}

export function useSettlements(query: ListSettlementsQuery, enabled = true) {
  return useQuery({ queryKey: [...vouchersKey, 'list-settlements', query], queryFn: () => listSettlements(query), placeholderData: keepPreviousData, enabled });
}
