import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

/** The N-th working day from a date (the calendar module's public lookup): a notice's end date before publishing. */
export function workingDaysEnd(from: string, days: number) {
  return unwrap(api.GET('/api/calendar/working-days', { params: { query: { from, days } } }));
}

export function useWorkingDaysEnd(from: string | null, days: number | null) {
  return useQuery({ queryKey: ['calendar', 'working-days', from, days], queryFn: () => workingDaysEnd(from!, days!), enabled: !!from && !!days });
}
