import { downloadFile, toQueryString } from '../../../lib/download';

export function exportRecords(code: string, year: number, district: string | undefined, fileName: string): Promise<void> {
  return downloadFile(`/api/indicators/${encodeURIComponent(code)}/records/export${toQueryString({ year, district })}`, fileName);
}
