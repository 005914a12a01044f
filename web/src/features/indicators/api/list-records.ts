import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { indicatorsKey } from './keys';

export type RecordPage = ResponseOf<'/api/indicators/{code}/records', 'get'>;
export type RecordRow = RecordPage['items'][number];
export interface RecordsQuery {
  code: string;
  year: number;
  district?: string;
  limit: number;
  cursor?: string;
}

export function listRecords({ code, ...query }: RecordsQuery): Promise<RecordPage> {
  return unwrap(api.GET('/api/indicators/{code}/records', { params: { path: { code }, query } }));
}

export function useRecords(query: RecordsQuery | null) {
  return useQuery({ queryKey: [...indicatorsKey, 'records', query], queryFn: () => listRecords(query!), enabled: query !== null, placeholderData: keepPreviousData });
}
