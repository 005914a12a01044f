import { toQueryString } from '../../../lib/download';
import type { EnterpriseQuery } from './list-enterprises';

export type ExportQuery = Omit<EnterpriseQuery, 'limit' | 'cursor'>;

/** GET /api/enterprises/export with the list's current filters and sort (DataTable's 导出Excel fetches it). */
export function exportEnterprisesUrl(query: ExportQuery): string {
  return `/api/enterprises/export${toQueryString(query)}`;
}
