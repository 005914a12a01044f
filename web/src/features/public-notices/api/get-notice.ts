import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';

export type PublicNoticeDetail = ResponseOf<'/api/notices/{id}', 'get'>;

export function getPublicNotice(id: number) {
  return unwrap(api.GET('/api/notices/{id}', { params: { path: { id } } }));
}

export function usePublicNotice(id: number) {
  return useQuery({ queryKey: ['public-notices', 'detail', id], queryFn: () => getPublicNotice(id), enabled: Number.isSafeInteger(id) && id > 0 });
}
