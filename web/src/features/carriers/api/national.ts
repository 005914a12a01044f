import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type QueryOf, type ResponseOf } from '../../../lib/api';
import { carriersKey, refreshCarriers } from './keys';

export type NationalQuery = QueryOf<'/api/carrier-national', 'get'>;
export type NationalCase = ResponseOf<'/api/carrier-national', 'get'>['items'][number];
export type NationalResult = BodyOf<'/api/carrier-national/{id}/result', 'post'>;

export const useNationalCases = (query: NationalQuery) =>
  useQuery({ queryKey: [...carriersKey, 'national', query], queryFn: () => unwrap(api.GET('/api/carrier-national', { params: { query } })) });

/** The city recommends a recognised municipal incubator or makerspace to 科技部. */
export function useRecommendNational(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/carriers/{id}/national-recommendations', 'post'>) => unwrap(api.POST('/api/carriers/{id}/national-recommendations', { params: { path: { id } }, body })),
    onSuccess: () => refreshCarriers(qc),
  });
}

/** The upper body's result, with its document number and date. */
export function useRecordNationalResult() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: NationalResult & { id: number }) => unwrap(api.POST('/api/carrier-national/{id}/result', { params: { path: { id } }, body })),
    onSuccess: () => refreshCarriers(qc),
  });
}
