import { downloadFile, toQueryString } from '../../../lib/download';

export function exportRecords(code: string, year: number, district?: string): Promise<void> {
  return downloadFile(`/api/indicators/${encodeURIComponent(code)}/records/export${toQueryString({ year, district })}`, `${code}-${year}-明细.xlsx`);
}
