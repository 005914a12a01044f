import { toQueryString } from '../../../../lib/download';
import type { ListApplicationsQuery } from '../../applications/api/list-applications';

/** The review list's Excel file for the filters shown (DataTable's 导出Excel fetches it). */
export const applicationsExportUrl = (query: Omit<ListApplicationsQuery, 'limit' | 'cursor'>) => `/api/recognition-applications/export.xlsx${toQueryString(query)}`;
