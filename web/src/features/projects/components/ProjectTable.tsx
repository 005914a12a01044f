import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { DataTable, type DataColumn, type TableQuery } from '../../../components/DataTable';
import { StatusTag } from '../../../components/StatusTag';
import type { ProjectRow } from '../api/list-projects';
import { projectsMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

const CLOSED = ['passed', 'failed', 'passed_conditions'];
const stepTag = (s: ProjectRow['midterm']) => (s ? <StatusTag status={s.status} name={`${s.statusName}${s.dueOn && !CLOSED.includes(s.status) ? ` · ${s.dueOn}` : ''}`} /> : '—');

/** Projects with their mid-term, acceptance and change states; a click opens the project. */
export function ProjectTable({ tableId, query, rows, filters, onOpen }: { tableId: string; query: TableQuery; rows: ProjectRow[] | undefined; filters?: ReactNode; onOpen: (id: number) => void }) {
  const t = useMessages(projectsMessages);
  const columns: DataColumn<ProjectRow>[] = [
    { key: 'id', title: t('projects.id'), dataIndex: 'id', width: 80 },
    { key: 'title', title: t('projects.title'), dataIndex: 'title', render: (v: string, r) => <a onClick={() => onOpen(r.id)}>{v}</a> },
    { key: 'enterprise', title: t('projects.undertaker'), dataIndex: 'enterpriseName', ellipsis: true },
    { key: 'year', title: t('projects.year'), dataIndex: 'year', width: 70 },
    { key: 'status', title: t('projects.projectStatus'), dataIndex: 'statusName', width: 110, render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
    { key: 'midterm', title: t('projects.midterm'), width: 200, render: (_: unknown, r) => stepTag(r.midterm) },
    { key: 'acceptance', title: t('projects.acceptance'), width: 170, render: (_: unknown, r) => stepTag(r.acceptance) },
    { key: 'changes', title: t('projects.changes'), width: 110, render: (_: unknown, r) => (r.changes.total ? <span>{r.changes.total}{t('projects.items')}{r.changes.pending ? <Tag color="orange" style={{ marginLeft: 4 }}>{t('projects.pending')}{r.changes.pending}</Tag> : null}</span> : '—') },
  ];
  return (
    <DataTable<ProjectRow>
      tableId={tableId}
      rowKey="id"
      size="middle"
      columns={columns}
      query={query}
      rows={rows}
      filters={filters}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      data-testid="project-table"
    />
  );
}
