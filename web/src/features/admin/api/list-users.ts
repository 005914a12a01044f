import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';

export type UserQuery = QueryOf<'/api/users', 'get'>;
export type User = ResponseOf<'/api/users', 'get'>['items'][number];

export const usersKey = ['admin', 'users'] as const;

export function listUsers(query: UserQuery): Promise<User[]> {
  return unwrap(api.GET('/api/users', { params: { query } })).then((r) => r.items);
}

export function useUsers(query: UserQuery) {
  return useQuery({ queryKey: [...usersKey, query], queryFn: () => listUsers(query), placeholderData: keepPreviousData });
}
