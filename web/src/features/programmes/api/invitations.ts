import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { programmesKey, refreshProgrammes } from './keys';

/** Enterprises of the registry matching a name or credit code (for the invitation picker). */
export function searchEnterprises(q: string) {
  return unwrap(api.GET('/api/enterprises', { params: { query: { q, limit: 20 } } }));
}
export function useEnterpriseSearch(q: string) {
  return useQuery({
    queryKey: [...programmesKey, 'enterprise-search', q],
    queryFn: () => searchEnterprises(q),
    enabled: q.trim().length >= 2,
  });
}
export function invite(id: number, enterpriseIds: number[]) {
  return unwrap(api.POST('/api/programme-calls/{id}/invitations', { params: { path: { id } }, body: { enterpriseIds } }));
}
export function useInvite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; enterpriseIds: number[] }) => invite(v.id, v.enterpriseIds),
    onSuccess: () => refreshProgrammes(qc),
  });
}
