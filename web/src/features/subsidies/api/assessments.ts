import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type QueryOf, type ResponseOf } from '../../../lib/api';

export type AssessmentList = ResponseOf<'/api/performance-assessments', 'get'>;
export type Assessment = AssessmentList['items'][number];
export type AssessmentInput = BodyOf<'/api/performance-assessments', 'post'>;
export type AssessmentQuery = QueryOf<'/api/performance-assessments', 'get'>;
export type GradeInput = BodyOf<'/api/performance-assessments/{id}/grade', 'post'>;

export function useAssessments(query: AssessmentQuery) {
  return useQuery({ queryKey: ['subsidies', 'assessments', query], queryFn: () => unwrap(api.GET('/api/performance-assessments', { params: { query } })) });
}

export function useReportAssessment() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: AssessmentInput) => unwrap(api.POST('/api/performance-assessments', { body })), onSuccess: () => qc.invalidateQueries({ queryKey: ['subsidies'] }) });
}

export function useGradeAssessment() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: GradeInput }) => unwrap(api.POST('/api/performance-assessments/{id}/grade', { params: { path: { id: v.id } }, body: v.body })), onSuccess: () => qc.invalidateQueries({ queryKey: ['subsidies'] }) });
}
