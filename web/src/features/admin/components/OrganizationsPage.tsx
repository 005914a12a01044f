import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Select, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import { useDistricts } from '../../../lib/reference/get-districts';
import { useOrganizations, type Organization, type OrganizationQuery } from '../api/list-organizations';
import { ORG_KINDS, ORG_KIND_LABELS, type OrgKind } from '../constants';
import { OrganizationFormModal } from './OrganizationFormModal';

/** 组织机构: the bureau, district bureaus, enterprises, providers, carriers, funds… */
export default function OrganizationsPage() {
  const t = useT();
  const [query, setQuery] = useState<OrganizationQuery>({});
  const orgs = useOrganizations(query);
  const districts = useDistricts();
  const [editing, setEditing] = useState<Organization | 'new' | null>(null);

  const columns: TableProps<Organization>['columns'] = [
    { title: t('org.name'), dataIndex: 'name' },
    {
      title: t('org.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (k: OrgKind) => <Tag>{t(ORG_KIND_LABELS[k])}</Tag>,
    },
    { title: t('org.district'), dataIndex: 'districtName', width: 140, render: (v: string | null) => v ?? t('org.cityWide') },
    {
      title: t('org.enterprise'),
      dataIndex: 'enterpriseId',
      width: 120,
      render: (id: number | null) => (id ? <Link to={`/enterprises/${id}`}>#{id}</Link> : '—'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, o) => (
        <Button type="link" size="small" onClick={() => setEditing(o)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title={t('nav.organizations')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('org.create')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap role="search" style={{ marginBottom: 16 }}>
          <Input.Search
            aria-label={t('org.search')}
            placeholder={t('org.search')}
            allowClear
            onSearch={(v) => setQuery((q) => ({ ...q, q: v.trim() || undefined }))}
            style={{ width: 260 }}
          />
          <Select<OrgKind>
            aria-label={t('org.kind')}
            placeholder={t('org.allKinds')}
            allowClear
            style={{ width: 180 }}
            value={query.kind}
            onChange={(v?: OrgKind) => setQuery((q) => ({ ...q, kind: v }))}
            options={ORG_KINDS.map((k) => ({ value: k, label: t(ORG_KIND_LABELS[k]) }))}
          />
          <Select<number>
            aria-label={t('org.district')}
            placeholder={t('ent.allDistricts')}
            allowClear
            style={{ width: 170 }}
            value={query.districtId}
            onChange={(v?: number) => setQuery((q) => ({ ...q, districtId: v }))}
            options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Flex>
        {orgs.isError ? <Alert type="error" showIcon title={errorMessage(orgs.error)} style={{ marginBottom: 16 }} /> : null}
        <Table<Organization>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={orgs.data ?? []}
          loading={orgs.isFetching}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        />
      </Card>
      <OrganizationFormModal open={editing !== null} org={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </>
  );
}
