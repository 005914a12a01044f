import { Alert, Table } from 'antd';
import { errorMessage } from '../../../../lib/form-errors';
import { useCounts } from '../api/get-counts';

/** Per type: valid on Dec 31 of the year and newly recognised in it (from the rollup; the dashboard's figures). */
export function CountsTable({ year, district }: { year: number; district?: string }) {
  const counts = useCounts({ year, ...(district ? { district } : {}) });
  if (counts.isError) {
    return <Alert type="error" showIcon title={errorMessage(counts.error)} />;
  }
  const items = (counts.data?.items ?? []).filter((i) => i.valid > 0 || i.issued > 0);
  return (
    <Table
      rowKey="type"
      size="small"
      loading={counts.isLoading}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: `${year}年暂无认定` }}
      columns={[
        { title: '认定类型', dataIndex: 'typeName' },
        { title: `${year}年末有效`, dataIndex: 'valid', align: 'right', render: (v: number) => v.toLocaleString('zh-CN') },
        { title: `${year}年新认定`, dataIndex: 'issued', align: 'right', render: (v: number) => v.toLocaleString('zh-CN') },
      ]}
    />
  );
}
