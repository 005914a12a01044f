import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import type { PanelVia } from './get-panel';
import { refreshExperts } from './keys';

export type RedrawInput = BodyOf<'/api/recognition-applications/{id}/panel/redraw', 'post'>;

export function redrawPanel(id: number, body: RedrawInput, via: PanelVia = 'recognitions') {
  const init = { params: { path: { id } }, body };
  return unwrap(via === 'cases' ? api.POST('/api/cases/{id}/panel/redraw', init) : api.POST('/api/recognition-applications/{id}/panel/redraw', init));
}

export function useRedrawPanel(via: PanelVia = 'recognitions') {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: RedrawInput }) => redrawPanel(v.id, v.body, via), onSuccess: () => refreshExperts(qc) });
}
