import { toQueryString } from '../../../../lib/download';
import type { RegisterQuery } from './list-recognitions';

export type ExportQuery = Omit<RegisterQuery, 'cursor' | 'limit'>;

/** The register's Excel file for the filters shown (DataTable's 导出Excel fetches it). */
export const recognitionsExportUrl = (query: ExportQuery) => `/api/recognitions/export.xlsx${toQueryString(query)}`;
