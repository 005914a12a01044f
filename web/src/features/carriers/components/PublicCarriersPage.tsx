import { Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageTitle } from '../../../components/PageTitle';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { orDash } from '../../../lib/format';
import { usePublicCarriers, type CarrierQuery, type PublicCarrier } from '../api/carriers';
import { CarrierFilters } from './CarrierFilters';
import { carriersMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

/** 公开：经认定的众创空间、孵化器名录（不含未认定和已退出的）。 */
export default function PublicCarriersPage() {
  const t = useMessages(carriersMessages);
  const [query, setQuery] = useState<CarrierQuery>({});
  const q = usePublicCarriers(query);
  const columns: DataColumn<PublicCarrier>[] = [
    { key: 'name', title: t('carriers.nameShort'), dataIndex: 'name' },
    { key: 'kind', title: t('carriers.kind'), dataIndex: 'kindName', width: 130 },
    { key: 'district', title: t('carriers.district'), dataIndex: 'districtName', width: 90 },
    { key: 'park', title: t('carriers.parkOrTown'), dataIndex: 'parkName', render: orDash },
    { key: 'address', title: t('carriers.address'), dataIndex: 'address', ellipsis: true },
    {
      key: 'recognition',
      title: t('carriers.recognition'),
      render: (_: unknown, r) => (
        <Flex gap={4} wrap>
          {r.nationalReference ? <Tag color="gold">{t('carriers.national')} {r.nationalReference}</Tag> : null}
          {r.municipalReference ? <Tag color="green">{t('carriers.municipal')} {r.municipalReference}</Tag> : null}
        </Flex>
      ),
    },
  ];
  return (
    <>
      <PageTitle title={t('carriers.public.title')}>
        <Typography.Text type="secondary">{t('carriers.public.intro')}</Typography.Text>
      </PageTitle>
      <Card>
        <DataTable<PublicCarrier>
          tableId="carriers.public"
          rowKey="id"
          size="middle"
          columns={columns}
          query={q}
          rows={q.data?.items}
          pagination={{ pageSize: 20, showTotal: (n) => t('carriers.total', { n }) }}
          filters={<CarrierFilters query={query} onChange={setQuery} withDistrict={false} isPublic />}
        />
      </Card>
    </>
  );
}
