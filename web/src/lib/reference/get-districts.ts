import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../api';

export type District = ResponseOf<'/api/districts', 'get'>['items'][number];

/** Shared by every feature that shows or picks a district; admin mutations invalidate it. */
export const districtsQueryKey = ['districts'] as const;

export function getDistricts(): Promise<District[]> {
  return unwrap(api.GET('/api/districts')).then((r) => r.items);
}

export function useDistricts() {
  return useQuery({ queryKey: districtsQueryKey, queryFn: getDistricts, staleTime: 10 * 60_000 });
}
