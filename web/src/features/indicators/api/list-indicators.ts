import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';
import { indicatorsKey } from './keys';

export type ListIndicatorsQuery = QueryOf<'/api/indicators', 'get'>;
export type IndicatorList = ResponseOf<'/api/indicators', 'get'>;
export type IndicatorItem = IndicatorList['items'][number];

export function listIndicators(query: ListIndicatorsQuery): Promise<IndicatorList> {
  return unwrap(api.GET('/api/indicators', { params: { query } }));
}

export function useIndicators(query: ListIndicatorsQuery) {
  return useQuery({ queryKey: [...indicatorsKey, 'list', query], queryFn: () => listIndicators(query), placeholderData: keepPreviousData });
}
