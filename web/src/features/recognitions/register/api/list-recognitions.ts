import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../../lib/api';
import { registerKey } from './keys';

export type RegisterQuery = QueryOf<'/api/recognitions', 'get'>;
export type RegisterPage = ResponseOf<'/api/recognitions', 'get'>;
export type RegisterItem = RegisterPage['items'][number];

export function listRecognitions(query: RegisterQuery): Promise<RegisterPage> {
  return unwrap(api.GET('/api/recognitions', { params: { query } }));
}

export function useRecognitions(query: RegisterQuery) {
  return useQuery({ queryKey: [...registerKey, 'list', query], queryFn: () => listRecognitions(query), placeholderData: keepPreviousData });
}
