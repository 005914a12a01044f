import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { expertsKey } from './keys';

export type ExpertDetail = ResponseOf<'/api/experts/{id}', 'get'>;
export type ExpertLink = ExpertDetail['links'][number];

export function getExpert(id: number): Promise<ExpertDetail> {
  return unwrap(api.GET('/api/experts/{id}', { params: { path: { id } } }));
}

export function useExpert(id: number | null) {
  return useQuery({ queryKey: [...expertsKey, 'detail', id], queryFn: () => getExpert(id!), enabled: id !== null });
}
