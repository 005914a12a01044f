import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { PageTitle } from '../../../components/PageTitle';
import { useMessages, useT } from '../../../lib/i18n';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useCursorPager } from '../../../lib/use-cursor-pager';
import { exportEnterprisesUrl } from '../api/export-enterprises';
import { useEnterprises } from '../api/list-enterprises';
import { CREATE_ROLES } from '../constants';
import { useEnterpriseFilters } from '../hooks/use-enterprise-filters';
import { CreateEnterpriseModal } from './CreateEnterpriseModal';
import { EnterpriseFilterBar } from './EnterpriseFilterBar';
import { EnterpriseTable } from './EnterpriseTable';
import { ImportEnterprisesModal } from './ImportEnterprisesModal';
import { enterprisesMessages } from '../messages';

/** 企业库: filter, sort, page through, register, import and export enterprises. */
export default function EnterpriseListPage() {
  const t = useT();
  const te = useMessages(enterprisesMessages);
  const me = useSession();
  const { filters, update, clear } = useEnterpriseFilters();
  const { limit, ...exportQuery } = filters;
  const pager = useCursorPager(JSON.stringify(filters));
  const list = useEnterprises({ ...filters, cursor: pager.cursor ?? undefined });
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);

  // A district officer's data scope is its district; the server enforces it, the UI says so.
  const ownDistrict = me.roles.includes('district_officer') && !hasAnyRole(me, ['city_officer', 'city_admin', 'auditor'])
    ? me.organization.district
    : null;
  const canCreate = hasAnyRole(me, CREATE_ROLES);

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
          </>
        }
      />
      <Card>
        <EnterpriseTable
          query={list}
          filters={<EnterpriseFilterBar filters={filters} onChange={update} onClear={clear} fixedDistrict={ownDistrict?.name} />}
          keyset={{ pager, nextCursor: list.data?.nextCursor, pageSize: limit, onPageSizeChange: (n) => update({ limit: n }) }}
          exportFile={{ url: exportEnterprisesUrl(exportQuery), filename: te('enterprises.exportFile') }}
          sort={filters.sort}
          order={filters.order}
          onSort={(sort, order) => update({ sort, order })}
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
