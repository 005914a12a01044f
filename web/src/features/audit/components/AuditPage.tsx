import { Card } from 'antd';
import { PageTitle } from '../../../components/PageTitle';
import { useMessages, useT } from '../../../lib/i18n';
import { useCursorPager } from '../../../lib/use-cursor-pager';
import { auditExportUrl } from '../api/export-audit';
import { auditMessages } from '../messages';
import { useAuditLog } from '../api/list-audit';
import { useVerifyAuditChain } from '../api/verify-audit';
import { useAuditFilters } from '../hooks/use-audit-filters';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditTable } from './AuditTable';
import { VerifyChainButton, VerifyChainResult } from './VerifyChain';

const PAGE_SIZE = 50;

/** 审计日志: who changed what, when, from where — with the hash chain check. */
export default function AuditPage() {
  const t = useT();
  const { filters, set } = useAuditFilters();
  const pager = useCursorPager(JSON.stringify(filters));
  const log = useAuditLog({ ...filters, limit: PAGE_SIZE, cursor: pager.cursor ?? undefined });
  const verify = useVerifyAuditChain();
  const ta = useMessages(auditMessages);

  return (
    <>
      <PageTitle title={t('nav.audit')} extra={<VerifyChainButton verify={verify} />} />
      <VerifyChainResult verify={verify} />
      <Card>
        <AuditTable
          query={log}
          filters={<AuditFilterBar filters={filters} onSearch={set} />}
          keyset={{ pager, nextCursor: log.data?.nextCursor, pageSize: PAGE_SIZE }}
          exportFile={{ url: auditExportUrl(filters), filename: ta('audit.exportFile') }}
        />
      </Card>
    </>
  );
}
