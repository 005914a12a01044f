import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type QueryOf, type ResponseOf } from '../../../lib/api';
import { postFile } from '../../../lib/upload';
import { programmesKey, refreshProgrammes } from './keys';

export type ApplicationQuery = QueryOf<'/api/project-applications', 'get'>;
export type ApplicationItem = ResponseOf<'/api/project-applications', 'get'>['items'][number];
export type Application = ResponseOf<'/api/project-applications/{id}', 'get'>;
export type Content = BodyOf<'/api/project-applications/{id}', 'put'>;
export type Duplicates = ResponseOf<'/api/project-applications/{id}/duplicates', 'get'>;
export type Tranches = ResponseOf<'/api/project-applications/{id}/tranches', 'get'>;
export type ReviewBody = BodyOf<'/api/project-applications/{id}/review', 'post'>;

export function listApplications(query: ApplicationQuery) {
  return unwrap(api.GET('/api/project-applications', { params: { query } }));
}
export function useApplications(query: ApplicationQuery) {
  return useQuery({
    queryKey: [...programmesKey, 'applications', query],
    queryFn: () => listApplications(query),
  });
}
export function getApplication(id: number) {
  return unwrap(api.GET('/api/project-applications/{id}', { params: { path: { id } } }));
}
export function useApplication(id: number) {
  return useQuery({
    queryKey: [...programmesKey, 'application', id],
    queryFn: () => getApplication(id),
  });
}
export function createApplication(body: BodyOf<'/api/project-applications', 'post'>) {
  return unwrap(api.POST('/api/project-applications', { body }));
}
export function useCreateApplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createApplication,
    onSuccess: () => refreshProgrammes(qc),
  });
}
export function saveApplication(id: number, body: Content) {
  return unwrap(
    api.PUT('/api/project-applications/{id}', {
      params: { path: { id } },
      body,
    }),
  );
}
export function useSaveApplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; body: Content }) => saveApplication(v.id, v.body),
    onSuccess: () => refreshProgrammes(qc),
  });
}
export function submitApplication(id: number) {
  return unwrap(
    api.POST('/api/project-applications/{id}/submit', {
      params: { path: { id } },
    }),
  );
}
export function useSubmitApplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: submitApplication,
    onSuccess: () => refreshProgrammes(qc),
  });
}
export function reviewApplication(id: number, body: ReviewBody) {
  return unwrap(
    api.POST('/api/project-applications/{id}/review', {
      params: { path: { id } },
      body,
    }),
  );
}
export function useReviewApplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; body: ReviewBody }) => reviewApplication(v.id, v.body),
    onSuccess: () => refreshProgrammes(qc),
  });
}
export function getDuplicates(id: number) {
  return unwrap(
    api.GET('/api/project-applications/{id}/duplicates', {
      params: { path: { id } },
    }),
  );
}
export function useDuplicates(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...programmesKey, 'duplicates', id],
    queryFn: () => getDuplicates(id),
    enabled,
  });
}
export function getTranches(id: number) {
  return unwrap(
    api.GET('/api/project-applications/{id}/tranches', {
      params: { path: { id } },
    }),
  );
}
export function useTranches(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...programmesKey, 'tranches', id],
    queryFn: () => getTranches(id),
    enabled,
  });
}
/** The kernel's panel draw and decision on a case of this instrument. */
export function drawPanel(id: number) {
  return unwrap(api.POST('/api/cases/{id}/panel', { params: { path: { id } }, body: {} }));
}
export function useDrawPanel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: drawPanel,
    onSuccess: () => refreshProgrammes(qc),
  });
}
export function decide(id: number, body: BodyOf<'/api/cases/{id}/decision', 'post'>) {
  return unwrap(api.POST('/api/cases/{id}/decision', { params: { path: { id } }, body }));
}
export function useDecide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; approve: boolean; comment?: string }) => decide(v.id, { approve: v.approve, comment: v.comment }),
    onSuccess: () => refreshProgrammes(qc),
  });
}
/** Uploads the signed task contract (multipart), which starts the project and prepares tranche 1. */
export function uploadContract(id: number, file: File): Promise<Application> {
  return postFile<Application>(`/api/project-applications/${id}/contract`, file);
}
export function useUploadContract() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; file: File }) => uploadContract(v.id, v.file),
    onSuccess: () => refreshProgrammes(qc),
  });
}
