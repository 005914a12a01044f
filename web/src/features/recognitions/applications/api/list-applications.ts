import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../../lib/api';
import { applicationsKey } from './keys';

export type ListApplicationsQuery = QueryOf<'/api/recognition-applications', 'get'>;
export type ApplicationItem = ResponseOf<'/api/recognition-applications', 'get'>['items'][number];

export function listApplications(query: ListApplicationsQuery) {
  return unwrap(api.GET('/api/recognition-applications', { params: { query } }));
}

export function useApplications(query: ListApplicationsQuery) {
  return useQuery({ queryKey: [...applicationsKey, 'list', query], queryFn: () => listApplications(query), placeholderData: keepPreviousData });
}
