import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';
import { noticesKey } from './keys';

export type CandidatesQuery = QueryOf<'/api/notices/candidates', 'get'>;
export type CandidateList = ResponseOf<'/api/notices/candidates', 'get'>;

export function listCandidates(query: CandidatesQuery) {
  return unwrap(api.GET('/api/notices/candidates', { params: { query } }));
}

export function useCandidates(query: CandidatesQuery | null) {
  return useQuery({ queryKey: [...noticesKey, 'candidates', query], queryFn: () => listCandidates(query!), enabled: query !== null });
}
