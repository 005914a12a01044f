import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card } from 'antd';
import { CursorPager } from '../../../components/CursorPager';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import { useCursorPager } from '../../../lib/use-cursor-pager';
import { useExportAudit } from '../api/export-audit';
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
  const exporter = useExportAudit();
  const { message } = App.useApp();

  const onExport = () =>
    exporter.mutate(filters, {
      onSuccess: () => void message.success(t('common.exported')),
      onError: (e) => void message.error(errorMessage(e)),
    });

  return (
    <>
      <PageTitle
        title={t('nav.audit')}
        extra={
          <>
            <VerifyChainButton verify={verify} />
            <Button icon={<FileExcelOutlined />} loading={exporter.isPending} onClick={onExport} data-testid="audit-export">
              {t('common.exportExcel')}
            </Button>
          </>
        }
      />
      <VerifyChainResult verify={verify} />
      <Card>
        <AuditFilterBar filters={filters} onSearch={set} />
        {log.isError ? <Alert type="error" showIcon title={errorMessage(log.error)} style={{ marginBottom: 16 }} /> : null}
        <AuditTable items={log.data?.items ?? []} loading={log.isFetching} />
        <CursorPager
          pager={pager}
          nextCursor={log.data?.nextCursor}
          loading={log.isFetching}
          pageSize={PAGE_SIZE}
          rowsOnPage={log.data?.items.length ?? 0}
        />
      </Card>
    </>
  );
}
