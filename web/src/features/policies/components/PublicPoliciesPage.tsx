import { Card, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { StatusTag } from '../../../components/StatusTag';
import { PageTitle } from '../../../components/PageTitle';
import { usePolicies, type PolicyItem, type PolicyQuery } from '../api/policies';
import { policiesMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

/** 政策库 (public): search by title, document number, issuer or full text. */
export default function PublicPoliciesPage() {
  const t = useMessages(policiesMessages);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<PolicyQuery['status']>();
  const [page, setPage] = useState(1);
  const list = usePolicies({ q: q || undefined, status, limit: 20, offset: (page - 1) * 20 });
  return (
    <>
      <PageTitle title={t('policies.public.title')}>
        <Typography.Text type="secondary">{t('policies.public.intro')}</Typography.Text>
      </PageTitle>
      <Card>
        <DataTable<PolicyItem>
          tableId="policies.public"
          rowKey="id"
          data-testid="policy-results"
          query={list}
          rows={list.data?.items}
          filters={
            <>
              <Input.Search
                aria-label={t('policies.public.searchLabel')}
                placeholder={t('policies.public.searchPlaceholder')}
                allowClear
                enterButton={t('policies.public.search')}
                style={{ width: 420 }}
                onSearch={(v) => {
                  setQ(v.trim());
                  setPage(1);
                }}
              />
              <Radio.Group value={status ?? 'all'} optionType="button" onChange={(e) => setStatus(e.target.value === 'all' ? undefined : e.target.value)}>
                <Radio.Button value="all">{t('policies.public.all')}</Radio.Button>
                <Radio.Button value="in_force">{t('policies.status.inForce')}</Radio.Button>
                <Radio.Button value="repealed">{t('policies.status.repealed')}</Radio.Button>
                <Radio.Button value="amended">{t('policies.status.amended')}</Radio.Button>
              </Radio.Group>
            </>
          }
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (n) => t('policies.public.total', { n }) }}
          columns={[
            {
              key: 'title',
              title: t('policies.title'),
              dataIndex: 'title',
              render: (v: string, p) => (
                <>
                  <Link to={`/public/policies/${p.id}`}>《{v}》</Link>
                  {p.snippet ? <div style={{ color: '#888', fontSize: 12 }}>{p.snippet}</div> : null}
                </>
              ),
            },
            { key: 'docNo', title: t('policies.number'), dataIndex: 'docNo', width: 200, render: (v: string | null) => v ?? '—' },
            { key: 'issuer', title: t('policies.issuer'), dataIndex: 'issuer', width: 180 },
            { key: 'issuedOn', title: t('policies.issuedOn'), dataIndex: 'issuedOn', width: 110, render: (v: string | null) => v ?? '—' },
            { key: 'statusName', title: t('policies.status'), dataIndex: 'statusName', width: 90, render: (v: string, p) => <StatusTag status={p.status} name={v} /> },
          ]}
        />
      </Card>
    </>
  );
}
