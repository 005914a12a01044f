import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';
import { noticesKey } from './keys';

export type ObjectionQuery = QueryOf<'/api/objections', 'get'>;
export type ObjectionItem = ResponseOf<'/api/objections', 'get'>['items'][number];

export function listObjections(query: ObjectionQuery) {
  return unwrap(api.GET('/api/objections', { params: { query } }));
}

export function useObjections(query: ObjectionQuery) {
  return useQuery({ queryKey: [...noticesKey, 'objections', query], queryFn: () => listObjections(query) });
}
