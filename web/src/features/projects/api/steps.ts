import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshProjects } from './keys';

export type MidtermReport = BodyOf<'/api/projects/midterms/{id}/report', 'put'>;
export type AcceptanceReport = BodyOf<'/api/projects/acceptances/{id}/report', 'put'>;
export type MidtermConclusion = BodyOf<'/api/projects/midterms/{id}/conclusion', 'post'>;
export type AcceptanceConclusion = BodyOf<'/api/projects/acceptances/{id}/conclusion', 'post'>;
export type ChangeRequest = BodyOf<'/api/projects/{id}/changes', 'post'>;
export type ChangeDecision = BodyOf<'/api/projects/changes/{id}/decision', 'post'>;

function useStep<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => refreshProjects(qc) });
}

export const useOpenMidterms = () => useStep((_: void) => unwrap(api.POST('/api/projects/midterms/open')));
export const useSubmitMidterm = () => useStep((v: { id: number; body: MidtermReport }) => unwrap(api.PUT('/api/projects/midterms/{id}/report', { params: { path: { id: v.id } }, body: v.body })));
export const useConcludeMidterm = () => useStep((v: { id: number; body: MidtermConclusion }) => unwrap(api.POST('/api/projects/midterms/{id}/conclusion', { params: { path: { id: v.id } }, body: v.body })));
export const useStartAcceptance = () => useStep((projectId: number) => unwrap(api.POST('/api/projects/{id}/acceptance', { params: { path: { id: projectId } } })));
export const useSubmitAcceptance = () => useStep((v: { id: number; body: AcceptanceReport }) => unwrap(api.PUT('/api/projects/acceptances/{id}/report', { params: { path: { id: v.id } }, body: v.body })));
export const useConcludeAcceptance = () => useStep((v: { id: number; body: AcceptanceConclusion }) => unwrap(api.POST('/api/projects/acceptances/{id}/conclusion', { params: { path: { id: v.id } }, body: v.body })));
export const useRequestChange = () => useStep((v: { projectId: number; body: ChangeRequest }) => unwrap(api.POST('/api/projects/{id}/changes', { params: { path: { id: v.projectId } }, body: v.body })));
export const useDecideChange = () => useStep((v: { id: number; body: ChangeDecision }) => unwrap(api.POST('/api/projects/changes/{id}/decision', { params: { path: { id: v.id } }, body: v.body })));
