import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshExperts } from './keys';

export type RedrawInput = BodyOf<'/api/recognition-applications/{id}/panel/redraw', 'post'>;

export function redrawPanel(id: number, body: RedrawInput) {
  return unwrap(api.POST('/api/recognition-applications/{id}/panel/redraw', { params: { path: { id } }, body }));
}

export function useRedrawPanel() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: RedrawInput }) => redrawPanel(v.id, v.body), onSuccess: () => refreshExperts(qc) });
}
