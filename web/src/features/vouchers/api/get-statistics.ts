import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';
import { vouchersKey } from './keys';

export type GetStatisticsQuery = QueryOf<'/api/vouchers/statistics', 'get'>;
export type GetStatisticsResult = ResponseOf<'/api/vouchers/statistics', 'get'>;

export function getStatistics(query: GetStatisticsQuery): Promise<GetStatisticsResult> {
  return unwrap(api.GET('/api/vouchers/statistics', { params: { query } }));
}

export function useStatistics(query: GetStatisticsQuery, enabled = true) {
  return useQuery({ queryKey: [...vouchersKey, 'get-statistics', query], queryFn: () => getStatistics(query), placeholderData: keepPreviousData, enabled });
}
