import { App, Button, Drawer, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useCursorPager } from '../../../lib/use-cursor-pager';
import { exportRecords } from '../api/export-records';
import { useRecords, type RecordRow } from '../api/list-records';
import { formatFigure } from './format';

interface Props {
  target: { code: string; name: string; unit: string; definition: string | null } | null;
  year: number;
  district?: string;
  onClose: () => void;
}

const PAGE = 20;

/** The records behind a computed figure, keyset-paged; a record links to its enterprise's file. */
export function RecordsDrawer({ target, year, district, onClose }: Props) {
  const { message } = App.useApp();
  const pager = useCursorPager(`${target?.code}|${year}|${district ?? ''}`);
  const records = useRecords(target ? { code: target.code, year, district, limit: PAGE, cursor: pager.cursor ?? undefined } : null);
  const page = records.data;
  return (
    <Drawer open={target !== null} onClose={onClose} size="large" title={target ? `${target.name} · ${year}年明细` : ''} destroyOnHidden>
      {target ? (
        <>
          <Typography.Paragraph type="secondary">口径：{target.definition ?? '—'}</Typography.Paragraph>
          <Space style={{ marginBottom: 12 }}>
            <span data-testid="records-total">共 {page?.total ?? '…'} 条</span>
            <Button size="small" onClick={() => exportRecords(target.code, year, district).catch((e: Error) => void message.error(e.message))}>
              导出 Excel
            </Button>
          </Space>
          <Table<RecordRow>
            rowKey="id"
            size="small"
            loading={records.isFetching}
            dataSource={page?.items ?? []}
            pagination={false}
            columns={[
              { title: '类型', dataIndex: 'type', width: 110 },
              {
                title: '名称',
                dataIndex: 'name',
                render: (name: string, r) => (r.enterpriseId !== null ? <Link to={`/enterprises/${r.enterpriseId}`}>{name}</Link> : name),
              },
              { title: '区县', dataIndex: 'district', width: 80 },
              { title: '日期', dataIndex: 'date', width: 100 },
              { title: '金额', dataIndex: 'amount', width: 120, align: 'right', render: (v: number | null) => formatFigure(v, '元') },
            ]}
          />
          <Space style={{ marginTop: 12 }}>
            <Button size="small" disabled={!pager.hasPrev} onClick={pager.prev}>
              上一页
            </Button>
            <span>第 {pager.page} 页</span>
            <Button size="small" disabled={!page?.nextCursor} onClick={() => page?.nextCursor && pager.next(page.nextCursor)}>
              下一页
            </Button>
          </Space>
        </>
      ) : null}
    </Drawer>
  );
}
