import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';

export type CalendarYearSummary = ResponseOf<'/api/calendar/years', 'get'>['items'][number];
export const calendarYearsKey = ['calendar', 'years'] as const;

export function listYears(): Promise<CalendarYearSummary[]> {
  return unwrap(api.GET('/api/calendar/years')).then((r) => r.items);
}

export function useCalendarYears() {
  return useQuery({ queryKey: calendarYearsKey, queryFn: listYears });
}
