import { Drawer, Typography } from 'antd';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { renderMoney } from '../../../components/Money';
import { useCursorPager } from '../../../lib/use-cursor-pager';
import { recordsExportUrl } from '../api/export-records';
import { useRecords, type RecordRow } from '../api/list-records';
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
  const pager = useCursorPager(`${target?.code}|${year}|${district ?? ''}`);
  const records = useRecords(target ? { code: target.code, year, district, limit: PAGE, cursor: pager.cursor ?? undefined } : null);
  const page = records.data;
  return (
    <Drawer open={target !== null} onClose={onClose} size="large" title={target ? t('indicators.records.title', { name: target.name, year }) : ''} destroyOnHidden>
      {target ? (
        <>
          <Typography.Paragraph type="secondary">{t('indicators.records.definition')}{target.definition ?? '—'}</Typography.Paragraph>
          <DataTable<RecordRow>
            tableId="indicators.records"
            rowKey="id"
            query={records}
            rows={page?.items}
            filters={<span data-testid="records-total">{t('indicators.records.total', { v0: page?.total ?? '…' })}</span>}
            keyset={{ pager, nextCursor: page?.nextCursor, pageSize: PAGE }}
            exportFile={{ url: recordsExportUrl(target.code, year, district), filename: t('indicators.file.records', { code: target.code, year }) }}
            columns={[
              { key: 'type', title: t('indicators.records.type'), dataIndex: 'type', width: 110 },
              {
                key: 'name',
                title: t('indicators.records.name'),
                dataIndex: 'name',
                render: (name: string, r) => (r.enterpriseId !== null ? <Link to={`/enterprises/${r.enterpriseId}`}>{name}</Link> : name),
              },
              { key: 'district', title: t('indicators.district'), dataIndex: 'district', width: 80 },
              { key: 'date', title: t('indicators.records.date'), dataIndex: 'date', width: 100 },
              { key: 'amount', title: t('indicators.records.amount'), dataIndex: 'amount', width: 140, align: 'right', render: renderMoney },
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}
