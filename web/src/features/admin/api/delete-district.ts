import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { districtsQueryKey } from '../../../lib/reference/get-districts';

/** Refused by the server (409 in_use) while enterprises or organisations refer to the district. */
export function deleteDistrict(id: number) {
  return unwrap(api.DELETE('/api/districts/{id}', { params: { path: { id } } }));
}

export function useDeleteDistrict() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: deleteDistrict, onSuccess: () => qc.invalidateQueries({ queryKey: districtsQueryKey }) });
}
