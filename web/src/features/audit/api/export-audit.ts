import { toQueryString } from '../../../lib/download';
import type { AuditFilters } from '../hooks/use-audit-filters';

/** GET /api/audit/export with the current filters (the server caps it at 100k rows; DataTable's 导出Excel fetches it). */
export function auditExportUrl(filters: AuditFilters): string {
  return `/api/audit/export${toQueryString({ ...filters })}`;
}
