import { Button, Card, Flex, Select, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { businessDayjs } from '../../../lib/business-clock';
import { orDash } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useParkFigures, type ParkFigure } from '../api/assessments';
import { useCarriers, useCreateCarrier, type CarrierQuery, type CarrierSummary } from '../api/carriers';
import { CarrierFilters } from './CarrierFilters';
import { CarrierForm } from './CarrierForm';
import { carriersMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

/** 创新载体: the carriers in the user's scope (operator: its own), filters by kind, district and park. */
export default function CarriersPage() {
  const t = useMessages(carriersMessages);
  const me = useSession();
  const isOperator = me.roles.includes('carrier_operator');
  const [query, setQuery] = useState<CarrierQuery>({});
  const q = useCarriers(query);
  const create = useCreateCarrier();
  const [adding, setAdding] = useState(false);
  const columns: DataColumn<CarrierSummary>[] = [
    { key: 'name', title: t('carriers.name'), dataIndex: 'name', render: (v: string, r) => <Link to={`/carriers/${r.id}`}>{v}</Link> },
    { key: 'kind', title: t('carriers.kind'), dataIndex: 'kindName', width: 130 },
    { key: 'district', title: t('carriers.district'), dataIndex: 'districtName', width: 90 },
    { key: 'park', title: t('carriers.parkOrTown'), dataIndex: 'parkName', width: 170, render: orDash },
    { key: 'area', title: t('carriers.areaSqm'), dataIndex: 'areaM2', width: 110, align: 'right', render: (v: number) => v.toLocaleString('zh-CN') },
    { key: 'operator', title: t('carriers.operator'), dataIndex: 'operatorName', ellipsis: true },
    {
      key: 'recognition',
      title: t('carriers.recognition'),
      width: 200,
      render: (_: unknown, r) =>
        r.exitedOn ? (
          <Tag color="red">{t('carriers.exitedOn', { exitedOn: r.exitedOn })}</Tag>
        ) : (
          <Flex gap={4} wrap>
            {r.nationalSince ? <Tag color="gold">{t('carriers.national')} {r.nationalSince.slice(0, 4)}</Tag> : null}
            {r.municipalSince ? <Tag color="green">{t('carriers.municipal')} {r.municipalSince.slice(0, 4)}</Tag> : null}
            {!r.nationalSince && !r.municipalSince ? <Tag>{t('carriers.notRecognised')}</Tag> : null}
          </Flex>
        ),
    },
  ];
  const list = (
    <DataTable<CarrierSummary>
      tableId="carriers.list"
      rowKey="id"
      size="middle"
      columns={columns}
      query={q}
      rows={q.data?.items}
      pagination={{ pageSize: 20, showTotal: (n) => t('carriers.total', { n }) }}
      filters={<CarrierFilters query={query} onChange={setQuery} withDistrict={!isOperator} isPublic={false} />}
    />
  );
  return (
    <>
      <PageTitle title={isOperator ? t('carriers.list.mine') : t('carriers.list.title')} extra={isOperator ? <Button type="primary" onClick={() => setAdding(true)}>{t('carriers.form.register')}</Button> : null} />
      <Card>{isOperator ? list : <Tabs items={[{ key: 'list', label: t('carriers.list.directory'), children: list }, { key: 'parks', label: t('carriers.list.byPark'), children: <ParkFigures /> }]} />}</Card>
      <CarrierForm open={adding} onClose={() => setAdding(false)} onSubmit={(v) => create.mutateAsync(v)} />
    </>
  );
}

function ParkFigures() {
  const t = useMessages(carriersMessages);
  const [year, setYear] = useState(businessDayjs().year());
  const q = useParkFigures(year);
  const columns: DataColumn<ParkFigure>[] = [
    { key: 'park', title: t('carriers.parkOrTown'), dataIndex: 'parkName' },
    { key: 'incubators', title: t('carriers.park.incubators'), dataIndex: 'incubators', align: 'right' },
    { key: 'makerspaces', title: t('carriers.park.makerspaces'), dataIndex: 'makerspaces', align: 'right' },
    { key: 'platforms', title: t('carriers.park.platforms'), dataIndex: 'platforms', align: 'right' },
    { key: 'incubatorArea', title: t('carriers.park.incubationArea'), dataIndex: 'incubatorArea', align: 'right', render: (v: number) => v.toLocaleString('zh-CN') },
    { key: 'enterprises', title: t('carriers.park.enterprises'), dataIndex: 'enterprises', align: 'right' },
  ];
  return (
    <DataTable<ParkFigure>
      tableId="carriers.parks"
      rowKey="parkId"
      size="middle"
      columns={columns}
      query={q}
      rows={q.data?.items}
      filters={<Select aria-label={t('carriers.year')} style={{ width: 120 }} value={year} onChange={setYear} options={[0, 1, 2].map((d) => ({ value: businessDayjs().year() - d, label: t('carriers.list.year', { v0: businessDayjs().year() - d }) }))} />}
    />
  );
}
