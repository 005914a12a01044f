import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';

export type SaveYearInput = BodyOf<'/api/calendar/years/{year}', 'put'>;

export function saveYear(year: number, body: SaveYearInput) {
  return unwrap(api.PUT('/api/calendar/years/{year}', { params: { path: { year } }, body }));
}

export function useSaveYear() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: SaveYearInput }) => saveYear(year, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['calendar'] }),
  });
}
