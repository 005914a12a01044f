import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { failedTable } from '../../../components/QueryState';
import type { ProjectRow } from '../api/list-projects';
import { projectsMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

const stepTag = (s: ProjectRow['midterm']) => (s ? <Tag color={s.status === 'passed' ? 'green' : s.status === 'failed' ? 'red' : 'orange'}>{s.statusName}{s.dueOn && !['passed', 'failed', 'passed_conditions'].includes(s.status) ? ` · ${s.dueOn}` : ''}</Tag> : '—');

/** Projects with their mid-term, acceptance and change states; a click opens the project. */
export function ProjectTable({ rows, loading, query, onOpen }: { rows: ProjectRow[]; loading: boolean; query: { isError: boolean; error: unknown; refetch: () => unknown }; onOpen: (id: number) => void }) {
  const t = useMessages(projectsMessages);
  const columns: ColumnsType<ProjectRow> = [
    { title: t('projects.id'), dataIndex: 'id', width: 80 },
    { title: t('projects.title'), dataIndex: 'title', render: (v: string, r) => <a onClick={() => onOpen(r.id)}>{v}</a> },
    { title: t('projects.undertaker'), dataIndex: 'enterpriseName', ellipsis: true },
    { title: t('projects.year'), dataIndex: 'year', width: 70 },
    { title: t('projects.projectStatus'), dataIndex: 'statusName', width: 110, render: (v: string) => <Tag color="blue">{v}</Tag> },
    { title: t('projects.midterm'), key: 'midterm', width: 200, render: (_: unknown, r) => stepTag(r.midterm) },
    { title: t('projects.acceptance'), key: 'acceptance', width: 170, render: (_: unknown, r) => stepTag(r.acceptance) },
    { title: t('projects.changes'), key: 'changes', width: 110, render: (_: unknown, r) => (r.changes.total ? <span>{r.changes.total}{t('projects.items')}{r.changes.pending ? <Tag color="orange" style={{ marginLeft: 4 }}>{t('projects.pending')}{r.changes.pending}</Tag> : null}</span> : '—') },
  ];
  return <Table<ProjectRow> rowKey="id" size="middle" columns={columns} dataSource={rows} loading={loading} pagination={{ pageSize: 20, showSizeChanger: false }} {...failedTable(query)} data-testid="project-table" />;
}
