import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../../lib/api';
import type { ApplicationData } from './save-application';

export type AssessmentView = ResponseOf<'/api/recognition-applications/{id}/assess', 'post'>;

/** The live self-assessment of the data as edited (nothing is saved). */
export function assessApplication(id: number, data?: ApplicationData) {
  return unwrap(api.POST('/api/recognition-applications/{id}/assess', { params: { path: { id } }, body: data ? { data } : {} }));
}

export function useAssessApplication() {
  return useMutation({ mutationFn: (v: { id: number; data?: ApplicationData }) => assessApplication(v.id, v.data) });
}
