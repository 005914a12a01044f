import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';

export type WorkingDaysResult = ResponseOf<'/api/calendar/working-days', 'get'>;

export function getWorkingDays(from: string, days: number): Promise<WorkingDaysResult> {
  return unwrap(api.GET('/api/calendar/working-days', { params: { query: { from, days } } }));
}

export function useWorkingDays(from: string | null, days: number | null) {
  return useQuery({
    queryKey: ['calendar', 'working-days', from, days],
    queryFn: () => getWorkingDays(from!, days!),
    enabled: !!from && !!days,
  });
}
