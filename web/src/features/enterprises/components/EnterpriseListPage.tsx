import { FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card } from 'antd';
import { useState } from 'react';
import { CursorPager } from '../../../components/CursorPager';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useCursorPager } from '../../../lib/use-cursor-pager';
import { useExportEnterprises } from '../api/export-enterprises';
import { useEnterprises } from '../api/list-enterprises';
import { CREATE_ROLES } from '../constants';
import { useEnterpriseFilters } from '../hooks/use-enterprise-filters';
import { CreateEnterpriseModal } from './CreateEnterpriseModal';
import { EnterpriseFilterBar } from './EnterpriseFilterBar';
import { EnterpriseTable } from './EnterpriseTable';
import { ImportEnterprisesModal } from './ImportEnterprisesModal';

/** 企业库: filter, sort, page through, register, import and export enterprises. */
export default function EnterpriseListPage() {
  const t = useT();
  const me = useSession();
  const { message } = App.useApp();
  const { filters, update, clear } = useEnterpriseFilters();
  const { limit, ...exportQuery } = filters;
  const pager = useCursorPager(JSON.stringify(filters));
  const list = useEnterprises({ ...filters, cursor: pager.cursor ?? undefined });
  const exporter = useExportEnterprises();
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);

  // A district officer's data scope is its district; the server enforces it, the UI says so.
  const ownDistrict = me.roles.includes('district_officer') && !hasAnyRole(me, ['city_officer', 'city_admin', 'auditor'])
    ? me.organization.district
    : null;
  const canCreate = hasAnyRole(me, CREATE_ROLES);

  const onExport = () =>
    exporter.mutate(exportQuery, {
      onSuccess: () => void message.success(t('common.exported')),
      onError: (e) => void message.error(errorMessage(e)),
    });

  return (
    <>
      <PageTitle
        title={t('nav.enterprises')}
        extra={
          <>
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')} data-testid="enterprise-create">
                {t('ent.create')}
              </Button>
            ) : null}
            {canCreate ? (
              <Button icon={<UploadOutlined />} onClick={() => setDialog('import')} data-testid="enterprise-import">
                {t('ent.import')}
              </Button>
            ) : null}
            <Button icon={<FileExcelOutlined />} loading={exporter.isPending} onClick={onExport} data-testid="enterprise-export">
              {t('common.exportExcel')}
            </Button>
          </>
        }
      />
      <Card>
        <EnterpriseFilterBar
          filters={filters}
          onChange={update}
          onClear={clear}
          fixedDistrict={ownDistrict?.name}
        />
        {list.isError ? (
          <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <EnterpriseTable
          items={list.data?.items ?? []}
          loading={list.isFetching}
          sort={filters.sort}
          order={filters.order}
          onSort={(sort, order) => update({ sort, order })}
        />
        <CursorPager
          pager={pager}
          nextCursor={list.data?.nextCursor}
          loading={list.isFetching}
          pageSize={limit}
          onPageSizeChange={(n) => update({ limit: n })}
          rowsOnPage={list.data?.items.length ?? 0}
        />
      </Card>
      <CreateEnterpriseModal
        open={dialog === 'create'}
        onClose={() => setDialog(null)}
        fixedDistrictCode={ownDistrict?.code}
      />
      <ImportEnterprisesModal open={dialog === 'import'} onClose={() => setDialog(null)} />
    </>
  );
}
