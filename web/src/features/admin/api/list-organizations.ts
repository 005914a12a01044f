import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';

export type OrganizationQuery = QueryOf<'/api/organizations', 'get'>;
export type Organization = ResponseOf<'/api/organizations', 'get'>['items'][number];

export const organizationsKey = ['admin', 'organizations'] as const;

export function listOrganizations(query: OrganizationQuery): Promise<Organization[]> {
  return unwrap(api.GET('/api/organizations', { params: { query } })).then((r) => r.items);
}

export function useOrganizations(query: OrganizationQuery = {}) {
  return useQuery({
    queryKey: [...organizationsKey, query],
    queryFn: () => listOrganizations(query),
    placeholderData: keepPreviousData,
  });
}
