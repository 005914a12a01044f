import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';

export type CreateListingInput = BodyOf<'/api/techmarket/listings', 'post'>;

export function createListing(body: CreateListingInput) {
  return unwrap(api.POST('/api/techmarket/listings', { body }));
}

export function useCreateListing() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createListing, onSuccess: () => qc.invalidateQueries({ queryKey: ['techmarket'] }) });
}
