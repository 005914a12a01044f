import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type ResponseOf } from '../../../lib/api';

export type Draw = ResponseOf<'/api/spot-checks/{id}', 'get'>;
export type DrawInput = BodyOf<'/api/spot-checks', 'post'>;
export type FindingInput = BodyOf<'/api/spot-check-items/{id}/finding', 'post'>;
export type SupervisionCase = ResponseOf<'/api/supervision-cases/{id}', 'get'>;
export type CaseAction = BodyOf<'/api/supervision-cases/{id}/actions', 'post'>;
export type Report = ResponseOf<'/api/annual-reports', 'get'>['items'][number];
export type ReportInput = BodyOf<'/api/annual-reports', 'post'>;

const refresh = (qc: ReturnType<typeof useQueryClient>) => qc.invalidateQueries({ queryKey: ['supervision'] });

export const useDraws = () => useQuery({ queryKey: ['supervision', 'draws'], queryFn: () => unwrap(api.GET('/api/spot-checks')) });
export const useDraw = (id: number | null) =>
  useQuery({ queryKey: ['supervision', 'draw', id], enabled: id !== null, queryFn: () => unwrap(api.GET('/api/spot-checks/{id}', { params: { path: { id: id! } } })) });
export function useCreateDraw() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: DrawInput) => unwrap(api.POST('/api/spot-checks', { body })), onSuccess: () => refresh(qc) });
}
export function useRecordFinding() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: FindingInput }) => unwrap(api.POST('/api/spot-check-items/{id}/finding', { params: { path: { id: v.id } }, body: v.body })), onSuccess: () => refresh(qc) });
}
export const useCases = () => useQuery({ queryKey: ['supervision', 'cases'], queryFn: () => unwrap(api.GET('/api/supervision-cases', { params: { query: {} } })) });
export const useCase = (id: number) => useQuery({ queryKey: ['supervision', 'case', id], queryFn: () => unwrap(api.GET('/api/supervision-cases/{id}', { params: { path: { id } } })) });
export function useCaseAction() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: CaseAction }) => unwrap(api.POST('/api/supervision-cases/{id}/actions', { params: { path: { id: v.id } }, body: v.body })), onSuccess: () => refresh(qc) });
}
export const useReports = (year: number) => useQuery({ queryKey: ['supervision', 'reports', year], queryFn: () => unwrap(api.GET('/api/annual-reports', { params: { query: { year } } })) });
export const useDueReports = () => useQuery({ queryKey: ['supervision', 'due'], queryFn: () => unwrap(api.GET('/api/annual-reports/due')) });
export function useSubmitReport() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: ReportInput) => unwrap(api.POST('/api/annual-reports', { body })), onSuccess: () => refresh(qc) });
}
export function useReviewReport() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; accept: boolean; comment?: string }) => unwrap(api.POST('/api/annual-reports/{id}/review', { params: { path: { id: v.id } }, body: { accept: v.accept, comment: v.comment } })), onSuccess: () => refresh(qc) });
}
