import { App, Button, Drawer, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useCursorPager } from '../../../lib/use-cursor-pager';
import { exportRecords } from '../api/export-records';
import { useRecords, type RecordRow } from '../api/list-records';
import { formatFigure, UNIT_YUAN } from './format';
import { indicatorsMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

interface Props {
  target: { code: string; name: string; unit: string; definition: string | null } | null;
  year: number;
  district?: string;
  onClose: () => void;
}

const PAGE = 20;

/** The records behind a computed figure, keyset-paged; a record links to its enterprise's file. */
export function RecordsDrawer({ target, year, district, onClose }: Props) {
  const t = useMessages(indicatorsMessages);
  const { message } = App.useApp();
  const pager = useCursorPager(`${target?.code}|${year}|${district ?? ''}`);
  const records = useRecords(target ? { code: target.code, year, district, limit: PAGE, cursor: pager.cursor ?? undefined } : null);
  const page = records.data;
  return (
    <Drawer open={target !== null} onClose={onClose} size="large" title={target ? t('indicators.records.title', { name: target.name, year }) : ''} destroyOnHidden>
      {target ? (
        <>
          <Typography.Paragraph type="secondary">{t('indicators.records.definition')}{target.definition ?? '—'}</Typography.Paragraph>
          <Space style={{ marginBottom: 12 }}>
            <span data-testid="records-total">{t('indicators.records.total', { v0: page?.total ?? '…' })}</span>
            <Button size="small" onClick={() => exportRecords(target.code, year, district, t('indicators.file.records', { code: target.code, year })).catch((e: Error) => void message.error(e.message))}>
              {t('indicators.exportExcel')}
            </Button>
          </Space>
          <Table<RecordRow>
            rowKey="id"
            size="small"
            loading={records.isFetching}
            dataSource={page?.items ?? []}
            pagination={false}
            columns={[
              { title: t('indicators.records.type'), dataIndex: 'type', width: 110 },
              {
                title: t('indicators.records.name'),
                dataIndex: 'name',
                render: (name: string, r) => (r.enterpriseId !== null ? <Link to={`/enterprises/${r.enterpriseId}`}>{name}</Link> : name),
              },
              { title: t('indicators.district'), dataIndex: 'district', width: 80 },
              { title: t('indicators.records.date'), dataIndex: 'date', width: 100 },
              { title: t('indicators.records.amount'), dataIndex: 'amount', width: 120, align: 'right', render: (v: number | null) => formatFigure(v, UNIT_YUAN) },
            ]}
          />
          <Space style={{ marginTop: 12 }}>
            <Button size="small" disabled={!pager.hasPrev} onClick={pager.prev}>
              {t('indicators.records.previous')}
            </Button>
            <span>{t('indicators.records.page', { page: pager.page })}</span>
            <Button size="small" disabled={!page?.nextCursor} onClick={() => page?.nextCursor && pager.next(page.nextCursor)}>
              {t('indicators.records.next')}
            </Button>
          </Space>
        </>
      ) : null}
    </Drawer>
  );
}
