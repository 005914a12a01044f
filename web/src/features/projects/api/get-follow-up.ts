import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../../lib/api';
import { projectsKey } from './keys';

export function getFollowUp(id: number) {
  return unwrap(api.GET('/api/projects/follow-ups/{id}', { params: { path: { id } } }));
}

/** The project an inbox link points at: ?project=, or ?midterm= / ?acceptance= / ?change= (a follow-up case, resolved to its project). */
export function useLinkedProject(): number | null {
  const [params] = useSearchParams();
  const project = Number(params.get('project')) || null;
  const followUp = Number(params.get('midterm') ?? params.get('acceptance') ?? params.get('change')) || null;
  const q = useQuery({ queryKey: [...projectsKey, 'follow-up', followUp], queryFn: () => getFollowUp(followUp!), enabled: followUp !== null });
  return project ?? q.data?.projectId ?? null;
}
