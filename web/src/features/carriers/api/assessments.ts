import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type ResponseOf } from '../../../lib/api';
import { carriersKey, refreshCarriers } from './keys';

export type Assessment = ResponseOf<'/api/carrier-assessments', 'get'>['items'][number];
export type ParkFigure = ResponseOf<'/api/carriers/parks/figures', 'get'>['items'][number];
export type AssessmentInput = BodyOf<'/api/carriers/{id}/assessments', 'post'>;

export const useAssessments = (year?: number) =>
  useQuery({ queryKey: [...carriersKey, 'assessments', year], queryFn: () => unwrap(api.GET('/api/carrier-assessments', { params: { query: { year } } })) });

export const useParkFigures = (year: number) =>
  useQuery({ queryKey: [...carriersKey, 'park-figures', year], queryFn: () => unwrap(api.GET('/api/carriers/parks/figures', { params: { query: { year } } })) });

export function useAssess(carrierId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AssessmentInput) => unwrap(api.POST('/api/carriers/{id}/assessments', { params: { path: { id: carrierId } }, body })),
    onSuccess: () => refreshCarriers(qc),
  });
}

export type ScoreSheets = ResponseOf<'/api/carriers/score-sheets', 'get'>;

/** The score sheets in force (items, grade bands, subsidies); they change rarely. */
export const useScoreSheets = () => useQuery({ queryKey: [...carriersKey, 'score-sheets'], queryFn: () => unwrap(api.GET('/api/carriers/score-sheets')), staleTime: 10 * 60_000 });
