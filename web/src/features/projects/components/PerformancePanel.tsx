import { Alert, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { renderMoney } from '../../../components/Money';
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
  const programmeColumns: DataColumn<Performance['programmes'][number]>[] = [
    { key: 'name', title: t('projects.programmeType'), dataIndex: 'name' },
    { key: 'projects', title: t('projects.perf.projectCount'), dataIndex: 'projects', width: 80 },
    { key: 'reported', title: t('projects.perf.reported'), dataIndex: 'reported', width: 80 },
    { key: 'approved', title: t('projects.approvedAmountYuan'), dataIndex: 'approved', align: 'right', render: renderMoney },
    { key: 'paid', title: t('projects.perf.disbursedYuan'), dataIndex: 'paid', align: 'right', render: renderMoney },
    { key: 'spent', title: t('projects.perf.spentYuan'), dataIndex: 'spent', align: 'right', render: renderMoney },
    { key: 'score', title: t('projects.perf.programmeScore'), dataIndex: 'score', width: 100, render: (v: number | null) => v ?? '—' },
    { key: 'grade', title: t('projects.perf.grade'), dataIndex: 'grade', width: 90, render: grade },
  ];
  const projectColumns: DataColumn<Performance['projects'][number]>[] = [
    { key: 'title', title: t('projects.title'), dataIndex: 'title', ellipsis: true },
    { key: 'enterprise', title: t('projects.undertaker'), dataIndex: 'enterpriseName', ellipsis: true },
    { key: 'status', title: t('projects.status'), dataIndex: 'statusName', width: 100 },
    { key: 'approved', title: t('projects.approvedAmountYuan'), dataIndex: 'approved', align: 'right', render: renderMoney },
    { key: 'source', title: t('projects.perf.source'), dataIndex: 'source', width: 70, render: (v: string | null) => v ?? t('projects.perf.notReported') },
    { key: 'kpiAttainment', title: t('projects.perf.kpiCompletion'), dataIndex: 'kpiAttainment', width: 100, render: (v: number | null) => (v === null ? '—' : `${v}%`) },
    { key: 'spendRate', title: t('projects.perf.spendRate'), dataIndex: 'spendRate', width: 100, render: (v: number | null) => (v === null ? '—' : `${v}%`) },
    { key: 'score', title: t('projects.perf.score'), dataIndex: 'score', width: 80, render: (v: number | null) => v ?? '—' },
    { key: 'grade', title: t('projects.perf.grade'), dataIndex: 'grade', width: 90, render: grade },
  ];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {q.data ? <Alert type="info" showIcon message={t('projects.perf.formula', { formula: q.data.formula })} /> : null}
      <div>
        <DataTable<Performance['programmes'][number]>
          tableId="projects.performance.programmes"
          rowKey="id"
          columns={programmeColumns}
          query={q}
          rows={q.data?.programmes}
          filters={
            <>
              <Select aria-label={t('projects.perf.year')} style={{ width: 140 }} value={year} allowClear placeholder={t('projects.perf.allYears')} onChange={setYear} options={years.map((y) => ({ value: y, label: t('projects.perf.approvedIn', { y }) }))} />
              <Select aria-label={t('projects.programmeType')} style={{ width: 240 }} value={programmeId} allowClear placeholder={t('projects.perf.allProgrammeTypes')} onChange={setProgrammeId} options={(all.data?.programmes ?? []).map((p) => ({ value: p.id, label: p.name }))} />
            </>
          }
          exportFile={{ url: performanceXlsxUrl(query), filename: t('projects.perf.exportFile') }}
          data-testid="performance-programmes"
        />
      </div>
      <div>
        <DataTable<Performance['projects'][number]>
          tableId="projects.performance.projects"
          rowKey="id"
          columns={projectColumns}
          query={q}
          rows={q.data?.projects}
          pagination={{ pageSize: 20, showSizeChanger: false }}
        />
      </div>
    </Space>
  );
}
