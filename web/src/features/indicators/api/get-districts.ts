import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { indicatorsKey } from './keys';

export type DistrictBreakdown = ResponseOf<'/api/indicators/{code}/districts', 'get'>;

export function getDistricts(code: string, year: number): Promise<DistrictBreakdown> {
  return unwrap(api.GET('/api/indicators/{code}/districts', { params: { path: { code }, query: { year } } }));
}

export function useDistricts(code: string | null, year: number) {
  return useQuery({ queryKey: [...indicatorsKey, 'districts', code, year], queryFn: () => getDistricts(code!, year), enabled: code !== null });
}
