import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../../lib/api';
import { applicationsKey } from './keys';

export type ApplicationDetail = ResponseOf<'/api/recognition-applications/{id}', 'get'>;

export function getApplication(id: number) {
  return unwrap(api.GET('/api/recognition-applications/{id}', { params: { path: { id } } }));
}

export function useApplication(id: number | null) {
  return useQuery({ queryKey: [...applicationsKey, 'detail', id], queryFn: () => getApplication(id!), enabled: id !== null });
}
