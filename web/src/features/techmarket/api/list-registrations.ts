import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';

export type Registration = ResponseOf<'/api/techmarket/registrations', 'get'>['items'][number];

export function listRegistrations(status?: 'submitted' | 'returned' | 'registered') {
  return unwrap(api.GET('/api/techmarket/registrations', { params: { query: { limit: 100, ...(status ? { status } : {}) } } }));
}

export function useRegistrations(status?: 'submitted' | 'returned' | 'registered') {
  return useQuery({ queryKey: ['techmarket', 'registrations', status], queryFn: () => listRegistrations(status) });
}
