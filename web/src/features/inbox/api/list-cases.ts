import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';

export type InboxPage = ResponseOf<'/api/cases', 'get'>;
export type InboxItem = InboxPage['items'][number];
export type DueState = NonNullable<InboxItem['dueState']>;
export type InboxSummary = ResponseOf<'/api/cases/summary', 'get'>;

export interface InboxFilter {
  instrument?: string;
  mine?: boolean;
}

const filterQuery = (f: InboxFilter) => ({ instrument: f.instrument, mine: f.mine === undefined ? undefined : f.mine ? ('true' as const) : ('false' as const) });

export function listCases(f: InboxFilter & { cursor?: string; limit?: number }): Promise<InboxPage> {
  const query: QueryOf<'/api/cases', 'get'> = { ...filterQuery(f), cursor: f.cursor, limit: f.limit };
  return unwrap(api.GET('/api/cases', { params: { query } }));
}

export function getCasesSummary(f: InboxFilter): Promise<InboxSummary> {
  return unwrap(api.GET('/api/cases/summary', { params: { query: filterQuery(f) } }));
}

export const casesKey = ['cases'] as const;

/** The inbox, page after page (keyset cursor): "加载更多" appends. */
export function useInbox(f: InboxFilter, limit = 10) {
  return useInfiniteQuery({
    queryKey: [...casesKey, 'list', f, limit],
    queryFn: ({ pageParam }) => listCases({ ...f, limit, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useInboxSummary(f: InboxFilter) {
  return useQuery({ queryKey: [...casesKey, 'summary', f], queryFn: () => getCasesSummary(f) });
}
