import { Button, Radio } from 'antd';
import { useState } from 'react';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { useNotices, type NoticeListQuery, type NoticeSummary } from '../api/list-notices';
import { NoticeItemsDrawer } from './NoticeItemsDrawer';
import { NoticeStateTag } from './StateTags';
import { useMessages } from '../../../lib/i18n';
import { noticesMessages } from '../messages';

/** Published notices with their state; each opens its items for decisions. */
export function NoticeListPanel({ canAct }: { canAct: boolean }) {
  const t = useMessages(noticesMessages);
  const [state, setState] = useState<NoticeListQuery['state']>(undefined);
  const notices = useNotices(state ? { state } : {});
  const [open, setOpen] = useState<NoticeSummary | null>(null);
  const columns: DataColumn<NoticeSummary>[] = [
    { key: 'title', title: t('notices.col.title'), dataIndex: 'title' },
    { key: 'subject', title: t('notices.col.type'), dataIndex: 'subjectName', width: 180 },
    { key: 'year', title: t('notices.col.year'), dataIndex: 'year', width: 70 },
    { key: 'publishedOn', title: t('notices.col.publishedOn'), dataIndex: 'publishedOn', width: 110 },
    { key: 'endsOn', title: t('notices.col.endsOn'), dataIndex: 'endsOn', width: 110 },
    { key: 'itemCount', title: t('notices.col.itemCount'), dataIndex: 'itemCount', width: 80 },
    { key: 'status', title: t('notices.col.state'), dataIndex: 'state', width: 100, render: (s: string, n) => <NoticeStateTag state={s} name={n.stateName} /> },
    {
      key: 'actions',
      title: t('notices.col.actions'),
      width: 90,
      render: (_, n) => (
        <Button size="small" onClick={() => setOpen(n)}>
          {t('notices.handle')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <DataTable<NoticeSummary>
        tableId="notices.notices"
        rowKey="id"
        columns={columns}
        query={notices}
        rows={notices.data?.items}
        pagination={{ pageSize: 15 }}
        filters={
          <Radio.Group value={state ?? 'all'} onChange={(e) => setState(e.target.value === 'all' ? undefined : (e.target.value as NoticeListQuery['state']))} optionType="button">
            <Radio.Button value="all">{t('notices.all')}</Radio.Button>
            <Radio.Button value="open">{t('notices.state.open')}</Radio.Button>
            <Radio.Button value="closed">{t('notices.state.closed')}</Radio.Button>
            <Radio.Button value="scheduled">{t('notices.state.scheduled')}</Radio.Button>
          </Radio.Group>
        }
      />
      <NoticeItemsDrawer notice={open} canAct={canAct} onClose={() => setOpen(null)} />
    </>
  );
}
