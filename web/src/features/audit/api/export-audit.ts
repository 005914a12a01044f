import { useMutation } from '@tanstack/react-query';
import { downloadFile, toQueryString } from '../../../lib/download';
import type { AuditFilters } from '../hooks/use-audit-filters';

/** GET /api/audit/export with the current filters (the server caps it at 100k rows). */
export function exportAudit(filters: AuditFilters): Promise<void> {
  return downloadFile(`/api/audit/export${toQueryString({ ...filters })}`, '审计日志.xlsx');
}

export function useExportAudit() {
  return useMutation({ mutationFn: exportAudit });
}
