import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { expertsKey } from './keys';

export type Assignments = ResponseOf<'/api/expert/assignments', 'get'>;
export type Assignment = Assignments['items'][number];

export function listAssignments(): Promise<Assignments> {
  return unwrap(api.GET('/api/expert/assignments'));
}

export function useAssignments() {
  return useQuery({ queryKey: [...expertsKey, 'assignments'], queryFn: listAssignments });
}
