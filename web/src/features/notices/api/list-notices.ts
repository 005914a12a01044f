import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';
import { noticesKey } from './keys';

export type NoticeListQuery = QueryOf<'/api/notices', 'get'>;
export type NoticeSummary = ResponseOf<'/api/notices', 'get'>['items'][number];

export function listNotices(query: NoticeListQuery) {
  return unwrap(api.GET('/api/notices', { params: { query } }));
}

export function useNotices(query: NoticeListQuery) {
  return useQuery({ queryKey: [...noticesKey, 'list', query], queryFn: () => listNotices(query) });
}
