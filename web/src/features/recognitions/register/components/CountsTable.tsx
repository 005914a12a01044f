import { Alert, Table } from 'antd';
import { errorMessage } from '../../../../lib/form-errors';
import { useCounts } from '../api/get-counts';
import { useMessages } from '../../../../lib/i18n';
import { recognitionsMessages } from '../../messages';

/** Per type: valid on Dec 31 of the year and newly recognised in it (from the rollup; the dashboard's figures). */
export function CountsTable({ year, district }: { year: number; district?: string }) {
  const t = useMessages(recognitionsMessages);
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
      locale={{ emptyText: t('recognitions.counts.empty', { year }) }}
      columns={[
        { title: t('recognitions.col.type'), dataIndex: 'typeName' },
        { title: t('recognitions.counts.valid', { year }), dataIndex: 'valid', align: 'right', render: (v: number) => v.toLocaleString('zh-CN') },
        { title: t('recognitions.counts.issued', { year }), dataIndex: 'issued', align: 'right', render: (v: number) => v.toLocaleString('zh-CN') },
      ]}
    />
  );
}
