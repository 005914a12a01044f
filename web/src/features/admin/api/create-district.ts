import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { districtsQueryKey } from '../../../lib/reference/get-districts';

export type CreateDistrictInput = BodyOf<'/api/districts', 'post'>;

export function createDistrict(body: CreateDistrictInput) {
  return unwrap(api.POST('/api/districts', { body }));
}

export function useCreateDistrict() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createDistrict, onSuccess: () => qc.invalidateQueries({ queryKey: districtsQueryKey }) });
}
