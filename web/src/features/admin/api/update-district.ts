import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { districtsQueryKey } from '../../../lib/reference/get-districts';

export type UpdateDistrictInput = BodyOf<'/api/districts/{id}', 'patch'>;

export function updateDistrict(id: number, body: UpdateDistrictInput) {
  return unwrap(api.PATCH('/api/districts/{id}', { params: { path: { id } }, body }));
}

export function useUpdateDistrict() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateDistrictInput }) => updateDistrict(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: districtsQueryKey }),
  });
}
