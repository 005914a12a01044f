import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { PageTitle } from '../../../components/PageTitle';
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

  const columns: DataColumn<Organization>[] = [
    { key: 'name', title: t('org.name'), dataIndex: 'name' },
    {
      key: 'kind',
      title: t('org.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (k: OrgKind) => <Tag>{t(ORG_KIND_LABELS[k])}</Tag>,
    },
    { key: 'districtName', title: t('org.district'), dataIndex: 'districtName', width: 140, render: (v: string | null) => v ?? t('org.cityWide') },
    {
      key: 'enterpriseId',
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
        <DataTable<Organization>
          tableId="admin.organizations"
          rowKey="id"
          size="middle"
          columns={columns}
          query={orgs}
          rows={orgs.data}
          filters={
            <Flex gap={12} wrap role="search">
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
          }
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        />
      </Card>
      <OrganizationFormModal open={editing !== null} org={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </>
  );
}
