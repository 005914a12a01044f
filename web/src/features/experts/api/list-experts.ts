import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';
import { expertsKey } from './keys';

export type ListExpertsQuery = QueryOf<'/api/experts', 'get'>;
export type ExpertPage = ResponseOf<'/api/experts', 'get'>;
export type ExpertItem = ExpertPage['items'][number];

export function listExperts(query: ListExpertsQuery): Promise<ExpertPage> {
  return unwrap(api.GET('/api/experts', { params: { query } }));
}

export function useExperts(query: ListExpertsQuery) {
  return useQuery({ queryKey: [...expertsKey, 'list', query], queryFn: () => listExperts(query), placeholderData: keepPreviousData });
}
