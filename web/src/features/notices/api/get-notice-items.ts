import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { noticesKey } from './keys';

export type NoticeItems = ResponseOf<'/api/notices/{id}/items', 'get'>;
export type NoticeItem = NoticeItems['items'][number];

export function getNoticeItems(id: number) {
  return unwrap(api.GET('/api/notices/{id}/items', { params: { path: { id } } }));
}

export function useNoticeItems(id: number | null) {
  return useQuery({ queryKey: [...noticesKey, 'items', id], queryFn: () => getNoticeItems(id!), enabled: id !== null });
}
