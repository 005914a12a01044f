import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import type { PanelVia } from './get-panel';
import { refreshExperts } from './keys';

export type DrawPanelInput = BodyOf<'/api/recognition-applications/{id}/panel', 'post'>;

export function drawPanel(id: number, body: DrawPanelInput, via: PanelVia = 'recognitions') {
  const init = { params: { path: { id } }, body };
  return unwrap(via === 'cases' ? api.POST('/api/cases/{id}/panel', init) : api.POST('/api/recognition-applications/{id}/panel', init));
}

/** Also refreshes every other query: the application moved to expert review. */
export function useDrawPanel(via: PanelVia = 'recognitions') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; body: DrawPanelInput }) => drawPanel(v.id, v.body, via),
    onSuccess: () => Promise.all([refreshExperts(qc), qc.invalidateQueries()]),
  });
}
