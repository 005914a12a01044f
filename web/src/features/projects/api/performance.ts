import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';
import { projectsKey } from './keys';

export type PerformanceQuery = QueryOf<'/api/projects/performance', 'get'>;
export type Performance = ResponseOf<'/api/projects/performance', 'get'>;

export function getPerformance(query: PerformanceQuery) {
  return unwrap(api.GET('/api/projects/performance', { params: { query } }));
}
export function usePerformance(query: PerformanceQuery) {
  return useQuery({ queryKey: [...projectsKey, 'performance', query], queryFn: () => getPerformance(query) });
}
/** The Excel export's address (the browser sends the session cookie). */
export const performanceXlsxUrl = (q: PerformanceQuery) => `/api/projects/performance.xlsx?${new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString()}`;
