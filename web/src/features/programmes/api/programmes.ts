import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type ResponseOf } from '../../../lib/api';
import { programmesKey, refreshProgrammes } from './keys';

export type Programme = ResponseOf<'/api/programmes', 'get'>['items'][number];
export type NewProgramme = BodyOf<'/api/programmes', 'post'>;

export function listProgrammes() {
  return unwrap(api.GET('/api/programmes'));
}
export function useProgrammes() {
  return useQuery({
    queryKey: [...programmesKey, 'list'],
    queryFn: listProgrammes,
  });
}
export function addYear(id: number, body: BodyOf<'/api/programmes/{id}/years', 'post'>) {
  return unwrap(api.POST('/api/programmes/{id}/years', { params: { path: { id } }, body }));
}
export function useAddYear() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; year: number; budget: number }) => addYear(v.id, { year: v.year, budget: v.budget }),
    onSuccess: () => refreshProgrammes(qc),
  });
}
