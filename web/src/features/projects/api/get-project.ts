import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { projectsKey } from './keys';

export type ProjectDetail = ResponseOf<'/api/projects/{id}', 'get'>;
export type FollowUp = ProjectDetail['followUps'][number];

export function getProject(id: number) {
  return unwrap(api.GET('/api/projects/{id}', { params: { path: { id } } }));
}
export function useProject(id: number | null) {
  return useQuery({ queryKey: [...projectsKey, 'detail', id], queryFn: () => getProject(id!), enabled: id !== null });
}
