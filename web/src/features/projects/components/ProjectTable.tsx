import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { failedTable } from '../../../components/QueryState';
import type { ProjectRow } from '../api/list-projects';

const stepTag = (s: ProjectRow['midterm']) => (s ? <Tag color={s.status === 'passed' ? 'green' : s.status === 'failed' ? 'red' : 'orange'}>{s.statusName}{s.dueOn && !['passed', 'failed', 'passed_conditions'].includes(s.status) ? ` · ${s.dueOn}` : ''}</Tag> : '—');

/** Projects with their mid-term, acceptance and change states; a click opens the project. */
export function ProjectTable({ rows, loading, query, onOpen }: { rows: ProjectRow[]; loading: boolean; query: { isError: boolean; error: unknown; refetch: () => unknown }; onOpen: (id: number) => void }) {
  const columns: ColumnsType<ProjectRow> = [
    { title: '编号', dataIndex: 'id', width: 80 },
    { title: '项目名称', dataIndex: 'title', render: (v: string, r) => <a onClick={() => onOpen(r.id)}>{v}</a> },
    { title: '承担单位', dataIndex: 'enterpriseName', ellipsis: true },
    { title: '年度', dataIndex: 'year', width: 70 },
    { title: '项目状态', dataIndex: 'statusName', width: 110, render: (v: string) => <Tag color="blue">{v}</Tag> },
    { title: '中期检查', key: 'midterm', width: 200, render: (_: unknown, r) => stepTag(r.midterm) },
    { title: '验收', key: 'acceptance', width: 170, render: (_: unknown, r) => stepTag(r.acceptance) },
    { title: '变更', key: 'changes', width: 110, render: (_: unknown, r) => (r.changes.total ? <span>{r.changes.total}项{r.changes.pending ? <Tag color="orange" style={{ marginLeft: 4 }}>待批{r.changes.pending}</Tag> : null}</span> : '—') },
  ];
  return <Table<ProjectRow> rowKey="id" size="middle" columns={columns} dataSource={rows} loading={loading} pagination={{ pageSize: 20, showSizeChanger: false }} {...failedTable(query)} data-testid="project-table" />;
}
