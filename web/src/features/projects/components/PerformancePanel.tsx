import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { renderMoney } from '../../../components/Money';
import { failedTable } from '../../../components/QueryState';
import { performanceXlsxUrl, usePerformance, type Performance } from '../api/performance';

const GRADE_COLOR: Record<string, string> = { 优秀: 'green', 良好: 'blue', 合格: 'gold', 不合格: 'red', 未报告: 'default' };
const grade = (g: string) => <Tag color={GRADE_COLOR[g]}>{g}</Tag>;

/** 绩效评价: programme and project scores from KPIs achieved and money spent, exportable to Excel. */
export function PerformancePanel({ years }: { years: number[] }) {
  const [year, setYear] = useState<number | undefined>(years[0]);
  const [programmeId, setProgrammeId] = useState<number | undefined>();
  const query = { ...(year ? { year } : {}), ...(programmeId ? { programmeId } : {}) };
  const q = usePerformance(query);
  const all = usePerformance(year ? { year } : {});
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Select aria-label="立项年度" style={{ width: 140 }} value={year} allowClear placeholder="全部年度" onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}年立项` }))} />
        <Select aria-label="计划类别" style={{ width: 240 }} value={programmeId} allowClear placeholder="全部计划类别" onChange={setProgrammeId} options={(all.data?.programmes ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        <Button icon={<DownloadOutlined />} href={performanceXlsxUrl(query)}>
          导出 Excel
        </Button>
      </Space>
      {q.data ? <Alert type="info" showIcon message={`评价公式：${q.data.formula}；等级：≥90 优秀，≥80 良好，≥60 合格，其余不合格。`} /> : null}
      <Table<Performance['programmes'][number]>
        rowKey="id"
        size="small"
        pagination={false}
        loading={q.isFetching}
        dataSource={q.data?.programmes ?? []}
        {...failedTable(q)}
        columns={[
          { title: '计划类别', dataIndex: 'name' },
          { title: '项目数', dataIndex: 'projects', width: 80 },
          { title: '已报告', dataIndex: 'reported', width: 80 },
          { title: '立项金额（元）', dataIndex: 'approved', align: 'right', render: renderMoney },
          { title: '已拨付（元）', dataIndex: 'paid', align: 'right', render: renderMoney },
          { title: '已支出（元）', dataIndex: 'spent', align: 'right', render: renderMoney },
          { title: '计划得分', dataIndex: 'score', width: 100, render: (v: number | null) => v ?? '—' },
          { title: '等级', dataIndex: 'grade', width: 90, render: grade },
        ]}
        data-testid="performance-programmes"
      />
      <Table<Performance['projects'][number]>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.projects ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: '项目名称', dataIndex: 'title', ellipsis: true },
          { title: '承担单位', dataIndex: 'enterpriseName', ellipsis: true },
          { title: '状态', dataIndex: 'statusName', width: 100 },
          { title: '立项金额（元）', dataIndex: 'approved', align: 'right', render: renderMoney },
          { title: '来源', dataIndex: 'source', width: 70, render: (v: string | null) => v ?? '未报告' },
          { title: '指标完成度', dataIndex: 'kpiAttainment', width: 100, render: (v: number | null) => (v === null ? '—' : `${v}%`) },
          { title: '经费执行率', dataIndex: 'spendRate', width: 100, render: (v: number | null) => (v === null ? '—' : `${v}%`) },
          { title: '得分', dataIndex: 'score', width: 80, render: (v: number | null) => v ?? '—' },
          { title: '等级', dataIndex: 'grade', width: 90, render: grade },
        ]}
      />
    </Space>
  );
}
