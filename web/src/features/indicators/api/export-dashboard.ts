import { downloadFile, toQueryString } from '../../../lib/download';

export function exportDashboard(year: number, district?: string): Promise<void> {
  return downloadFile(`/api/indicators/export${toQueryString({ year, district })}`, `科技指标-${year}.xlsx`);
}
