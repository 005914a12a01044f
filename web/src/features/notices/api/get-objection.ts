import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { noticesKey } from './keys';

export type ObjectionDetail = ResponseOf<'/api/objections/{id}', 'get'>;

export function getObjection(id: number) {
  return unwrap(api.GET('/api/objections/{id}', { params: { path: { id } } }));
}

export function useObjection(id: number | null) {
  return useQuery({ queryKey: [...noticesKey, 'objection', id], queryFn: () => getObjection(id!), enabled: id !== null });
}

/** The evidence file's address (the browser sends the session cookie). */
export const evidenceUrl = (id: number) => `/api/objections/${id}/evidence`;
