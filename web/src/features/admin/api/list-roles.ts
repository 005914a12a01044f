import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';

export type RoleInfo = ResponseOf<'/api/roles', 'get'>['items'][number];

export function listRoles(): Promise<RoleInfo[]> {
  return unwrap(api.GET('/api/roles')).then((r) => r.items);
}

export function useRoles() {
  return useQuery({ queryKey: ['admin', 'roles'], queryFn: listRoles, staleTime: Infinity });
}
