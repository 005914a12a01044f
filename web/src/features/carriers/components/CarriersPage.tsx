import { Button, Card, Flex, Input, Select, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { failedTable } from '../../../components/QueryState';
import { businessDayjs } from '../../../lib/business-clock';
import { orDash } from '../../../lib/format';
import { useDistricts } from '../../../lib/reference/get-districts';
import { useSession } from '../../../lib/session';
import { useParkFigures } from '../api/assessments';
import { useCarriers, useCreateCarrier, useParks, type CarrierQuery, type CarrierSummary } from '../api/carriers';
import { KIND_OPTIONS } from '../constants';
import { CarrierForm } from './CarrierForm';

/** 创新载体: the carriers in the user's scope (operator: its own), filters by kind, district and park. */
export default function CarriersPage() {
  const me = useSession();
  const isOperator = me.roles.includes('carrier_operator');
  const [query, setQuery] = useState<CarrierQuery>({});
  const q = useCarriers(query);
  const districts = useDistricts();
  const parks = useParks();
  const create = useCreateCarrier();
  const [adding, setAdding] = useState(false);
  const columns = [
    { title: '载体名称', dataIndex: 'name', render: (v: string, r: CarrierSummary) => <Link to={`/carriers/${r.id}`}>{v}</Link> },
    { title: '类别', dataIndex: 'kindName', width: 130 },
    { title: '区县', dataIndex: 'districtName', width: 90 },
    { title: '园区/小镇', dataIndex: 'parkName', width: 170, render: orDash },
    { title: '面积（㎡）', dataIndex: 'areaM2', width: 110, align: 'right' as const, render: (v: number) => v.toLocaleString('zh-CN') },
    { title: '运营机构', dataIndex: 'operatorName', ellipsis: true },
    {
      title: '认定',
      width: 200,
      render: (_: unknown, r: CarrierSummary) =>
        r.exitedOn ? (
          <Tag color="red">已于{r.exitedOn}退出</Tag>
        ) : (
          <Flex gap={4} wrap>
            {r.nationalSince ? <Tag color="gold">国家级 {r.nationalSince.slice(0, 4)}</Tag> : null}
            {r.municipalSince ? <Tag color="green">市级 {r.municipalSince.slice(0, 4)}</Tag> : null}
            {!r.nationalSince && !r.municipalSince ? <Tag>未认定</Tag> : null}
          </Flex>
        ),
    },
  ];
  const list = (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select aria-label="类别" allowClear placeholder="全部类别" style={{ width: 160 }} options={KIND_OPTIONS.map((o) => ({ ...o }))} value={query.kind} onChange={(kind) => setQuery({ ...query, kind })} />
        {!isOperator ? (
          <Select aria-label="区县" allowClear placeholder="全部区县" style={{ width: 140 }} options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} value={query.districtId} onChange={(districtId) => setQuery({ ...query, districtId })} />
        ) : null}
        <Select aria-label="园区" allowClear placeholder="全部园区/小镇" style={{ width: 200 }} options={(parks.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} value={query.parkId} onChange={(parkId) => setQuery({ ...query, parkId })} />
        <Input.Search aria-label="名称" placeholder="载体名称" allowClear style={{ width: 220 }} onSearch={(v) => setQuery({ ...query, q: v || undefined })} />
      </Flex>
      <Table rowKey="id" size="middle" loading={q.isLoading} dataSource={q.data?.items} columns={columns} pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 家` }} {...failedTable(q)} />
    </>
  );
  return (
    <>
      <PageTitle title={isOperator ? '我的载体' : '创新载体'} extra={isOperator ? <Button type="primary" onClick={() => setAdding(true)}>登记载体</Button> : null} />
      <Card>{isOperator ? list : <Tabs items={[{ key: 'list', label: '载体名录', children: list }, { key: 'parks', label: '按园区统计', children: <ParkFigures /> }]} />}</Card>
      <CarrierForm open={adding} onClose={() => setAdding(false)} onSubmit={(v) => create.mutateAsync(v)} pending={create.isPending} />
    </>
  );
}

function ParkFigures() {
  const [year, setYear] = useState(businessDayjs().year());
  const q = useParkFigures(year);
  return (
    <>
      <Select aria-label="年度" style={{ width: 120, marginBottom: 12 }} value={year} onChange={setYear} options={[0, 1, 2].map((d) => ({ value: businessDayjs().year() - d, label: `${businessDayjs().year() - d}年` }))} />
      <Table
        rowKey="parkId"
        size="middle"
        pagination={false}
        loading={q.isLoading}
        dataSource={q.data?.items}
        {...failedTable(q)}
        columns={[
          { title: '园区/小镇', dataIndex: 'parkName' },
          { title: '有效孵化器', dataIndex: 'incubators', align: 'right' },
          { title: '有效众创空间', dataIndex: 'makerspaces', align: 'right' },
          { title: '服务平台', dataIndex: 'platforms', align: 'right' },
          { title: '孵化面积（㎡）', dataIndex: 'incubatorArea', align: 'right', render: (v: number) => v.toLocaleString('zh-CN') },
          { title: '园区企业', dataIndex: 'enterprises', align: 'right' },
        ]}
      />
    </>
  );
}
