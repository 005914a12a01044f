import { useMutation } from '@tanstack/react-query';
import { downloadFile, toQueryString } from '../../../lib/download';
import { useMessages } from '../../../lib/i18n';
import type { AuditFilters } from '../hooks/use-audit-filters';
import { auditMessages } from '../messages';

/** GET /api/audit/export with the current filters (the server caps it at 100k rows). */
export function exportAudit(filters: AuditFilters, fileName: string): Promise<void> {
  return downloadFile(`/api/audit/export${toQueryString({ ...filters })}`, fileName);
}

export function useExportAudit() {
  const t = useMessages(auditMessages);
  return useMutation({ mutationFn: (filters: AuditFilters) => exportAudit(filters, t('audit.exportFile')) });
}
