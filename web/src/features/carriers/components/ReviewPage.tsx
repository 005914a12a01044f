import { Button, Card, Select, Tabs, Tag, message } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { StatusTag } from '../../../components/StatusTag';
import { Money } from '../../../components/Money';
import { PageTitle } from '../../../components/PageTitle';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { businessDayjs } from '../../../lib/business-clock';
import { errorMessage } from '../../../lib/form-errors';
import { orDash } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useApplications, type ApplicationLine } from '../api/applications';
import { useAssessments, type Assessment } from '../api/assessments';
import { usePublishCarrierNotice } from '../api/notice';
import { useStatsList, type StatsLine } from '../api/stats';
import { GRADE_COLORS } from '../constants';
import { NationalTab } from './NationalTab';
import { StatsImport } from './StatsImport';
import { carriersMessages } from '../messages';
import { translateFrom, useMessages } from '../../../lib/i18n';

/** The public notice is an official document: its title is Chinese whatever the officer's language. */
const noticeTitle = (y: number, instrument: 'makerspace' | 'incubator') =>
  translateFrom(carriersMessages, 'zh-CN', 'carriers.review.noticeTitle', { y, kind: translateFrom(carriersMessages, 'zh-CN', `carriers.kind.${instrument}`) });

const years = () => [0, 1, 2, 3].map((d) => businessDayjs().year() - d);

/** Recognition applications, annual statistics (with Excel) and assessments, in the user's scope. */
export default function ReviewPage() {
  const t = useMessages(carriersMessages);
  const me = useSession();
  const isOperator = me.roles.includes('carrier_operator');
  const [params] = useSearchParams();
  const tab = params.get('tab');
  return (
    <>
      <PageTitle title={isOperator ? t('carriers.review.titleDistrict') : t('carriers.review.title')} />
      <Card>
        <Tabs
          items={[
            { key: 'apps', label: t('carriers.review.applications'), children: <Applications /> },
            { key: 'stats', label: t('carriers.review.stats'), children: <Stats isOperator={isOperator} /> },
            { key: 'assess', label: t('carriers.review.assessments'), children: <Assessments /> },
            ...(isOperator ? [] : [{ key: 'national', label: t('carriers.nationalRecommendations'), children: <NationalTab /> }]),
          ]}
          defaultActiveKey={tab ?? undefined}
        />
      </Card>
    </>
  );
}

function Applications() {
  const t = useMessages(carriersMessages);
  const me = useSession();
  const isCity = me.roles.includes('city_officer');
  const [year, setYear] = useState<number | undefined>(businessDayjs().year());
  const q = useApplications({ year });
  const [selected, setSelected] = useState<number[]>([]);
  const publish = usePublishCarrierNotice();
  const rows = q.data?.items ?? [];
  const picked = rows.filter((r) => selected.includes(r.id));
  const publishNotice = async () => {
    const instrument = picked[0].instrument as 'makerspace' | 'incubator';
    const y = picked[0].year;
    try {
      const n = await publish.mutateAsync({ instrument, year: y, title: noticeTitle(y, instrument), applicationIds: picked.map((r) => r.id) });
      message.success(t('carriers.review.noticePublished', { length: n.items.length, endsOn: n.endsOn }));
      setSelected([]);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const sameKind = picked.length > 0 && picked.every((r) => r.instrument === picked[0].instrument && r.year === picked[0].year);
  const columns: DataColumn<ApplicationLine>[] = [
    { key: 'carrier', title: t('carriers.carrier'), dataIndex: 'carrierName', render: (v: string, r) => <Link to={`/carriers/applications/${r.id}`}>{v}</Link> },
    { key: 'kind', title: t('carriers.kind'), dataIndex: 'instrumentName' },
    { key: 'district', title: t('carriers.district'), dataIndex: 'districtName', width: 90 },
    { key: 'status', title: t('carriers.status'), dataIndex: 'statusName', render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
    { key: 'dueOn', title: t('carriers.dueBy'), dataIndex: 'dueOn', render: orDash },
    { key: 'certificateNo', title: t('carriers.certificateNo'), dataIndex: 'certificateNo', render: orDash },
  ];
  return (
    <DataTable<ApplicationLine>
      tableId="carriers.review.applications"
      rowKey="id"
      size="middle"
      columns={columns}
      query={q}
      rows={rows}
      rowSelection={isCity ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), getCheckboxProps: (r) => ({ disabled: r.status !== 'city_passed', 'aria-label': t('carriers.review.select', { carrierName: r.carrierName }) }) } : undefined}
      filters={<Select aria-label={t('carriers.review.applicationYear')} allowClear placeholder={t('carriers.review.allYears')} style={{ width: 120 }} value={year} onChange={setYear} options={years().map((y) => ({ value: y, label: t('carriers.yearLabel', { y }) }))} />}
      actions={
        isCity ? (
          <>
            {picked.length > 0 && !sameKind ? <Tag color="orange">{t('carriers.review.noticeRule')}</Tag> : null}
            <Button type="primary" disabled={!sameKind} loading={publish.isPending} onClick={() => void publishNotice()}>
              {t('carriers.review.publishNotice')}{picked.length ? `（${picked.length}）` : ''}
            </Button>
          </>
        ) : null
      }
    />
  );
}

function Stats({ isOperator }: { isOperator: boolean }) {
  const t = useMessages(carriersMessages);
  const [year, setYear] = useState(businessDayjs().year() - 1);
  const [status, setStatus] = useState<string | undefined>();
  const q = useStatsList({ year, status });
  const columns: DataColumn<StatsLine>[] = [
    { key: 'carrier', title: t('carriers.carrier'), dataIndex: 'carrierName', render: (v: string, r) => <Link to={`/carriers/stats/${r.id}`}>{v}</Link> },
    { key: 'district', title: t('carriers.district'), dataIndex: 'districtName', width: 90 },
    { key: 'firms', title: t('carriers.firmsInIncubation'), dataIndex: ['fields', 'firmsInIncubation'], align: 'right', width: 90 },
    { key: 'graduated', title: t('carriers.firms.graduate'), dataIndex: ['fields', 'graduatedFirms'], align: 'right', width: 70 },
    { key: 'revenue', title: t('carriers.review.totalRevenue'), dataIndex: ['fields', 'revenue'], align: 'right', render: (v: number) => <Money value={v} unit="wan" /> },
    { key: 'status', title: t('carriers.status'), dataIndex: 'statusName', render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
    { key: 'flags', title: t('carriers.review.yoyFlags'), dataIndex: 'flags', render: (f: StatsLine['flags']) => (f.length ? <Tag color="orange">{f.length} {t('carriers.review.flagsUnit')}</Tag> : '—') },
  ];
  return (
    <DataTable<StatsLine>
      tableId="carriers.review.stats"
      rowKey="id"
      size="middle"
      columns={columns}
      query={q}
      rows={q.data?.items}
      exportFile={{ url: `/api/carrier-stats/export.xlsx?year=${year}`, filename: t('carriers.review.statsFile', { year }) }}
      filters={
        <>
          <Select aria-label={t('carriers.statsYear')} style={{ width: 120 }} value={year} onChange={setYear} options={years().map((y) => ({ value: y, label: t('carriers.yearOption', { y }) }))} />
          <Select
            aria-label={t('carriers.status')}
            allowClear
            placeholder={t('carriers.allStatuses')}
            style={{ width: 140 }}
            value={status}
            onChange={setStatus}
            options={[
              { value: 'draft', label: t('carriers.stats.filling') },
              { value: 'submitted', label: t('carriers.stats.districtReview') },
              { value: 'district_passed', label: t('carriers.stats.cityReview') },
              { value: 'returned', label: t('carriers.stats.returned') },
              { value: 'accepted', label: t('carriers.stats.reviewed') },
            ]}
          />
        </>
      }
      actions={
        isOperator ? <StatsImport /> : null
      }
    />
  );
}

function Assessments() {
  const t = useMessages(carriersMessages);
  const [year, setYear] = useState(businessDayjs().year() - 1);
  const q = useAssessments(year);
  const columns: DataColumn<Assessment>[] = [
    { key: 'carrier', title: t('carriers.carrier'), dataIndex: 'carrierName', render: (v: string, r) => <Link to={`/carriers/${r.carrierId}`}>{v}</Link> },
    { key: 'kind', title: t('carriers.kind'), dataIndex: 'kind', render: (v: string) => (v === 'annual' ? t('carriers.assess.annual') : t('carriers.review.acceptance')) },
    { key: 'score', title: t('carriers.score'), dataIndex: 'score', align: 'right' },
    { key: 'grade', title: t('carriers.grade'), dataIndex: 'gradeName', render: (v: string, r) => <Tag color={GRADE_COLORS[r.grade]}>{v}</Tag> },
    { key: 'subsidy', title: t('carriers.subsidy'), dataIndex: 'subsidy', align: 'right', render: (v: number) => <Money value={v} /> },
    { key: 'exited', title: t('carriers.status'), dataIndex: 'exited', render: (e: boolean) => (e ? <Tag color="red">{t('carriers.exited')}</Tag> : '—') },
  ];
  return (
    <DataTable<Assessment>
      tableId="carriers.review.assessments"
      rowKey="id"
      size="middle"
      columns={columns}
      query={q}
      rows={q.data?.items}
      filters={<Select aria-label={t('carriers.review.assessmentYear')} style={{ width: 120 }} value={year} onChange={setYear} options={years().map((y) => ({ value: y, label: t('carriers.yearOption', { y }) }))} />}
    />
  );
}
