import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { calendarYearsKey } from './list-years';

export type CalendarYear = ResponseOf<'/api/calendar/years/{year}', 'get'>;

export function getYear(year: number): Promise<CalendarYear> {
  return unwrap(api.GET('/api/calendar/years/{year}', { params: { path: { year } } }));
}

export function useCalendarYear(year: number | null) {
  return useQuery({ queryKey: [...calendarYearsKey, year], queryFn: () => getYear(year!), enabled: year !== null });
}
