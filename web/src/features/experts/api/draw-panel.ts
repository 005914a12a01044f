import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshExperts } from './keys';

export type DrawPanelInput = BodyOf<'/api/recognition-applications/{id}/panel', 'post'>;

export function drawPanel(id: number, body: DrawPanelInput) {
  return unwrap(api.POST('/api/recognition-applications/{id}/panel', { params: { path: { id } }, body }));
}

/** Also refreshes every other query: the application moved to expert review. */
export function useDrawPanel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; body: DrawPanelInput }) => drawPanel(v.id, v.body),
    onSuccess: () => Promise.all([refreshExperts(qc), qc.invalidateQueries()]),
  });
}
