import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../../lib/api';
import { applicationsKey } from './keys';

export type ListCallsQuery = QueryOf<'/api/recognition-calls', 'get'>;
export type CallItem = ResponseOf<'/api/recognition-calls', 'get'>['items'][number];

export function listCalls(query: ListCallsQuery) {
  return unwrap(api.GET('/api/recognition-calls', { params: { query } }));
}

export function useCalls(query: ListCallsQuery = {}) {
  return useQuery({ queryKey: [...applicationsKey, 'calls', query], queryFn: () => listCalls(query) });
}
