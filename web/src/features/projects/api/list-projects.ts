import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';
import { projectsKey } from './keys';

export type ProjectsQuery = QueryOf<'/api/projects', 'get'>;
export type ProjectRow = ResponseOf<'/api/projects', 'get'>['items'][number];

export function listProjects(query: ProjectsQuery) {
  return unwrap(api.GET('/api/projects', { params: { query } }));
}
export function useProjects(query: ProjectsQuery) {
  return useQuery({ queryKey: [...projectsKey, 'list', query], queryFn: () => listProjects(query), placeholderData: keepPreviousData });
}
