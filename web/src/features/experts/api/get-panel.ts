import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { expertsKey } from './keys';

export type Panel = ResponseOf<'/api/recognition-applications/{id}/panel', 'get'>;
export type PanelMember = Panel['members'][number];
export type PanelDraw = Panel['draws'][number];

export function getPanel(id: number): Promise<Panel> {
  return unwrap(api.GET('/api/recognition-applications/{id}/panel', { params: { path: { id } } }));
}

export function usePanel(id: number) {
  return useQuery({ queryKey: [...expertsKey, 'panel', id], queryFn: () => getPanel(id) });
}
