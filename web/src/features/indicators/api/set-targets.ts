import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type ResponseOf } from '../../../lib/api';
import { refreshIndicators } from './keys';

export type SetTargetsInput = BodyOf<'/api/indicators/targets', 'put'>;
export type SetTargetsResult = ResponseOf<'/api/indicators/targets', 'put'>;

/** Replaces one indicator's targets of a year (city-wide and any district breakdown). */
export function setTargets(body: SetTargetsInput): Promise<SetTargetsResult> {
  return unwrap(api.PUT('/api/indicators/targets', { body }));
}

export function useSetTargets() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: setTargets,
    onSuccess: () => refreshIndicators(qc),
  });
}
