import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { notifyUnauthenticated, toApiError } from '../../../lib/api';

// The contract of GET /api/cases and /api/cases/summary (issue 10, "One inbox").
// TODO(types): switch to the generated client once the routes are in docs/openapi.json.
export type DueState = 'overdue' | 'due_soon' | 'ok';

export interface InboxItem {
  id: number;
  instrument: string;
  instrumentName: string;
  type: string;
  typeName: string;
  status: string;
  statusName: string;
  title: string;
  dueOn: string | null;
  dueState: DueState | null;
  enterprise: { id: number; name: string } | null;
  applicantName?: string;
  district: { code: string; name: string } | null;
  /** The SPA page where the case is handled, when the server names it. */
  href?: string;
  updatedAt: string;
}

export interface InboxPage {
  items: InboxItem[];
  nextCursor: string | null;
}

export interface InboxSummary {
  total: number;
  overdue: number;
  dueSoon: number;
  byInstrument: { instrument: string; instrumentName: string; count: number; overdue: number; dueSoon: number }[];
}

export interface InboxFilter {
  instrument?: string;
  mine?: boolean;
}

async function getJson<T>(path: string, query: Record<string, string | undefined>): Promise<T> {
  const qs = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  let res: Response;
  try {
    res = await fetch(qs ? `${path}?${qs}` : path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch {
    throw toApiError(0, null);
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    if (res.status === 401) {
      notifyUnauthenticated();
    }
    throw toApiError(res.status, body);
  }
  return body as T;
}

const filterQuery = (f: InboxFilter) => ({ instrument: f.instrument, mine: f.mine === undefined ? undefined : String(f.mine) });

export function listCases(f: InboxFilter & { cursor?: string; limit?: number }): Promise<InboxPage> {
  return getJson<InboxPage>('/api/cases', { ...filterQuery(f), cursor: f.cursor, limit: f.limit === undefined ? undefined : String(f.limit) });
}

export function getCasesSummary(f: InboxFilter): Promise<InboxSummary> {
  return getJson<InboxSummary>('/api/cases/summary', filterQuery(f));
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
