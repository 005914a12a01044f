import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { expertsKey } from './keys';

export type Panel = ResponseOf<'/api/recognition-applications/{id}/panel', 'get'>;
export type PanelMember = Panel['members'][number];
export type PanelDraw = Panel['draws'][number];

/** Where a panel is read and drawn: a recognition's own paths, or the case kernel's for any other instrument. */
export type PanelVia = 'recognitions' | 'cases';

export function getPanel(id: number, via: PanelVia = 'recognitions'): Promise<Panel> {
  const params = { params: { path: { id } } };
  return unwrap(via === 'cases' ? api.GET('/api/cases/{id}/panel', params) : api.GET('/api/recognition-applications/{id}/panel', params));
}

export function usePanel(id: number, via: PanelVia = 'recognitions') {
  return useQuery({ queryKey: [...expertsKey, 'panel', id], queryFn: () => getPanel(id, via) });
}
