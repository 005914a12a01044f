import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';

export type AuditQuery = QueryOf<'/api/audit', 'get'>;
export type AuditPage = ResponseOf<'/api/audit', 'get'>;
export type AuditItem = AuditPage['items'][number];

export function listAudit(query: AuditQuery): Promise<AuditPage> {
  return unwrap(api.GET('/api/audit', { params: { query } }));
}

export function useAuditLog(query: AuditQuery) {
  return useQuery({ queryKey: ['audit', 'list', query], queryFn: () => listAudit(query), placeholderData: keepPreviousData });
}
