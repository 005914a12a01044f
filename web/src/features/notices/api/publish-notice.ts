import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshNotices } from './keys';

export type PublishNoticeInput = BodyOf<'/api/notices', 'post'>;

export function publishNotice(body: PublishNoticeInput) {
  return unwrap(api.POST('/api/notices', { body }));
}

export function usePublishNotice() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: publishNotice, onSuccess: () => refreshNotices(qc) });
}
