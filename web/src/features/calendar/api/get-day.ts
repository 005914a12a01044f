import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';

export type DayResult = ResponseOf<'/api/calendar/days/{date}', 'get'>;

export function getDay(date: string): Promise<DayResult> {
  return unwrap(api.GET('/api/calendar/days/{date}', { params: { path: { date } } }));
}

export function useDay(date: string | null) {
  return useQuery({ queryKey: ['calendar', 'day', date], queryFn: () => getDay(date!), enabled: !!date });
}
