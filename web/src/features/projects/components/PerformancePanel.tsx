import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { renderMoney } from '../../../components/Money';
import { failedTable } from '../../../components/QueryState';
import { performanceXlsxUrl, usePerformance, type Performance } from '../api/performance';
import { projectsMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

const GRADE_COLOR: Record<string, string> = { 优秀: 'green', 良好: 'blue', 合格: 'gold', 不合格: 'red', 未报告: 'default' };
const grade = (g: string) => <Tag color={GRADE_COLOR[g]}>{g}</Tag>;

/** 绩效评价: programme and project scores from KPIs achieved and money spent, exportable to Excel. */
export function PerformancePanel({ years }: { years: number[] }) {
  const t = useMessages(projectsMessages);
  const [year, setYear] = useState<number | undefined>(years[0]);
  const [programmeId, setProgrammeId] = useState<number | undefined>();
  const query = { ...(year ? { year } : {}), ...(programmeId ? { programmeId } : {}) };
  const q = usePerformance(query);
  const all = usePerformance(year ? { year } : {});
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Select aria-label={t('projects.perf.year')} style={{ width: 140 }} value={year} allowClear placeholder={t('projects.perf.allYears')} onChange={setYear} options={years.map((y) => ({ value: y, label: t('projects.perf.approvedIn', { y }) }))} />
        <Select aria-label={t('projects.programmeType')} style={{ width: 240 }} value={programmeId} allowClear placeholder={t('projects.perf.allProgrammeTypes')} onChange={setProgrammeId} options={(all.data?.programmes ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        <Button icon={<DownloadOutlined />} href={performanceXlsxUrl(query)}>
          {t('common.exportExcel')}
        </Button>
      </Space>
      {q.data ? <Alert type="info" showIcon message={t('projects.perf.formula', { formula: q.data.formula })} /> : null}
      <Table<Performance['programmes'][number]>
        rowKey="id"
        size="small"
        pagination={false}
        loading={q.isFetching}
        dataSource={q.data?.programmes ?? []}
        {...failedTable(q)}
        columns={[
          { title: t('projects.programmeType'), dataIndex: 'name' },
          { title: t('projects.perf.projectCount'), dataIndex: 'projects', width: 80 },
          { title: t('projects.perf.reported'), dataIndex: 'reported', width: 80 },
          { title: t('projects.approvedAmountYuan'), dataIndex: 'approved', align: 'right', render: renderMoney },
          { title: t('projects.perf.disbursedYuan'), dataIndex: 'paid', align: 'right', render: renderMoney },
          { title: t('projects.perf.spentYuan'), dataIndex: 'spent', align: 'right', render: renderMoney },
          { title: t('projects.perf.programmeScore'), dataIndex: 'score', width: 100, render: (v: number | null) => v ?? '—' },
          { title: t('projects.perf.grade'), dataIndex: 'grade', width: 90, render: grade },
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
          { title: t('projects.title'), dataIndex: 'title', ellipsis: true },
          { title: t('projects.undertaker'), dataIndex: 'enterpriseName', ellipsis: true },
          { title: t('projects.status'), dataIndex: 'statusName', width: 100 },
          { title: t('projects.approvedAmountYuan'), dataIndex: 'approved', align: 'right', render: renderMoney },
          { title: t('projects.perf.source'), dataIndex: 'source', width: 70, render: (v: string | null) => v ?? t('projects.perf.notReported') },
          { title: t('projects.perf.kpiCompletion'), dataIndex: 'kpiAttainment', width: 100, render: (v: number | null) => (v === null ? '—' : `${v}%`) },
          { title: t('projects.perf.spendRate'), dataIndex: 'spendRate', width: 100, render: (v: number | null) => (v === null ? '—' : `${v}%`) },
          { title: t('projects.perf.score'), dataIndex: 'score', width: 80, render: (v: number | null) => v ?? '—' },
          { title: t('projects.perf.grade'), dataIndex: 'grade', width: 90, render: grade },
        ]}
      />
    </Space>
  );
}
