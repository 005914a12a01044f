import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

export type ModerationStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

export function listModeration(status: ModerationStatus) {
  return unwrap(api.GET('/api/techmarket/moderation', { params: { query: { status, limit: 100 } } }));
}

export function useModeration(status: ModerationStatus) {
  return useQuery({ queryKey: ['techmarket', 'moderation', status], queryFn: () => listModeration(status) });
}

export type ModerationListing = Awaited<ReturnType<typeof listModeration>>['items'][number];
