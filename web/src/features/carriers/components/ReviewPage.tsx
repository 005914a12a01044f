import { Button, Card, Flex, Select, Table, Tabs, Tag, Upload, message } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { StatusTag } from '../../../components/StatusTag';
import { Money } from '../../../components/Money';
import { PageTitle } from '../../../components/PageTitle';
import { failedTable } from '../../../components/QueryState';
import { businessDayjs } from '../../../lib/business-clock';
import { downloadFile } from '../../../lib/download';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { orDash } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useApplications } from '../api/applications';
import { useAssessments } from '../api/assessments';
import { usePublishCarrierNotice } from '../api/notice';
import { useImportStats, useStatsList, type StatsLine } from '../api/stats';
import { GRADE_COLORS } from '../constants';
import { NationalTab } from './NationalTab';

const years = () => [0, 1, 2, 3].map((d) => businessDayjs().year() - d);

/** Recognition applications, annual statistics (with Excel) and assessments, in the user's scope. */
export default function ReviewPage() {
  const me = useSession();
  const isOperator = me.roles.includes('carrier_operator');
  const [params] = useSearchParams();
  const tab = params.get('tab');
  return (
    <>
      <PageTitle title={isOperator ? '申请与统计' : '载体审核与考核'} />
      <Card>
        <Tabs
          items={[
            { key: 'apps', label: '认定申请', children: <Applications /> },
            { key: 'stats', label: '年度统计', children: <Stats isOperator={isOperator} /> },
            { key: 'assess', label: '考核结果', children: <Assessments /> },
            ...(isOperator ? [] : [{ key: 'national', label: '国家级推荐上报', children: <NationalTab /> }]),
          ]}
          defaultActiveKey={tab ?? undefined}
        />
      </Card>
    </>
  );
}

function Applications() {
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
      const n = await publish.mutateAsync({ instrument, year: y, title: `${y}年度市级${instrument === 'makerspace' ? '众创空间' : '科技企业孵化器'}拟认定名单公示`, applicationIds: picked.map((r) => r.id) });
      message.success(`已发布公示（${n.items.length} 家），公示期至 ${n.endsOn}`);
      setSelected([]);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const sameKind = picked.length > 0 && picked.every((r) => r.instrument === picked[0].instrument && r.year === picked[0].year);
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select aria-label="申请年度" allowClear placeholder="全部年度" style={{ width: 120 }} value={year} onChange={setYear} options={years().map((y) => ({ value: y, label: `${y}年` }))} />
        {isCity ? (
          <Button type="primary" disabled={!sameKind} loading={publish.isPending} onClick={() => void publishNotice()}>
            发布公示{picked.length ? `（${picked.length}）` : ''}
          </Button>
        ) : null}
        {isCity && picked.length > 0 && !sameKind ? <Tag color="orange">一次公示只含同一类别、同一年度的申请</Tag> : null}
      </Flex>
      <Table
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        dataSource={rows}
        {...failedTable(q)}
        rowSelection={isCity ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), getCheckboxProps: (r) => ({ disabled: r.status !== 'city_passed', 'aria-label': `选择${r.carrierName}` }) } : undefined}
        columns={[
          { title: '载体', dataIndex: 'carrierName', render: (v: string, r) => <Link to={`/carriers/applications/${r.id}`}>{v}</Link> },
          { title: '类别', dataIndex: 'instrumentName' },
          { title: '区县', dataIndex: 'districtName', width: 90 },
          { title: '状态', dataIndex: 'statusName', render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
          { title: '办理期限', dataIndex: 'dueOn', render: orDash },
          { title: '证书编号', dataIndex: 'certificateNo', render: orDash },
        ]}
      />
    </>
  );
}

function Stats({ isOperator }: { isOperator: boolean }) {
  const [year, setYear] = useState(businessDayjs().year() - 1);
  const [status, setStatus] = useState<string | undefined>();
  const q = useStatsList({ year, status });
  const imp = useImportStats();
  const download = async () => {
    try {
      await downloadFile(`/api/carrier-stats/export.xlsx?year=${year}`, `孵化载体年度统计-${year}.xlsx`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select aria-label="统计年度" style={{ width: 120 }} value={year} onChange={setYear} options={years().map((y) => ({ value: y, label: `${y}年度` }))} />
        <Select
          aria-label="状态"
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'draft', label: '填报中' },
            { value: 'submitted', label: '待区县审核' },
            { value: 'district_passed', label: '待市科委审核' },
            { value: 'returned', label: '退回修改' },
            { value: 'accepted', label: '已审核' },
          ]}
        />
        <Button onClick={() => void download()}>导出 Excel</Button>
        {isOperator ? (
          <Upload
            accept=".xlsx"
            showUploadList={false}
            customRequest={async ({ file }) => {
              try {
                const r = await imp.mutateAsync(file as File);
                message.success(`已导入 ${r.saved} 份报表（新建 ${r.created} 份）`);
              } catch (err) {
                const rows = err instanceof ApiError ? err.rows.map((x) => `第${x.row}行 ${x.column}：${x.message}`) : [];
                message.error([errorMessage(err), ...rows.slice(0, 5)].join('；'));
              }
            }}
          >
            <Button loading={imp.isPending}>从 Excel 导入</Button>
          </Upload>
        ) : null}
      </Flex>
      <Table
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.items}
        {...failedTable(q)}
        columns={[
          { title: '载体', dataIndex: 'carrierName', render: (v: string, r: StatsLine) => <Link to={`/carriers/stats/${r.id}`}>{v}</Link> },
          { title: '区县', dataIndex: 'districtName', width: 90 },
          { title: '在孵企业', dataIndex: ['fields', 'firmsInIncubation'], align: 'right', width: 90 },
          { title: '毕业', dataIndex: ['fields', 'graduatedFirms'], align: 'right', width: 70 },
          { title: '总收入', dataIndex: ['fields', 'revenue'], align: 'right', render: (v: number) => <Money value={v} unit="wan" /> },
          { title: '状态', dataIndex: 'statusName', render: (v: string, r: StatsLine) => <StatusTag status={r.status} name={v} /> },
          { title: '同比提示', dataIndex: 'flags', render: (f: StatsLine['flags']) => (f.length ? <Tag color="orange">{f.length} 项异常</Tag> : '—') },
        ]}
      />
    </>
  );
}

function Assessments() {
  const [year, setYear] = useState(businessDayjs().year() - 1);
  const q = useAssessments(year);
  return (
    <>
      <Select aria-label="考核年度" style={{ width: 120, marginBottom: 12 }} value={year} onChange={setYear} options={years().map((y) => ({ value: y, label: `${y}年度` }))} />
      <Table
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.items}
        {...failedTable(q)}
        columns={[
          { title: '载体', dataIndex: 'carrierName', render: (v: string, r) => <Link to={`/carriers/${r.carrierId}`}>{v}</Link> },
          { title: '类别', dataIndex: 'kind', render: (v: string) => (v === 'annual' ? '年度考核' : '验收') },
          { title: '得分', dataIndex: 'score', align: 'right' },
          { title: '等级', dataIndex: 'gradeName', render: (v: string, r) => <Tag color={GRADE_COLORS[r.grade]}>{v}</Tag> },
          { title: '补助', dataIndex: 'subsidy', align: 'right', render: (v: number) => <Money value={v} /> },
          { title: '状态', dataIndex: 'exited', render: (e: boolean) => (e ? <Tag color="red">已退出</Tag> : '—') },
        ]}
      />
    </>
  );
}
