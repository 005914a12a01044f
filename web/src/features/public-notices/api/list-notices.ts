import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';

export type PublicNoticeQuery = QueryOf<'/api/notices', 'get'>;
export type PublicNotice = ResponseOf<'/api/notices', 'get'>['items'][number];

export function listPublicNotices(query: PublicNoticeQuery) {
  return unwrap(api.GET('/api/notices', { params: { query } }));
}

export function usePublicNotices(query: PublicNoticeQuery) {
  return useQuery({ queryKey: ['public-notices', 'list', query], queryFn: () => listPublicNotices(query) });
}
