import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { indicatorsKey } from './keys';

export type Series = ResponseOf<'/api/indicators/{code}/series', 'get'>;

export function getSeries(code: string, from: number, to: number, district?: string): Promise<Series> {
  return unwrap(api.GET('/api/indicators/{code}/series', { params: { path: { code }, query: { from, to, district } } }));
}

export function useSeries(code: string | null, from: number, to: number, district?: string) {
  return useQuery({ queryKey: [...indicatorsKey, 'series', code, from, to, district], queryFn: () => getSeries(code!, from, to, district), enabled: code !== null });
}
