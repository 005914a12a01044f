import { Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageTitle } from '../../../components/PageTitle';
import { failedTable } from '../../../components/QueryState';
import { orDash } from '../../../lib/format';
import { usePublicCarriers, useParks, type CarrierQuery, type PublicCarrier } from '../api/carriers';
import { KIND_OPTIONS } from '../constants';

/** 公开：经认定的众创空间、孵化器名录（不含未认定和已退出的）。 */
export default function PublicCarriersPage() {
  const [query, setQuery] = useState<CarrierQuery>({});
  const q = usePublicCarriers(query);
  const parks = useParks();
  return (
    <>
      <PageTitle title="众创空间与孵化器名录">
        <Typography.Text type="secondary">经杭州市科委认定的市级众创空间、科技企业孵化器，以及国家级孵化器和纳入国家孵化器管理体系的众创空间。</Typography.Text>
      </PageTitle>
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select aria-label="类别" allowClear placeholder="全部类别" style={{ width: 160 }} options={KIND_OPTIONS.filter((o) => o.value !== 'platform').map((o) => ({ ...o }))} value={query.kind} onChange={(kind) => setQuery({ ...query, kind })} />
          <Select aria-label="园区" allowClear placeholder="全部园区/小镇" style={{ width: 200 }} options={(parks.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} value={query.parkId} onChange={(parkId) => setQuery({ ...query, parkId })} />
          <Input.Search aria-label="名称" placeholder="名称" allowClear style={{ width: 220 }} onSearch={(v) => setQuery({ ...query, q: v || undefined })} />
        </Flex>
        <Table
          rowKey="id"
          size="middle"
          loading={q.isLoading}
          dataSource={q.data?.items}
          {...failedTable(q)}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 家` }}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '类别', dataIndex: 'kindName', width: 130 },
            { title: '区县', dataIndex: 'districtName', width: 90 },
            { title: '园区/小镇', dataIndex: 'parkName', render: orDash },
            { title: '地址', dataIndex: 'address', ellipsis: true },
            {
              title: '认定',
              render: (_: unknown, r: PublicCarrier) => (
                <Flex gap={4} wrap>
                  {r.nationalReference ? <Tag color="gold">国家级 {r.nationalReference}</Tag> : null}
                  {r.municipalReference ? <Tag color="green">市级 {r.municipalReference}</Tag> : null}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
