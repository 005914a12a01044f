import { toQueryString } from '../../../lib/download';

/** The Excel file of the records behind a figure (DataTable's 导出Excel fetches it). */
export function recordsExportUrl(code: string, year: number, district: string | undefined): string {
  return `/api/indicators/${encodeURIComponent(code)}/records/export${toQueryString({ year, district })}`;
}
