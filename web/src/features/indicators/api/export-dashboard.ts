import { downloadFile, toQueryString } from '../../../lib/download';

export function exportDashboard(year: number, district: string | undefined, fileName: string): Promise<void> {
  return downloadFile(`/api/indicators/export${toQueryString({ year, district })}`, fileName);
}
