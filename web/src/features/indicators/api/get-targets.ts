import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { indicatorsKey } from './keys';

export type TargetOverview = ResponseOf<'/api/indicators/targets', 'get'>;
export type TargetRow = TargetOverview['items'][number];

export function getTargets(year: number): Promise<TargetOverview> {
  return unwrap(api.GET('/api/indicators/targets', { params: { query: { year } } }));
}

export function useTargets(year: number) {
  return useQuery({ queryKey: [...indicatorsKey, 'targets', year], queryFn: () => getTargets(year), placeholderData: keepPreviousData });
}
